# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Pool.map's chunksize: how many items travel to a worker per message, and
what it changes."""

import multiprocessing
import os
import time

ITEMS = 8_000


def small(n: int) -> int:
    return (
        sum(i * i for i in range(200)) + n
    )  # a few microseconds of work per item


def default_chunksize(items: int, workers: int) -> int:
    # What Pool.map does when chunksize is None (see multiprocessing/pool.py).
    chunksize, extra = divmod(items, workers * 4)
    return chunksize + 1 if extra else chunksize


if __name__ == "__main__":
    workers = 2
    data = range(ITEMS)
    base = sum(i * i for i in range(200))
    expected = [base + n for n in data]
    with multiprocessing.Pool(workers) as pool:
        pool.map(small, range(100))  # warm up
        print(
            f"Pool({workers}).map over {ITEMS:,} small tasks (best of 2 runs):"
        )
        rows = []
        for chunksize in (1, 10, 100, None, 4_000):
            best = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                result = pool.map(small, data, chunksize=chunksize)
                best = min(best, time.perf_counter() - start)
                assert result == expected
            rows.append((chunksize, best))
    start = time.perf_counter()
    assert [small(n) for n in data] == expected
    serial = time.perf_counter() - start
    print(f"  {'chunksize':<22} {'time':>8}   vs chunksize=1   vs plain loop")
    for chunksize, seconds in rows:
        label = (
            f"None (= {default_chunksize(ITEMS, workers)})"
            if chunksize is None
            else f"{chunksize:,}"
        )
        print(
            f"  {label:<22} {seconds:6.3f} s   {rows[0][1] / seconds:9.1f}x   "
            f"{serial / seconds:10.2f}x"
        )
    print(
        f"  {'plain loop, 1 process':<22} {serial:6.3f} s   (ideal with "
        f"{workers} workers: {workers}x the loop)"
    )
    print(f"(this machine: os.cpu_count() = {os.cpu_count()})")
