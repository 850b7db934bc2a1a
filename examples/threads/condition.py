# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Condition: wait until a predicate holds. Always re-check it: `while` or
wait_for().

A bounded buffer (a queue with a capacity) built on one Condition: producers
wait while it is full, consumers wait while it is empty. A woken thread must
check the predicate again, because between notify() and the moment it gets the
lock back another thread may have changed the state. Here is the bug an `if`
makes, then the correct buffer with wait_for().
"""

import threading
import time

CAPACITY = 2
PRODUCERS, CONSUMERS, ITEMS = 2, 3, 30  # items per producer


def if_instead_of_while() -> int:
    items: list[int] = []
    cond = threading.Condition()
    errors: list[str] = []

    def consumer() -> None:
        with cond:
            # BUG: should be `while`; checked once, never again after waking
            if not items:
                cond.wait(timeout=1)
            try:
                items.pop()
            except IndexError:
                errors.append("woke up, buffer empty")

    consumers = [threading.Thread(target=consumer) for _ in range(2)]
    for t in consumers:
        t.start()
    time.sleep(
        0.1
    )  # both consumers are now waiting (if not, the bug shows all the same)
    with cond:
        items.append(1)  # one item...
        # ...but two woken consumers: the second finds nothing
        cond.notify_all()
    for t in consumers:
        t.join(timeout=10)
    return len(errors)


class BoundedBuffer:
    def __init__(self, capacity: int) -> None:
        self.items: list[int] = []
        self.capacity = capacity
        self.closed = False
        self.peak = 0
        self.cond = threading.Condition()

    def put(self, item: int) -> None:
        with self.cond:
            if not self.cond.wait_for(
                lambda: len(self.items) < self.capacity, timeout=10
            ):
                raise TimeoutError("buffer stayed full for 10 s")
            self.items.append(item)
            self.peak = max(self.peak, len(self.items))
            # wake consumers (and producers: one wait set for both)
            self.cond.notify_all()

    def get(self) -> int | None:
        """The next item, or None once the buffer is closed and empty."""
        with self.cond:
            if not self.cond.wait_for(
                lambda: self.items or self.closed, timeout=10
            ):
                raise TimeoutError("buffer stayed empty for 10 s")
            if not self.items:
                return None  # closed and drained
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

    def close(self) -> None:
        with self.cond:
            self.closed = True
            self.cond.notify_all()


if __name__ == "__main__":
    errors = if_instead_of_while()
    print(
        f"`if` instead of `while`: {errors} "
        "of 2 consumers popped an empty list"
    )
    assert (
        errors == 1
    )  # one item, two pops: exactly one of them finds the list empty

    buffer = BoundedBuffer(CAPACITY)
    consumed: list[int] = []
    consumed_lock = threading.Lock()

    def produce(p: int) -> None:
        for i in range(ITEMS):
            buffer.put(p * 1000 + i)

    def consume() -> None:
        while (item := buffer.get()) is not None:
            with consumed_lock:
                consumed.append(item)

    producers = [
        threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)
    ]
    consumers = [threading.Thread(target=consume) for _ in range(CONSUMERS)]
    for t in producers + consumers:
        t.start()
    for t in producers:
        t.join(timeout=30)
    buffer.close()  # producers are done: let consumers drain and stop
    for t in consumers:
        t.join(timeout=30)
        assert not t.is_alive()
    expected = sorted(
        p * 1000 + i for p in range(PRODUCERS) for i in range(ITEMS)
    )
    print(
        f"bounded buffer: {PRODUCERS} producers, "
        f"{CONSUMERS} consumers, {len(consumed)} items consumed"
    )
    print(
        f"  each exactly once: {sorted(consumed) == expected}; "
        f"fullest: {buffer.peak} (capacity {CAPACITY})"
    )
    assert sorted(consumed) == expected
    assert buffer.peak <= CAPACITY
