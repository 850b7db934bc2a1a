# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""`asyncio.get_event_loop()` outside a running loop: deprecated, then an
error; use `asyncio.run`.

Code from the Python 3.6-3.9 era starts with `loop = asyncio.get_event_loop()`.
In the main thread with no loop set, it created one (deprecated since 3.10;
some 3.10 and 3.11 releases warn), warns with DeprecationWarning on 3.12 and
3.13, and raises RuntimeError since 3.14; in any other thread it has always
raised. What this interpreter does is printed, then the fix.
"""

import asyncio
import sys
import threading
import warnings


def old_style(where: str) -> str:
    """What `asyncio.get_event_loop()` does here, with no loop running."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError as error:
            return f"{where}:\n    RuntimeError: {error}"
    loop.close()
    asyncio.set_event_loop(None)
    if caught:
        return (
            f"{where}: returned a loop, with\n"
            f"    {caught[0].category.__name__}: {caught[0].message}"
        )
    return f"{where}: silently created and returned a new loop"


async def fetch(n: int) -> int:
    loop = (
        asyncio.get_running_loop()
    )  # only inside a coroutine, where a loop surely runs
    assert loop.is_running()
    await asyncio.sleep(0.01)
    return n * 10


async def main() -> list[int]:
    return await asyncio.gather(*(fetch(n) for n in range(3)))


if __name__ == "__main__":
    print(
        "Old style on Python "
        f"{sys.version_info.major}.{sys.version_info.minor}:"
    )
    print(f"  {old_style('main thread')}")
    in_thread: list[str] = []
    worker = threading.Thread(
        target=lambda: in_thread.append(old_style("worker thread"))
    )
    worker.start()
    worker.join(timeout=30)
    print(f"  {in_thread[0]}")
    assert "RuntimeError" in in_thread[0]

    print("Current style: asyncio.run() creates, runs and closes the loop")
    results = asyncio.run(main())
    print(f"  results: {results}")
    assert results == [0, 10, 20]

    # A thread that needs async code runs its own loop the same way.
    from_thread: list[list[int]] = []
    worker = threading.Thread(
        target=lambda: from_thread.append(asyncio.run(main()))
    )
    worker.start()
    worker.join(timeout=30)
    print(f"  from a worker thread, asyncio.run() again: {from_thread[0]}")
    assert from_thread == [[0, 10, 20]]
