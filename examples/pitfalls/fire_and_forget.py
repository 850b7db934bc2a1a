# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Fire-and-forget tasks get lost: garbage-collected while waiting, or
cancelled at exit.

The event loop keeps only *weak* references to tasks. A task nobody references,
waiting on something only it references, can be collected mid-flight ("Task was
destroyed but it is pending!"). And `asyncio.run()` cancels every task still
running when the main coroutine returns, so background work that was never
awaited silently does not finish. Keep a reference and await the tasks (a set
plus `add_done_callback`, `gather`, or a TaskGroup).
"""

import asyncio
import gc

finished: list[int] = []
destroyed: list[str] = []


async def job(n: int, waits_for: asyncio.Future | None = None) -> None:
    if waits_for is not None:
        await waits_for
    await asyncio.sleep(0.05)
    finished.append(n)


def record_loop_errors(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    # The default handler would log "Task was destroyed but it is pending!";
    # count it instead.
    destroyed.append(context["message"])


async def lost_to_gc() -> None:
    asyncio.get_running_loop().set_exception_handler(record_loop_errors)
    for n in range(5):
        # The task waits on a future that only the task itself references:
        # nothing keeps it.
        asyncio.create_task(  # noqa: RUF006 - dropping the task
            # is the bug shown
            job(n, waits_for=asyncio.get_running_loop().create_future())
        )
    await asyncio.sleep(0)  # the tasks start and block on their futures
    gc.collect()  # what a garbage collection at a random moment would do
    await asyncio.sleep(0)


async def cancelled_at_exit() -> None:
    for n in range(5):
        asyncio.create_task(job(n))  # noqa: RUF006 - nobody awaits them;
        # main returns at once


background: set[asyncio.Task] = set()


async def kept_and_awaited() -> None:
    for n in range(5):
        task = asyncio.create_task(job(n))
        background.add(task)  # a strong reference while it runs...
        task.add_done_callback(
            background.discard
        )  # ...dropped when it is done
    await asyncio.wait_for(asyncio.gather(*background), timeout=10)


if __name__ == "__main__":
    asyncio.run(lost_to_gc())
    print(
        f"Collected while pending: {len(destroyed)} of "
        f"5 tasks destroyed, {len(finished)} finished"
    )
    print(f"  the loop reported: {destroyed[0]!r}")
    assert len(destroyed) == 5 and not finished

    finished.clear()
    asyncio.run(cancelled_at_exit())
    print(
        f"Never awaited: {len(finished)} of 5 "
        "finished (asyncio.run cancelled the rest)"
    )
    assert not finished

    finished.clear()
    asyncio.run(kept_and_awaited())
    print(f"Kept in a set and awaited: {len(finished)} of 5 finished")
    assert sorted(finished) == [0, 1, 2, 3, 4] and not background
