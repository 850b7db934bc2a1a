"""Force a multiprocessing start method for the test-suite (never used by readers).

`tools/example_runner.py` puts this folder on PYTHONPATH when a test asks for a start method,
so an example still runs as plain `python file.py`, but under spawn, forkserver or fork.
Child interpreters started by spawn/forkserver import this too; they only set it if unset.
Under fork it also lets threads that were already joined leave before each fork (see below).
"""

import os
import sys

_method = os.environ.get("PYCONC_START_METHOD")
if _method:
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) is None:
        multiprocessing.set_start_method(_method)


def _let_joined_threads_leave(limit: float = 1.0) -> None:
    # Python 3.12+ warns at fork() when the OS lists more than one thread in the process
    # (/proc/self/task). On 3.12 Thread.join() returns before the OS thread is gone (CPython
    # gh-110829, fixed in 3.13, where the kernel may still list it a moment longer), so a
    # pool started right after another one closed can warn, by timing, under a loaded test
    # run. Wait, briefly, only for threads Python has already joined: a thread still running
    # keeps its count, so an example that forks beside its own threads still warns.
    import threading
    import time

    deadline = time.monotonic() + limit
    while len(os.listdir("/proc/self/task")) > threading.active_count():
        if time.monotonic() > deadline:
            return
        time.sleep(0.001)


if _method == "fork" and sys.version_info >= (3, 12) and os.path.isdir("/proc/self/task"):
    os.register_at_fork(before=_let_joined_threads_leave)
