# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""The documented deadlock: joining a process before draining the queue it
filled."""

import multiprocessing

PAYLOAD = (
    1_000_000  # bytes: far more than an OS pipe buffers (64 KiB on Linux)
)


def producer(q: multiprocessing.Queue) -> None:
    q.put(b"x" * PAYLOAD)
    # run() returns, but the process cannot exit until its queue's feeder
    # thread has written everything into the pipe — and the pipe is full
    # until someone reads from it.


if __name__ == "__main__":
    print("Wrong order: join() first, then get()")
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q,))
    p.start()
    p.join(
        timeout=2
    )  # the bug, bounded: without a timeout this join would never return
    stuck = p.is_alive()
    print(f"  after join(timeout=2): producer still alive = {stuck}")
    print("    -> a deadlock without the timeout")
    assert stuck
    data = q.get(timeout=30)  # draining the queue lets the producer finish
    p.join(timeout=30)
    print(
        f"  after get(): {len(data):,} bytes received, producer exit code "
        f"{p.exitcode}"
    )
    assert p.exitcode == 0

    print("Right order: get() everything you expect, then join()")
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=producer, args=(q,))
    p.start()
    data = q.get(timeout=30)
    p.join(timeout=30)
    print(f"  {len(data):,} bytes received, producer exit code {p.exitcode}")
    assert len(data) == PAYLOAD and p.exitcode == 0
