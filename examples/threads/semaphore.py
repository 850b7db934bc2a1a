# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Semaphore limits how many threads do something at once; BoundedSemaphore
catches a bug.

A semaphore holds a counter: acquire() takes one (waiting while it is 0),
release() gives one back. Initialised to 3, it lets at most 3 threads into a
block: a connection limit, a rate limit on an API. A plain Semaphore accepts a
release() nobody acquired and silently raises the limit; a BoundedSemaphore
raises ValueError instead, which is almost always what you want.
"""

import threading
import time

LIMIT = 3
WORKERS = 10


class Gauge:
    """Counts how many threads are inside at once, and the most ever seen."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.inside = 0
        self.peak = 0

    def enter(self) -> None:
        with self.lock:
            self.inside += 1
            self.peak = max(self.peak, self.inside)

    def leave(self) -> None:
        with self.lock:
            self.inside -= 1


def download(
    slots: threading.Semaphore, gauge: Gauge, done: list[int], n: int
) -> None:
    if not slots.acquire(timeout=10):  # never wait forever for a slot
        raise TimeoutError("no free slot in 10 s")
    try:
        gauge.enter()
        time.sleep(
            0.05
        )  # the limited resource: a connection, a licence, an API quota
        gauge.leave()
        done.append(n)
    finally:
        slots.release()


def peak_with(slots: threading.Semaphore) -> int:
    gauge, done = Gauge(), []
    threads = [
        threading.Thread(target=download, args=(slots, gauge, done, n))
        for n in range(WORKERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
        assert not t.is_alive()
    assert sorted(done) == list(range(WORKERS))
    return gauge.peak


if __name__ == "__main__":
    peak = peak_with(threading.BoundedSemaphore(LIMIT))
    print(
        f"{WORKERS} workers, BoundedSemaphore({LIMIT}): "
        f"at most {peak} inside at once"
    )
    assert peak <= LIMIT

    # A bug: one release() too many (say, in an error path that also runs
    # `finally`).
    buggy = threading.Semaphore(LIMIT)
    buggy.release()  # accepted without a word: the limit is now LIMIT + 1
    peak = peak_with(buggy)
    print(
        f"Semaphore({LIMIT}) after one extra "
        f"release(): at most {peak} inside at once"
    )
    assert peak <= LIMIT + 1

    bounded = threading.BoundedSemaphore(LIMIT)
    try:
        bounded.release()
    except ValueError as error:
        print(f"BoundedSemaphore({LIMIT}).release() without acquire ->")
        print(f"  ValueError: {error}")
    else:
        raise AssertionError(
            "BoundedSemaphore should refuse the extra release"
        )
