# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Where the overhead wins: the same work cut into smaller and smaller jobs.

A process pool pays something for every job: the parent pickles the job, sends it through
a pipe, a worker wakes up, and the result comes back the same way. With big jobs that cost
is invisible; with tiny ones it is all there is, and the pool is slower than a plain loop.
This sweep runs the same amount of pure-Python work (TOTAL seconds of it, sequentially)
cut into jobs of each size, on a warm process pool with one worker per CPU, and prints the
crossover: the job size below which processes lose to sequential.
"""

import os
from concurrent.futures import ProcessPoolExecutor

from pyconc.bench import autorange, crossover, fmt_seconds, machine, sweep, warm
from pyconc.workloads import CRUNCH_PRIMES, crunch

TOTAL = 0.12  # seconds of sequential work in every step of the sweep
JOB_SIZES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03)  # 0.1 ms ... 30 ms
REPEAT = 3
CPUS = os.cpu_count() or 1


def sequential(jobs: int, units: int) -> list[int]:
    return [crunch(units) for _ in range(jobs)]


if __name__ == "__main__":
    print(machine())
    rounds, seconds = autorange(crunch, 0.05)
    unit = seconds / rounds  # one round of crunch(), measured in this process
    print(f"the same {fmt_seconds(TOTAL)} of pure Python, cut into jobs of each size;")
    print(f"{CPUS} worker processes (warm), median of {REPEAT} rounds")
    with ProcessPoolExecutor(CPUS) as pool:
        assert warm(pool, CPUS) == CPUS

        def processes(jobs: int, units: int) -> list[int]:
            return list(pool.map(crunch, [units] * jobs, timeout=60))

        steps = sweep(sequential, processes, unit, JOB_SIZES, TOTAL, REPEAT)
    for step in steps:  # every job counted the right primes
        assert step.parallel.result == [step.units * CRUNCH_PRIMES] * step.jobs
    print(f"\n{'one job':>9}{'jobs':>6}{'sequential':>12}{'processes':>11}{'speed-up':>10}  ideal")
    for step in steps:
        print(
            f"{fmt_seconds(step.job_seconds):>9}{step.jobs:>6}"
            f"{fmt_seconds(step.sequential.median):>12}{fmt_seconds(step.parallel.median):>11}"
            f"{step.speedup:>9.1f}x  {min(step.jobs, CPUS)}x"
        )
    smallest = min(steps, key=lambda s: s.job_seconds)
    per_job = smallest.parallel.median / smallest.jobs
    print(f"\ncost per job at the smallest size: about {fmt_seconds(per_job)}")
    below, above = crossover(steps)
    if below is None:
        print("crossover: none here, processes won at every size")
    elif above is None:
        largest = max(step.job_seconds for step in steps)
        print(f"crossover: none here, processes lost even at {fmt_seconds(largest)}")
    else:
        print(
            f"crossover: processes are slower below about {fmt_seconds(below)} per job,"
            f"\n  faster from {fmt_seconds(above)} up"
        )
