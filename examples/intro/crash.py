# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A crashing child process leaves its parent running; so does a thread's
uncaught exception."""

import multiprocessing
import os
import signal
import subprocess
import sys
import threading

# A child interpreter whose second thread
# dereferences a NULL pointer in C: a real segfault.
SEGFAULT_IN_A_THREAD = """
import ctypes, threading, time
threading.Thread(target=ctypes.string_at, args=(0,)).start()
time.sleep(5)
print("the main thread survived")
"""


def divide_by_zero() -> None:
    # an uncaught exception: the child prints a traceback and exits with code 1
    1 / 0


def killed_hard() -> None:
    if hasattr(signal, "SIGKILL"):
        os.kill(
            os.getpid(), signal.SIGKILL
        )  # as if the OS's out-of-memory killer chose it
    os._exit(
        137
    )  # Windows has no SIGKILL: die at once with no cleanup instead


def report_thread_crash(args: threading.ExceptHookArgs) -> None:
    # The default hook prints a full traceback;
    # one line is enough to see what happened.
    print(
        f"  thread {args.thread.name!r} died: "
        f"{args.exc_type.__name__}: {args.exc_value}"
    )


def worker(results: list[str]) -> None:
    results.append("done")


if __name__ == "__main__":
    print("Child processes that crash:")
    for target in (divide_by_zero, killed_hard):
        p = multiprocessing.Process(target=target, name=target.__name__)
        p.start()
        p.join(timeout=30)
        print(
            f"  {p.name}: exit code {p.exitcode}; the parent is still running"
        )
        assert p.exitcode != 0
    sys.stderr.flush()

    print("A thread that raises:")
    threading.excepthook = report_thread_crash
    results: list[str] = []
    bad = threading.Thread(target=divide_by_zero, name="bad")
    good = threading.Thread(target=worker, args=(results,), name="good")
    bad.start()
    bad.join(timeout=30)
    good.start()
    good.join(timeout=30)
    print(
        f"  thread 'good' still ran: {results}; the process is still running"
    )
    assert results == ["done"]

    print("A crash in C code, in one thread of another interpreter:")
    if os.name != "posix":
        print(
            "  skipped: Windows reports an "
            "access violation instead of a signal"
        )
    else:
        child = subprocess.run(
            [sys.executable, "-c", SEGFAULT_IN_A_THREAD],
            capture_output=True,
            text=True,
            timeout=30,
        )
        name = (
            signal.Signals(-child.returncode).name
            if child.returncode < 0
            else child.returncode
        )
        print(
            f"  the whole process died ({name}); "
            f"its main thread printed {child.stdout!r}"
        )
        assert child.returncode < 0 and "survived" not in child.stdout
