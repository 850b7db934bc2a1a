# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# timeout = 120
# ///
"""multiprocessing.Pool loses a task whose worker dies; recycling workers.

Pool replaces a dead worker, but the task that worker was running is never
finished and never failed: only a timeout on get() tells you. Recycling
workers after N tasks (maxtasksperchild, max_tasks_per_child) bounds what
a leaking library can accumulate; the worker PIDs show it.
"""

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def work(n: int) -> int:
    if n == 2:  # this task's worker dies
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(10)  # not reached
    time.sleep(0.1)
    return n * n


# Pool replaces workers while its handler threads run: with fork, that is
# forking a multi-threaded process (3.12+ warns). Pools that replace
# workers use forkserver (POSIX) or spawn, whatever the default is.
METHOD = (
    "forkserver"
    if "forkserver" in multiprocessing.get_all_start_methods()
    else "spawn"
)
HANG_AFTER = 4.0  # seconds without the 6 results: it hangs
RECYCLE_BY_2 = """
import os
from concurrent.futures import ProcessPoolExecutor
if __name__ == "__main__":
    with ProcessPoolExecutor(1, max_tasks_per_child=2) as executor:
        for future in [executor.submit(os.getpid) for _ in range(6)]:
            print(future.result(), flush=True)
"""


def pid(_: int) -> int:
    return os.getpid()


def close_pool(pool, timeout: float = 10) -> None:
    """terminate() and join() in a thread, bounded; kill what is left."""
    procs = list(pool._pool)  # private: the worker processes
    stopper = threading.Thread(target=lambda: (pool.terminate(), pool.join()))
    stopper.start()
    stopper.join(timeout)
    left = [p for p in procs if p.is_alive()]
    for proc in left:
        proc.kill()
        proc.join(timeout=5)
    stopper.join(timeout=5)
    if left or stopper.is_alive():
        print(f"  terminate() hung: killed {len(left)} worker(s)")


def runs(pids: list[int]) -> list[int]:
    """[a, a, b, b, c] -> [2, 2, 1]: tasks each worker ran, in order."""
    counts: list[int] = []
    for i, p in enumerate(pids):
        if i and p == pids[i - 1]:
            counts[-1] += 1
        else:
            counts.append(1)
    return counts


if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    pool = multiprocessing.get_context(METHOD).Pool(2)
    try:
        pool.map(pid, range(4), chunksize=1)  # workers up (spawn is slow)
        before = {p.pid for p in pool._pool}
        pending = {n: pool.apply_async(work, (n,)) for n in range(6)}
        outcomes = {}
        for n, result in pending.items():
            try:
                outcomes[n] = result.get(timeout=2)
            except multiprocessing.TimeoutError:
                outcomes[n] = "TimeoutError"
        time.sleep(0.3)  # the pool checks its workers every 0.1 s
        after = {p.pid for p in pool._pool}
    finally:
        close_pool(pool)
    print("Pool(2): task 2 kills its worker; get(timeout=2) on each task:")
    print(f"  {outcomes}")
    print(f"  task 2 ready(): {pending[2].ready()} (not done, not failed)")
    print(f"  workers replaced: {len(before - after)}, pool size {len(after)}")
    assert outcomes == {0: 0, 1: 1, 2: "TimeoutError", 3: 9, 4: 16, 5: 25}
    assert not pending[2].ready()
    assert len(before - after) == 1 and len(after) == 2

    # One worker, recycled after every 2 tasks: 8 tasks, 4 processes.
    ctx = multiprocessing.get_context(METHOD)
    with ctx.Pool(1, maxtasksperchild=2) as pool:
        pids = pool.map(pid, range(8), chunksize=1)
    print(
        f"Pool(1, maxtasksperchild=2), 8 tasks: tasks per worker {runs(pids)}"
    )
    assert runs(pids) == [2, 2, 2, 2] and len(set(pids)) == 4

    if sys.version_info < (3, 11):
        print("ProcessPoolExecutor(max_tasks_per_child=...) needs 3.11+")
        raise SystemExit(0)
    # With no mp_context it uses spawn (the option is refused with fork).
    with ProcessPoolExecutor(1, max_tasks_per_child=1) as executor:
        pids = list(executor.map(pid, range(3), timeout=60))
    print(f"ProcessPoolExecutor(1, max_tasks_per_child=1): {runs(pids)}")
    assert runs(pids) == [1, 1, 1]

    # max_tasks_per_child=2 with work queued: gh-115634 (3.11 on) hangs
    # after the first worker retires. Tried in a child interpreter,
    # killed if it stops making progress: this one cannot hang.
    try:
        done = subprocess.run(
            [sys.executable, "-c", RECYCLE_BY_2],
            capture_output=True,
            text=True,
            timeout=HANG_AFTER,
        ).stdout
        hung = False
    except subprocess.TimeoutExpired as error:
        done, hung = error.stdout or "", True
    if isinstance(done, bytes):
        done = done.decode()
    finished = len(done.split())
    print("ProcessPoolExecutor(1, max_tasks_per_child=2), 6 tasks:")
    if hung:
        print(
            f"  {finished} done, then no progress for {HANG_AFTER:.0f} s:"
            " killed (gh-115634)"
        )
    else:
        print(f"  {finished} done")
    assert finished == 6 or (hung and finished == 2)
