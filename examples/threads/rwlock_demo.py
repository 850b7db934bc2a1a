# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""A read-write lock, and the same config read by many threads under it and
under a Lock.

The standard library has no read-write lock; RWLock below is a complete one, to
copy. Readers hold the lock while they "look something up" (a 5 ms wait
standing for disk or network I/O, which releases the GIL). With a plain Lock
the readers queue up one by one; with an RWLock they overlap, and the writer
still gets its turn. Readers check that they never see a half-written config.
Then the lock's edge cases: a nested read while a writer waits, a release
without an acquire, an upgrade from read to write.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

READERS = 4
READS = 25  # per reader
WRITES = 5
LOOKUP = 0.005  # seconds a reader holds the lock


class RWLock:
    """A writer-preferring read-write lock for threads of one process.

    Readers share the lock; a writer holds it alone. When a writer is waiting,
    readers that arrive later wait until it has finished, so writers are never
    starved by readers (a long stream of writers can, in turn, delay readers).
    Every acquire takes an optional timeout.

    Re-entrant for reads only: a thread that already holds the read lock may
    take it again (it never waits, even behind a queued writer, which would
    otherwise wait for it: a deadlock); each acquire_read() needs its
    release_read(). Everything else that would wait for itself raises
    RuntimeError at once: asking for the write lock while holding the read lock
    (no upgrades: release, then acquire_write()), asking again for the write
    lock, or for the read lock while holding the write lock. Not for processes:
    it lives in one process's memory.

    Attributes:
        readers: How many threads hold the read lock now (for tests and
            monitoring).
        writer_active: Whether a writer holds the lock now.
        writers_waiting: How many writers are waiting for the lock now.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._reads: dict[
            int, int
        ] = {}  # thread ident -> how many reads it holds
        self.writer_active = False
        self.writers_waiting = 0
        self._writer_ident: int | None = None

    @property
    def readers(self) -> int:
        return len(self._reads)

    # -- readers --------------------------------------------------------------

    def acquire_read(self, timeout: float | None = None) -> bool:
        """Take the lock for reading, alongside other readers.

        Waits while a writer holds the lock or is waiting for it, unless this
        thread already holds a read lock (a nested read never waits).

        Returns:
            True if the read lock was taken, False if the timeout expired
            first.

        Raises:
            RuntimeError: If this thread holds the write lock.
        """
        me = threading.get_ident()
        with self._cond:
            if self._writer_ident == me:
                raise RuntimeError(
                    "acquire_read() while holding the write lock"
                )
            if (
                me in self._reads
            ):  # nested read: waiting behind a writer would deadlock
                self._reads[me] += 1
                return True
            if not self._cond.wait_for(
                lambda: not self.writer_active and self.writers_waiting == 0,
                timeout,
            ):
                return False
            self._reads[me] = 1
            return True

    def release_read(self) -> None:
        """Give back one read lock this thread took with `acquire_read()`.

        Raises:
            RuntimeError: If this thread holds no read lock.
        """
        me = threading.get_ident()
        with self._cond:
            held = self._reads.get(me, 0)
            if held == 0:
                raise RuntimeError(
                    "release_read() by a thread that holds no read lock"
                )
            if held > 1:
                self._reads[me] = held - 1
                return
            del self._reads[me]
            if not self._reads:
                self._cond.notify_all()  # a waiting writer may go now

    # -- writers --------------------------------------------------------------

    def acquire_write(self, timeout: float | None = None) -> bool:
        """Take the lock for writing, alone.

        Waits until no reader and no other writer holds it. While this writer
        waits, new readers wait too (writer preference).

        Returns:
            True if the write lock was taken, False if the timeout expired
            first.

        Raises:
            RuntimeError: If this thread holds the read lock or the write lock
                already.
        """
        me = threading.get_ident()
        with self._cond:
            if me in self._reads:
                raise RuntimeError(
                    "acquire_write() while holding the read lock"
                )
            if self._writer_ident == me:
                raise RuntimeError(
                    "acquire_write() while holding the write lock"
                )
            self.writers_waiting += 1
            acquired = False
            try:
                acquired = self._cond.wait_for(
                    lambda: not self.writer_active and not self._reads, timeout
                )
            finally:
                self.writers_waiting -= 1
                if (
                    not acquired
                ):  # timeout, or an exception (KeyboardInterrupt)
                    # readers held back by us may go now
                    self._cond.notify_all()
            if not acquired:
                return False
            self.writer_active = True
            self._writer_ident = me
            return True

    def release_write(self) -> None:
        """Give back the write lock; only the thread that took it may.

        Raises:
            RuntimeError: If the calling thread does not hold the write lock.
        """
        with self._cond:
            if (
                not self.writer_active
                or self._writer_ident != threading.get_ident()
            ):
                raise RuntimeError(
                    "release_write() by a thread that does not hold the lock"
                )
            self.writer_active = False
            self._writer_ident = None
            self._cond.notify_all()  # readers and writers may go now

    # -- context managers -----------------------------------------------------

    @contextmanager
    def read(self, timeout: float | None = None) -> Iterator[None]:
        """`with lock.read():` holds the read lock; TimeoutError if not taken
        in time."""
        if not self.acquire_read(timeout):
            raise TimeoutError(f"read lock not acquired within {timeout} s")
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def write(self, timeout: float | None = None) -> Iterator[None]:
        """`with lock.write():` holds the write lock; TimeoutError if not taken
        in time."""
        if not self.acquire_write(timeout):
            raise TimeoutError(f"write lock not acquired within {timeout} s")
        try:
            yield
        finally:
            self.release_write()

    def __repr__(self) -> str:
        return (
            f"<RWLock readers={self.readers} "
            f"writer_active={self.writer_active} "
            f"writers_waiting={self.writers_waiting}>"
        )


class Config:
    def __init__(self) -> None:
        self.version = 0
        # always version * 7: a reader seeing anything else saw a torn write
        self.checksum = 0


class PlainLock:
    """The same read()/write() interface over one threading.Lock: everyone is
    exclusive."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @contextmanager
    def read(self, timeout: float) -> Iterator[None]:
        if not self._lock.acquire(timeout=timeout):
            raise TimeoutError(f"lock not acquired within {timeout} s")
        try:
            yield
        finally:
            self._lock.release()

    write = read


def run(lock) -> tuple[float, int, int]:
    config = Config()
    torn: list[int] = []
    writes_done = [0]

    def reader() -> None:
        for _ in range(READS):
            with lock.read(timeout=30):
                version = config.version
                time.sleep(LOOKUP)  # I/O while holding the read lock
                if config.checksum != version * 7 or config.version != version:
                    torn.append(version)

    def writer() -> None:
        for _ in range(WRITES):
            time.sleep(LOOKUP * 4)  # writes are rare
            with lock.write(timeout=30):
                config.version += 1
                time.sleep(
                    0
                )  # a thread switch mid-update: readers must not see it
                config.checksum = config.version * 7
                writes_done[0] += 1

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    threads.append(threading.Thread(target=writer))
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive()
    return time.perf_counter() - start, len(torn), writes_done[0]


def write_once(lock: RWLock) -> None:
    with lock.write(timeout=10):
        pass


def error_of(call) -> str:
    """Call it; return the name of the exception it raised (it must raise)."""
    try:
        call()
    except RuntimeError as error:
        return type(error).__name__
    raise AssertionError(f"{call.__name__}() did not raise")


if __name__ == "__main__":
    total_reads = READERS * READS
    serial = total_reads * LOOKUP
    print(
        f"{READERS} readers x {READS} reads, each "
        f"holding the lock {LOOKUP * 1000:.0f} ms;"
    )
    print(f"1 writer making {WRITES} updates")
    print(
        f"{'lock':<16}{'time':>8}{'reads/s':>10}"
        f"{'writes':>8}{'torn reads':>12}"
    )
    rates = {}
    for name, lock in [("threading.Lock", PlainLock()), ("RWLock", RWLock())]:
        elapsed, torn, writes = run(lock)
        rates[name] = total_reads / elapsed
        print(
            f"{name:<16}{elapsed:>7.2f}s"
            f"{rates[name]:>10.0f}{writes:>8}{torn:>12}"
        )
        assert torn == 0 and writes == WRITES
    speedup = rates["RWLock"] / rates["threading.Lock"]
    print(
        f"RWLock read throughput: {speedup:.1f}x the Lock's (ideal {READERS}x:"
    )
    print(
        "  all readers overlapping; the reads "
        f"alone, one by one, take {serial:.2f} s)"
    )

    # Edge cases: each would hang or corrupt the lock if it were not handled.
    lock = RWLock()
    assert lock.acquire_read(timeout=10)
    writer = threading.Thread(target=write_once, args=(lock,))
    writer.start()
    deadline = time.monotonic() + 10
    while lock.writers_waiting == 0 and time.monotonic() < deadline:
        time.sleep(0.001)
    assert lock.writers_waiting == 1  # a writer is queued behind our read
    nested = lock.acquire_read(timeout=1)  # must not wait behind it
    print(f"nested read while a writer waits: acquired={nested}")
    assert nested
    lock.release_read()
    lock.release_read()  # our last read: the writer goes now
    writer.join(timeout=10)
    assert not writer.is_alive()

    print(f"release_read() holding nothing: {error_of(lock.release_read)}")
    assert lock.acquire_read(timeout=10)
    print(f"acquire_write() holding a read: {error_of(lock.acquire_write)}")
    lock.release_read()
    assert (lock.readers, lock.writer_active, lock.writers_waiting) == (
        0,
        False,
        0,
    )
