# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# timeout = 180  # jobs are sized in CPU time: a loaded machine stretches them
# per-interpreter = true
# ///
"""Threads on pure-Python work vs on hashlib/zlib work: the GIL decides.

On a GIL build only one thread at a time runs Python bytecode, so splitting a
pure-Python loop over threads does not make it faster. hashlib and zlib
release the GIL while they work on a large buffer, so their threads can run
on several cores at once. On a free-threaded build (3.13t, 3.14t) with the GIL
off, the pure-Python loop scales too.

Each kind of work is cut into PIECES equal pieces, each sized first to take
at least TARGET seconds alone. Every round runs all pieces in one thread,
then on a warm pool of one thread per CPU. "Cores busy" is CPU time divided
by wall time during the threaded runs: how many cores the threads really
kept busy. The ideal speed-up is min(pieces, CPUs).
"""

import hashlib
import math
import os
import statistics
import sys
import sysconfig
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

PIECES = 4
TARGET = 0.05  # seconds: the least time one piece takes, alone
REPEAT = 3
CPUS = os.cpu_count() or 1
THREADS = min(PIECES, CPUS)
BLOB = os.urandom(1 << 20)  # 1 MiB; hashlib releases the GIL above 2 KiB
TEXT = b"The quick brown fox jumps over the lazy dog. " * 10_000  # 450 KB


def python_loop(rounds: int) -> int:
    total = 0
    for i in range(rounds * 10_000):  # the thread needs the GIL for each step
        total += i % 7
    return total


def sha256(rounds: int) -> str:
    h = hashlib.sha256()
    for _ in range(rounds):
        h.update(BLOB)  # in C, with the GIL released
    return h.hexdigest()


def compress(rounds: int) -> int:
    return sum(len(zlib.compress(TEXT, 6)) for _ in range(rounds))


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


def gil_state() -> str:
    enabled = getattr(sys, "_is_gil_enabled", lambda: True)()  # 3.13+
    if not sysconfig.get_config_var("Py_GIL_DISABLED"):
        return "yes"
    return "yes (free-threaded build)" if enabled else "no (free-threaded)"


def hello(_: int) -> int:
    time.sleep(0.02)  # stay busy so the next task goes to another thread
    return threading.get_ident()


if __name__ == "__main__":
    print(f"Python {sys.version.split()[0]}, CPUs: {CPUS}, GIL: {gil_state()}")
    print(f"sys.getswitchinterval() = {sys.getswitchinterval()} s")
    jobs = [
        ("pure-Python loop", python_loop),
        ("hashlib.sha256", sha256),
        ("zlib.compress", compress),
    ]
    sizes = {label: size_piece(job, TARGET) for label, job in jobs}
    print(f"{PIECES} pieces of >= {TARGET:.2f} s CPU; median of {REPEAT}")
    one = {label: [] for label, _ in jobs}
    many = {label: [] for label, _ in jobs}
    cpu = dict.fromkeys(sizes, 0.0)
    with ThreadPoolExecutor(THREADS) as pool:
        seen: set[int] = set()  # warm: every thread started and ran a task
        deadline = time.monotonic() + 60
        while len(seen) < THREADS and time.monotonic() < deadline:
            seen.update(pool.map(hello, range(THREADS), timeout=60))
        for _ in range(REPEAT):  # take turns: one thread, then many
            for label, job in jobs:
                args = [sizes[label]] * PIECES
                begin = time.perf_counter()
                alone = [job(a) for a in args]
                one[label].append(time.perf_counter() - begin)
                begin, cpu_begin = time.perf_counter(), time.process_time()
                together = list(pool.map(job, args, timeout=60))
                many[label].append(time.perf_counter() - begin)
                cpu[label] += time.process_time() - cpu_begin
                assert alone == together  # same answers, whatever threads
    # The columns the page compares come first: on a phone they fit on screen.
    print(
        f"{'work':<17}{'speed-up':>9}{'ideal':>6}{'cores busy':>12}"
        f"{'range':>10}{'1 thread':>10}{f'{THREADS} threads':>10}"
    )
    for label in sizes:
        base = statistics.median(one[label])
        times = many[label]
        mid = statistics.median(times)
        spread = f"{base / max(times):.1f}-{base / min(times):.1f}x"
        busy = cpu[label] / sum(times)
        print(
            f"{label:<17}{base / mid:>8.1f}x{f'{THREADS}x':>6}{busy:>12.1f}"
            f"{spread:>10}{base:>8.2f} s{mid:>8.2f} s"
        )
