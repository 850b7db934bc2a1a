# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# timeout = 180  # jobs are sized in CPU time: a loaded machine stretches them
# per-interpreter = true
# ///
"""Evidence for the decision guide: three kinds of work, each run in turn,
with threads and with processes (and asyncio where it applies).

- waiting:     8 tasks that each wait 50 ms (a network or disk round trip)
- pure Python: 4 pieces of a pure-Python loop (holds the GIL, if any)
- C code:      4 pieces of SHA-256 in hashlib, which releases the GIL

Computing pieces are sized first to take at least TARGET seconds each. The
pools (8 threads, 8 processes) and the event loop are started and warmed
before any timing; how long starting took is printed once, apart. Ideal
speed-up: the number of tasks for waiting, min(pieces, CPUs) for computing.
"""

import asyncio
import hashlib
import math
import os
import statistics
import sys
import sysconfig
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS, WAIT = 8, 0.05  # waiting: 8 tasks of 50 ms
PIECES, TARGET = 4, 0.05  # computing: 4 pieces of at least 50 ms
REPEAT = 3
CPUS = os.cpu_count() or 1
DATA = bytes(range(256)) * 4096  # 1 MiB


def wait(_: int) -> int:
    time.sleep(WAIT)
    return 1


async def wait_async(_: int) -> int:
    await asyncio.sleep(WAIT)
    return 1


def python_loop(rounds: int) -> int:
    total = 0
    for i in range(rounds * 10_000):
        total += i % 7
    return total


def hash_in_c(rounds: int) -> str:
    h = hashlib.sha256()
    for _ in range(rounds):
        h.update(DATA)  # hashes 1 MiB in C with the GIL released
    return h.hexdigest()


def size_piece(job, target: float) -> int:
    """Grow job(rounds) until one run takes `target` seconds (like timeit)."""
    rounds = 1
    while True:
        # CPU time: a busy machine cannot make the piece look longer
        start = time.thread_time()
        job(rounds)
        took = time.thread_time() - start
        if took >= target:
            return rounds
        if took < target / 4:
            rounds *= 2
        else:  # close: aim 10% over the target (time grows with rounds)
            rounds = max(rounds + 1, math.ceil(rounds * target / took * 1.1))


def hello(_: int) -> tuple[int, int]:
    time.sleep(0.02)  # stay busy so the next task goes to another worker
    return os.getpid(), threading.get_ident()  # which worker ran it


def start(pool, workers: int) -> float:
    """Start every worker of the pool now; return how long it took."""
    begin = time.perf_counter()
    seen: set[tuple[int, int]] = set()
    while len(seen) < workers and time.perf_counter() - begin < 60:
        seen.update(pool.map(hello, range(workers), timeout=60))
    return time.perf_counter() - begin


def models(threads, processes, loop, fn, size, count):
    """Each model: a function that runs `count` calls of fn(size)."""
    args = [size] * count
    runs = {
        "sequential": lambda: [fn(a) for a in args],
        "threads": lambda: list(threads.map(fn, args, timeout=60)),
        "processes": lambda: list(processes.map(fn, args, timeout=60)),
    }
    if fn is wait:  # asyncio only for waiting: computing never awaits

        async def overlap():
            waits = asyncio.gather(*(wait_async(a) for a in args))
            return await asyncio.wait_for(waits, 60)

        runs["asyncio"] = lambda: loop.run_until_complete(overlap())
    return runs


def take_turns(runs):
    """Time every model REPEAT times, taking turns each round, so that a
    busy moment on the machine slows every model a little, not one a lot."""
    times = {model: [] for model in runs}
    results = {}
    cpu = 0.0  # CPU time of the sequential runs
    for _ in range(REPEAT):
        for model, run in runs.items():
            begin, cpu_begin = time.perf_counter(), time.thread_time()
            results[model] = run()
            times[model].append(time.perf_counter() - begin)
            if model == "sequential":
                cpu += time.thread_time() - cpu_begin
    for model in runs:
        assert results[model] == results["sequential"], model
    return times, cpu / sum(times["sequential"])


def print_rows(name, detail, times, ideal):
    base = statistics.median(times["sequential"])
    for i, (model, seconds) in enumerate(times.items()):
        label = [name, f"({detail})"][i] if i < 2 else ""
        mid = statistics.median(seconds)
        spread = f"{base / max(seconds):.1f}-{base / min(seconds):.1f}x"
        print(
            f"{label:<13}{model:<11}{mid:>6.2f} s{base / mid:>9.1f}x"
            f"{spread:>12}  {1 if i == 0 else ideal}x"
        )


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    free = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    python_rounds = size_piece(python_loop, TARGET)
    c_rounds = size_piece(hash_in_c, TARGET)
    print(f"{CPUS} CPUs, Python {sys.version.split()[0]}, GIL enabled: {gil}")
    print(f"free-threaded build: {'yes' if free else 'no'}")
    pieces = f"{PIECES} pieces"
    workloads = [
        ("waiting", f"{TASKS} x {WAIT * 1000:.0f} ms", wait, 0, TASKS),
        ("pure Python", pieces, python_loop, python_rounds, PIECES),
        ("C code", pieces, hash_in_c, c_rounds, PIECES),
    ]
    # Processes first, before any thread exists (fork after threads is
    # unsafe); then threads and the event loop, up for every workload.
    with ProcessPoolExecutor(TASKS) as processes:
        started = start(processes, TASKS)
        print(f"{TASKS} processes started in {started:.2f} s (untimed)")
        print(f"median of {REPEAT} rounds; computing pieces: >= 50 ms CPU")
        header = f"{'workload':<13}{'model':<11}{'median':>8}"
        print(f"{header}{'speed-up':>10}{'range':>12}  ideal")
        loop = asyncio.new_event_loop()
        shares = []
        with ThreadPoolExecutor(TASKS) as threads:
            start(threads, TASKS)
            try:
                for name, detail, fn, size, count in workloads:
                    runs = models(threads, processes, loop, fn, size, count)
                    ideal = count if fn is wait else min(count, CPUS)
                    times, share = take_turns(runs)
                    print_rows(name, detail, times, ideal)
                    if fn is not wait:  # computing in turn takes a whole CPU
                        shares.append(share)
            finally:
                loop.close()
    # On an idle machine one thread computing gets a whole CPU: 1.0.
    low = min(shares)
    print(f"sequential computing got {low:.1f} of a CPU (1.0 if idle)")
