# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# timeout = 180  # jobs are sized in CPU time: a loaded machine stretches them
# ///
"""The same CPU-bound work three ways: in turn, with threads, with processes.

The work is PIECES equal pieces of prime counting. Each piece is sized first to
take at least TARGET seconds, so that handing it to a worker (a fraction of a
millisecond) costs next to nothing; pools are started and warmed before the
clock starts, and what that took is printed on its own line. On a GIL build
only one thread runs Python bytecode at a time, so threads cannot beat the
sequential time; processes each have their own interpreter (and GIL) and use
every core. The ideal speed-up is min(pieces, CPUs).
"""

import math
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

PIECES = 4
TARGET = 0.05  # seconds: the least time one piece takes, alone
REPEAT = 3  # report the median of a few rounds, and their range
CPUS = os.cpu_count() or 1
WORKERS = min(PIECES, CPUS)


def count_primes(limit: int) -> int:
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, math.isqrt(n) + 1)):
            count += 1
    return count


def piece(rounds: int) -> int:
    """One piece of work: count the primes below 100, `rounds` times."""
    return sum(count_primes(100) for _ in range(rounds))


def size_piece(target: float) -> tuple[int, float]:
    """Grow a piece until one run takes `target` seconds (like timeit)."""
    rounds = 1
    while True:
        # CPU time: a busy machine cannot make the piece look longer
        start = time.thread_time()
        piece(rounds)
        took = time.thread_time() - start
        if took >= target:
            return rounds, took
        if took < target / 4:
            rounds *= 2
        else:  # close: aim 10% over the target (time grows with rounds)
            rounds = max(rounds + 1, math.ceil(rounds * target / took * 1.1))


def on(pool, rounds: int):
    """The model "run all pieces on this pool"."""
    return lambda: list(pool.map(piece, [rounds] * PIECES, timeout=60))


def hello(_: int) -> tuple[int, int]:
    time.sleep(0.02)  # stay busy so the next task goes to another worker
    return os.getpid(), threading.get_ident()  # which worker ran it


def start(pool) -> float:
    """Start every worker of the pool now; return how long it took."""
    begin = time.perf_counter()
    seen: set[tuple[int, int]] = set()
    while len(seen) < WORKERS and time.perf_counter() - begin < 60:
        seen.update(pool.map(hello, range(WORKERS), timeout=60))
    return time.perf_counter() - begin


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    rounds, took = size_piece(TARGET)
    print(f"{PIECES} pieces: primes below 100, x {rounds} ({took:.2f} s CPU)")
    print(f"{CPUS} CPUs, {WORKERS} workers, GIL enabled: {gil}")
    expected = [25 * rounds] * PIECES  # there are 25 primes below 100
    with ProcessPoolExecutor(WORKERS) as processes:
        started = start(processes)  # before any thread: fork copies one
        with ThreadPoolExecutor(WORKERS) as threads:
            start(threads)
            print(f"processes started in {started:.2f} s (not timed below)")
            models = {
                "sequential": lambda: [piece(rounds) for _ in range(PIECES)],
                "threads": on(threads, rounds),
                "processes": on(processes, rounds),
            }
            times: dict[str, list[float]] = {name: [] for name in models}
            cpu = 0.0  # CPU time of the sequential runs
            # Take turns (sequential, threads, processes, sequential, ...) so
            # that a busy moment on the machine slows every model a little,
            # not one model a lot.
            for _ in range(REPEAT):
                for name, run in models.items():
                    begin, cpu_begin = time.perf_counter(), time.thread_time()
                    result = run()
                    times[name].append(time.perf_counter() - begin)
                    if name == "sequential":
                        cpu += time.thread_time() - cpu_begin
                    assert result == expected, f"{name} counted {result}"
    base = statistics.median(times["sequential"])
    # On an idle machine one thread computing gets a whole CPU: 1.0.
    share = cpu / sum(times["sequential"])
    print(f"sequential runs got {share:.1f} of a CPU (1.0 if idle)")
    print(f"median of {REPEAT} rounds; ideal = min(pieces, CPUs)")
    print(f"{'model':<12}{'median':>8}{'range':>13}{'speed-up':>10}  ideal")
    for name, seconds in times.items():
        spread = f"{min(seconds):.2f}-{max(seconds):.2f} s"
        ideal = 1 if name == "sequential" else min(PIECES, CPUS)
        print(
            f"{name:<12}{statistics.median(seconds):>6.2f} s{spread:>13}"
            f"{base / statistics.median(seconds):>9.1f}x  {ideal}x"
        )
