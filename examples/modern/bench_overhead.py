# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# timeout = 180  # jobs are sized in CPU time: a loaded machine stretches them
# ///
"""Where the overhead wins: the same work cut into smaller and smaller jobs.

A process pool pays something for every job: the parent pickles the job and
sends it through a pipe, a worker wakes up, and the result comes back the
same way. With big jobs that cost is invisible; with tiny ones it is all
there is, and the pool is slower than a plain loop. This sweep runs the same
amount of pure-Python work (TOTAL seconds of it, sequentially) cut into jobs
of each size, on a warm process pool with one worker per CPU, and prints the
crossover: the job size below which processes lose to sequential.
"""

import os
from concurrent.futures import ProcessPoolExecutor

from pyconc.bench import BUSY, autorange, crossover, machine, sweep, warm
from pyconc.bench import fmt_seconds as fmt
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
    print(f"the same {fmt(TOTAL)} of pure Python, cut into jobs of each size")
    print(f"{CPUS} worker processes (warm), median of {REPEAT} rounds")
    with ProcessPoolExecutor(CPUS) as pool:
        assert warm(pool, CPUS) == CPUS

        def processes(jobs: int, units: int) -> list[int]:
            return list(pool.map(crunch, [units] * jobs, timeout=60))

        steps = sweep(sequential, processes, unit, JOB_SIZES, TOTAL, REPEAT)
    for step in steps:  # every job counted the right primes
        assert step.parallel.result == [step.units * CRUNCH_PRIMES] * step.jobs
    header = f"{'one job':>9}{'jobs':>6}{'sequential':>12}{'processes':>11}"
    print(f"\n{header}{'speed-up':>10}{'range':>11}  ideal")
    for step in steps:
        base, times = step.sequential.median, step.parallel.seconds
        spread = f"{base / max(times):.1f}-{base / min(times):.1f}x"
        print(
            f"{fmt(step.job_seconds):>9}{step.jobs:>6}"
            f"{fmt(base):>12}{fmt(step.parallel.median):>11}"
            f"{step.speedup:>9.1f}x{spread:>11}  {min(step.jobs, CPUS)}x"
        )
    if any(step.speedup > 1.1 * min(step.jobs, CPUS) for step in steps):
        print(BUSY)
    small = min(steps, key=lambda s: s.job_seconds)
    per_job = small.parallel.median / small.jobs
    print(
        f"\nsmallest jobs: {fmt(small.job_seconds)} of work each, but"
        f" {fmt(per_job)} each\n  on the pool: the rest is the cost per job"
    )
    below, above = crossover(steps)
    if below is None:
        print("crossover: none here, processes won at every size")
    elif above is None:
        print("crossover: none here, processes never beat sequential")
    else:
        print(
            f"crossover: processes lose to sequential at {fmt(below)} a job"
            f"\n  and below, and win from {fmt(above)} a job"
        )
    again = [s for s in steps if above and s.job_seconds > above]
    if any(s.speedup <= 1.0 for s in again):  # noise from a busy machine
        print("  (a larger size lost again: was the machine busy?)")
