# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Value and Array: C types in shared memory; `+= 1` is not atomic, get_lock()
makes it so."""

import multiprocessing

WORKERS, INCREMENTS = 4, 20_000


def add_unlocked(counter) -> None:
    for _ in range(INCREMENTS):
        counter.value += (
            1  # read, add, write: three steps another process can interleave
        )


def add_locked(counter) -> None:
    for _ in range(INCREMENTS):
        with (
            counter.get_lock()
        ):  # the lock that Value(...) created alongside the number
            counter.value += 1


def fill(squares, index: int) -> None:
    squares[index] = (
        index * index
    )  # each worker writes its own slot: no lock needed


def run(target, counter) -> int:
    workers = [
        multiprocessing.Process(target=target, args=(counter,))
        for _ in range(WORKERS)
    ]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=60)
    assert all(p.exitcode == 0 for p in workers)
    return counter.value


if __name__ == "__main__":
    print("Type codes are C types (the array module's codes):")
    x = multiprocessing.Value("d", 0.1)
    print(f"  Value('d', 0.1) -> a C double: {x.value!r}")
    f = multiprocessing.Value("f", 0.1)
    print(f"  Value('f', 0.1) -> a C float, 32 bits: {f.value!r}")
    i = multiprocessing.Value("i", 2**31 - 1)
    i.value += 1
    print(f"  Value('i', 2**31 - 1), then += 1 -> {i.value}")
    print("    (a C int wraps around silently)")
    assert i.value == -(2**31)

    expected = WORKERS * INCREMENTS
    print(
        f"{WORKERS} processes each add 1 to a shared Value {INCREMENTS:,} "
        f"times (expected {expected:,}):"
    )
    got = run(add_unlocked, multiprocessing.Value("i", 0))
    print(
        f"  counter.value += 1            -> {got:,}: "
        f"{expected - got:,} updates lost"
    )
    assert got <= expected
    got = run(add_locked, multiprocessing.Value("i", 0))
    print(
        f"  with counter.get_lock(): += 1 -> {got:,}: "
        f"{expected - got:,} updates lost"
    )
    assert got == expected

    squares = multiprocessing.Array("q", 5)  # five 64-bit ints, zero-filled
    workers = [
        multiprocessing.Process(target=fill, args=(squares, n))
        for n in range(5)
    ]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=30)
    print(f"Array('q', 5) filled by 5 processes, one slot each: {squares[:]}")
    assert squares[:] == [0, 1, 4, 9, 16]
