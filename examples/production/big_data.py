# /// script
# requires-python = ">=3.10"
# dependencies = [
#     "numpy==2.2.6; python_version < '3.11'",
#     "numpy==2.4.6; python_version >= '3.11'",
#     "psutil==7.2.2",
# ]
#
# [tool.pyconc]
# timeout = 120
# benchmark = true
# ///
"""A 16 MiB NumPy array read by 2 worker processes: each way's cost per worker.

1. pickled to every task: each worker receives its own copy;
2. inherited by fork: a module global set before the pool forks; the workers
   read pages they share with the parent (copy-on-write: nothing is copied
   until someone writes);
3. shared memory: copied once into a multiprocessing.shared_memory block, which
   the workers map by name and wrap in an ndarray without copying (works under
   every start method).

Each worker measures its own memory with psutil while it holds the data (a
barrier keeps both busy at once): USS, the memory only this process uses (what
killing it would free), and on Linux PSS, which also counts a fair share of
every page it shares.
"""

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import shared_memory

# NumPy's BLAS starts a pool of threads at import, and forking a process that
# has threads is unsafe (a DeprecationWarning since 3.12). One BLAS thread per
# worker process is what a process pool wants anyway. Set before the import.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import psutil

SIZE = 16 * 2**20  # bytes
WORKERS = 2
TIMEOUT = 60.0
# Set in the parent before a fork-based pool starts: its workers inherit it.
ARRAY = None
barrier = None  # set in each worker by init()
start_uss = 0


def memory() -> tuple[int, int | None]:
    info = psutil.Process().memory_full_info()
    return info.uss, getattr(info, "pss", None)  # PSS: Linux only


def init(shared_barrier) -> None:
    global barrier, start_uss
    barrier = shared_barrier
    start_uss = memory()[0]


def measured(total: float) -> tuple[float, int, int | None]:
    uss, pss = memory()
    # Hold the data until both workers have measured.
    barrier.wait(timeout=TIMEOUT)
    return total, uss - start_uss, pss


def with_pickled(array: np.ndarray) -> tuple:
    return measured(float(array.sum()))


def with_inherited() -> tuple:
    return measured(float(ARRAY.sum()))


def with_shared(name: str, shape: tuple, dtype: str) -> tuple:
    block = shared_memory.SharedMemory(name=name)
    try:
        view = np.ndarray(shape, dtype=dtype, buffer=block.buf)  # no copy
        result = measured(float(view.sum()))
        del view  # release the buffer, or close() raises BufferError
    finally:
        block.close()
    return result


def one_thread_left(timeout: float = 10) -> None:
    """Wait until the last pool's threads are gone: forking while another
    thread runs can deadlock the child (3.12+ warns)."""
    me = psutil.Process()
    deadline = time.monotonic() + timeout
    while me.num_threads() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)


def run(ctx, task, *args) -> list[tuple]:
    one_thread_left()
    pool = ProcessPoolExecutor(
        WORKERS,
        mp_context=ctx,
        initializer=init,
        initargs=(ctx.Barrier(WORKERS),),
    )
    with pool:
        futures = [pool.submit(task, *args) for _ in range(WORKERS)]
        return [f.result(timeout=TIMEOUT) for f in futures]


def mib(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 2**20:5.1f}"


if __name__ == "__main__":
    data = np.arange(SIZE // 8, dtype=np.float64)
    expected = float(data.sum())
    ctx = multiprocessing.get_context()
    rows = {}
    if "fork" in multiprocessing.get_all_start_methods():
        # Now a module global: the forked workers share its pages.
        ARRAY = data
        rows["inherited by fork"] = run(
            multiprocessing.get_context("fork"), with_inherited
        )
        ARRAY = None
    rows["pickled to every task"] = run(ctx, with_pickled, data)
    block = shared_memory.SharedMemory(create=True, size=data.nbytes)
    try:
        shared = np.ndarray(data.shape, dtype=data.dtype, buffer=block.buf)
        shared[:] = data  # the one copy
        del shared
        args = (block.name, data.shape, data.dtype.str)
        rows["shared memory"] = run(ctx, with_shared, *args)
    finally:
        block.close()
        block.unlink()  # exactly once, by the owner: no leaked block

    print(
        f"a {SIZE / 2**20:.0f} MiB array, {WORKERS} workers, "
        f"start method {ctx.get_start_method()}"
    )
    print(
        "memory per worker in MiB: USS growth while holding the data, and PSS"
    )
    print(f"  {'way':<24}{'USS +':>14}{'PSS':>16}")
    for way in ("pickled to every task", "inherited by fork", "shared memory"):
        if way not in rows:
            print(f"  {way:<24}  (no fork on {sys.platform})")
            continue
        for total, _, _ in rows[way]:
            assert total == expected
        growths = "  ".join(mib(g) for _, g, _ in rows[way])
        psses = "  ".join(mib(p) for _, _, p in rows[way])
        print(f"  {way:<24}{growths:>14}{psses:>16}")
    pickled = min(g for _, g, _ in rows["pickled to every task"])
    assert pickled > 0.9 * SIZE, pickled  # a full copy in each worker
    for way in ("inherited by fork", "shared memory"):
        for _, growth, _ in rows.get(way, []):
            assert growth < 0.2 * SIZE, (way, growth)  # no copy
