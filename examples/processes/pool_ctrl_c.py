# /// script
# requires-python = ">=3.11"
# dependencies = ["psutil==7.2.2"]
# ///
# On 3.10 with forkserver, Pool.terminate() hung once in our CI (60 s timeout) after the
# simulated Ctrl-C; until that is understood, this example is only claimed for 3.11+.
"""Ctrl-C while a Pool is working: stop cleanly and leave no worker behind."""

import multiprocessing
import os
import signal
import sys
import time

import psutil


def ignore_sigint() -> None:
    # A real Ctrl-C reaches every process of the terminal's foreground group, workers included.
    # Workers ignore it, so only the parent decides what happens (and no worker tracebacks).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def slow_square(n: int) -> int:
    time.sleep(0.2)
    return n * n


def is_helper(proc: psutil.Process) -> bool:
    """multiprocessing's own helpers (resource tracker, fork server) live until we exit."""
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


if __name__ == "__main__":
    if os.name != "posix":
        print("Skipped on Windows: Ctrl-C arrives there as a console event sent to every process")
        print("attached to the console, which this example cannot simulate without also")
        print("interrupting whatever started it.")
        raise SystemExit(0)

    pool = multiprocessing.Pool(2, initializer=ignore_sigint)
    results = []
    try:
        for value in pool.imap(slow_square, range(100)):
            results.append(value)
            if len(results) == 3:
                worker_pids = [p.pid for p in multiprocessing.active_children()]
                for pid in worker_pids:  # what the terminal does to the workers...
                    os.kill(pid, signal.SIGINT)
                signal.raise_signal(signal.SIGINT)  # ...and to us: as if Ctrl-C was pressed
    except KeyboardInterrupt:
        print(f"KeyboardInterrupt in the parent after {len(results)} results: terminating the pool")
        pool.terminate()  # stop the workers now; queued tasks are dropped
    else:
        pool.close()
    finally:
        pool.join()  # after terminate(), this returns once the workers are gone
    sys.stdout.flush()

    print(f"  pool workers still running: {left_over(worker_pids)} (were {len(worker_pids)})")
    children = [c for c in psutil.Process().children(recursive=True) if not is_helper(c)]
    print(f"  children of this process, apart from multiprocessing's helpers: {children}")
    assert results == [0, 1, 4]
    assert not left_over(worker_pids) and not children
