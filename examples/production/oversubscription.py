# /// script
# requires-python = ">=3.10"
# dependencies = [
#     "numpy==2.2.6; python_version < '3.11'",
#     "numpy==2.4.6; python_version >= '3.11'",
#     "threadpoolctl==3.8.0",
# ]
#
# [tool.pyconc]
# benchmark = true
# timeout = 120
# ///
"""Oversubscription: N worker processes, each running a multi-threaded BLAS.

NumPy's matrix product runs on OpenBLAS, which starts one thread per CPU
in EVERY process that imports it. A pool of one process per CPU then runs
CPUs x CPUs threads on CPUs cores. threadpoolctl limits the BLAS threads of
each worker from its initializer; OPENBLAS_NUM_THREADS=1 (or OMP_, MKL_)
does the same only if set before NumPy is imported in that process.
"""

import os
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

SIZE = 512  # matrices are SIZE x SIZE float64
PRODUCTS = 32  # matrix products per run, shared out between the workers
_limits = None  # keeps this worker's threadpool_limits alive


def limit_blas(threads: int | None) -> None:
    """Pool initializer: cap this worker's BLAS threads (None: default)."""
    global _limits
    if threads is not None:
        _limits = threadpool_limits(limits=threads, user_api="blas")


def blas_threads() -> int:
    return max(
        p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"
    )


def products(count: int) -> tuple[int, float]:
    """count matrix products; returns (BLAS threads, a checksum)."""
    rng = np.random.default_rng(count)
    a = rng.random((SIZE, SIZE))
    total = 0.0
    for _ in range(count):
        total += float((a @ a)[0, 0])
    return blas_threads(), total


def run(processes: int, threads: int | None) -> tuple[float, int]:
    """Seconds for PRODUCTS products on `processes` workers; BLAS threads."""
    with ProcessPoolExecutor(
        processes, initializer=limit_blas, initargs=(threads,)
    ) as pool:
        # Warm up: start every worker and import NumPy there first.
        for future in [pool.submit(products, 1) for _ in range(processes)]:
            future.result(timeout=60)
        share = [PRODUCTS // processes] * processes
        start = time.perf_counter()
        futures = [pool.submit(products, n) for n in share]
        seen = {f.result(timeout=60)[0] for f in futures}
        elapsed = time.perf_counter() - start
    assert len(seen) == 1, seen  # every worker had the same BLAS threads
    return elapsed, seen.pop()


if __name__ == "__main__":
    cpus = (
        len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count() or 1
    )
    info = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert info, "NumPy's BLAS was not found by threadpoolctl"
    print(
        f"{cpus} CPUs; BLAS: {info[0]['internal_api']} "
        f"{info[0]['version']}, {info[0]['num_threads']} threads by default"
    )
    print(f"{PRODUCTS} products of {SIZE}x{SIZE} matrices per run")
    n = max(2, cpus)
    runs = [
        ("1 process x default threads", 1, None),
        (f"{n} processes x default threads", n, None),
        (f"{n} processes x 1 thread (limited)", n, 1),
    ]
    results = []
    for label, processes, threads in runs:
        seconds, per_process = run(processes, threads)
        results.append((label, processes * per_process, seconds))
        if threads is not None:
            assert per_process == threads  # threadpool_limits took effect
    best = min(seconds for _, _, seconds in results)
    print(f"{'workers x BLAS threads':<36}{'threads':>8}{'time':>8}{'':>7}")
    for label, total, seconds in results:
        print(f"{label:<36}{total:>8}{seconds:>7.2f}s{seconds / best:>6.1f}x")
    print(f"(ideal: {cpus} busy threads on {cpus} CPUs; 1.0x = the fastest)")
