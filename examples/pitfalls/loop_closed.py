# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
""" "RuntimeError: Event loop is closed": an object kept from one
`asyncio.run()` used in the next.

`asyncio.run()` creates a new event loop and closes it when the coroutine
returns. A client that stores the loop (or a task, a future, a connection bound
to it) at the first call still points at that closed loop when the program
calls `asyncio.run()` again, e.g. once per request in a sync web framework or a
CLI.
"""

import asyncio


class Client:
    """A client that caches the loop it was created on, as many older libraries
    did."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()

    async def fetch(self, n: int) -> int:
        # run_in_executor schedules work on the *stored* loop.
        return await self.loop.run_in_executor(None, pow, n, 2)


CLIENT: Client | None = None


async def handle_request(n: int) -> int:
    global CLIENT
    if CLIENT is None:
        CLIENT = Client()  # created once, on the first request's loop
    return await CLIENT.fetch(n)


async def handle_all(numbers: list[int]) -> list[int]:
    client = Client()  # created inside the one running loop, used only there
    return [await client.fetch(n) for n in numbers]


if __name__ == "__main__":
    print(
        "Broken: one asyncio.run() per request, a client shared between them"
    )
    print(f"  request 1: {asyncio.run(handle_request(3))}")
    try:
        asyncio.run(handle_request(4))
    except RuntimeError as error:
        print(f"  request 2: RuntimeError: {error}")
        assert "closed" in str(error)
    else:
        raise AssertionError("the closed loop was used?")

    print(
        "Fixed: one asyncio.run() for the "
        "whole job; the client lives inside it"
    )
    results = asyncio.run(handle_all([3, 4]))
    print(f"  requests 1 and 2: {results}")
    assert results == [9, 16]
