# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""The same CPU-bound job three ways: count primes below a limit, split into chunks.

On a GIL build only one thread runs Python bytecode at a time, so threads cannot beat the
sequential time; processes each have their own interpreter (and GIL) and use every core.
"""

import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMIT = 200_000
REPEAT = 3  # report the median of a few runs: one run is at the mercy of the machine
WORKERS = os.cpu_count() or 1
CHUNKS = 8


def count_primes(bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    count = 0
    for n in range(max(lo, 2), hi):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count


def chunks() -> list[tuple[int, int]]:
    step = LIMIT // CHUNKS
    return [(i * step, LIMIT if i == CHUNKS - 1 else (i + 1) * step) for i in range(CHUNKS)]


def sequential() -> int:
    return sum(map(count_primes, chunks()))


def threads() -> int:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return sum(pool.map(count_primes, chunks()))


def processes() -> int:
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        return sum(pool.map(count_primes, chunks()))


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"primes below {LIMIT:,}, {CHUNKS} chunks, {WORKERS} workers, GIL enabled: {gil}")
    print(
        f"{'model':<12}{'median':>8}{'speed-up':>10}   (median of {REPEAT} runs; ideal {WORKERS}x = CPU count)"
    )
    models = {"sequential": sequential, "threads": threads, "processes": processes}
    times: dict[str, list[float]] = {name: [] for name in models}
    # Take turns (sequential, threads, processes, sequential, ...) so that whatever else the
    # machine does at some moment slows every model a little, not one model a lot.
    for _ in range(REPEAT):
        for name, run in models.items():
            start = time.perf_counter()
            total = run()
            times[name].append(time.perf_counter() - start)
            assert total == 17_984, f"{name} counted {total} primes"  # pi(200000) = 17984
    baseline = statistics.median(times["sequential"])
    for name in models:
        elapsed = statistics.median(times[name])
        print(f"{name:<12}{elapsed:>7.2f}s{baseline / elapsed:>9.1f}x")
