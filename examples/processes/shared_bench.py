# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Operations per second for each way of sharing a counter between processes,
and what it costs."""

import multiprocessing
import struct
import time
from multiprocessing import shared_memory

WORKERS = 2


def value_unlocked(counter, lock, n) -> None:
    for _ in range(n):
        counter.value += 1


def value_locked(counter, lock, n) -> None:
    for _ in range(n):
        with lock:
            counter.value += 1


def manager_locked(shared, lock, n) -> None:
    for _ in range(n):
        with lock:
            shared["n"] += 1


def shm_locked(name, lock, n) -> None:
    block = shared_memory.SharedMemory(name=name)
    try:
        for _ in range(n):
            with lock:
                (value,) = struct.unpack_from("q", block.buf)
                struct.pack_into("q", block.buf, 0, value + 1)
    finally:
        block.close()


def timed(work, ready, go, elapsed, *args) -> None:
    ready.release()
    if not go.wait(timeout=30):
        raise TimeoutError("no start signal")
    start = time.perf_counter()
    work(*args)
    elapsed.put(time.perf_counter() - start)


def measure(work, target, lock, n) -> float:
    """Run `work` in WORKERS processes at once; return operations per second
    over all of them."""
    ready, go, elapsed = (
        multiprocessing.Semaphore(0),
        multiprocessing.Event(),
        multiprocessing.Queue(),
    )
    workers = [
        multiprocessing.Process(
            target=timed, args=(work, ready, go, elapsed, target, lock, n)
        )
        for _ in range(WORKERS)
    ]
    for p in workers:
        p.start()
    for _ in workers:
        assert ready.acquire(timeout=30), "a worker did not start"
    go.set()  # process start-up is not part of the measurement
    seconds = max(elapsed.get(timeout=60) for _ in workers)
    for p in workers:
        p.join(timeout=30)
    assert all(p.exitcode == 0 for p in workers)
    return WORKERS * n / seconds


if __name__ == "__main__":
    rows = []
    lock = multiprocessing.Lock()

    counter = multiprocessing.Value(
        "q", 0, lock=False
    )  # a raw shared int, no lock at all
    rate = measure(value_unlocked, counter, None, 200_000)
    rows.append(
        ("Value, no lock (wrong)", rate, WORKERS * 200_000 - counter.value)
    )

    counter = multiprocessing.Value("q", 0, lock=False)
    rate = measure(value_locked, counter, lock, 50_000)
    rows.append(("Value + Lock", rate, WORKERS * 50_000 - counter.value))

    block = shared_memory.SharedMemory(create=True, size=8)
    try:
        struct.pack_into("q", block.buf, 0, 0)
        rate = measure(shm_locked, block.name, lock, 50_000)
        rows.append(
            (
                "SharedMemory + Lock",
                rate,
                WORKERS * 50_000 - struct.unpack_from("q", block.buf)[0],
            )
        )
    finally:
        block.close()
        block.unlink()

    with multiprocessing.Manager() as manager:
        shared = manager.dict(n=0)
        rate = measure(manager_locked, shared, lock, 1_000)
        rows.append(
            ("Manager().dict() + Lock", rate, WORKERS * 1_000 - shared["n"])
        )

    print(
        f"{WORKERS} processes incrementing one shared counter at the same "
        "time:"
    )
    print(f"  {'way':<26} {'increments/s':>13}  {'lost updates':>12}")
    for name, rate, lost in rows:
        print(f"  {name:<26} {rate:>13,.0f}  {lost:>12,}")
    assert all(lost == 0 for name, _, lost in rows if "Lock" in name)
