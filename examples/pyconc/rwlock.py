"""A read-write lock for threads: many readers at once, or one writer alone.

The standard library has no read-write lock. This one is small, built on a single
`threading.Condition`, and *writer-preferring*: once a writer is waiting, new readers wait
behind it, so a steady stream of readers cannot starve writers. Every acquire takes an
optional timeout, so no caller has to wait forever.

It only pays off when readers hold the lock long enough to overlap: while they wait for I/O
or run C code that releases the GIL (on a free-threaded build, any code). Short pure-Python
reads under the GIL gain nothing over a plain `threading.Lock`, which is simpler and faster.

Example:
    >>> from pyconc.rwlock import RWLock
    >>> config = {"mode": "fast"}
    >>> lock = RWLock()
    >>> with lock.read():       # shared: other readers may be inside too
    ...     mode = config["mode"]
    >>> with lock.write():      # exclusive: no reader, no other writer
    ...     config["mode"] = "safe"
    >>> mode, config["mode"]
    ('fast', 'safe')
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["RWLock"]


class RWLock:
    """A writer-preferring read-write lock for threads of one process.

    Readers share the lock; a writer holds it alone. When a writer is waiting, readers that
    arrive later wait until it has finished, so writers are never starved by readers (a long
    stream of writers can, in turn, delay readers). Not re-entrant: a thread that holds the
    read lock and asks for the write lock waits for itself (and times out, if you gave a
    timeout). Not for processes: it lives in one process's memory.

    Attributes:
        readers: How many threads hold the read lock now (for tests and monitoring).
        writer_active: Whether a writer holds the lock now.
        writers_waiting: How many writers are waiting for the lock now.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self.readers = 0
        self.writer_active = False
        self.writers_waiting = 0
        self._writer_ident: int | None = None

    # -- readers ---------------------------------------------------------------------------

    def acquire_read(self, timeout: float | None = None) -> bool:
        """Take the lock for reading, alongside other readers.

        Waits while a writer holds the lock or is waiting for it.

        Args:
            timeout: Seconds to wait at most; None waits as long as it takes.

        Returns:
            True if the read lock was taken, False if the timeout expired first.
        """
        with self._cond:
            if not self._cond.wait_for(
                lambda: not self.writer_active and self.writers_waiting == 0, timeout
            ):
                return False
            self.readers += 1
            return True

    def release_read(self) -> None:
        """Give back a read lock taken with `acquire_read()`.

        Raises:
            RuntimeError: If no thread holds the read lock.
        """
        with self._cond:
            if self.readers == 0:
                raise RuntimeError("release_read() without a matching acquire_read()")
            self.readers -= 1
            if self.readers == 0:
                self._cond.notify_all()  # a waiting writer may go now

    # -- writers ---------------------------------------------------------------------------

    def acquire_write(self, timeout: float | None = None) -> bool:
        """Take the lock for writing, alone.

        Waits until no reader and no other writer holds it. While this writer waits, new
        readers wait too (writer preference).

        Args:
            timeout: Seconds to wait at most; None waits as long as it takes.

        Returns:
            True if the write lock was taken, False if the timeout expired first.
        """
        with self._cond:
            self.writers_waiting += 1
            try:
                acquired = self._cond.wait_for(
                    lambda: not self.writer_active and self.readers == 0, timeout
                )
            finally:
                self.writers_waiting -= 1
            if not acquired:
                self._cond.notify_all()  # readers held back by this writer may go now
                return False
            self.writer_active = True
            self._writer_ident = threading.get_ident()
            return True

    def release_write(self) -> None:
        """Give back the write lock; only the thread that took it may.

        Raises:
            RuntimeError: If the calling thread does not hold the write lock.
        """
        with self._cond:
            if not self.writer_active or self._writer_ident != threading.get_ident():
                raise RuntimeError("release_write() by a thread that does not hold the lock")
            self.writer_active = False
            self._writer_ident = None
            self._cond.notify_all()  # readers and writers may go now

    # -- context managers ------------------------------------------------------------------

    @contextmanager
    def read(self, timeout: float | None = None) -> Iterator[None]:
        """`with lock.read():` holds the read lock for the block.

        Args:
            timeout: Seconds to wait at most; None waits as long as it takes.

        Raises:
            TimeoutError: If the lock could not be taken within `timeout`.
        """
        if not self.acquire_read(timeout):
            raise TimeoutError(f"read lock not acquired within {timeout} s")
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def write(self, timeout: float | None = None) -> Iterator[None]:
        """`with lock.write():` holds the write lock for the block.

        Args:
            timeout: Seconds to wait at most; None waits as long as it takes.

        Raises:
            TimeoutError: If the lock could not be taken within `timeout`.
        """
        if not self.acquire_write(timeout):
            raise TimeoutError(f"write lock not acquired within {timeout} s")
        try:
            yield
        finally:
            self.release_write()

    def __repr__(self) -> str:
        return (
            f"<RWLock readers={self.readers} writer_active={self.writer_active} "
            f"writers_waiting={self.writers_waiting}>"
        )
