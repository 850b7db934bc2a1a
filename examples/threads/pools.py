# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""ThreadPoolExecutor: submit() and futures, as_completed(), map(), and the
default pool size.

A pool starts its threads once and reuses them: you hand it work, it hands you
a Future, a placeholder for a result that is not there yet. `with` shuts the
pool down at the end of the block, waiting for the work already submitted.
"""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

DELAYS = {
    "a": 0.3,
    "b": 0.1,
    "c": 0.2,
}  # name -> seconds each "download" waits
ANSWERS = [
    "b",
    "c",
    "a",
]  # the order the servers answer in the as_completed() demo
answered = {name: threading.Event() for name in DELAYS}


def download(name: str) -> str:
    time.sleep(DELAYS[name])  # stands for I/O
    if name == "c":
        raise ConnectionError(f"{name}: connection reset")
    return f"{name}: downloaded"


def download_when_answered(name: str) -> str:
    """The same, but waits until the demo says its server answered: no race."""
    if not answered[name].wait(timeout=5):
        raise TimeoutError(f"{name}: no answer")
    if name == "c":
        raise ConnectionError(f"{name}: connection reset")
    return f"{name}: downloaded"


def default_workers() -> int:
    """The documented default: min(32, CPUs + 4); since 3.13 CPUs is
    os.process_cpu_count(): the CPUs this process may run on (its CPU
    affinity), which does not see a container's CPU quota."""
    cpus = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    return min(32, cpus + 4)


if __name__ == "__main__":
    with ThreadPoolExecutor() as pool:
        # _max_workers is private: read here only to show what this interpreter
        # chose.
        actual = pool._max_workers
    print(
        f"default max_workers here: {actual} "
        f"(min(32, CPUs + 4) = {default_workers()})"
    )
    assert actual == default_workers()

    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="dl") as pool:
        # submit(): one Future per call; result() waits for it (always with a
        # timeout).
        futures = {
            pool.submit(download_when_answered, name): name for name in DELAYS
        }
        first = next(iter(futures))
        print(f"right after submit: done() = {first.done()}")

        # as_completed(): futures in the order they finish, not the order
        # submitted. The servers answer one at a time, b, c, a, each once the
        # previous is handled.
        finished = []
        answered[ANSWERS[0]].set()
        for future in as_completed(futures, timeout=5):
            name = futures[future]
            error = future.exception()  # None if it returned normally
            finished.append(name)
            outcome = f"raised {type(error).__name__}" if error else "ok"
            print(f"  finished: {name} ({outcome})")
            if len(finished) < len(ANSWERS):
                answered[ANSWERS[len(finished)]].set()
        assert (
            finished == ANSWERS
        )  # the order they finished, not the order submitted
        print(f"a's future: result(timeout=5) -> {first.result(timeout=5)!r}")
        failed = next(f for f, name in futures.items() if name == "c")
        try:
            failed.result(
                timeout=5
            )  # re-raises the worker's exception in this thread
        except ConnectionError as error:
            print(f"c's future: result() re-raised ConnectionError: {error}")

    # map(): results in input order, like the built-in map. The first exception
    # is re-raised when you reach its result, and the other results are lost
    # with it: so wrap the work.
    def safe(name: str) -> str:
        try:
            return download(name)
        except ConnectionError as error:
            return f"failed ({error})"

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(safe, DELAYS, timeout=5))
    elapsed = time.perf_counter() - start
    print("map() in input order:")
    print(f"  {results}")
    print(
        f"three waits of {sum(DELAYS.values()):.1f} s "
        f"in total took {elapsed:.2f} s (ideal 0.30 s)"
    )
    assert results[0].startswith("a:") and results[2].startswith("failed")
