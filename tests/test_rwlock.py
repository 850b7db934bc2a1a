"""The toolkit's read-write lock (examples/pyconc/rwlock.py): exclusion and progress.

Every wait here is bounded by a timeout, so a broken lock fails a test instead of hanging it.
No assertion is about speed: each one is about who may hold the lock, and whether waiting
threads eventually get it.
"""

import threading
import time

import pytest
from pyconc.rwlock import RWLock

SHORT = 0.05  # a wait expected to fail: long enough to see that the lock is really taken
LONG = 10.0  # a wait expected to succeed: far longer than it should ever need


def wait_until(predicate, timeout: float = LONG) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


def in_thread(fn, *args):
    """Run fn(*args) in a new thread; return (thread, box) where box gets the result."""
    box: list = []
    t = threading.Thread(target=lambda: box.append(fn(*args)), daemon=True)
    t.start()
    return t, box


def finish(t: threading.Thread) -> None:
    t.join(LONG)
    assert not t.is_alive(), "a thread is still waiting for the lock"


def test_readers_share_the_lock() -> None:
    lock = RWLock()
    n = 4
    all_inside = threading.Barrier(n, timeout=LONG)  # breaks if they cannot all be inside

    def reader() -> bool:
        with lock.read(timeout=LONG):
            all_inside.wait()  # every reader holds the read lock at this moment
            return True

    threads = [in_thread(reader) for _ in range(n)]
    for t, _ in threads:
        finish(t)
    assert [box for _, box in threads] == [[True]] * n
    assert lock.readers == 0


def test_a_writer_excludes_readers_and_writers() -> None:
    lock = RWLock()
    assert lock.acquire_write(timeout=LONG)
    for fn in (lock.acquire_read, lock.acquire_write):
        t, box = in_thread(fn, SHORT)
        finish(t)
        assert box == [False], f"{fn.__name__} succeeded while a writer held the lock"
    lock.release_write()
    assert lock.acquire_read(timeout=LONG)  # free again
    lock.release_read()


def test_a_reader_excludes_writers() -> None:
    lock = RWLock()
    assert lock.acquire_read(timeout=LONG)
    t, box = in_thread(lock.acquire_write, SHORT)
    finish(t)
    assert box == [False]
    lock.release_read()
    t, box = in_thread(lock.acquire_write, LONG)
    finish(t)
    assert box == [True]


def test_a_waiting_writer_goes_before_new_readers() -> None:
    lock = RWLock()
    assert lock.acquire_read(timeout=LONG)  # reader 1 holds the lock
    writer, got_write = in_thread(lock.acquire_write, LONG)
    assert wait_until(lambda: lock.writers_waiting == 1)
    # A new reader must not overtake the waiting writer, even though only readers hold it.
    t, box = in_thread(lock.acquire_read, SHORT)
    finish(t)
    assert box == [False]
    lock.release_read()  # reader 1 leaves: the writer goes
    finish(writer)
    assert got_write == [True] and lock.writer_active


def test_no_writer_starvation_under_a_stream_of_readers() -> None:
    lock = RWLock()
    stop = threading.Event()
    reads = [0] * 4

    def reader(i: int) -> None:
        # Readers overlap: without writer preference the read count would never reach zero.
        while not stop.is_set():
            if lock.acquire_read(timeout=LONG):
                time.sleep(0.002)
                reads[i] += 1
                lock.release_read()

    readers = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(4)]
    for t in readers:
        t.start()
    try:
        assert wait_until(lambda: all(reads))  # the stream is flowing
        for _ in range(5):
            assert lock.acquire_write(timeout=LONG), "a writer starved behind the readers"
            assert lock.readers == 0
            lock.release_write()
    finally:
        stop.set()
        for t in readers:
            finish(t)


def test_a_writer_that_times_out_lets_readers_in() -> None:
    lock = RWLock()
    assert lock.acquire_read(timeout=LONG)
    t, box = in_thread(lock.acquire_write, 0.2)  # gives up while the reader holds on
    assert wait_until(lambda: lock.writers_waiting == 1)
    blocked, got_read = in_thread(lock.acquire_read, LONG)  # waits behind the writer...
    finish(t)
    assert box == [False]
    finish(blocked)  # ...and gets in once the writer gave up
    assert got_read == [True] and lock.readers == 2 and lock.writers_waiting == 0


def test_invariants_hold_under_mixed_load() -> None:
    lock = RWLock()
    state = {"readers": 0, "writers": 0}
    guard = threading.Lock()
    violations: list[str] = []

    def check(role: str) -> None:
        with guard:
            r, w = state["readers"], state["writers"]
            if w > 1 or (w == 1 and r > 0):
                violations.append(f"{role}: {r} readers and {w} writers inside")

    def enter_exit(key: str, role: str) -> None:
        with guard:
            state[key] += 1
        check(role)
        time.sleep(0.0005)
        check(role)
        with guard:
            state[key] -= 1

    def reader() -> None:
        for _ in range(50):
            with lock.read(timeout=LONG):
                enter_exit("readers", "reader")

    def writer() -> None:
        for _ in range(20):
            with lock.write(timeout=LONG):
                enter_exit("writers", "writer")

    threads = [threading.Thread(target=f, daemon=True) for f in [reader] * 4 + [writer] * 2]
    for t in threads:
        t.start()
    for t in threads:
        finish(t)
    assert violations == []
    assert (lock.readers, lock.writer_active, lock.writers_waiting) == (0, False, 0)


def test_context_managers_raise_on_timeout_and_release_on_error() -> None:
    lock = RWLock()
    with pytest.raises(ValueError), lock.write(timeout=LONG):
        raise ValueError("the block failed")
    assert not lock.writer_active  # released despite the exception
    with lock.read(timeout=LONG):
        t, box = in_thread(lambda: _enter(lock.write, SHORT))
        finish(t)
        assert box == ["TimeoutError"]


def _enter(cm, timeout: float) -> str:
    try:
        with cm(timeout=timeout):
            return "entered"
    except TimeoutError:
        return "TimeoutError"


def test_wrong_releases_are_errors() -> None:
    lock = RWLock()
    with pytest.raises(RuntimeError):
        lock.release_read()
    with pytest.raises(RuntimeError):
        lock.release_write()
    assert lock.acquire_write(timeout=LONG)
    t, box = in_thread(lambda: _try(lock.release_write))  # another thread may not release it
    finish(t)
    assert box == ["RuntimeError"]
    lock.release_write()


def _try(fn) -> str:
    try:
        fn()
    except RuntimeError:
        return "RuntimeError"
    return "released"
