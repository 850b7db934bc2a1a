# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""JoinableQueue: task_done() per item, join() until every item is
processed."""

import multiprocessing
import threading


def worker(
    tasks: multiprocessing.JoinableQueue, results: multiprocessing.Queue
) -> None:
    while True:
        item = tasks.get(timeout=30)
        try:
            if item is None:
                return
            results.put(item.upper())
        finally:
            # exactly once per get(), even if processing fails
            tasks.task_done()


def join_with_timeout(
    q: multiprocessing.JoinableQueue, timeout: float
) -> bool:
    """JoinableQueue.join() takes no timeout; wait for it in a helper thread
    instead."""
    waiter = threading.Thread(target=q.join, daemon=True)
    waiter.start()
    waiter.join(timeout)
    return not waiter.is_alive()


if __name__ == "__main__":
    tasks = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    words = ["spawn", "fork", "forkserver", "pipe", "queue", "lock"]
    workers = [
        multiprocessing.Process(target=worker, args=(tasks, results))
        for _ in range(2)
    ]
    for p in workers:
        p.start()

    for word in words:
        tasks.put(word)
    finished = join_with_timeout(tasks, timeout=30)
    print(
        f"tasks.join() returned: every one of {len(words)} items was marked "
        f"task_done(): {finished}"
    )
    assert finished
    done = sorted(results.get(timeout=30) for _ in words)
    print(f"  results (sorted): {done}")
    assert done == sorted(w.upper() for w in words)

    # The workers are still alive and waiting: join() says "the queue is
    # drained", not "the workers exited". Stop them with one sentinel each.
    print(
        "  workers alive after tasks.join(): "
        f"{sum(p.is_alive() for p in workers)} of {len(workers)}"
    )
    for _ in workers:
        tasks.put(None)
    for p in workers:
        p.join(timeout=30)
    print(
        "  after one sentinel each: exit codes "
        f"{[p.exitcode for p in workers]}"
    )
    assert all(p.exitcode == 0 for p in workers)
