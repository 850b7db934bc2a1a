# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""What the GIL protects (one operation on a built-in object) and what it does
not (yours).

The GIL, or on free-threaded builds the per-object locks that replace it, keeps
the interpreter's own state intact: list.append from many threads never loses
an item or corrupts the list. Your invariants are another matter: "if the key
is missing, create it" is two steps, and another thread can run between them.
"""

import threading
import time

THREADS = 4


def run_threads(target, *args) -> None:
    threads = [
        threading.Thread(target=target, args=args) for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
        assert not t.is_alive()


def appender(items: list[int]) -> None:
    for i in range(100_000):
        items.append(i)  # one operation on a built-in list: atomic


def connect() -> object:
    time.sleep(
        0.01
    )  # opening a connection takes a while; other threads run meanwhile
    return object()


# Every thread checks before any thread acts. A real program gets this
# interleaving only sometimes (a thread switch between the two steps); forcing
# it makes the demo deterministic.
checked = threading.Barrier(THREADS)


def get_or_create_unsafe(
    cache: dict, seen: list, start: threading.Barrier
) -> None:
    start.wait(
        timeout=10
    )  # all threads arrive together, as requests do under load
    missing = "conn" not in cache  # step 1: check
    checked.wait(timeout=10)
    if missing:
        conn = cache["conn"] = (
            connect()
        )  # step 2: act, overwriting another thread's object
    else:
        conn = cache["conn"]
    seen.append(conn)


def get_or_create_setdefault(
    cache: dict, seen: list, start: threading.Barrier
) -> None:
    start.wait(timeout=10)
    # One call on a built-in dict: the first thread's object wins, every thread
    # gets it. (Every thread still called connect(); use a lock if creating one
    # is costly.)
    seen.append(cache.setdefault("conn", connect()))


lock = threading.Lock()
created = []


def get_or_create_locked(
    cache: dict, seen: list, start: threading.Barrier
) -> None:
    start.wait(timeout=10)
    with lock:  # check and act as one step: connect() runs exactly once
        if "conn" not in cache:
            cache["conn"] = connect()
            created.append(1)
    seen.append(cache["conn"])


if __name__ == "__main__":
    items: list[int] = []
    run_threads(appender, items)
    print(
        f"{THREADS} threads x 100,000 list.append(): "
        f"{len(items):,} items, none lost"
    )
    assert len(items) == THREADS * 100_000
    assert sorted(set(items)) == list(range(100_000))

    for label, fn in [
        ("check-then-act, no lock", get_or_create_unsafe),
        ("dict.setdefault()", get_or_create_setdefault),
        ("check-then-act in a Lock", get_or_create_locked),
    ]:
        cache: dict = {}
        seen: list = []
        run_threads(fn, cache, seen, threading.Barrier(THREADS))
        distinct = len({id(obj) for obj in seen})
        print(
            f"{label:<26} {THREADS} threads were "
            f"handed {distinct} distinct connection(s)"
        )
        assert distinct == 1 or fn is get_or_create_unsafe
        if fn is get_or_create_unsafe:
            assert (
                distinct == THREADS
            )  # every thread saw "missing" and made its own
    assert created == [1]
