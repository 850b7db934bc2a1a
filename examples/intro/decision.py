# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Evidence for the decision guide: three kinds of work, each run sequentially, with threads
and with processes (and asyncio where it applies), on this machine.

- waiting:      8 tasks that each wait 0.1 s (a network or disk round trip)
- pure Python:  8 chunks of a pure-Python loop (holds the GIL on a GIL build)
- C code:       8 chunks of hashing with hashlib, which releases the GIL for large buffers
"""

import asyncio
import hashlib
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 8
CORES = os.cpu_count() or 1
DATA = bytes(range(256)) * 16_384  # 4 MiB


def wait(_: int) -> int:
    time.sleep(0.1)
    return 1


async def wait_async(_: int) -> int:
    await asyncio.sleep(0.1)
    return 1


def python_loop(_: int) -> int:
    total = 0
    for i in range(1_500_000):
        total += i % 7
    return total


def hash_in_c(_: int) -> str:
    h = hashlib.sha256()
    for _round in range(8):
        h.update(DATA)  # hashes 4 MiB in C with the GIL released
    return h.hexdigest()


def run_sequential(fn, _workers):
    return [fn(i) for i in range(TASKS)]


def run_threads(fn, workers):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, range(TASKS)))


def run_processes(fn, workers):
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, range(TASKS)))


def run_asyncio(fn, _workers):
    async def main():
        return list(await asyncio.gather(*(fn(i) for i in range(TASKS))))

    return asyncio.run(main())


def median_times(models, workers, repeat=3):
    """Median seconds and last results per model, taking turns between models each round."""
    times = {name: [] for name, _, _ in models}
    results = {}
    for _ in range(repeat):
        for name, run, fn in models:
            start = time.perf_counter()
            results[name] = run(fn, 1 if run is run_sequential else workers)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}, results


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"{TASKS} tasks per workload, {CORES} CPUs, GIL enabled: {gil}; median of 3 runs")
    print(f"{'workload':<13}{'model':<12}{'time':>8}{'speed-up':>10}{'ideal':>8}")
    workloads = [
        ("waiting", wait, TASKS, [("asyncio", run_asyncio, wait_async)]),
        ("pure Python", python_loop, min(TASKS, CORES), []),
        ("C code", hash_in_c, min(TASKS, CORES), []),
    ]
    for workload, fn, ideal, extra in workloads:
        # Waiting overlaps with as many workers as tasks; computing with one per core. Models
        # take turns each round, so a busy moment on the machine slows them all a little.
        models = [
            ("sequential", run_sequential, fn),
            ("threads", run_threads, fn),
            ("processes", run_processes, fn),
            *extra,
        ]
        medians, results = median_times(models, ideal)
        base = medians["sequential"]
        for i, (model, _, _) in enumerate(models):
            assert results[model] == results["sequential"], f"{model} got another {workload} result"
            label = workload if i == 0 else ""
            speedup = base / medians[model]
            print(f"{label:<13}{model:<12}{medians[model]:>7.2f}s{speedup:>9.1f}x{ideal:>7}x")
