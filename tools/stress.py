"""Run every example many times, with the other cores kept busy, and report what ever failed.

A concurrency example that passes once can still hang or fail one run in fifty: a race in the
example itself, a timeout too tight for a loaded machine, a process left behind. This runs
each example `--rounds` times (default 20) exactly as the tests do (example_runner.run: a
fresh interpreter, the example's timeout, leftover processes and leaks are failures), cycling
through the start methods for examples that start processes, while spinning processes keep the
other cores busy. Any failure or timeout makes the exit status non-zero.

Usage: python tools/stress.py [--rounds 20] [-k text] [--spinners N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

import example_runner


def spin(count: int) -> list[subprocess.Popen]:
    """Processes that only burn CPU, so the examples run on a machine under load."""
    return [
        subprocess.Popen(
            [sys.executable, "-c", "while True: pass"],
            stdin=subprocess.DEVNULL,
            start_new_session=os.name == "posix",
        )
        for _ in range(count)
    ]


def stop(spinners: list[subprocess.Popen]) -> None:
    for proc in spinners:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    for proc in spinners:
        proc.wait(timeout=30)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="runs per example (default 20)")
    parser.add_argument(
        "-k", dest="only", default="", help="only examples whose path contains this"
    )
    parser.add_argument(
        "--spinners",
        type=int,
        default=max(1, (os.cpu_count() or 2) - 1),
        help="busy processes to run alongside (default: CPUs - 1)",
    )
    return parser.parse_args(argv)


def runnable_examples(only: str) -> list[str]:
    """The examples whose path contains `only` and that can run on this Python."""
    return [
        name
        for name in example_runner.all_examples()
        if only in name and example_runner.meta_for(name).runnable_here
    ]


@dataclass
class Tally:
    """Runs, failures and the slowest run of each example, over all rounds."""

    runs: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    slowest: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def failed(self) -> int:
        return sum(map(len, self.failures.values()))


def run_once(name: str, method: str | None, round_no: int, tally: Tally) -> None:
    """Run one example once, as the tests do, and count how it went."""
    tally.runs[name] += 1
    t0 = time.perf_counter()
    try:  # the runner fails a run that leaks, as the build and the tests do
        example_runner.run(name, start_method=method)
    except example_runner.ExampleError as error:
        kind = "timeout" if "timed out" in str(error) else "failure"
        first = str(error).splitlines()[0]
        tally.failures[name].append(f"round {round_no + 1} [{method or 'any'}] {kind}: {first}")
        print(f"  FAIL {name} [{method or 'any'}]: {error}", flush=True)
    tally.slowest[name] = max(tally.slowest[name], time.perf_counter() - t0)


def run_round(
    round_no: int, rounds: int, names: list[str], methods: list[str], tally: Tally
) -> None:
    """Every example once; those that start processes under this round's start method."""
    started = time.perf_counter()
    failed_before = tally.failed()
    method = methods[round_no % len(methods)]
    for name in names:
        run_once(name, method if example_runner.uses_processes(name) else None, round_no, tally)
    failed = tally.failed() - failed_before
    print(
        f"round {round_no + 1}/{rounds}: {len(names) - failed} ok, {failed} failed "
        f"({time.perf_counter() - started:.1f} s)",
        flush=True,
    )


def report(names: list[str], tally: Tally, seconds: float) -> int:
    """Print a table of runs and failures per example; the exit status: 1 if any failed."""
    print(f"\n{'example':<40} {'runs':>5} {'failed':>7} {'timeouts':>9} {'slowest':>9}")
    for name in names:
        failures = tally.failures[name]
        timeouts = sum("timeout" in f for f in failures)
        print(
            f"{name:<40} {tally.runs[name]:>5} {len(failures):>7} {timeouts:>9} "
            f"{tally.slowest[name]:>8.1f}s"
        )
    total = tally.failed()
    print(f"\nstress: {sum(tally.runs.values())} runs, {total} failed, in {seconds:.0f} s")
    for name, lines in tally.failures.items():
        for line in lines:
            print(f"  {name}: {line}")
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = runnable_examples(args.only)
    if not names:
        print(f"stress: no runnable example matches {args.only!r}")
        return 1
    methods = example_runner.start_methods()
    print(
        f"stress: {len(names)} examples x {args.rounds} rounds on Python "
        f"{sys.version.split()[0]}, {args.spinners} spinning process(es), start methods "
        f"{', '.join(methods)} in turn"
    )
    tally = Tally()
    started = time.perf_counter()
    spinners = spin(args.spinners)
    try:
        for round_no in range(args.rounds):
            run_round(round_no, args.rounds, names, methods, tally)
    finally:
        stop(spinners)
    return report(names, tally, time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
