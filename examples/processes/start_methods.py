# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# per-interpreter = true
# ///
"""spawn, fork and forkserver side by side: what the child sees, who its parent
is, what it costs."""

import multiprocessing
import os
import statistics
import sys
import time

# module-level state: fork copies it, spawn re-creates it
SETTING = "set at import time"


def report(queue: multiprocessing.Queue, parent_pid: int) -> None:
    queue.put((SETTING, os.getppid() == parent_pid, "json" in sys.modules))


def nothing() -> None:
    pass


if __name__ == "__main__":
    # imported by the parent only, after the module-level code
    import json  # noqa: F401

    methods = multiprocessing.get_all_start_methods()
    print(
        f"This platform ({sys.platform}, Python "
        f"{sys.version_info.major}.{sys.version_info.minor}):"
    )
    print(f"  available start methods: {methods}")
    print(f"  the default is {methods[0]!r}")

    SETTING = "changed by the parent at run time"
    print("What a child sees of its parent:")
    print(
        f"  {'method':<11} {'SETTING in the child':<36} {'parent is us':<13} "
        "json imported"
    )
    for method in methods:
        ctx = multiprocessing.get_context(
            method
        )  # choose per use; never set_start_method() here
        queue = ctx.Queue()
        p = ctx.Process(target=report, args=(queue, os.getpid()))
        p.start()
        setting, parent_is_us, has_json = queue.get(timeout=30)
        p.join(timeout=30)
        print(
            f"  {method:<11} {setting!r:<36} {parent_is_us!s:<13} {has_json}"
        )
        assert (setting == SETTING) == (method == "fork")

    print(
        "Cost of starting and joining one process that does nothing (median "
        "of 5):"
    )
    for method in methods:
        ctx = multiprocessing.get_context(method)
        ctx.Process(
            target=nothing
        ).start()  # warm up: forkserver starts its server once
        for child in ctx.active_children():
            child.join(timeout=30)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            p = ctx.Process(target=nothing)
            p.start()
            p.join(timeout=30)
            times.append(time.perf_counter() - start)
            assert p.exitcode == 0
        print(f"  {method:<11} {statistics.median(times) * 1000:6.1f} ms")
