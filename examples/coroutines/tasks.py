# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""asyncio.run, create_task and gather; and why a fire-and-forget task needs a
reference.

A coroutine object does nothing until something awaits it or wraps it in a
Task. A Task is scheduled on the event loop at once and runs concurrently with
its creator. The loop itself keeps only a *weak* reference to a task: a task
that nothing else refers to can be garbage-collected before it finishes.
"""

import asyncio
import gc
import time


async def job(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name} done"


async def wait_forever(started: list[str]) -> None:
    started.append("started")
    event = (
        asyncio.Event()
    )  # only this coroutine refers to it: nothing will ever set it
    try:
        await event.wait()
    finally:
        started.append(
            "finally ran"
        )  # when the task is collected, its coroutine is closed


async def sequential_vs_tasks() -> None:
    start = time.perf_counter()
    results = [await job("a", 0.1), await job("b", 0.1), await job("c", 0.1)]
    awaited = time.perf_counter() - start
    print(
        f"  await one after another: {awaited:.2f} s (ideal 0.30 s) {results}"
    )

    start = time.perf_counter()
    tasks = [
        asyncio.create_task(job(name, 0.1)) for name in "abc"
    ]  # all three start now
    results = [await t for t in tasks]
    concurrent = time.perf_counter() - start
    print(
        f"  create_task, then await: {concurrent:.2f} s (ideal 0.10 s) "
        f"{results}"
    )

    start = time.perf_counter()
    results = await asyncio.gather(
        *(job(name, 0.1) for name in "abc")
    )  # wraps them in tasks
    gathered = time.perf_counter() - start
    print(
        f"  gather:                  {gathered:.2f} s (ideal 0.10 s) {results}"
    )
    assert results == [
        "a done",
        "b done",
        "c done",
    ]  # gather keeps the order of its arguments


async def fire_and_forget() -> None:
    lost: list[str] = []
    errors: list[str] = []
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: errors.append(ctx["message"])
    )

    asyncio.create_task(  # noqa: RUF006 - the bug this example shows
        wait_forever(lost)
    )
    await asyncio.sleep(0)  # let it start
    # a collection happens at some point in a real program; force it here
    gc.collect()
    await asyncio.sleep(0)
    print(f"  without a reference: {lost}")
    print(f"    the loop reported: {errors}")
    assert lost == ["started", "finally ran"] and errors == [
        "Task was destroyed but it is pending!"
    ]

    kept: list[str] = []
    background: set[asyncio.Task] = set()
    task = asyncio.create_task(wait_forever(kept))
    background.add(task)  # a strong reference...
    task.add_done_callback(
        background.discard
    )  # ...dropped when the task is done
    await asyncio.sleep(0)
    gc.collect()
    await asyncio.sleep(0)
    print(f"  kept in a set:       {kept}; still pending: {not task.done()}")
    assert kept == ["started"] and not task.done()
    # clean up before asyncio.run() returns (it would cancel it anyway)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print(
        f"  after cancel():      {kept}; set now holds {len(background)} "
        "task(s)"
    )
    assert kept == ["started", "finally ran"] and not background


if __name__ == "__main__":
    print("Three 0.1 s jobs:")
    asyncio.run(sequential_vs_tasks())
    print("A task nobody references, then one kept in a set:")
    asyncio.run(fire_and_forget())
