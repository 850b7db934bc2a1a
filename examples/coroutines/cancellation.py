# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Cancellation and timeouts that work on Python 3.10+: cancel(), wait_for,
cleanup in finally.

Cancelling a task throws CancelledError into it at the await where it is
suspended, so `finally` blocks and `async with` exits run: that is where a task
releases what it holds. gather() does not cancel the other awaitables when one
fails; compare TaskGroup (3.11+).
"""

import asyncio

log: list[str] = []


async def worker(name: str, delay: float) -> str:
    log.append(f"{name} acquired a connection")
    try:
        await asyncio.sleep(delay)
        return f"{name} finished"
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        # always re-raise: swallowing it breaks wait_for, TaskGroup and
        # timeouts
        raise
    finally:
        log.append(f"{name} released its connection")


async def worker_until(name: str, release: asyncio.Event) -> str:
    await (
        release.wait()
    )  # finishes only when told to, so what follows does not depend on timing
    return f"{name} finished"


async def fail_after(delay: float) -> None:
    await asyncio.sleep(delay)
    raise ValueError("bad input")


async def main() -> None:
    print("1. task.cancel():")
    task = asyncio.create_task(worker("A", 10))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(
            "  awaiting it raised CancelledError; cancelled() = "
            f"{task.cancelled()}"
        )
    print(f"  log: {log}")
    assert log == [
        "A acquired a connection",
        "A cancelled",
        "A released its connection",
    ]

    print("2. asyncio.wait_for(..., timeout=0.05):")
    log.clear()
    try:
        await asyncio.wait_for(worker("B", 10), timeout=0.05)
    except (
        asyncio.TimeoutError
    ):  # an alias of the built-in TimeoutError since 3.11
        print(
            "  raised TimeoutError after the inner task was cancelled and "
            "cleaned up"
        )
    print(f"  log: {log}")
    assert log[-1] == "B released its connection"

    print("3. gather() when one awaitable fails:")
    log.clear()
    release = asyncio.Event()
    slow = asyncio.create_task(worker_until("C", release))
    try:
        await asyncio.gather(slow, fail_after(0.01))
    except ValueError as error:
        print(
            f"  gather raised {error!r} at once, but C is still running: "
            f"{not slow.done()}"
        )
    assert not slow.done()
    release.set()
    print(
        f"  C then returned {await asyncio.wait_for(slow, 10)!r}; "
        "nothing cancelled it"
    )

    print(
        "4. gather(..., return_exceptions=True) collects failures as values:"
    )
    results = await asyncio.gather(
        worker("D", 0.01), fail_after(0.01), return_exceptions=True
    )
    print(f"  {[r if isinstance(r, str) else repr(r) for r in results]}")
    assert isinstance(results[1], ValueError)


if __name__ == "__main__":
    asyncio.run(main())
