# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Four jobs that compute in pure Python, run four ways: who computes when,
drawn as a timeline.

Sequential, 4 threads, a process pool with one process per core, and 4 asyncio
tasks. Computing needs a CPU: the ideal is four times the fastest sequential
job, divided by the number of cores (at most 4 here). Writes timeline_cpu.svg
and prints the same numbers as a table.
"""

import asyncio
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pyconc.timeline import Recorder, recorded, timeline_svg, timeline_table
from pyconc.workloads import count_primes

JOBS, LIMIT = 4, 45_000
EXPECTED = 4675  # primes below 45,000: every job checks its answer
CORES = os.cpu_count() or 1
PROCESSES = min(JOBS, CORES)


def sequential(rec: Recorder) -> None:
    for i in range(JOBS):
        with rec.span(f"job {i}"):
            assert count_primes(LIMIT) == EXPECTED


def threads(rec: Recorder) -> None:
    def job(i: int) -> None:
        with rec.span(f"job {i}"):
            assert count_primes(LIMIT) == EXPECTED

    # Four real threads (a pool would reuse a
    # thread that is already done with its job).
    workers = [threading.Thread(target=job, args=(i,)) for i in range(JOBS)]
    for t in workers:
        t.start()
    for t in workers:
        t.join(timeout=60)
        assert not t.is_alive()


def processes(rec: Recorder) -> None:
    with ProcessPoolExecutor(PROCESSES) as pool:
        futures = [
            pool.submit(recorded, count_primes, LIMIT, label=f"job {i}")
            for i in range(JOBS)
        ]
        for future in futures:
            count, span = future.result(timeout=60)
            assert count == EXPECTED
            rec.add(span)


def tasks(rec: Recorder) -> None:
    async def job(i: int) -> None:
        with rec.span(f"job {i}"):
            assert (
                count_primes(LIMIT) == EXPECTED
            )  # no await inside: nothing else can run

    async def main() -> None:
        await asyncio.wait_for(
            asyncio.gather(*(job(i) for i in range(JOBS))), timeout=60
        )

    asyncio.run(main())


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    recorders, totals = [], {}
    for name, model in [
        ("sequential", sequential),
        ("4 threads", threads),
        (f"{PROCESSES} processes", processes),
        ("asyncio, 4 tasks", tasks),
    ]:
        rec = Recorder(group=name)
        model(rec)
        totals[name] = time.perf_counter() - rec.origin
        assert len(rec.spans) == JOBS, (name, rec.spans)
        recorders.append(rec)

    spans = [s for rec in recorders for s in rec.spans]
    origins = {rec.group: rec.origin for rec in recorders}
    # The chart twice: timeline_cpu.svg (English)
    # and timeline_cpu.zh.svg (Chinese pages).
    zh = {
        "sequential": "顺序执行",
        "4 threads": "4 个线程",
        "4 processes": "4 个进程",
        "asyncio, 4 tasks": "asyncio，4 个任务",
        **{f"job {i}": f"作业 {i}" for i in range(JOBS)},
    }
    for suffix, lang, title in [
        ("", "en", "Four pure-Python jobs, four ways"),
        (".zh", "zh", "四个纯 Python 计算作业，四种做法"),
    ]:
        svg = timeline_svg(spans, title, origin=origins, lang=lang, names=zh)
        Path(f"timeline_cpu{suffix}.svg").write_text(svg, encoding="utf-8")
    print(timeline_table(spans, origin=origins))
    print()
    # The fastest sequential job is the best estimate of one
    # job's cost: a busy machine only ever makes a job slower.
    one_job = min(s.seconds for s in recorders[0].spans)
    parallel = JOBS * one_job / min(JOBS, CORES)
    print(f"{CORES} CPUs, {'GIL' if gil else 'free-threaded build, no GIL'}")
    print(f"{'model':<18} {'total':>8}   ideal on {min(JOBS, CORES)} cores")
    for name, seconds in totals.items():
        ideal = JOBS * one_job if name == "sequential" else parallel
        print(f"{name:<18} {seconds * 1000:>5.0f} ms   {ideal * 1000:.0f} ms")
