# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""multiprocessing.Queue: blocking put/get with timeouts, why empty() can't
decide, sentinels.

A put() starts the queue's feeder thread in this process. Forking a process
that runs threads can deadlock the child (3.12+ warns about it), so each queue
this process has put into is closed, and its feeder thread joined, before the
next processes start.
"""

import multiprocessing
import queue  # the Empty and Full exceptions live in the standard queue module
import time


def approximate_size(q) -> str:
    """qsize() is approximate, and raises NotImplementedError on macOS: never
    depend on it."""
    try:
        return str(q.qsize())
    except NotImplementedError:
        return "unknown on this platform"


def take_one(q, barrier, results) -> None:
    deadline = time.monotonic() + 30
    while (
        q.empty() and time.monotonic() < deadline
    ):  # wait until the item is visible
        time.sleep(0.01)
    looked_empty = q.empty()
    barrier.wait(timeout=30)  # both consumers have now checked: "not empty"
    try:
        item = q.get(timeout=0.5)
    except queue.Empty:
        item = None
    results.put((looked_empty, item))


def square_worker(tasks, results) -> None:
    while True:
        n = tasks.get(timeout=30)
        if n is None:  # the sentinel: no more work for this worker
            break
        results.put(n * n)


if __name__ == "__main__":
    print("Blocking with timeouts:")
    q = multiprocessing.Queue(maxsize=2)
    q.put("a")
    q.put("b")
    try:
        q.put(
            "c", timeout=0.2
        )  # full: without a timeout this would wait forever
    except queue.Full:
        print("  put() on a full queue (maxsize=2) -> queue.Full after 0.2 s")
    print(f"  qsize(): {approximate_size(q)}")
    assert [q.get(timeout=5), q.get(timeout=5)] == ["a", "b"]  # FIFO
    try:
        q.get(timeout=0.2)
    except queue.Empty:
        print("  get() on an empty queue -> queue.Empty after 0.2 s")
    q.close()  # nothing more to put: the feeder thread ends...
    q.join_thread()  # ...and we wait for it, so no thread runs when we fork

    print("empty() is already stale when you act on it:")
    one_item, results = multiprocessing.Queue(), multiprocessing.Queue()
    barrier = multiprocessing.Barrier(2)
    consumers = [
        multiprocessing.Process(
            target=take_one, args=(one_item, barrier, results)
        )
        for _ in range(2)
    ]
    for p in consumers:
        p.start()
    one_item.put(
        "the only item"
    )  # after the start: the consumers wait to see it
    one_item.close()
    one_item.join_thread()
    outcomes = [results.get(timeout=30) for _ in consumers]
    for p in consumers:
        p.join(timeout=30)
    print(
        "  both consumers saw empty() == "
        f"{sorted({e for e, _ in outcomes})[0]} and called get()"
    )
    got = sorted(str(item) for _, item in outcomes)
    print(f"  what they got: {got} (None: queue.Empty after waiting)")
    assert got == ["None", "the only item"]
    assert not any(looked_empty for looked_empty, _ in outcomes)

    print("Sentinel shutdown: one None per worker ends each worker's loop")
    tasks, results = multiprocessing.Queue(), multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=square_worker, args=(tasks, results))
        for _ in range(3)
    ]
    for p in workers:
        p.start()
    numbers = range(10)
    for n in numbers:
        tasks.put(n)
    for _ in workers:
        tasks.put(None)
    squares = sorted(
        results.get(timeout=30) for _ in numbers
    )  # count what you expect
    for p in workers:
        p.join(timeout=30)
    print(f"  {len(squares)} results, sorted: {squares}")
    print(f"  workers' exit codes: {[p.exitcode for p in workers]}")
    assert squares == [n * n for n in numbers]
    assert all(p.exitcode == 0 for p in workers)
