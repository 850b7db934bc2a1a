# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A race that "doesn't reproduce" is still a race: force the interleaving and
it always does.

`counter += 1` is a read, an add and a write. On CPython 3.10+ with the GIL, a
thread is seldom switched out between them, so a naive test usually loses
nothing; on free-threaded builds and under other timings it does. Making the
bad interleaving happen on purpose (both threads read, then both write) turns
"can't reproduce" into a failure on every run.
"""

from __future__ import annotations

import sys
import threading

ROUNDS = 100


def naive(n_threads: int = 4, increments: int = 100_000) -> int:
    counter = 0

    def work() -> None:
        nonlocal counter
        for _ in range(increments):
            counter += 1

    threads = [threading.Thread(target=work) for _ in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return n_threads * increments - counter


def forced(lock: threading.Lock | None) -> int:
    """Two threads increment ROUNDS times each; without a lock both read before
    either writes."""
    counter = 0
    both_read = threading.Barrier(2, timeout=10)

    def work() -> None:
        nonlocal counter
        for _ in range(ROUNDS):
            if lock is None:
                value = counter  # read
                both_read.wait()  # the other thread reads the same value now
                counter = value + 1  # write: one of the two increments is lost
                both_read.wait()
            else:
                with lock:  # read and write as one step
                    counter += 1

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return 2 * ROUNDS - counter


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(
        f"Python {sys.version.split()[0]}, GIL "
        f"{'enabled' if gil else 'disabled'}"
    )
    lost = naive()
    print(f"Naive test, 4 threads x 100,000 increments: {lost:,} updates lost")
    if lost == 0:
        print(
            "  (0 proves nothing: the race is there, this run just missed it)"
        )
    else:
        print(
            "  (this run caught it; the next run on the same machine may not)"
        )

    lost = forced(lock=None)
    print(f"Forced interleaving, no lock: {lost} of {2 * ROUNDS} updates lost")
    assert lost == ROUNDS  # exactly one per round, on every run

    lost = forced(lock=threading.Lock())
    print(f"Same work with a Lock:        {lost} of {2 * ROUNDS} updates lost")
    assert lost == 0
