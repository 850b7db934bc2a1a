# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Event: one thread tells many "go" (or "stop"). Barrier: N threads wait for
each other.

An Event is a flag: set() raises it and wakes every waiter, wait(timeout)
returns True if it is set (False on timeout), is_set() just looks. A Barrier(n)
releases its n parties together once all have arrived: "every worker has loaded
its data, now start the next phase".
"""

import threading
import time

WORKERS = 4


def worker(
    n: int, ready: threading.Barrier, stop: threading.Event, log: list[str]
) -> None:
    log.append(f"worker {n}: phase 1 done")
    index = ready.wait(
        timeout=10
    )  # returns 0..n-1; raises BrokenBarrierError on timeout
    if index == 0:
        log.append(
            "barrier: all 4 arrived, released together"
        )  # exactly one thread says it
    while not stop.wait(
        timeout=0.01
    ):  # an interruptible pause between units of work
        pass  # a real worker would do one unit of work here
    log.append(f"worker {n}: saw stop")


def wait_for_config(config_loaded: threading.Event, got: list[bool]) -> None:
    got.append(config_loaded.wait(timeout=5))


if __name__ == "__main__":
    # 1. Event as a start signal: waiters block until someone sets it.
    config_loaded = threading.Event()
    got: list[bool] = []
    waiters = [
        threading.Thread(target=wait_for_config, args=(config_loaded, got))
        for _ in range(3)
    ]
    for t in waiters:
        t.start()
    time.sleep(0.1)
    print(
        f"before set(): is_set() = {config_loaded.is_set()}, "
        f"waiters released: {len(got)}"
    )
    config_loaded.set()
    for t in waiters:
        t.join(timeout=10)
    print(
        "after set():  is_set() = "
        f"{config_loaded.is_set()}, waiters released: {got}"
    )
    assert got == [True, True, True]
    print(
        "wait(timeout=0.1) on a cleared Event "
        f"returns {threading.Event().wait(timeout=0.1)}"
    )

    # 2. Barrier for phases, Event as a stop signal.
    ready = threading.Barrier(WORKERS)
    stop = threading.Event()
    log: list[str] = []
    workers = [
        threading.Thread(target=worker, args=(n, ready, stop, log))
        for n in range(WORKERS)
    ]
    for t in workers:
        t.start()
    time.sleep(0.1)
    stop.set()  # one call stops every worker at its next check
    for t in workers:
        t.join(timeout=10)
        assert not t.is_alive()
    phase1 = [line for line in log if "phase 1" in line]
    barrier_at = log.index("barrier: all 4 arrived, released together")
    print(
        "phase 1 lines before the barrier line: "
        f"{sum(log.index(p) < barrier_at for p in phase1)}"
    )
    for line in sorted(log):
        print(f"  {line}")
    assert all(
        log.index(p) < barrier_at for p in phase1
    )  # nobody passed before all arrived
