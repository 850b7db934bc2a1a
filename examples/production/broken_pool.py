# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A worker killed mid-task breaks a ProcessPoolExecutor; recover from it.

One task kills its own worker process with SIGKILL, as the kernel's
out-of-memory killer would. Every future not finished by then fails with
BrokenProcessPool and the pool accepts no more work. Recovery: a new pool,
and resubmit exactly the tasks that did not finish.
"""

import multiprocessing
import os
import shutil
import signal
import tempfile
import textwrap
import threading
import time
from concurrent.futures import ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path


def work(n: int, attempt: int = 0, queued: str = "") -> int:
    if n == 2 and attempt == 0:  # the first attempt at task 2 dies
        # ... once every task is queued, so the breakage meets them all.
        deadline = time.monotonic() + 10
        while not os.path.exists(queued) and time.monotonic() < deadline:
            time.sleep(0.01)
        # SIGKILL cannot be caught. Windows has no SIGKILL: os.kill() with
        # SIGTERM calls TerminateProcess() there, as abrupt.
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(10)  # not reached
    time.sleep(0.3 if n > 2 else 0)
    return n * n


def shutdown_bounded(pool: ProcessPoolExecutor, timeout: float) -> None:
    """shutdown() in a thread; if it has not returned in time, kill."""
    # _processes is private; 3.14 adds pool.kill_workers() for this.
    procs = list((pool._processes or {}).values())
    stopper = threading.Thread(
        target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}
    )
    stopper.start()
    stopper.join(timeout)
    for proc in procs:
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=5)
    stopper.join(timeout=5)
    assert not stopper.is_alive(), "shutdown() still blocked after kill"


# Spawn: the broken pool's threads may still be winding down when the new
# pool starts its workers, and forking a multi-threaded process can deadlock
# the child (3.12+ warns about it).
SPAWN = multiprocessing.get_context("spawn")

if __name__ == "__main__":
    tasks = range(8)
    results: dict[int, int] = {}
    scratch = Path(tempfile.mkdtemp())
    queued = scratch / "all-queued"
    pool = ProcessPoolExecutor(max_workers=2, mp_context=SPAWN)
    try:
        for n in (0, 1):  # these finish before anything goes wrong
            results[n] = pool.submit(work, n).result(timeout=30)
        futures = {
            pool.submit(work, n, 0, str(queued)): n
            for n in tasks
            if n not in results
        }
        queued.touch()  # task 2 may die now
        done, pending = wait(futures, timeout=30)
        assert not pending
        broken = [
            futures[f]
            for f in done
            if isinstance(f.exception(), BrokenProcessPool)
        ]
        print(f"finished before the crash: {sorted(results)}")
        print(f"failed with BrokenProcessPool: {sorted(broken)}")
        assert sorted(broken) == [2, 3, 4, 5, 6, 7]  # not only task 2
        error = next(iter(done)).exception()
        print(
            textwrap.fill(
                str(error), 75, initial_indent="  ", subsequent_indent="  "
            )
        )
        try:
            pool.submit(work, 99)
        except BrokenProcessPool:
            print("submit() to the broken pool: BrokenProcessPool at once")
        else:
            raise AssertionError("a broken pool accepted new work")
    finally:
        shutdown_bounded(pool, timeout=10)
        shutil.rmtree(scratch, ignore_errors=True)

    # Recovery: a new pool; resubmit only what did not finish.
    with ProcessPoolExecutor(max_workers=2, mp_context=SPAWN) as pool:
        retry = {pool.submit(work, n, 1): n for n in broken}
        for future, n in retry.items():
            results[n] = future.result(timeout=30)
    print(
        f"after resubmitting {len(retry)} tasks to a new pool: "
        f"{len(results)} results"
    )
    assert results == {n: n * n for n in tasks}
