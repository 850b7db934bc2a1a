# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""`asyncio.run()` cannot be called while an event loop is running in the same
thread.

It happens when async code calls a sync helper that itself calls
`asyncio.run()`, and in Jupyter, whose kernel already runs a loop in the main
thread (there, `await main()` in a cell is the answer). Inside async code,
await the coroutine; a sync helper that must start its own loop can run in a
worker thread, which has no loop yet.
"""

import asyncio


async def fetch_price(item: str) -> int:
    await asyncio.sleep(0.01)
    return len(item) * 100


def price_sync(item: str) -> int:
    """A sync wrapper, convenient for scripts, that starts its own event
    loop."""
    return asyncio.run(fetch_price(item))


async def broken() -> None:
    coro = fetch_price("apple")
    try:
        asyncio.run(
            coro
        )  # what price_sync() does, but a loop is already running here
    except RuntimeError as error:
        print(f"  RuntimeError: {error}")
        assert "running event loop" in str(error)
    finally:
        # never awaited: close it, or Python warns "never awaited"
        coro.close()


async def fixed() -> None:
    direct = await fetch_price("apple")  # inside async code: await it
    in_thread = await asyncio.wait_for(
        asyncio.to_thread(price_sync, "apple"), timeout=10
    )
    print(f"  await fetch_price(...): {direct}")
    print(f"  await asyncio.to_thread(price_sync, ...): {in_thread}")
    assert direct == in_thread == 500


if __name__ == "__main__":
    print("Broken: asyncio.run() inside a coroutine")
    asyncio.run(broken())
    print("Fixed:")
    asyncio.run(fixed())
