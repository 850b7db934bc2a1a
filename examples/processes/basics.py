# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Process basics: start/join/exitcode, PIDs, target= vs a subclass, arguments
and results."""

import multiprocessing
import os
import sys


def square(n: int, results: multiprocessing.Queue) -> None:
    # A child cannot return a value to its parent: send it through a queue
    # instead.
    results.put((n, n * n, os.getpid(), os.getppid()))


def fail(code: int) -> None:
    sys.exit(code)  # the child's exit status becomes Process.exitcode


class Countdown(multiprocessing.Process):
    """The subclass style: state in __init__, work in run(); start() calls
    run() in the child."""

    def __init__(self, start_at: int, results: multiprocessing.Queue) -> None:
        super().__init__(name=f"countdown-{start_at}")
        self.start_at = start_at
        self.results = results

    def run(self) -> None:
        self.results.put((self.name, list(range(self.start_at, 0, -1))))


if __name__ == "__main__":
    me = os.getpid()
    results = multiprocessing.Queue()

    print("target= with args=, results sent back through a Queue:")
    workers = [
        multiprocessing.Process(target=square, args=(n, results))
        for n in (3, 1, 2)
    ]
    print(
        f"  before start(): pid={workers[0].pid}, "
        f"exitcode={workers[0].exitcode}"
    )
    for p in workers:
        p.start()
    # Collect before joining: a child that still has data in a queue may not
    # exit yet.
    got = sorted(results.get(timeout=30) for _ in workers)
    for p in workers:
        p.join(timeout=30)
    for n, sq, pid, ppid in got:
        parent = (
            "this process"
            if ppid == me
            else "another process (the fork server)"
        )
        print(
            f"  {n}^2 = {sq}, computed in its own process; its parent is "
            f"{parent}"
        )
        assert pid != me
    assert [sq for _, sq, _, _ in got] == [1, 4, 9]
    print(f"  distinct child PIDs: {len({pid for _, _, pid, _ in got})}")
    print(
        f"  after join(): exit codes {[p.exitcode for p in workers]}, alive "
        f"{[p.is_alive() for p in workers]}"
    )

    print("Exit codes:")
    for code in (0, 3):
        p = multiprocessing.Process(target=fail, args=(code,))
        p.start()
        p.join(timeout=30)
        print(f"  sys.exit({code}) in the child -> exitcode {p.exitcode}")
        assert p.exitcode == code
    p = multiprocessing.Process(target=square, args=(0, results))
    p.start()
    results.get(timeout=30)
    p.join(timeout=30)
    # frees the Process object's resources; the process had ended already
    p.close()
    try:
        p.is_alive()
    except ValueError as error:
        print("  after Process.close(), using the object raises")
        print(f"    ValueError: {error}")

    print("Subclassing Process:")
    counters = [Countdown(n, results) for n in (3, 2)]
    for c in counters:
        c.start()
    got = sorted(results.get(timeout=30) for _ in counters)
    for c in counters:
        c.join(timeout=30)
    for name, values in got:
        print(f"  {name}: {values}")
    assert got == [("countdown-2", [2, 1]), ("countdown-3", [3, 2, 1])]
