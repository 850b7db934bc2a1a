# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Threads on pure-Python work vs on hashlib/zlib work: the GIL decides which one scales.

On a GIL build only one thread at a time runs Python bytecode, so splitting a pure-Python
loop over threads does not make it faster. hashlib and zlib release the GIL while they work
on a large buffer, so their threads can run on several cores at once. Each job does the same
total work in one thread, then split over one thread per CPU. "Cores busy" is CPU time
divided by wall time during the threaded run: how many cores the threads really kept busy.
"""

import hashlib
import os
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

from pyconc.timing import measure

THREADS = os.cpu_count() or 1
PIECES = 8  # the work is cut into 8 pieces; both runs do all of them
BLOB = os.urandom(1 << 20) * 16  # 16 MiB; hashlib releases the GIL for buffers over 2 KiB
TEXT = b"The quick brown fox jumps over the lazy dog. " * 100_000  # 4.5 MB, compressible


def python_loop(_: int) -> int:
    total = 0
    for i in range(400_000):  # pure Python: the thread needs the GIL for every step
        total += i % 7
    return total


def sha256(_: int) -> str:
    return hashlib.sha256(BLOB).hexdigest()


def compress(_: int) -> int:
    return len(zlib.compress(TEXT, 6))


def one_thread(job) -> list:
    return [job(i) for i in range(PIECES)]


def many_threads(job) -> list:
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(job, range(PIECES), timeout=60))


if __name__ == "__main__":
    check = getattr(sys, "_is_gil_enabled", None)  # 3.13+
    gil = "yes" if check is None else ("yes" if check() else "no (free-threaded)")
    print(f"Python {sys.version.split()[0]}, GIL enabled: {gil}, CPUs: {os.cpu_count()}")
    print(f"sys.getswitchinterval() = {sys.getswitchinterval()} s")
    print(
        f"{'work (8 pieces)':<22}{'1 thread':>9}{f'{THREADS} threads':>11}"
        f"{'speed-up':>10}{'cores busy':>12}   (ideal: {THREADS}.0x, {THREADS}.0 cores)"
    )
    for label, job in [
        ("pure-Python loop", python_loop),
        ("hashlib.sha256 16 MiB", sha256),
        ("zlib.compress 4.5 MB", compress),
    ]:
        single = measure(lambda job=job: one_thread(job), repeat=3)
        cpu = time.process_time()  # CPU time of all threads of this process
        multi = measure(lambda job=job: many_threads(job), repeat=3)
        busy = (time.process_time() - cpu) / sum(multi.seconds)
        assert single.result == multi.result  # same answers, whatever the threading
        print(
            f"{label:<22}{single.median:>8.2f}s{multi.median:>10.2f}s"
            f"{multi.speedup_over(single):>9.1f}x{busy:>12.1f}"
        )
