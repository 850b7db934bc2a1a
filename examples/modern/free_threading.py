# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Is this a free-threaded build, is the GIL off, and what does that change for
a race?

Two questions with two answers: was CPython *built* without the GIL (the "t"
builds, e.g. python3.14t), and is the GIL off *now* (a free-threaded build
turns it back on for an extension module that has not declared it safe, or with
PYTHON_GIL=1). Then the naive shared counter from the threads chapter, run by 4
threads, with and without a lock.
"""

import sys
import sysconfig
import threading

THREADS, INCREMENTS = 4, 200_000


class Counter:
    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()

    def add_unsafe(self, times: int) -> None:
        for _ in range(times):
            # read, add, write: three steps another thread can come between
            self.value += 1

    def add_locked(self, times: int) -> None:
        for _ in range(times):
            with self.lock:
                self.value += 1


def run(method_name: str) -> int:
    counter = Counter()
    start = threading.Barrier(THREADS)

    def work() -> None:
        start.wait(
            timeout=10
        )  # all threads start together, so they really overlap
        getattr(counter, method_name)(INCREMENTS)

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive()
    return counter.value


if __name__ == "__main__":
    built_free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)  # 3.13+
    gil_on = True if is_gil_enabled is None else is_gil_enabled()
    print(f"Python {sys.version.split()[0]}")
    print(f"  built free-threaded (Py_GIL_DISABLED): {built_free_threaded}")
    if is_gil_enabled is None:
        print(
            "  sys._is_gil_enabled(): absent "
            "(Python < 3.13: the GIL is always on)"
        )
    else:
        print(f"  sys._is_gil_enabled(): {gil_on}")
    assert gil_on or built_free_threaded, (
        "only a free-threaded build can run without the GIL"
    )

    expected = THREADS * INCREMENTS
    unsafe, locked = run("add_unsafe"), run("add_locked")
    assert unsafe <= expected and locked == expected
    print(
        f"{THREADS} threads x {INCREMENTS:_} "
        f"increments, expected {expected:_}:"
    )
    print(
        f"  counter += 1 without a lock: {unsafe:_} "
        f"({expected - unsafe:_} updates lost)"
    )
    print(f"  counter += 1 under a lock:   {locked:_} (none lost)")
