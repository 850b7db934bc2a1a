# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""One blocking call inside a coroutine stalls every task on the loop; measure
it, then fix it.

A heartbeat task wakes every 10 ms and records how late it woke: that lateness
is the event-loop lag every other task (every connection of a server) suffers
at the same moment.
"""

import asyncio
import logging
import time

BEAT = 0.01  # the heartbeat's period, seconds
WORK = 0.3  # how long each version of the "request handler" waits


async def heartbeat(lags: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        before = loop.time()
        await asyncio.sleep(BEAT)
        lags.append(
            loop.time() - before - BEAT
        )  # how much later than asked it woke up


async def good() -> None:
    await asyncio.sleep(WORK)  # suspends this task only


async def blocking() -> None:
    time.sleep(
        WORK
    )  # blocks the thread, and the loop runs in this thread: everything stops


async def offloaded() -> None:
    await asyncio.to_thread(
        time.sleep, WORK
    )  # the blocking call runs in a worker thread


async def measure(handler) -> tuple[float, int]:
    lags: list[float] = []
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(lags, stop))
    await asyncio.sleep(BEAT * 2)  # let the heartbeat settle
    lags.clear()
    await asyncio.wait_for(handler(), timeout=10)
    stop.set()
    await asyncio.wait_for(beat, timeout=10)
    return max(lags), len(lags)


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


async def main() -> None:
    ideal_beats = round(WORK / BEAT)
    print(
        f"A handler waits {WORK} s; meanwhile a {BEAT * 1000:.0f} ms "
        f"heartbeat should beat ~{ideal_beats} times,"
    )
    print("each close to 0 ms late")
    results = {}
    for name, handler in [
        ("await asyncio.sleep()", good),
        ("time.sleep() in async def", blocking),
        ("await asyncio.to_thread()", offloaded),
    ]:
        worst, beats = await measure(handler)
        results[name] = worst
        print(
            f"  {name:<28} worst lag {worst * 1000:>5.0f} ms, "
            f"{beats:>3} heartbeats"
        )
    # Not a timing assertion: while time.sleep() holds the thread, the loop
    # cannot run at all, so the heartbeat is at least that late however fast or
    # loaded the machine is.
    assert results["time.sleep() in async def"] >= WORK - 2 * BEAT


async def debug_mode() -> None:
    await blocking()


if __name__ == "__main__":
    asyncio.run(main())

    # Debug mode logs every callback or task step that holds the loop longer
    # than loop.slow_callback_duration (0.1 s by default), naming the
    # coroutine.
    collect = Collect()
    logging.getLogger("asyncio").addHandler(collect)
    asyncio.run(debug_mode(), debug=True)
    slow = [m for m in collect.messages if "took" in m and "debug_mode" in m]
    print(
        f"asyncio.run(..., debug=True) logged {len(slow)} slow step naming "
        "debug_mode()"
    )
    assert len(slow) == 1
