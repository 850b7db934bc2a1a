# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Which of the changes in the versions table this interpreter has, checked one
by one.

Each row of the table on the page names a version; this program looks for the
feature and asserts that it is present exactly from that version on, so the
table is tested on every Python the site's CI runs (3.10 to 3.15, and 3.14t).
"""

import asyncio
import concurrent.futures
import multiprocessing
import os
import sys


def has_interpreter_pool() -> bool:
    try:  # 3.14+, and only where CPython was built with subinterpreter support
        return hasattr(concurrent.futures, "InterpreterPoolExecutor")
    except ImportError:
        return False


CHECKS = [
    (
        (3, 12),
        "asyncio.eager_task_factory",
        hasattr(asyncio, "eager_task_factory"),
    ),
    ((3, 13), "os.process_cpu_count()", hasattr(os, "process_cpu_count")),
    ((3, 13), "sys._is_gil_enabled()", hasattr(sys, "_is_gil_enabled")),
    ((3, 13), "asyncio.Queue.shutdown()", hasattr(asyncio.Queue, "shutdown")),
    (
        (3, 13),
        "asyncio.Server.close_clients()",
        hasattr(asyncio.Server, "close_clients"),
    ),
    (
        (3, 14),
        "ProcessPoolExecutor.terminate_workers()",
        hasattr(concurrent.futures.ProcessPoolExecutor, "terminate_workers"),
    ),
    (
        (3, 14),
        "asyncio.capture_call_graph()",
        hasattr(asyncio, "capture_call_graph"),
    ),
]

if __name__ == "__main__":
    here = sys.version_info[:2]
    print(f"Python {sys.version.split()[0]} on {sys.platform}")
    for since, what, present in CHECKS:
        print(
            f"  {what:<42} {'yes' if present else 'no ':<3}  "
            f"(since {since[0]}.{since[1]})"
        )
        assert present == (here >= since), f"{what}: the table says {since}"

    pool = has_interpreter_pool()
    print(
        f"  {'InterpreterPoolExecutor':<42} "
        f"{'yes' if pool else 'no ':<3}  (since 3.14)"
    )
    assert not pool or here >= (3, 14)

    # The first start method listed is the platform's
    # default (the forced one in some tests).
    methods = multiprocessing.get_all_start_methods()
    print(
        f"  default start method: {methods[0]} "
        f"(available: {', '.join(sorted(methods))})"
    )
    if sys.platform == "linux":
        assert methods[0] == ("forkserver" if here >= (3, 14) else "fork")
