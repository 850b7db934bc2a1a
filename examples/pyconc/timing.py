"""Timing helpers: repeat a measurement and report the median with its spread.

A single timing of concurrent code is at the mercy of whatever else the machine
is doing; the median of a few repetitions, shown with its min-max range, is
what a reader can trust.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timing(Generic[T]):
    """Seconds taken by repeated runs of the
    same work, and what the last run returned.

    Attributes:
        seconds: Wall-clock time of each run, in the order they ran.
        result: The return value of the last run (check it: a fast wrong answer
            is no answer).
    """

    seconds: tuple[float, ...]
    result: T

    @property
    def median(self) -> float:
        """The median time in seconds."""
        return statistics.median(self.seconds)

    def speedup_over(self, baseline: Timing) -> float:
        """How many times faster than `baseline` this is, comparing medians."""
        return baseline.median / self.median

    def __str__(self) -> str:
        if len(self.seconds) == 1:
            return f"{self.median:.2f} s"
        return (
            f"{self.median:.2f} s (min {min(self.seconds):.2f}, "
            f"max {max(self.seconds):.2f})"
        )


def measure(work: Callable[[], T], repeat: int = 3) -> Timing[T]:
    """Run `work()` `repeat` times and time
    each run with `time.perf_counter()`.

    Args:
        work: A function taking no arguments; use
            `functools.partial` to bind some.
        repeat: How many times to run it (at least 1).

    Returns:
        A `Timing` with every run's seconds and the last run's result.

    Example:
        >>> t = measure(lambda: sum(range(1000)), repeat=3)
        >>> t.result, len(t.seconds)
        (499500, 3)
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    seconds = []
    result: T
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - start)
    return Timing(tuple(seconds), result)
