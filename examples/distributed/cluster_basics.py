# /// script
# requires-python = ">=3.10"
# dependencies = ["distributed==2026.8.0", "dask==2026.8.0", "psutil==7.2.2"]
#
# [tool.pyconc]
# timeout = 300
# ///
"""The same function on a ProcessPoolExecutor and on a Dask LocalCluster.

A LocalCluster is a scheduler plus worker processes that talk over TCP, here
all on 127.0.0.1: the same program talks to a cluster of many machines by
changing only the address it connects to. The function, `map`, `as_completed`,
exceptions and `cancel()` behave as with concurrent.futures, and
`client.get_executor()` IS a concurrent.futures.Executor. The example checks
that nothing listens beyond loopback."""

import logging
import os
import time
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor
from concurrent.futures import as_completed as cf_as_completed

import psutil
from distributed import Client, LocalCluster
from distributed import as_completed as dask_as_completed

WORKERS = 2  # worker processes, one thread each: fits a 2-core machine
JOBS = list(range(10_000, 18_000, 1_000))


def work(n: int) -> int:
    """The reader's existing CPU job: the same function for every executor."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    return sum(i * i for i in range(n))


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def listening_ips() -> set[str]:
    """The IP addresses this process and its children listen on (TCP)."""
    ips = set()
    for proc in [psutil.Process(), *psutil.Process().children(recursive=True)]:
        for conn in proc.net_connections(kind="tcp"):
            if conn.status == psutil.CONN_LISTEN:
                ips.add(conn.laddr.ip)
    return ips


def quiet_asyncio() -> None:
    """Under `python -X dev` asyncio logs every callback slower than 0.1 s,
    which Dask's event loops exceed on a busy machine. Silence that here and,
    through Dask's config in the environment, in the workers started later."""
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    os.environ["DASK_LOGGING__ASYNCIO"] = "error"


if __name__ == "__main__":
    quiet_asyncio()
    expected = [work(n) for n in JOBS]
    print(
        f"cores on this machine: {os.cpu_count()}; "
        f"workers used: {WORKERS} processes x 1 thread"
    )

    # 1. What the reader has today.
    with ProcessPoolExecutor(WORKERS) as pool:
        assert list(pool.map(work, JOBS, timeout=60)) == expected
    print(f"ProcessPoolExecutor.map: {len(JOBS)} tasks, results match")

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=WORKERS,
            threads_per_worker=1,
            processes=True,  # real worker processes, as on separate machines
            host="127.0.0.1",  # scheduler and workers listen on loopback only
            # NOT ":0": no host there means 0.0.0.0 (every interface)
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,  # workers log every failed task
        ) as cluster,
        Client(cluster, timeout=60) as client,
    ):
        startup = time.perf_counter() - started
        info = client.scheduler_info()
        host = info["address"].rsplit(":", 1)[0]  # tcp://127.0.0.1
        print(
            f"cluster up: scheduler at {host}, {len(info['workers'])} workers"
        )
        ips = listening_ips()
        assert ips == {"127.0.0.1"}, ips  # nothing on 0.0.0.0 or a public IP
        print(f"listening only on: {', '.join(sorted(ips))}")

        # 2. The Dask API: submit/map return futures, gather collects them.
        started = time.perf_counter()
        one = client.submit(work, JOBS[0])
        assert one.result(timeout=60) == expected[0]
        futures = client.map(work, JOBS)
        assert client.gather(futures) == expected
        done = [f.result() for f in dask_as_completed(futures, timeout=60)]
        assert sorted(done) == sorted(expected)
        print(
            f"client.submit/map/gather: {1 + len(JOBS)} tasks, results match"
        )
        # Unlike an Executor, Dask treats functions as pure by default: the
        # same call submitted twice is ONE task (same key), computed once.
        twice = client.submit(work, 7), client.submit(work, 7)
        assert twice[0].key == twice[1].key
        assert client.submit(work, 7, pure=False).key != twice[0].key
        print("same call submitted twice: one key, one task (pure=False: two)")

        # The same exception type from .result(), as with concurrent.futures.
        bad = client.submit(work, -1)
        try:
            bad.result(timeout=60)
        except ValueError as error:
            print(f"client.submit(work, -1).result() raised {error!r}")
        else:
            raise AssertionError("expected ValueError")

        # 3. The concurrent.futures interface: Executor code runs as is.
        with client.get_executor() as executor:
            assert isinstance(executor, Executor)
            assert list(executor.map(work, JOBS, timeout=60)) == expected
            futs = [executor.submit(work, n) for n in JOBS]
            results = [f.result() for f in cf_as_completed(futs, timeout=60)]
            assert sorted(results) == sorted(expected)
            print(
                f"get_executor(): map + submit/as_completed, "
                f"{2 * len(JOBS)} tasks, results match"
            )
            try:
                executor.submit(work, -2).result(timeout=60)
            except ValueError as error:
                print(f"executor.submit(work, -2).result() raised {error!r}")

            # Cancel a task still waiting behind two busy workers (different
            # arguments, so that they are different tasks: see pure above).
            busy = [
                executor.submit(nap, 0.5 + i / 100) for i in range(WORKERS)
            ]
            queued = executor.submit(nap, 0.4)
            assert queued.cancel() and queued.cancelled()
            try:
                queued.result(timeout=60)
            except CancelledError:
                print(
                    "cancel() of a queued task: True; result() raised "
                    "CancelledError"
                )
            assert [f.result(timeout=60) for f in busy] == [0.5, 0.51]
        elapsed = time.perf_counter() - started
    tasks = 1 + 3 * len(JOBS) + 2 + 3 + WORKERS + 1
    print(
        f"summary: {WORKERS} workers, {tasks} tasks submitted; "
        f"cluster start {startup:.1f} s, tasks {elapsed:.1f} s"
    )
