# /// script
# requires-python = ">=3.10"
# dependencies = ["psutil==7.2.2"]
# ///
"""Ctrl-C while a pool is working: stop within a deadline and leave no worker
behind.

Pool.terminate() can hang (open CPython issues gh-78178, gh-73945, gh-96995),
so it runs in a helper thread with a deadline; if it has not returned by then,
the workers are killed and the helper gets a second deadline.
ProcessPoolExecutor has its own trap: leaving `with` waits for every queued
task, Ctrl-C or not; shutdown(wait=False, cancel_futures=True) drops the queue,
and 3.14's terminate_workers() also stops the tasks already running.
"""

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import psutil


def ignore_sigint(ready, go) -> None:
    # A real Ctrl-C reaches every process of the terminal's foreground group,
    # workers included. Workers ignore it, so only the parent decides what
    # happens (and no worker tracebacks).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The demo presses "Ctrl-C" only once every worker got here, and no worker
    # takes a task before that: however slowly the workers start, the same
    # tasks are still queued when the keys are pressed.
    ready.release()
    go.wait(timeout=30)


def start_when_ready(ready, go, workers: int = 2) -> None:
    for _ in range(workers):
        assert ready.acquire(timeout=30), "a worker did not start"
    go.set()


def slow_square(n: int) -> int:
    time.sleep(0.2)
    return n * n


def quick_square(n: int) -> int:
    time.sleep(0.1)
    return n * n


def ctrl_c(workers: list) -> None:
    """What the terminal does on Ctrl-C: SIGINT to the workers and to us."""
    for proc in workers:
        os.kill(proc.pid, signal.SIGINT)
    signal.raise_signal(signal.SIGINT)


def settle(futures: list, timeout: float) -> None:
    """Wait until every future is finished or cancelled, within `timeout`.

    (concurrent.futures.wait() is not woken by a future cancelled by
    shutdown(cancel_futures=True), so it would sleep for the whole timeout.)
    """
    deadline = time.monotonic() + timeout
    for future in futures:
        # CancelledError or TimeoutError: either way, this one is settled.
        with contextlib.suppress(Exception):
            future.exception(timeout=max(0.0, deadline - time.monotonic()))


def stop_pool(pool, workers: list, deadline: float = 10.0) -> bool:
    """terminate() + join() with a deadline; kill the workers if it hangs.

    Returns True if terminate() returned on its own.
    """
    helper = threading.Thread(target=lambda: (pool.terminate(), pool.join()))
    helper.daemon = True  # a hung terminate() must not keep us alive
    helper.start()
    helper.join(timeout=deadline)
    if not helper.is_alive():
        return True
    for proc in workers:  # terminate() hung: stop the workers ourselves
        if proc.is_alive():
            proc.kill()
    for proc in workers:
        proc.join(timeout=deadline)
    helper.join(timeout=deadline)
    return False


def only_thread_left(timeout: float = 5.0) -> None:
    """Wait until the OS counts just this thread: a thread we joined can take a
    moment to disappear, and forking before it does makes 3.12+ warn."""
    deadline = time.monotonic() + timeout
    while psutil.Process().num_threads() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)


def is_helper(proc: psutil.Process) -> bool:
    """multiprocessing's own helpers (resource tracker, fork server) live until
    we exit."""
    try:
        cmdline = " ".join(proc.cmdline())
    except psutil.Error:
        return False
    return "resource_tracker" in cmdline or "forkserver" in cmdline


def left_over(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def wait_gone(pids: list[int], timeout: float) -> list[int]:
    """The processes still running after `timeout`, asked of the OS.

    Not is_alive(): an executor's own thread joins its workers too, and of
    two joins of one process only one gets its exit status; the other's
    is_alive() may go on saying True.
    """
    deadline = time.monotonic() + timeout
    while (alive := left_over(pids)) and time.monotonic() < deadline:
        time.sleep(0.01)
    return alive


if __name__ == "__main__":
    if os.name != "posix":
        print(
            "Skipped on Windows: Ctrl-C arrives there as a console event sent "
            "to every process"
        )
        print(
            "attached to the console, which this example cannot simulate "
            "without also"
        )
        print("interrupting whatever started it.")
        raise SystemExit(0)

    ready, go = multiprocessing.Semaphore(0), multiprocessing.Event()

    # 1. multiprocessing.Pool
    pool = multiprocessing.Pool(
        2, initializer=ignore_sigint, initargs=(ready, go)
    )
    start_when_ready(ready, go)
    workers = multiprocessing.active_children()  # the pool's two workers
    worker_pids = [p.pid for p in workers]
    results = []
    try:
        for value in pool.imap(slow_square, range(100)):
            results.append(value)
            if len(results) == 3:
                ctrl_c(workers)  # as if Ctrl-C was pressed now
    except KeyboardInterrupt:
        print(f"Pool: KeyboardInterrupt after {len(results)} results")
        started = time.perf_counter()
        on_its_own = stop_pool(pool, workers)  # queued tasks are dropped
        took = time.perf_counter() - started
        how = "terminate() returned" if on_its_own else "terminate() hung"
        print(f"  {how}; stopped in {took:.1f} s (deadline 10 s, then kill)")
    else:
        pool.close()
        pool.join()
    sys.stdout.flush()

    print(f"  workers still running: {left_over(worker_pids)} (were 2)")
    assert results == [0, 1, 4]
    assert not left_over(worker_pids)

    # 2. ProcessPoolExecutor, Ctrl-C inside `with`: the exit waits for
    #    every task already submitted.
    tasks = 12
    go.clear()
    only_thread_left()  # the pool's threads are joined; let them vanish
    started = time.perf_counter()
    try:
        with ProcessPoolExecutor(
            2, initializer=ignore_sigint, initargs=(ready, go)
        ) as ex:
            futures = [ex.submit(quick_square, n) for n in range(tasks)]
            start_when_ready(ready, go)
            ctrl_c(multiprocessing.active_children())
    except KeyboardInterrupt:
        took = time.perf_counter() - started
    ran = sum(f.done() and not f.cancelled() for f in futures)
    print(f"ProcessPoolExecutor, Ctrl-C inside `with`: {ran} of {tasks} tasks")
    print(f"  ran anyway; leaving `with` took {took:.2f} s")
    assert ran == tasks  # shutdown(wait=True) ran the whole queue

    # 3. The same Ctrl-C, handled: cancel the queue, stop the workers, with
    #    a deadline. (A second shutdown(wait=True) would not wait: the first
    #    call already let go of the executor's manager thread.)
    only_thread_left()
    started = time.perf_counter()
    go.clear()
    ex = ProcessPoolExecutor(
        2, initializer=ignore_sigint, initargs=(ready, go)
    )
    futures = [ex.submit(quick_square, n) for n in range(tasks)]
    workers = multiprocessing.active_children()  # started by submit()
    try:
        start_when_ready(ready, go)
        futures[0].result(timeout=30)
        ctrl_c(workers)
    except KeyboardInterrupt:
        ex.shutdown(wait=False, cancel_futures=True)  # drop the queue
        if hasattr(ex, "terminate_workers"):  # 3.14+: stop running tasks too
            ex.terminate_workers()
    finally:
        settle(futures, timeout=10)
        # The running tasks finish, or their workers are killed.
        pids = [proc.pid for proc in workers]
        alive = wait_gone(pids, timeout=10)
        for proc in workers:
            if proc.pid in alive:
                proc.kill()
        wait_gone(pids, timeout=10)
        for proc in workers:  # collect the exit statuses: no zombies left
            proc.join(timeout=10)
    took = time.perf_counter() - started
    cancelled = sum(f.cancelled() for f in futures)
    print("  shutdown(wait=False, cancel_futures=True) instead:")
    print(f"  queued tasks cancelled: {cancelled > 0}; took {took:.2f} s")
    print(
        "  terminate_workers() available (3.14+): "
        f"{hasattr(ex, 'terminate_workers')}"
    )
    assert 0 < cancelled < tasks
    assert not left_over(pids)
    if sys.version_info >= (3, 14):
        assert hasattr(ex, "terminate_workers") and hasattr(ex, "kill_workers")

    children = [
        c
        for c in psutil.Process().children(recursive=True)
        if not is_helper(c)
    ]
    print(f"children left, apart from multiprocessing's helpers: {children}")
    assert not children
