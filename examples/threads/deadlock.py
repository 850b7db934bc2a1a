# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""The classic deadlock: two threads take two locks in opposite orders.
Detected, then fixed.

Thread 1 transfers from A to B (locks A, then B); thread 2 transfers from B to
A (locks B, then A). If each gets its first lock, each waits forever for the
other's. Here every wait has a timeout, so the deadlock is reported instead of
hanging. An RLock does not help: re-entry only lets the *same* thread in again.
The fix is one global order: always lock A before B.
"""

import threading
import time

# how long a thread waits for its second lock before it reports a deadlock
WAIT = 0.5


class Account:
    def __init__(self, name: str, balance: int, lock_type) -> None:
        self.name = name
        self.balance = balance
        self.lock = lock_type()


def transfer(src, dst, amount, ordered, both_hold_first, report) -> None:
    # With a global order every thread locks accounts sorted by name, whatever
    # the direction.
    first, second = (
        sorted((src, dst), key=lambda a: a.name) if ordered else (src, dst)
    )
    label = f"{src.name}->{dst.name}"
    if not first.lock.acquire(timeout=5):
        report.append(f"{label}: could not get {first.name}")
        return
    try:
        if not ordered:
            both_hold_first.wait(
                timeout=5
            )  # make sure each thread holds its first lock
        else:
            time.sleep(
                0.05
            )  # the same unlucky timing; the order makes it harmless
        if not second.lock.acquire(timeout=WAIT):
            report.append(
                f"{label}: holds {first.name}, "
                f"waited {WAIT} s for {second.name}"
            )
            both_hold_first.wait(
                timeout=5
            )  # keep holding until the other side gave up too
            return
        try:
            src.balance -= amount
            dst.balance += amount
            report.append(f"{label}: done")
        finally:
            second.lock.release()
    finally:
        first.lock.release()


def scenario(title: str, lock_type, ordered: bool) -> list[str]:
    a, b = Account("A", 100, lock_type), Account("B", 100, lock_type)
    both_hold_first = threading.Barrier(2)
    report: list[str] = []
    threads = [
        threading.Thread(
            target=transfer, args=(a, b, 10, ordered, both_hold_first, report)
        ),
        threading.Thread(
            target=transfer, args=(b, a, 20, ordered, both_hold_first, report)
        ),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
        assert not t.is_alive(), "a thread is still stuck"
    print(title)
    for line in sorted(report):
        print(f"  {line}")
    assert a.balance + b.balance == 200  # money is never created or lost
    return report


if __name__ == "__main__":
    stuck = scenario(
        "Two Locks, opposite orders:", threading.Lock, ordered=False
    )
    assert all("waited" in line for line in stuck)
    print(
        "  -> deadlock detected: each thread "
        "holds the lock the other one needs"
    )

    stuck = scenario("The same with RLocks:", threading.RLock, ordered=False)
    assert all("waited" in line for line in stuck)
    print("  -> still a deadlock: an RLock only lets its owner re-enter")

    done = scenario(
        "Two Locks, one global order (A before B):",
        threading.Lock,
        ordered=True,
    )
    assert sorted(done) == ["A->B: done", "B->A: done"]
    print("  -> no deadlock: nobody can hold B while waiting for A")
