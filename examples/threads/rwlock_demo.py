# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""The toolkit's RWLock in use: a shared config many threads read and one thread updates.

Readers hold the lock while they "look something up" (a 5 ms wait standing for disk or
network I/O, which releases the GIL). With a plain Lock the readers queue up one by one;
with an RWLock they overlap, and the writer still gets its turn. Readers check that they
never see a half-written config.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from pyconc.rwlock import RWLock

READERS = 4
READS = 25  # per reader
WRITES = 5
LOOKUP = 0.005  # seconds a reader holds the lock


class Config:
    def __init__(self) -> None:
        self.version = 0
        self.checksum = 0  # always version * 7: a reader seeing anything else saw a torn write


class PlainLock:
    """The same read()/write() interface over one threading.Lock: everyone is exclusive."""

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
                time.sleep(0)  # a thread switch mid-update: readers must not see it
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


if __name__ == "__main__":
    total_reads = READERS * READS
    serial = total_reads * LOOKUP
    print(
        f"{READERS} readers x {READS} reads, each holding the lock {LOOKUP * 1000:.0f} ms; "
        f"1 writer making {WRITES} updates"
    )
    print(f"{'lock':<16}{'time':>8}{'reads/s':>10}{'writes':>8}{'torn reads':>12}")
    rates = {}
    for name, lock in [("threading.Lock", PlainLock()), ("RWLock", RWLock())]:
        elapsed, torn, writes = run(lock)
        rates[name] = total_reads / elapsed
        print(f"{name:<16}{elapsed:>7.2f}s{rates[name]:>10.0f}{writes:>8}{torn:>12}")
        assert torn == 0 and writes == WRITES
    print(
        f"RWLock read throughput: {rates['RWLock'] / rates['threading.Lock']:.1f}x the Lock's "
        f"(ideal {READERS}x: all readers overlapping; reads alone serialised take {serial:.2f} s)"
    )
