# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Lock, Semaphore and Event between processes: how many workers are inside at
once?"""

import multiprocessing
import time

WORKERS = 5


def worker(ready, go, guard, inside, peak) -> None:
    ready.release()  # "I am here" (a Semaphore used as a counter)
    if not go.wait(
        timeout=30
    ):  # Event: everyone waits for the same starting signal
        raise TimeoutError("no start signal")
    if guard is not None and not guard.acquire(timeout=30):
        raise TimeoutError("could not enter")
    try:
        with (
            inside.get_lock()
        ):  # the counters are shared, so update them under their own lock
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.1)  # "use the resource"
        with inside.get_lock():
            inside.value -= 1
    finally:
        if guard is not None:
            guard.release()


def peak_inside(guard) -> int:
    ready, go = multiprocessing.Semaphore(0), multiprocessing.Event()
    inside, peak = multiprocessing.Value("i", 0), multiprocessing.Value("i", 0)
    workers = [
        multiprocessing.Process(
            target=worker, args=(ready, go, guard, inside, peak)
        )
        for _ in range(WORKERS)
    ]
    for p in workers:
        p.start()
    for _ in workers:  # wait until every worker is about to wait on the Event
        if not ready.acquire(timeout=30):
            raise TimeoutError("a worker did not start")
    go.set()
    for p in workers:
        p.join(timeout=30)
    assert all(p.exitcode == 0 for p in workers)
    return peak.value


if __name__ == "__main__":
    print(
        f"{WORKERS} processes released together by one Event, "
        "each inside for 0.1 s:"
    )
    for label, guard, limit in (
        ("no lock", None, WORKERS),
        ("Lock()", multiprocessing.Lock(), 1),
        ("Semaphore(2)", multiprocessing.Semaphore(2), 2),
    ):
        peak = peak_inside(guard)
        print(f"  {label:<13} most inside at once: {peak} (allowed: {limit})")
        assert 1 <= peak <= limit

    lock = multiprocessing.Lock()
    with lock:
        print(
            "A Lock is not reentrant: acquire() again in the same process -> "
            f"{lock.acquire(timeout=0.2)}"
        )
    rlock = multiprocessing.RLock()
    with rlock:
        print(
            "An RLock is: acquire() again in the same process -> "
            f"{rlock.acquire(timeout=0.2)}"
        )
        rlock.release()
