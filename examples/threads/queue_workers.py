# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""queue.Queue between threads: a worker pool fed by a queue, stopped with
sentinels.

Queue does the locking for you: put() and get() are safe from any thread, and a
bounded queue (maxsize=) makes fast producers wait for slow consumers. Each
get() is paired with a task_done(); join() returns once every item put so far
has been marked done. One sentinel per worker tells it to stop.
"""

import queue
import threading

WORKERS = 3
JOBS = 20
STOP = object()  # a sentinel: no real job can be this object


def worker(jobs: queue.Queue, results: queue.Queue) -> None:
    while True:
        job = jobs.get(
            timeout=10
        )  # raises queue.Empty rather than wait forever
        try:
            if job is STOP:
                return
            results.put((job, job * job))
        finally:
            # for every get(), even the sentinel's, even on error
            jobs.task_done()


def join_with_timeout(q: queue.Queue, timeout: float) -> bool:
    """Queue.join() has no timeout; wait for it in a helper thread that we can
    time out."""
    waiter = threading.Thread(
        target=q.join, daemon=True
    )  # daemon: never blocks exit
    waiter.start()
    waiter.join(timeout)
    return not waiter.is_alive()


if __name__ == "__main__":
    jobs: queue.Queue = queue.Queue(
        maxsize=5
    )  # bounded: put() waits while 5 are queued
    results: queue.Queue = queue.Queue()
    threads = [
        threading.Thread(target=worker, args=(jobs, results))
        for _ in range(WORKERS)
    ]
    for t in threads:
        t.start()

    for n in range(JOBS):
        jobs.put(n, timeout=10)
    all_done = join_with_timeout(
        jobs, timeout=10
    )  # every job so far has had task_done()
    print(
        f"{JOBS} jobs through a Queue(maxsize=5) to "
        f"{WORKERS} workers; join() returned: {all_done}"
    )
    assert all_done

    for _ in threads:
        jobs.put(STOP, timeout=10)  # one sentinel per worker
    for t in threads:
        t.join(timeout=10)
        assert not t.is_alive()
    print(
        "workers still alive after the sentinels: "
        f"{sum(t.is_alive() for t in threads)}"
    )

    collected = sorted(results.get_nowait() for _ in range(results.qsize()))
    print(
        f"results (sorted): {collected[:4]} ... "
        f"{collected[-1]}, {len(collected)} in all"
    )
    assert collected == [(n, n * n) for n in range(JOBS)]
    assert jobs.unfinished_tasks == 0
