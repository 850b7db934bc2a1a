# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""CPU-bound work called from async code: inline, in a thread pool, in a
process pool.

run_in_executor() hands a plain function to a concurrent.futures executor and
gives back an awaitable. A thread pool is right for blocking I/O; for
pure-Python computation the worker thread still needs the GIL (on a standard
build), so only a process pool takes the work entirely off the loop's thread.
Works under every multiprocessing start method: the process pool starts its
worker before any thread exists (fork and threads do not mix). Last,
asyncio.to_thread() against run_in_executor(None, ...): only to_thread()
carries the caller's contextvars over to the worker thread.
"""

import asyncio
import contextvars
import functools
import sys
import time
from concurrent.futures import (
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)

N = 2_000_000
BEAT = 0.01
request_id = contextvars.ContextVar("request_id", default="unset")


def current_request() -> str:
    return request_id.get()


def crunch(n: int) -> int:
    """Pure-Python CPU work (holds the GIL the whole time on a standard
    build)."""
    return sum(i * i % 7 for i in range(n))


async def heartbeat(lags: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        before = loop.time()
        await asyncio.sleep(BEAT)
        lags.append(loop.time() - before - BEAT)


async def with_heartbeat(make_call) -> tuple[int, float, float]:
    lags: list[float] = []
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(lags, stop))
    await asyncio.sleep(BEAT * 2)
    lags.clear()
    start = time.perf_counter()
    result = await asyncio.wait_for(make_call(), timeout=60)
    elapsed = time.perf_counter() - start
    stop.set()
    await asyncio.wait_for(beat, timeout=10)
    return result, elapsed, max(lags, default=0.0)


async def main() -> None:
    loop = asyncio.get_running_loop()
    expected = crunch(N)

    async def inline() -> int:
        return crunch(
            N
        )  # runs on the loop's own thread: nothing else runs meanwhile

    def in_executor(pool: Executor):
        async def call() -> int:
            return await loop.run_in_executor(
                pool, functools.partial(crunch, N)
            )

        return call

    with (
        ThreadPoolExecutor(max_workers=1) as threads,
        ProcessPoolExecutor(max_workers=1) as procs,
    ):
        # Start the pools' workers before measuring: a process takes a while to
        # start. The process first: forking a process that already runs threads
        # can deadlock.
        await asyncio.wait_for(
            loop.run_in_executor(procs, crunch, 10), timeout=60
        )
        await asyncio.wait_for(
            loop.run_in_executor(threads, crunch, 10), timeout=60
        )
        print(
            f"crunch({N:,}) while a {BEAT * 1000:.0f} ms heartbeat runs on "
            "the loop:"
        )
        print(f"  {'where':<22}{'time':>8}{'worst heartbeat lag':>22}")
        for name, call in [
            ("inline in async def", inline),
            ("ThreadPoolExecutor", in_executor(threads)),
            ("ProcessPoolExecutor", in_executor(procs)),
        ]:
            result, elapsed, lag = await with_heartbeat(call)
            assert result == expected
            print(f"  {name:<22}{elapsed:>7.2f}s{lag * 1000:>19.0f} ms")

    # to_thread(f, *args, **kwargs) runs f in a copy of the caller's context;
    # run_in_executor(None, f, *args) runs it in the worker thread's own.
    request_id.set("r-42")
    via_to_thread = await asyncio.wait_for(
        asyncio.to_thread(current_request), 10
    )
    via_executor = await asyncio.wait_for(
        loop.run_in_executor(None, current_request), 10
    )
    print(
        f"request_id seen via to_thread(): {via_to_thread!r}; "
        f"via run_in_executor(): {via_executor!r}"
    )
    assert via_to_thread == "r-42"
    if not getattr(
        sys.flags, "thread_inherit_context", False
    ):  # 3.14t: inherits
        assert via_executor == "unset"


if __name__ == "__main__":
    asyncio.run(main())
