# /// script
# requires-python = ">=3.11"
# dependencies = []
# ///
"""Structured concurrency (Python 3.11+): TaskGroup, ExceptionGroup and
asyncio.timeout.

A TaskGroup does not return until every task in it is done. When one task
fails, it cancels the others, waits for their cleanup, and raises every failure
together in an ExceptionGroup. asyncio.timeout() cancels whatever runs inside
its block when the deadline passes.
"""

import asyncio
import time


async def fetch(name: str, delay: float, log: list[str]) -> str:
    try:
        await asyncio.sleep(delay)
        return name
    finally:
        log.append(name if delay < 1 else f"{name} cleaned up")


async def broken(message: str, exc: type[Exception], delay: float) -> None:
    await asyncio.sleep(delay)
    raise exc(message)


async def main() -> None:
    print("1. All tasks succeed; results are read after the block:")
    log: list[str] = []
    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(fetch(f"page{i}", 0.05, log)) for i in range(3)
        ]
    print(f"  {[t.result() for t in tasks]}")

    print(
        "2. One fails: the group cancels its siblings and waits for their "
        "cleanup:"
    )
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(fetch("slow", 10, log))
            tg.create_task(broken("disk full", OSError, 0.01))
    except* OSError as group:
        print(f"  caught {group.exceptions!r}")
    print(f"  slow task cancelled: {slow.cancelled()}; its finally ran: {log}")
    assert slow.cancelled() and log == ["slow cleaned up"]

    print(
        "3. Two fail: both errors come in one ExceptionGroup; "
        "except* handles each kind:"
    )
    handled = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(broken("bad id", ValueError, 0.01))
            tg.create_task(broken("no such key", KeyError, 0.01))
    except* ValueError as group:
        handled += [f"ValueError handler: {e}" for e in group.exceptions]
    except* KeyError as group:
        handled += [f"KeyError handler: {e}" for e in group.exceptions]
    for line in sorted(handled):
        print(f"  {line}")
    assert len(handled) == 2

    print("4. asyncio.timeout(0.1) around a group that would take 10 s:")
    log = []
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as tg:
                for i in range(3):
                    tg.create_task(fetch(f"t{i}", 10, log))
    except TimeoutError:
        elapsed = time.perf_counter() - start
        print(f"  TimeoutError after {elapsed:.2f} s (deadline 0.10 s)")
        print(f"  cleaned up: {sorted(log)}")
    assert sorted(log) == ["t0 cleaned up", "t1 cleaned up", "t2 cleaned up"]


if __name__ == "__main__":
    asyncio.run(main())
