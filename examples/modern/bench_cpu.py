# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Computing, measured: N jobs run by 1, 2 and 4 workers, in pure Python and in C.

Pure Python (counting primes) holds the GIL while it runs; hashlib's SHA-256 releases it
while it hashes a large buffer. Computing needs a CPU, so the ideal speed-up with N workers
is min(N, cores). Subinterpreters (InterpreterPoolExecutor, Python 3.14+) are measured only
where this interpreter has them; the output says when it does not. asyncio is left out: a
coroutine that computes never awaits, so it runs like the sequential model. Pools are
started and warmed before timing. Writes one chart per workload.
"""

import os
import sys
from concurrent import futures
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from pyconc.bench import chart, compare, gil_enabled, machine, report
from pyconc.workloads import count_primes, digest

WORKERS, REPEAT = (1, 2, 4), 3
CORES = os.cpu_count() or 1
LIMIT, PRIMES = 25_000, 2762  # primes below 25,000: every job checks its answer
MIB, ROUNDS = 16, 2
SHA = digest(MIB, ROUNDS)  # the expected hash, computed once here


def ideal(n: int) -> float:
    return min(n, CORES)  # no more jobs at once than there are cores to run them


def interpreter_pool():
    """InterpreterPoolExecutor if this interpreter has it (3.14+), else None and why not."""
    pool_class = getattr(futures, "InterpreterPoolExecutor", None)
    if pool_class is None:
        return (
            None,
            f"not available: Python {sys.version.split()[0]} has no InterpreterPoolExecutor (3.14+)",
        )
    return pool_class(max(WORKERS)), ""


if __name__ == "__main__":
    print(machine())
    print(f"pure Python: count_primes({LIMIT:_}); C: sha256 of {MIB} MiB x {ROUNDS}")
    print(f"median of {REPEAT} runs")
    with ProcessPoolExecutor(max(WORKERS)) as processes:
        assert list(processes.map(count_primes, [LIMIT] * max(WORKERS), timeout=60)) == [
            PRIMES
        ] * max(WORKERS)
        list(processes.map(digest, [MIB] * max(WORKERS), timeout=60))  # each builds its buffer
        interpreters, why_not = interpreter_pool()
        if interpreters is not None:
            try:
                list(interpreters.map(count_primes, [LIMIT] * max(WORKERS), timeout=60))
                list(interpreters.map(digest, [MIB] * max(WORKERS), timeout=60))
            except Exception as error:  # e.g. a module that cannot load in a subinterpreter
                interpreters.shutdown()
                interpreters, why_not = None, f"failed here: {type(error).__name__}: {error}"
        threads_name = "threads" if gil_enabled() else "threads (no GIL)"
        print(f"subinterpreters: {'measured' if interpreters else why_not}")
        print(
            f"free-threading: {'yes, the GIL is off' if not gil_enabled() else 'no, this build has a GIL'}"
        )
        with ThreadPoolExecutor(max(WORKERS)) as threads:
            for name, job, arg, expected in [
                ("pure Python", count_primes, LIMIT, PRIMES),
                ("hashlib", digest, MIB, SHA),
            ]:
                args = (arg,) if job is count_primes else (arg, ROUNDS)

                def seq(n, job=job, args=args):
                    return [job(*args) for _ in range(n)]

                def pooled(pool, job=job, args=args):
                    return lambda n: list(pool.map(job, *[[a] * n for a in args], timeout=60))

                models = {
                    "sequential": seq,
                    threads_name: pooled(threads),
                    "processes": pooled(processes),
                }
                if interpreters is not None:
                    models["subinterpreters"] = pooled(interpreters)

                def check(results, expected=expected):
                    assert all(r == expected for r in results), results

                points = compare(models, WORKERS, check, REPEAT)
                print(f"\n{name}: ideal speed-up = min(N, {CORES} cores)")
                print(report(points, ideal))
                slug = "1_python" if job is count_primes else "2_hashlib"
                svg = chart(points, ideal, f"Computing ({name}): speed-up over sequential")
                Path(f"bench_cpu_{slug}.svg").write_text(svg, encoding="utf-8")
        if interpreters is not None:
            interpreters.shutdown()
