# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A blocking call inside `async def` stalls every other task on the event
loop.

The event loop runs one callback at a time in one thread: `time.sleep()` (or
`requests.get()`, a slow file read, a CPU-heavy loop) inside a coroutine keeps
it from running anything else until the call returns. A heartbeat task that
should tick every 10 ms shows the stall.
"""

import asyncio
import time

TICK = 0.01


async def heartbeat(lags: list[float], stop: asyncio.Event) -> None:
    """Wake up every TICK seconds and record how late each wake-up was."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(TICK)
        lags.append(time.perf_counter() - before - TICK)


async def measure(handler) -> float:
    lags: list[float] = []
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(lags, stop))
    await asyncio.sleep(0.05)  # the heartbeat is running
    done = await asyncio.wait_for(
        asyncio.gather(*(handler() for _ in range(3))), timeout=10
    )
    assert len(done) == 3
    stop.set()
    await asyncio.wait_for(beat, timeout=5)
    return max(lags)


async def blocking_handler() -> None:
    time.sleep(0.1)  # a blocking call: the whole loop waits


async def fixed_handler() -> None:
    await asyncio.to_thread(
        time.sleep, 0.1
    )  # runs in a worker thread; the loop stays free


async def main() -> None:
    bad = await measure(blocking_handler)
    good = await measure(fixed_handler)
    print(
        "Three handlers each wait 0.1 s; a heartbeat should tick every 10 ms."
    )
    print(
        "  time.sleep in async def:      worst "
        f"heartbeat delay {bad * 1000:4.0f} ms"
    )
    print(
        "  asyncio.to_thread(time.sleep): worst "
        f"heartbeat delay {good * 1000:4.0f} ms"
    )
    print(
        "  (ideal: 0 ms; the blocked loop was "
        "late by about the sum of the three waits)"
    )


if __name__ == "__main__":
    asyncio.run(main())
