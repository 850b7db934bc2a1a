# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Bounding concurrency with asyncio.Semaphore, a Queue of work, and async
generators.

Starting 1,000 tasks is cheap; letting all 1,000 hit one server at once is not.
A Semaphore caps how many are inside a block at a time. A Queue with a fixed
number of consumers does the same and adds back-pressure (a bounded queue makes
a fast producer wait).
"""

import asyncio
import time
from collections.abc import AsyncIterator

JOBS = 20
LIMIT = 5
DELAY = 0.05  # seconds each job waits, standing in for a request


class InFlight:
    """Counts how many jobs are running at once and remembers the maximum."""

    def __init__(self) -> None:
        self.now = self.peak = 0

    def __enter__(self) -> None:
        self.now += 1
        self.peak = max(self.peak, self.now)

    def __exit__(self, *exc: object) -> None:
        self.now -= 1


async def request(i: int, sem: asyncio.Semaphore, counter: InFlight) -> int:
    async with sem:  # waits here while LIMIT jobs are already inside
        with counter:
            await asyncio.sleep(DELAY)
    return i


async def with_semaphore() -> None:
    sem, counter = asyncio.Semaphore(LIMIT), InFlight()
    start = time.perf_counter()
    results = await asyncio.gather(
        *(request(i, sem, counter) for i in range(JOBS))
    )
    elapsed = time.perf_counter() - start
    ideal = JOBS / LIMIT * DELAY
    print(
        f"  {JOBS} tasks, Semaphore({LIMIT}): at most {counter.peak} at once, "
        f"{elapsed:.2f} s (ideal {ideal:.2f} s)"
    )
    assert counter.peak == LIMIT and results == list(range(JOBS))


async def producer(queue: asyncio.Queue, produced: list[int]) -> None:
    for i in range(JOBS):
        await queue.put(i)  # waits while the queue is full: back-pressure
        produced.append(i)


async def consumer(
    queue: asyncio.Queue, done: list[int], counter: InFlight
) -> None:
    while True:
        item = await queue.get()
        try:
            with counter:
                await asyncio.sleep(DELAY)
            done.append(item * item)
        finally:
            queue.task_done()


async def with_queue() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=LIMIT)
    produced: list[int] = []
    done: list[int] = []
    counter = InFlight()
    consumers = [
        asyncio.create_task(consumer(queue, done, counter))
        for _ in range(LIMIT)
    ]
    await asyncio.wait_for(producer(queue, produced), timeout=10)
    await asyncio.wait_for(
        queue.join(), timeout=10
    )  # every item got its task_done()
    for c in (
        consumers
    ):  # the consumers loop forever: stop them once the work is done
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(
        f"  Queue(maxsize={LIMIT}) + {LIMIT} consumers: {len(done)} items, "
        f"at most {counter.peak} at once"
    )
    assert (
        sorted(done) == [i * i for i in range(JOBS)] and counter.peak <= LIMIT
    )


async def ticks(n: int, interval: float) -> AsyncIterator[int]:
    """An async generator: it can await between the values it yields."""
    for i in range(n):
        await asyncio.sleep(interval)
        yield i


async def with_async_iteration() -> None:
    seen = [i async for i in ticks(5, 0.01)]  # an async comprehension
    async for i in ticks(3, 0.01):  # or a plain `async for`
        seen.append(i * 10)
    print(f"  async for over an async generator: {seen}")
    assert seen == [0, 1, 2, 3, 4, 0, 10, 20]


async def main() -> None:
    await with_semaphore()
    await with_queue()
    await with_async_iteration()


if __name__ == "__main__":
    asyncio.run(main())
