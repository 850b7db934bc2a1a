"""A small benchmark harness: run one workload
under several models and worker counts.

Measuring concurrency honestly takes four habits, and this module has one
helper for each:

- **Size the job** (`autorange()`): grow it until one run takes at least a
  target time, as `timeit` does, so that what you measure is the work, not the
  cost of handing it out.
- **Warm the pools** (`warm()`): start every worker and run one task in each
  before timing, so that starting processes or threads is not counted as
  running jobs.
- **Interleave and repeat** (`compare()`): model A, B, C, then A, B, C again,
  so a burst of activity from another program slows every model a little rather
  than one model a lot; keep every time and report the median with the range.
- **Compare with the ideal** (`report()`, `chart()`): the speed-up is the
  sequential time for the same N jobs divided by the model's time, next to N
  for waiting and min(N, cores) for computing.

`sweep()` does the opposite of `autorange()`: it cuts the same amount of work
into smaller and smaller jobs to show where the cost per job
wins (`crossover()`).
"""

from __future__ import annotations

import math
import os
import platform
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from pyconc.timeline import speedup_svg
from pyconc.timing import Timing


def gil_enabled() -> bool:
    """Whether this interpreter runs with a
    GIL (True on every build before 3.13)."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else check()


def free_threading() -> str:
    """One line on the GIL: the build (free-threaded or not) and whether the
    GIL is on.

    A free-threaded build (3.13t, 3.14t) can still run with the GIL, e.g. with
    `PYTHON_GIL=1` or after importing an extension that does not
    declare support.

    Example:
        >>> free_threading().startswith("free-threading: ")
        True
    """
    built = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    if not built:
        return "free-threading: no, this build has a GIL"
    if gil_enabled():
        return "free-threading: free-threaded build, but the GIL is on"
    return "free-threading: yes, the GIL is off"


def machine() -> str:
    """One line about where a benchmark ran: CPUs, Python build, OS (and load,
    where known).

    Example:
        >>> "CPUs" in machine() and "Python" in machine()
        True
    """
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    build = "free-threaded" if free_threaded else "default build"
    gil = "GIL on" if gil_enabled() else "GIL off"
    line = (
        f"{os.cpu_count()} CPUs, {platform.python_implementation()} "
        f"{platform.python_version()} ({build}, {gil}), {platform.system()}"
    )
    if hasattr(
        os, "getloadavg"
    ):  # how busy the machine was: other programs share the cores
        line += f", load {os.getloadavg()[0]:.1f}"
    return line


def autorange(
    job: Callable[[int], object],
    target: float = 0.2,
    start: int = 1,
    clock: Callable[[], float] = time.thread_time,
) -> tuple[int, float]:
    """The size to give `job` so that one run takes at least `target` seconds.

    Like `timeit.Timer.autorange()`: run `job(size)` with a growing size until
    one run takes `target` seconds or more. The size doubles while runs are
    short; once a run takes a quarter of the target, the next size is aimed at
    10% over it (sizes are proportional to time), so the job ends up close to
    the target rather than up to twice it. `job(size)` must do work
    proportional to `size` (e.g. `size` rounds of the same loop). A short job
    is dominated by the cost of handing it to a worker; one of 0.1-0.2 s is not
    (`sweep()` shows where the line falls).

    The default clock is this thread's CPU time: while other programs share the
    cores, the job takes longer on the wall clock, but not in CPU time, so a
    busy moment does not make it come out smaller than it is. For a job that
    waits rather than computes, pass `clock=time.perf_counter`.

    Args:
        job: A function of the size, run in this thread.
        target: The least time, in seconds, one run must take.
        start: The first size tried.
        clock: What to measure a run with.

    Returns:
        The size and the time its run took (at least `target`, usually within
        20% of it).

    Example:
        >>> work = lambda n: sum(range(n * 1000))
        >>> size, seconds = autorange(work, target=0.01)
        >>> seconds >= 0.01
        True
    """
    size = max(1, start)
    while True:
        begin = clock()
        job(size)
        seconds = clock() - begin
        if seconds >= target:
            return size, seconds
        if seconds >= target / 4:  # long enough to aim: time grows with size
            size = max(size + 1, math.ceil(size * target / seconds * 1.1))
        else:
            size *= 2


def _probe(
    delay: float, setup: Callable[[], object] | None
) -> tuple[int, int]:
    if setup is not None:
        setup()
    time.sleep(
        delay
    )  # stay busy, so that the next task goes to another worker
    return os.getpid(), threading.get_ident()


def warm(
    pool: Executor,
    workers: int,
    setup: Callable[[], object] | None = None,
    timeout: float = 60,
) -> int:
    """Start every worker of `pool` and run
    one small task in each, before any timing.

    Pools start their workers lazily, on the first tasks; a process also has to
    import the modules the job needs. `warm()` sends `workers` tasks at a time,
    each sleeping briefly so that one worker cannot take them all, until it has
    seen `workers` different workers (a worker that is slow to start may miss
    the first rounds) or `timeout` seconds passed.

    Args:
        pool: A `ThreadPoolExecutor`, `ProcessPoolExecutor`
            or `InterpreterPoolExecutor`.
        workers: How many workers the pool has.
        setup: Optional picklable function each task calls first (e.g. to
            import a module or build a buffer the job will use), as
            `functools.partial(job, small_size)`.
        timeout: Seconds to give up after.

    Returns:
        How many different workers ran a task (`workers` unless the pool is
        short of them).
    """
    seen: set[tuple[int, int]] = set()
    deadline = time.monotonic() + timeout
    while len(seen) < workers and time.monotonic() < deadline:
        seen.update(
            pool.map(
                _probe, [0.02] * workers, [setup] * workers, timeout=timeout
            )
        )
    return len(seen)


@dataclass(frozen=True)
class Point:
    """The times of one model at one worker count, and the sequential times
    they compare to.

    Attributes:
        model: The model's name, e.g. "threads".
        workers: N, the number of jobs run at
            once (and of workers running them).
        timing: The model's times for N jobs.
        baseline: The sequential times for the same N jobs.
    """

    model: str
    workers: int
    timing: Timing
    baseline: Timing

    def speedup(self) -> tuple[float, float, float]:
        """(median, lowest, highest) speed-up over the sequential median."""
        base = self.baseline.median
        return (
            base / self.timing.median,
            base / max(self.timing.seconds),
            base / min(self.timing.seconds),
        )


def compare(
    models: dict[str, Callable[[int], Sequence[object]]],
    workers: Sequence[int],
    check: Callable[[Sequence[object]], None],
    repeat: int = 3,
    scale_sequential: bool = False,
) -> list[Point]:
    """Time every model at every worker
    count, each against the sequential model.

    The repetitions are interleaved (model A, B, C, then A, B, C again...), so
    a burst of activity from another program slows every model a little rather
    than one model a lot.

    Args:
        models: Name to a function that runs N jobs and returns their results;
            one of them must be called "sequential".
        workers: The worker counts, e.g. `(1, 2, 4)`.
        check: Called with each run's results:
            raise (assert) if they are wrong.
        repeat: Repetitions of each measurement.
        scale_sequential: Run the sequential model with one job only (just
            before the other models at each N, in every round) and take N times
            its times as the baseline for N jobs. For computing this is the
            same number (N jobs one after another take N times as long as one),
            sampled more often, and it saves most of the benchmark's time; the
            sequential point then exists for N = 1 only.

    Returns:
        One `Point` per model and worker count (sequential included, for every
        N unless `scale_sequential`).
    """
    seconds: dict[tuple[str, int], list[float]] = {}
    last: dict[tuple[str, int], Sequence[object]] = {}
    runs = [
        ("sequential", 1)
        if scale_sequential and name == "sequential"
        else (name, n)
        for n in workers
        for name in models
    ]
    for _ in range(repeat):
        for name, n in runs:
            start = time.perf_counter()
            results = models[name](n)
            seconds.setdefault((name, n), []).append(
                time.perf_counter() - start
            )
            assert len(results) == n, (name, n, results)
            check(results)
            last[name, n] = results
    timing = {
        key: Timing(tuple(times), last[key]) for key, times in seconds.items()
    }
    points = []
    for n in workers:
        base = timing.get(("sequential", n))
        if (
            base is None
        ):  # scaled: N jobs one after another take N times one job
            one = timing["sequential", 1]
            base = Timing(tuple(t * n for t in one.seconds), one.result)
        points += [
            Point(name, n, timing[name, n], base)
            for name in models
            if (name, n) in timing
        ]
    return points


def report(points: Sequence[Point], ideal: Callable[[int], float]) -> str:
    """The points as a table: median time,
    speed-up (median and range), ideal speed-up.

    The range goes from the speed-up of the slowest repetition to that of the
    fastest, both against the sequential median. A median speed-up more than
    10% above the ideal cannot come from concurrency; the table then ends with
    a line (`BUSY`) saying so.
    """
    lines = [
        f"{'model':<17}{'N':>2}{'median':>9}"
        f"{'speed-up':>10}{'range':>12}  ideal"
    ]
    for p in points:
        mid, low, high = p.speedup()
        spread = f"{low:.1f}-{high:.1f}x"
        lines.append(
            f"{p.model:<17}{p.workers:>2}{fmt_seconds(p.timing.median):>9}"
            f"{mid:>9.1f}x{spread:>12}  {ideal(p.workers):g}x"
        )
    if any(p.speedup()[0] > 1.1 * ideal(p.workers) for p in points):
        lines.append(BUSY)
    return "\n".join(lines)


# Printed under a table where a model beat
# its ideal: not possible on an idle machine.
BUSY = (
    "(above the ideal: other programs slowed "
    "the baseline; the machine was busy)"
)


def fmt_seconds(seconds: float) -> str:
    """A duration with honest precision: "0.42 ms", "12 ms", "1.25 s".

    Example:
        >>> fmt_seconds(0.00042), fmt_seconds(0.0123), fmt_seconds(1.25)
        ('0.42 ms', '12 ms', '1.25 s')
    """
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    if seconds >= 0.001:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1000:.2f} ms"


def chart(
    points: Sequence[Point],
    ideal: Callable[[int], float],
    title: str,
    lang: str = "en",
) -> str:
    """An SVG chart of the speed-ups (sequential
    left out: it is 1x by definition).

    `lang="zh"` draws the axis and legend words in Chinese (pass a Chinese
    `title` too) for a `name.zh.svg` that Chinese pages show instead
    of `name.svg`.
    """
    workers = sorted({p.workers for p in points})
    series: dict[str, list[tuple[float, float, float]]] = {}
    for p in sorted(points, key=lambda p: p.workers):
        if p.model != "sequential":
            series.setdefault(p.model, []).append(p.speedup())
    return speedup_svg(
        title, workers, series, [ideal(n) for n in workers], lang=lang
    )


@dataclass(frozen=True)
class Step:
    """One job size of a `sweep()`: the same total work cut into `jobs` jobs.

    Attributes:
        job_seconds: How long one job takes, run
            alone in one thread (estimated).
        units: The size of one job, in units of work.
        jobs: How many jobs the total work was cut into.
        sequential: Times of all jobs one after another.
        parallel: Times of all jobs on the pool.
    """

    job_seconds: float
    units: int
    jobs: int
    sequential: Timing
    parallel: Timing

    @property
    def speedup(self) -> float:
        """Sequential median over parallel median:
        below 1, the pool made it slower."""
        return self.sequential.median / self.parallel.median


def sweep(
    sequential: Callable[[int, int], object],
    parallel: Callable[[int, int], object],
    unit_seconds: float,
    job_sizes: Sequence[float],
    total: float,
    repeat: int = 3,
) -> list[Step]:
    """Run the same total work cut into jobs of each size, sequentially and on
    a pool.

    Args:
        sequential: `sequential(jobs, units)` runs `jobs` jobs of `units` units
            each, one after another, and returns their results.
        parallel: The same on a (warm) pool.
        unit_seconds: How long one unit takes (measure it with `autorange()`).
        job_sizes: The job durations to try, in seconds.
        total: The total work of each step, in seconds of sequential computing.
        repeat: Repetitions, interleaved between the sequential and the
            parallel run.

    Returns:
        One `Step` per job size, in the order given; a size that comes out as
        the same number of units as an earlier one is skipped.
    """
    steps: list[Step] = []
    for size in job_sizes:
        units = max(1, round(size / unit_seconds))
        if any(step.units == units for step in steps):
            # smaller than one unit: the same job as a step already run
            continue
        jobs = max(1, round(total / (units * unit_seconds)))
        times: dict[str, list[float]] = {"sequential": [], "parallel": []}
        results: dict[str, object] = {}
        for _ in range(repeat):
            for name, run in (
                ("sequential", sequential),
                ("parallel", parallel),
            ):
                start = time.perf_counter()
                results[name] = run(jobs, units)
                times[name].append(time.perf_counter() - start)
            assert results["parallel"] == results["sequential"], (
                "the pool got another answer"
            )
        steps.append(
            Step(
                units * unit_seconds,
                units,
                jobs,
                Timing(tuple(times["sequential"]), results["sequential"]),
                Timing(tuple(times["parallel"]), results["parallel"]),
            )
        )
    return steps


def crossover(steps: Sequence[Step]) -> tuple[float | None, float | None]:
    """Between which two job sizes the pool starts to beat sequential.

    Going from the smallest jobs up, the crossover is where the speed-up first
    goes from at most 1 to above 1. On a busy machine a larger size can still
    lose again: look at the whole table, not only at this pair.

    Returns:
        `(below, above)`: the largest job size, up to the crossover, at which
        the pool was not faster, and the next size, at which it was. `below` is
        None if the pool won at every size, `above` is None if it never won.
    """
    ordered = sorted(steps, key=lambda s: s.job_seconds)
    below = None
    for step in ordered:
        if step.speedup > 1.0:
            return below, step.job_seconds
        below = step.job_seconds
    return below, None
