# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Start and join threads two ways (target= and a subclass), get results back,
name them.

A thread runs a function concurrently with the rest of the program, in the same
memory. `start()` begins it; `join()` waits for it to finish. A thread's
function cannot `return` a value to whoever started it, so results travel
through shared objects you pass in.
"""

import threading
import time

DELAY = 0.2  # each worker "waits for I/O" this long


def fetch(item: int, results: dict[int, int]) -> None:
    time.sleep(DELAY)  # stands for a network call: sleeping releases the GIL
    results[item] = (
        item * item
    )  # each thread writes its own key: no two touch the same one


class Fetcher(threading.Thread):
    """The subclass style: override run(), keep the result on the thread
    object."""

    def __init__(self, item: int) -> None:
        super().__init__(name=f"fetcher-{item}")
        self.item = item
        self.result: int | None = None

    def run(self) -> None:
        time.sleep(DELAY)
        self.result = self.item * self.item


def describe() -> tuple[str, bool, bool]:
    me = threading.current_thread()
    return me.name, me.ident == threading.get_ident(), me.native_id is not None


if __name__ == "__main__":
    main = threading.current_thread()
    print(
        f"main thread: name={main.name!r}, is "
        f"main: {main is threading.main_thread()}"
    )

    # 1. target= : the usual way. Results come back through a dict we passed
    #    in.
    results: dict[int, int] = {}
    threads = [
        threading.Thread(target=fetch, args=(i, results), name=f"worker-{i}")
        for i in range(5)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    print(f"running alongside main: {threading.active_count() - 1} threads")
    for t in threads:
        t.join(timeout=10)
        assert not t.is_alive(), f"{t.name} did not finish"
    elapsed = time.perf_counter() - start
    print(f"target= results: {dict(sorted(results.items()))}")
    print(
        f"5 waits of {DELAY} s took {elapsed:.2f} s "
        f"together (ideal {DELAY:.2f} s, serial 1.00 s)"
    )
    assert results == {i: i * i for i in range(5)}

    # 2. Subclass Thread and override run(); the result stays on the object.
    fetchers = [Fetcher(i) for i in range(3)]
    for f in fetchers:
        f.start()
    for f in fetchers:
        f.join(timeout=10)
        assert not f.is_alive()
    print(f"subclass results: {[(f.name, f.result) for f in fetchers]}")
    assert [f.result for f in fetchers] == [0, 1, 4]

    # 3. Names and ids: name is yours to choose, ident is Python's, native_id
    #    is the OS's.
    seen: list[tuple[str, bool, bool]] = []
    t = threading.Thread(
        target=lambda: seen.append(describe()), name="inspector"
    )
    t.start()
    t.join(timeout=10)
    name, ident_matches, has_native_id = seen[0]
    print(
        f"inside {name!r}: ident == get_ident(): "
        f"{ident_matches}, OS id known: {has_native_id}"
    )
    print(
        f"after join: is_alive() = {t.is_alive()}; "
        "a thread cannot be started twice"
    )
    try:
        t.start()
    except RuntimeError as error:
        print(f"  start() again -> RuntimeError: {error}")
