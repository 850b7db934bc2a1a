# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Four jobs that wait 100 ms each, run four
ways: who waits when, drawn as a timeline.

Sequential, 4 threads, 4 processes and 4 asyncio tasks. Waiting needs no CPU,
so every concurrent model can overlap the waits: the ideal is one wait (100 ms)
instead of four. Each run is timed from the moment it starts, so a process
pool's start-up shows as the gap before its first bar. Writes timeline_io.svg
(and .zh.svg) and prints the same numbers as a table.
"""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from pyconc.timeline import (
    WAIT,
    Recorder,
    recorded,
    timeline_svg,
    timeline_table,
)
from pyconc.workloads import wait

JOBS, SECONDS = 4, 0.1


def sequential(rec: Recorder) -> None:
    for i in range(JOBS):
        with rec.span(f"job {i}", WAIT, "sleep"):
            wait(SECONDS)


def threads(rec: Recorder) -> None:
    def job(i: int) -> None:
        with rec.span(f"job {i}", WAIT, "sleep"):
            wait(SECONDS)

    with ThreadPoolExecutor(JOBS) as pool:
        for future in [pool.submit(job, i) for i in range(JOBS)]:
            future.result(timeout=30)


def processes(rec: Recorder) -> None:
    # A process cannot append to our recorder:
    # recorded() returns each span with the result.
    with ProcessPoolExecutor(JOBS) as pool:
        futures = [
            pool.submit(
                recorded,
                wait,
                SECONDS,
                label=f"job {i}",
                state=WAIT,
                waited="sleep",
            )
            for i in range(JOBS)
        ]
        for future in futures:
            seconds, span = future.result(timeout=60)
            assert seconds == SECONDS
            rec.add(span)


def tasks(rec: Recorder) -> None:
    async def job(i: int) -> None:
        with rec.span(f"job {i}", WAIT, "asyncio.sleep"):
            await asyncio.sleep(SECONDS)

    async def main() -> None:
        await asyncio.wait_for(
            asyncio.gather(*(job(i) for i in range(JOBS))), timeout=30
        )

    asyncio.run(main())


if __name__ == "__main__":
    recorders, totals = [], {}
    for name, model in [
        ("sequential", sequential),
        ("4 threads", threads),
        ("4 processes", processes),
        ("asyncio, 4 tasks", tasks),
    ]:
        rec = Recorder(group=name)
        model(rec)
        totals[name] = time.perf_counter() - rec.origin
        assert len(rec.spans) == JOBS, (name, rec.spans)
        recorders.append(rec)

    spans = [s for rec in recorders for s in rec.spans]
    origins = {rec.group: rec.origin for rec in recorders}
    # The chart twice: timeline_io.svg (English)
    # and timeline_io.zh.svg (Chinese pages).
    zh = {
        "sequential": "顺序执行",
        "4 threads": "4 个线程",
        "4 processes": "4 个进程",
        "asyncio, 4 tasks": "asyncio，4 个任务",
        **{f"job {i}": f"作业 {i}" for i in range(JOBS)},
    }
    for suffix, lang, title in [
        ("", "en", "Four 100 ms waits, four ways"),
        (".zh", "zh", "四次 100 毫秒的等待，四种做法"),
    ]:
        svg = timeline_svg(spans, title, origin=origins, lang=lang, names=zh)
        Path(f"timeline_io{suffix}.svg").write_text(svg, encoding="utf-8")
    print(timeline_table(spans, origin=origins))
    print()
    print(f"{'model':<18} {'total':>8}   ideal")
    for name, seconds in totals.items():
        ideal = JOBS * SECONDS if name == "sequential" else SECONDS
        print(f"{name:<18} {seconds * 1000:>5.0f} ms   {ideal * 1000:.0f} ms")
