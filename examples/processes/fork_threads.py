# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""fork in a process that has threads: a DeprecationWarning since Python 3.12,
and why."""

import multiprocessing
import re
import sys
import threading
import warnings


def nothing() -> None:
    pass


if __name__ == "__main__":
    if "fork" not in multiprocessing.get_all_start_methods():
        print(f"{sys.platform} has no fork start method: nothing to show here")
        raise SystemExit(0)

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, args=(30,), name="helper")
    helper.start()  # now this process has two threads
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter(
                "always"
            )  # DeprecationWarnings are hidden by default
            p = multiprocessing.get_context("fork").Process(target=nothing)
            p.start()
            p.join(timeout=30)
    finally:
        stop.set()
        helper.join(timeout=30)
    assert p.exitcode == 0

    print(
        f"Python {sys.version_info.major}.{sys.version_info.minor}, "
        "threads alive at fork: 2"
    )
    fork_warnings = [w for w in caught if "fork" in str(w.message)]
    for w in fork_warnings:
        text = re.sub(r"pid=\d+", "pid=…", str(w.message))
        print(f"  {w.category.__name__}: {text}")
    if not fork_warnings:
        print("  no warning (the check was added in Python 3.12)")
    assert bool(fork_warnings) == (sys.version_info >= (3, 12))
