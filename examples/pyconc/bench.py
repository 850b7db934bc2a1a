"""A small benchmark harness: run one workload under several models and worker counts.

For each model (sequential, threads, processes...) and each worker count N, `compare()` runs
N jobs at once `repeat` times and keeps every time; the speed-up is the sequential time for
the same N jobs divided by the model's time, shown as the median with the min-max range,
next to the ideal (N for waiting, min(N, cores) for computing). `report()` prints that as a
table and `chart()` draws it (see `pyconc.timeline.speedup_svg`).
"""

from __future__ import annotations

import os
import platform
import sys
import sysconfig
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pyconc.timeline import speedup_svg
from pyconc.timing import Timing


def gil_enabled() -> bool:
    """Whether this interpreter runs with a GIL (True on every build before 3.13)."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else check()


def machine() -> str:
    """One line about where a benchmark ran: CPUs, Python build, OS (and load, where known).

    Example:
        >>> "CPUs" in machine() and "Python" in machine()
        True
    """
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    build = "free-threaded build" if free_threaded else "default build"
    gil = "GIL enabled" if gil_enabled() else "GIL disabled"
    line = (
        f"{os.cpu_count()} CPUs, {platform.python_implementation()} "
        f"{platform.python_version()} ({build}, {gil}), {platform.system()} {platform.machine()}"
    )
    if hasattr(os, "getloadavg"):  # how busy the machine was: other programs share the cores
        line += f", load average {os.getloadavg()[0]:.1f}"
    return line


@dataclass(frozen=True)
class Point:
    """The times of one model at one worker count, and the sequential times they compare to.

    Attributes:
        model: The model's name, e.g. "threads".
        workers: N, the number of jobs run at once (and of workers running them).
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
) -> list[Point]:
    """Time every model at every worker count, each against the sequential model.

    The repetitions are interleaved (model A, B, C, then A, B, C again...), so a burst of
    activity from another program slows every model a little rather than one model a lot.

    Args:
        models: Name to a function that runs N jobs and returns their results; one of them
            must be called "sequential".
        workers: The worker counts, e.g. `(1, 2, 4)`.
        check: Called with each run's results: raise (assert) if they are wrong.
        repeat: Repetitions of each measurement.

    Returns:
        One `Point` per model and worker count, sequential included.
    """
    points = []
    for n in workers:
        seconds: dict[str, list[float]] = {name: [] for name in models}
        last: dict[str, Sequence[object]] = {}
        for _ in range(repeat):
            for name, model in models.items():
                start = time.perf_counter()
                results = model(n)
                seconds[name].append(time.perf_counter() - start)
                assert len(results) == n, (name, n, results)
                check(results)
                last[name] = results
        timings = {name: Timing(tuple(seconds[name]), last[name]) for name in models}
        points += [Point(name, n, timings[name], timings["sequential"]) for name in models]
    return points


def report(points: Sequence[Point], ideal: Callable[[int], float]) -> str:
    """The points as a table: time (median, min-max), speed-up and the ideal speed-up."""
    lines = [
        f"{'model':<16} {'N':>2}  {'median':>8}  {'min-max':>15}  {'speed-up':>8}  ideal",
    ]
    for p in points:
        t = p.timing
        spread = f"{min(t.seconds) * 1000:.0f}-{max(t.seconds) * 1000:.0f} ms"
        lines.append(
            f"{p.model:<16} {p.workers:>2}  {t.median * 1000:>5.0f} ms  {spread:>15}  "
            f"{p.speedup()[0]:>7.1f}x  {ideal(p.workers):g}x"
        )
    return "\n".join(lines)


def chart(
    points: Sequence[Point], ideal: Callable[[int], float], title: str, lang: str = "en"
) -> str:
    """An SVG chart of the speed-ups (sequential left out: it is 1x by definition).

    `lang="zh"` draws the axis and legend words in Chinese (pass a Chinese `title` too) for
    a `name.zh.svg` that Chinese pages show instead of `name.svg`.
    """
    workers = sorted({p.workers for p in points})
    series: dict[str, list[tuple[float, float, float]]] = {}
    for p in sorted(points, key=lambda p: p.workers):
        if p.model != "sequential":
            series.setdefault(p.model, []).append(p.speedup())
    return speedup_svg(title, workers, series, [ideal(n) for n in workers], lang=lang)
