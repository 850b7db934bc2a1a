# /// script
# requires-python = ">=3.10"
# dependencies = ["psutil==7.2.2"]
#
# [tool.pyconc]
# benchmark = true
# ///
"""Copy-on-write after fork, and how merely *reading* Python objects breaks it.

The parent builds 300,000 small lists, then forks children that each do one
thing and report how much private memory (USS) that thing cost them:
- nothing: the pages stay shared with the parent;
- gc.collect(): the collector writes into the header of every object it tracks,
  so every page holding one is copied into the child;
- the same after gc.freeze() in the parent: frozen objects are left out of
  collections;
- iterate over the data: every access writes the object's reference count, so
  the pages are copied anyway. gc.freeze() cannot prevent that (NumPy arrays or
  shared memory can). Fork only: on platforms without it the example says so
  and stops.
"""

import gc
import multiprocessing
import sys

import psutil

N = 300_000
DATA: list = []  # built by the parent before it forks
TIMEOUT = 30.0


def uss() -> int:
    return psutil.Process().memory_full_info().uss


def child(action: str, conn) -> None:
    # Automatic collection stays off (inherited from the parent) so that only
    # the action is measured. A real child turns it back on, and its first full
    # collection does what gc.collect() does here.
    before = uss()
    if action == "gc.collect()":
        gc.collect()
    elif action == "iterate":
        total = 0
        # Reads only, but each access increments a reference count.
        for item in DATA:
            total += item[0]
        assert total == N * (N - 1) // 2
    conn.send(uss() - before)
    conn.close()


def cost(ctx, action: str) -> int:
    parent_end, child_end = ctx.Pipe(duplex=False)
    p = ctx.Process(target=child, args=(action, child_end))
    p.start()
    child_end.close()
    try:
        if not parent_end.poll(TIMEOUT):
            raise TimeoutError(action)
        return parent_end.recv()
    finally:
        p.join(timeout=TIMEOUT)
        parent_end.close()


if __name__ == "__main__":
    if "fork" not in multiprocessing.get_all_start_methods():
        print(
            f"No fork on {sys.platform}: every child starts a fresh "
            "interpreter"
        )
        print("and gets the data by pickling; copy-on-write does not apply.")
        raise SystemExit(0)
    ctx = multiprocessing.get_context("fork")
    gc.disable()  # early: no collection moves or frees while we build
    before = uss()
    DATA.extend([i, -i] for i in range(N))
    size = uss() - before
    print(
        f"parent: {N:,} small lists, {size / 2**20:.1f} MiB; "
        "USS each fork child paid:"
    )
    costs = {}
    for action in ("nothing", "gc.collect()"):
        costs[action] = cost(ctx, action)
    # Just before forking: move every tracked object to a permanent generation.
    gc.freeze()
    try:
        for action in ("gc.collect()", "iterate"):
            costs[f"{action} after gc.freeze()"] = cost(ctx, action)
    finally:
        gc.unfreeze()
        gc.enable()
    for action, paid in costs.items():
        print(f"  {action:<32} {paid / 2**20:6.1f} MiB")
    if getattr(sys, "_is_gil_enabled", lambda: True)():
        assert costs["nothing"] < 0.1 * size
        # The collector touched every page.
        assert costs["gc.collect()"] > 0.2 * size
        assert costs["gc.collect() after gc.freeze()"] < 0.1 * size
        assert costs["iterate after gc.freeze()"] > 0.2 * size  # refcounts did
    else:
        print(
            "(free-threaded build: its collector and reference counts "
            "differ; not checked)"
        )
