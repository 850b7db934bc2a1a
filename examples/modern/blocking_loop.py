# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""One blocking call stalls every task on the event loop; a thread takes it off
the loop.

A heartbeat task wants to tick every 20 ms while a handler waits 200 ms, three
ways: `await asyncio.sleep()` (the loop keeps running), `time.sleep()` (the
loop's only thread is stuck, so no other task runs) and
`await asyncio.to_thread(time.sleep, ...)` (the blocking call waits in a worker
thread). The longest gap between heartbeats shows the stall. Writes
blocking_loop.svg (and .zh.svg) and prints the same numbers as a table.
"""

import asyncio
import time
from pathlib import Path

from pyconc.timeline import (
    BLOCKED,
    WAIT,
    Recorder,
    timeline_svg,
    timeline_table,
)

TICK, BLOCK = 0.020, 0.200


async def heartbeat(rec: Recorder, stop: asyncio.Event) -> list[float]:
    """Tick every TICK seconds until stopped; return the gaps between ticks."""
    gaps, last = [], time.perf_counter()
    while not stop.is_set():
        with rec.span("tick", WAIT, "asyncio.sleep"):
            await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    return gaps


async def handler(rec: Recorder, how: str) -> None:
    await asyncio.sleep(0.05)  # let a few heartbeats happen first
    if how == "await asyncio.sleep":
        with rec.span("handler", WAIT):
            await asyncio.sleep(BLOCK)
    elif how == "time.sleep":
        with rec.span(
            "handler", BLOCKED, "loop"
        ):  # time.sleep() holds the loop
            time.sleep(
                BLOCK
            )  # the mistake: a blocking call inside a coroutine
    else:
        rec.add(await asyncio.to_thread(timed_sleep, BLOCK))


def timed_sleep(seconds: float):
    rec = Recorder()
    with rec.span("time.sleep", WAIT, "thread"):  # in a worker thread
        time.sleep(seconds)
    return rec.spans[0]


async def scenario(how: str) -> tuple[Recorder, float]:
    rec = Recorder(group=how)
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(rec, stop), name="heartbeat")
    await asyncio.wait_for(
        asyncio.create_task(handler(rec, how), name="handler"), timeout=10
    )
    await asyncio.sleep(0.05)
    stop.set()
    gaps = await asyncio.wait_for(beat, timeout=10)
    return rec, max(gaps)


async def main() -> list[tuple[Recorder, float]]:
    return [
        await scenario(how)
        for how in ("await asyncio.sleep", "time.sleep", "asyncio.to_thread")
    ]


if __name__ == "__main__":
    results = asyncio.run(main())
    spans = [s for rec, _ in results for s in rec.spans]
    origins = {rec.group: rec.origin for rec, _ in results}
    # The chart twice: blocking_loop.svg (English)
    # and blocking_loop.zh.svg (Chinese pages).
    zh = {"tick": "心跳", "handler": "处理函数"}
    for suffix, lang, title in [
        ("", "en", "A heartbeat every 20 ms, and a 200 ms wait"),
        (".zh", "zh", "每 20 毫秒一次心跳，加一次 200 毫秒的等待"),
    ]:
        svg = timeline_svg(spans, title, origin=origins, lang=lang, names=zh)
        Path(f"blocking_loop{suffix}.svg").write_text(svg, encoding="utf-8")
    print(
        timeline_table([s for s in spans if s.label != "tick"], origin=origins)
    )
    print()
    print(
        f"{'the handler waits with':<24} {'longest heartbeat gap':>22}   ideal"
    )
    for rec, worst in results:
        print(
            f"{rec.group:<24} {worst * 1000:>19.0f} ms   {TICK * 1000:.0f} ms"
        )
    blocked = dict((rec.group, worst) for rec, worst in results)["time.sleep"]
    assert blocked >= BLOCK - 0.001, (
        "while time.sleep() blocked the loop, no heartbeat could run"
    )
