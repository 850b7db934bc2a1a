# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""The same I/O-bound job four ways: 20 tasks that each wait 0.1 s.

Waiting does not need a CPU, so every concurrent model can overlap the waits;
the ideal is the time of one task. Processes get there too, but pay for
starting interpreters.
"""

import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 20
WAIT = 0.1  # seconds; stands in for a network or disk round trip


def fetch(i: int) -> int:
    time.sleep(WAIT)  # blocks this thread only; the OS runs others meanwhile
    return i * i


async def fetch_async(i: int) -> int:
    await asyncio.sleep(
        WAIT
    )  # gives control back to the event loop while waiting
    return i * i


async def all_async() -> list[int]:
    return list(await asyncio.gather(*(fetch_async(i) for i in range(TASKS))))


def sequential() -> list[int]:
    return [fetch(i) for i in range(TASKS)]


def threads() -> list[int]:
    with ThreadPoolExecutor(max_workers=TASKS) as pool:
        return list(pool.map(fetch, range(TASKS)))


def processes() -> list[int]:
    with ProcessPoolExecutor(max_workers=TASKS) as pool:
        return list(pool.map(fetch, range(TASKS)))


def coroutines() -> list[int]:
    return asyncio.run(all_async())


if __name__ == "__main__":
    expected = [i * i for i in range(TASKS)]
    ideal = WAIT  # all waits fully overlapped
    print(f"{TASKS} tasks x {WAIT} s wait, {os.cpu_count()} CPUs")
    print(f"{'model':<12}{'time':>8}{'speed-up':>10}   (ideal {TASKS}x)")
    baseline = None
    for name, run in [
        ("sequential", sequential),
        ("threads", threads),
        ("processes", processes),
        ("asyncio", coroutines),
    ]:
        start = time.perf_counter()
        result = run()
        elapsed = time.perf_counter() - start
        assert result == expected, f"{name} returned wrong results"
        baseline = baseline or elapsed
        print(f"{name:<12}{elapsed:>7.2f}s{baseline / elapsed:>9.1f}x")
    print(f"ideal       {ideal:>7.2f}s{TASKS:>9.1f}x")
