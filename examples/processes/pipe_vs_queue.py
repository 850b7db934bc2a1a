# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Messages per second from a child to its parent: Pipe vs Queue, one by one or
in batches."""

import multiprocessing
import time

MESSAGES = 20_000
MESSAGE = (1, "a small message", 3.14)
BATCH = 100


def send_over_pipe(conn, batch: int) -> None:
    conn.send("ready")
    for _ in range(MESSAGES // batch):
        conn.send([MESSAGE] * batch if batch > 1 else MESSAGE)
    conn.send(None)
    conn.close()


def send_over_queue(q, batch: int) -> None:
    q.put("ready")
    for _ in range(MESSAGES // batch):
        q.put([MESSAGE] * batch if batch > 1 else MESSAGE)
    q.put(None)


def pipe_receiver(conn):
    def receive():
        if not conn.poll(30):  # recv() has no timeout of its own
            raise TimeoutError("the sender went silent")
        return conn.recv()

    return receive


def queue_receiver(q):
    return lambda: q.get(timeout=30)


def messages_per_second(kind: str, batch: int) -> float:
    if kind == "Pipe":
        recv_end, send_end = multiprocessing.Pipe(duplex=False)
        sender = multiprocessing.Process(
            target=send_over_pipe, args=(send_end, batch)
        )
        receive = pipe_receiver(recv_end)
    else:
        q = multiprocessing.Queue()
        sender = multiprocessing.Process(
            target=send_over_queue, args=(q, batch)
        )
        receive = queue_receiver(q)
    sender.start()
    assert (
        receive() == "ready"
    )  # start the clock once the child is up and running
    start = time.perf_counter()
    count = 0
    while (item := receive()) is not None:
        count += len(item) if batch > 1 else 1
    seconds = time.perf_counter() - start
    sender.join(timeout=30)
    assert count == MESSAGES and sender.exitcode == 0
    return MESSAGES / seconds


if __name__ == "__main__":
    print(
        f"{MESSAGES:,} small tuples from a child to its parent (best of 3 "
        "runs):"
    )
    print(
        f"  {'channel':<8} {'sent as':<22} {'messages/s':>12}   vs Pipe one "
        "by one"
    )
    base = None
    for batch in (1, BATCH):
        for kind in ("Pipe", "Queue"):
            rate = max(messages_per_second(kind, batch) for _ in range(3))
            base = base or rate
            how = "one per send" if batch == 1 else f"lists of {batch}"
            print(f"  {kind:<8} {how:<22} {rate:>12,.0f}   {rate / base:.1f}x")
