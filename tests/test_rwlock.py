"""The read-write lock of examples/threads/rwlock_demo.py: exclusion and progress.

The lock lives inside its example (so a reader can copy one file); it is loaded from there.
Every wait here is bounded by a timeout, so a broken lock fails a test instead of hanging it.
No assertion is about speed: each one is about who may hold the lock, and whether waiting
threads eventually get it.
"""

import importlib.util
import threading
import time
from pathlib import Path

import pytest

_DEMO = Path(__file__).resolve().parents[1] / "examples" / "threads" / "rwlock_demo.py"
_spec = importlib.util.spec_from_file_location("rwlock_demo", _DEMO)
rwlock_demo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rwlock_demo)
RWLock = rwlock_demo.RWLock

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


def waiting_in(lock) -> int:
    """How many threads are blocked inside the lock's Condition right now."""
    with lock._cond:
        return len(lock._cond._waiters)


def queue_writer_then_reader(lock, writer_call):
    """Reader 1 (this thread) holds; a writer queues; a new reader waits behind it.

    Returns (writer thread, its box, reader thread, its box) once both are known to be
    blocked inside the lock, so the reader really waited for the writer.
    """
    assert lock.acquire_read(timeout=LONG)
    writer, writer_box = in_thread(writer_call)
    assert wait_until(lambda: lock.writers_waiting == 1 and waiting_in(lock) == 1)
    # The reader's own timeout is longer than finish() waits: it must be woken, not time out.
    reader, reader_box = in_thread(lock.acquire_read, 3 * LONG)
    assert wait_until(lambda: waiting_in(lock) == 2), "the new reader did not wait"
    assert writer_box == [] and reader_box == []
    return writer, writer_box, reader, reader_box


class ExpireOnDemand(threading.Condition):
    """A Condition whose timed wait, in the writer's thread, expires when the test says.

    So the test knows the new reader is queued behind the writer *before* the writer's
    timeout expires, on any machine, with no race between the two.
    """

    def __init__(self) -> None:
        super().__init__(threading.Lock())
        self.expire = threading.Event()
        self.writer_ident: int | None = None

    def wait_for(self, predicate, timeout=None):
        if threading.get_ident() != self.writer_ident:
            return super().wait_for(predicate, timeout)
        result = predicate()
        while not result and not self.expire.is_set():
            self.wait()
            result = predicate()
        return result


def test_a_writer_that_times_out_lets_readers_in() -> None:
    lock = RWLock()
    lock._cond = cond = ExpireOnDemand()

    def writer() -> bool:
        cond.writer_ident = threading.get_ident()
        return lock.acquire_write(timeout=LONG)  # "expires" on cond.expire

    w, w_box, r, r_box = queue_writer_then_reader(lock, writer)
    cond.expire.set()
    with cond:
        cond.notify(1)  # wakes the first waiter only: the writer, "timed out"
    finish(w)
    assert w_box == [False]
    finish(r)  # the reader held back by the writer gets in
    assert r_box == [True] and lock.readers == 2 and lock.writers_waiting == 0
    lock.release_read()


class Interrupted(Exception):
    """Stands for a KeyboardInterrupt arriving while a writer waits."""


class Tripwire(dict):
    """The lock's per-thread read counts; once armed, the writer's predicate raises."""

    armed = False

    def __bool__(self) -> bool:
        if self.armed:
            raise Interrupted
        return len(self) > 0


def test_a_writer_interrupted_while_waiting_lets_readers_in() -> None:
    lock = RWLock()
    lock._reads = Tripwire()

    def writer() -> str:
        try:
            lock.acquire_write(timeout=LONG)
        except Interrupted:
            return "Interrupted"
        return "acquired"

    w, w_box, r, r_box = queue_writer_then_reader(lock, writer)
    lock._reads.armed = True
    with lock._cond:
        lock._cond.notify(1)  # wakes the first waiter only: the writer, which raises
    finish(w)
    lock._reads.armed = False
    assert w_box == ["Interrupted"]
    finish(r)  # without a notify on the exception path it would wait until LONG
    assert r_box == [True] and lock.writers_waiting == 0 and lock.readers == 2
    lock.release_read()


def test_a_nested_read_does_not_wait_behind_a_queued_writer() -> None:
    lock = RWLock()

    def writer() -> bool:
        with lock.write(timeout=LONG):
            return True

    w, w_box, r, r_box = queue_writer_then_reader(lock, writer)
    assert lock.acquire_read(timeout=SHORT), "a nested read deadlocked behind the writer"
    lock.release_read()
    assert lock.readers == 1  # still held once by this thread
    lock.release_read()  # the writer goes first, then the reader
    finish(w)
    finish(r)
    assert w_box == [True] and r_box == [True]


def test_mode_changes_in_one_thread_raise_instead_of_deadlocking() -> None:
    lock = RWLock()
    with lock.read(timeout=LONG), pytest.raises(RuntimeError):
        lock.acquire_write(timeout=LONG)  # an upgrade would wait for itself
    with lock.write(timeout=LONG):
        with pytest.raises(RuntimeError):
            lock.acquire_write(timeout=LONG)
        with pytest.raises(RuntimeError):
            lock.acquire_read(timeout=LONG)
    assert (lock.readers, lock.writer_active, lock.writers_waiting) == (0, False, 0)


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
    assert lock.acquire_read(timeout=LONG)
    t, box = in_thread(lambda: _try(lock.release_read))  # it holds no read lock itself
    finish(t)
    assert box == ["RuntimeError"] and lock.readers == 1
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
