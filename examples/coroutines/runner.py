# /// script
# requires-python = ">=3.11"
# dependencies = []
# ///
"""asyncio.Runner (3.11+): several top-level calls on one loop, and a
loop_factory.

asyncio.run() creates a loop, runs one coroutine and closes the loop. When sync
code needs to call async code several times (a CLI, a test suite) on the *same*
loop, so that connections and other loop-bound objects survive between calls,
use asyncio.Runner. Its loop_factory is how you choose a loop now (uvloop,
SelectorEventLoop on Windows): event loop policies, which the seed's era used
for this, are deprecated since Python 3.14. asyncio.run() has accepted
loop_factory since 3.12.
"""

import asyncio

created: list[str] = []


class CountingLoop(asyncio.SelectorEventLoop):
    """A custom loop class, standing in for uvloop.Loop or any other loop
    implementation."""


def make_loop() -> asyncio.AbstractEventLoop:
    created.append("loop")
    return CountingLoop()


class Pool:
    """Something bound to a loop, like a database connection pool."""

    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.queries = 0

    async def query(self, sql: str) -> str:
        assert asyncio.get_running_loop() is self.loop, (
            "used from another loop"
        )
        await asyncio.sleep(0.01)
        self.queries += 1
        return f"{sql} -> ok"


async def connect() -> Pool:
    return Pool()


if __name__ == "__main__":
    with asyncio.Runner(loop_factory=make_loop) as runner:
        pool = runner.run(connect())
        first = runner.run(pool.query("SELECT 1"))
        second = runner.run(
            pool.query("SELECT 2")
        )  # same loop: the pool still works
        loop = runner.get_loop()
        print(
            f"three runner.run() calls: {[first, second]}, "
            f"{pool.queries} queries"
        )
        print(f"loops created: {len(created)}, of class {type(loop).__name__}")
    print(f"after the with block the loop is closed: {loop.is_closed()}")
    assert created == ["loop"] and pool.queries == 2 and loop.is_closed()

    # For contrast: each asyncio.run() makes a new loop, so a pool made in one
    # run is useless in the next.
    pool = asyncio.run(connect())
    try:
        asyncio.run(pool.query("SELECT 3"))
        raise SystemExit("expected the pool to refuse a second loop")
    except AssertionError as error:
        print("the same pool across two asyncio.run() calls:")
        print(f"  AssertionError ({error})")
