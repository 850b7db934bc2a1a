# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# timeout = 180  # jobs are sized in CPU time: a loaded machine stretches them
# per-interpreter = true
# ///
"""Computing, measured: N jobs run by 1, 2 and 4 workers, in Python and in C.

Pure Python (counting primes) holds the GIL while it runs; hashlib's SHA-256
releases it while it hashes a large buffer. Computing needs a CPU, so the
ideal speed-up with N workers is min(N, CPUs). Each job is sized first
(`autorange`) to take at least TARGET seconds, so that the cost of handing a
job to a worker (a fraction of a millisecond) is lost in the noise; pools are
started and warmed before timing; models take turns in every round.
Subinterpreters (InterpreterPoolExecutor, Python 3.14+) are measured only
where this interpreter has them. asyncio is left out: a coroutine that
computes never awaits, so it runs like the sequential model. Writes one chart
per workload.
"""

import os
from concurrent import futures
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial
from pathlib import Path

from pyconc.bench import (
    autorange,
    chart,
    compare,
    fmt_seconds,
    free_threading,
    gil_enabled,
    machine,
    report,
    warm,
)
from pyconc.workloads import CRUNCH_PRIMES, crunch, digest

TARGET = 0.08  # seconds of CPU: the least one job takes, alone
WORKERS, REPEAT = (1, 2, 4), 3
CPUS = os.cpu_count() or 1
MIB = 4  # one pass of the C job hashes 4 MiB


def ideal(n: int) -> float:
    return min(n, CPUS)  # no more jobs at once than CPUs to run them


def interpreter_pool(workers: int):
    """InterpreterPoolExecutor if there is one (3.14+), else None and why."""
    pool_class = getattr(futures, "InterpreterPoolExecutor", None)
    if pool_class is None:
        return None, "not available before Python 3.14"
    pool = pool_class(workers)
    try:
        warm(pool, workers, partial(digest, MIB, 0))
    except Exception as error:  # e.g. a module a subinterpreter refuses
        pool.shutdown()
        return None, f"failed: {type(error).__name__}"
    return pool, ""


def run_on(pool, job, size):
    """A model: N jobs of one size run on `pool`, returning their results."""
    return lambda n: list(pool.map(job, [size] * n, timeout=60))


def benchmark(slug, name, job, size, expected, pools):
    """Time one workload on every pool, print its table, save its chart."""
    models = {"sequential": lambda n: [job(size) for _ in range(n)]}
    for model, pool in pools.items():
        models[model] = run_on(pool, job, size)

    def check(results):
        assert all(r == expected for r in results), results

    points = compare(models, WORKERS, check, REPEAT, scale_sequential=True)
    print(f"\n{name}: ideal speed-up = min(N, {CPUS} CPUs)")
    print(report(points, ideal))
    title = f"Computing ({name}): speed-up over sequential"
    svg = chart(points, ideal, title)
    Path(f"bench_cpu_{slug}.svg").write_text(svg, encoding="utf-8")
    # The same chart in Chinese, which the site's Chinese pages show instead.
    zh = chart(
        points, ideal, f"计算（{name}）：相对顺序执行的加速比", lang="zh"
    )
    Path(f"bench_cpu_{slug}.zh.svg").write_text(zh, encoding="utf-8")


if __name__ == "__main__":
    print(machine())
    print(free_threading())
    # Size each job here: double it until one run takes TARGET or more.
    rounds, python_took = autorange(crunch, TARGET)
    passes, c_took = autorange(partial(digest, MIB), TARGET)
    sha = digest(MIB, passes)  # the expected answer, computed once here
    print(f"one job (autorange: >= {TARGET * 1000:.0f} ms of CPU time):")
    print(f"  pure Python: crunch({rounds}), {fmt_seconds(python_took)}")
    print(f"  hashlib: sha256 of {MIB} MiB x {passes}, {fmt_seconds(c_took)}")
    workers = max(WORKERS)
    # Processes first, before any thread exists (fork after threads is unsafe).
    with ProcessPoolExecutor(workers) as processes:
        assert warm(processes, workers, partial(digest, MIB, 0)) == workers
        interpreters, why_not = interpreter_pool(workers)
        print(f"subinterpreters: {why_not or 'measured'}")
        print(f"median of {REPEAT} rounds; pools warm; sequential = N x 1 job")
        with ThreadPoolExecutor(workers) as threads:
            assert warm(threads, workers) == workers
            threads_name = "threads" if gil_enabled() else "threads (no GIL)"
            pools = {threads_name: threads, "processes": processes}
            if interpreters is not None:
                pools["subinterpreters"] = interpreters
            python = CRUNCH_PRIMES * rounds
            benchmark("1_python", "pure Python", crunch, rounds, python, pools)
            c_job = partial(digest, MIB)
            benchmark("2_hashlib", "hashlib", c_job, passes, sha, pools)
        if interpreters is not None:
            interpreters.shutdown()
