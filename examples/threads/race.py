# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""A race condition forced to lose updates on every run, then the same code
fixed with a Lock.

Each deposit reads the shared balance, then writes back read + 1. If another
thread writes between our read and our write, one of the two updates is lost. A
Barrier between the read and the write makes every thread read before any
thread writes, so each round loses exactly THREADS - 1 deposits, on every
Python and every run; in real code the gap is a function call, a log line, an
I/O, and the loss happens only sometimes.
"""

import sys
import threading
import time

THREADS = 4
INCREMENTS = 500  # per thread


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = threading.Lock()
        self.all_read = threading.Barrier(THREADS, timeout=10)

    def deposit_unsafe(self) -> None:
        current = self.balance  # read
        self.all_read.wait()  # every thread has read the same balance now
        self.balance = (
            current + 1
        )  # write: overwrites whatever happened meanwhile
        self.all_read.wait()  # every thread has written before the next read

    def deposit_safe(self) -> None:
        with (
            self.lock
        ):  # read-modify-write as one step: no other thread can interleave
            current = self.balance
            time.sleep(0)  # offer a switch: the others wait at the lock
            self.balance = current + 1


def hammer(deposit) -> None:
    for _ in range(INCREMENTS):
        deposit()


def run(account: Account, deposit) -> int:
    threads = [
        threading.Thread(target=hammer, args=(deposit,))
        for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
        assert not t.is_alive()
    return THREADS * INCREMENTS - account.balance


naive_counter = 0


def naive_increments(n: int) -> None:
    global naive_counter
    for _ in range(n):
        naive_counter += (
            1  # also read-modify-write, but with no yield point inside
        )


if __name__ == "__main__":
    expected = THREADS * INCREMENTS
    print(f"{THREADS} threads x {INCREMENTS} deposits = {expected} expected")

    account = Account()
    lost = run(account, account.deposit_unsafe)
    print(f"without a lock: balance {account.balance}, lost updates: {lost}")
    # Each round, THREADS threads read the same balance and write the same
    # value back.
    assert lost == (THREADS - 1) * INCREMENTS, lost
    print(
        f"  every round loses {THREADS - 1} of "
        f"its {THREADS} deposits, on every run"
    )

    account = Account()
    lost = run(account, account.deposit_safe)
    print(f"with a lock:    balance {account.balance}, lost updates: {lost}")
    assert lost == 0

    # The naive `counter += 1` race: whether it shows depends on the
    # interpreter, not on whether the code is correct. It is wrong either way;
    # we print, never assert, the result.
    n = 200_000
    threads = [
        threading.Thread(target=naive_increments, args=(n,))
        for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(
        f"naive counter += 1, {THREADS} x {n:,}: "
        f"lost {THREADS * n - naive_counter:,}"
    )
    print(f"  updates this run (Python {version}, GIL enabled: {gil})")
