# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Seed-era asyncio calls on today's Python, with warnings turned into errors.

Each old call is tried in isolation; what it does depends on the version
(silently works, DeprecationWarning, or gone), so the example checks it against
what the migration table says for *this* Python and prints only the conclusion
that holds on every version: replace it.
"""

import asyncio
import inspect
import sys
import warnings

V = sys.version_info[:2]


def outcome(action) -> str:
    """Run action() with warnings as errors: 'works', 'DeprecationWarning' or
    an error's name."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            action()
        except DeprecationWarning:
            return "DeprecationWarning"
        except Exception as error:
            return type(error).__name__
    return "works"


def old_coroutine_decorator() -> None:
    @asyncio.coroutine  # type: ignore[attr-defined]
    def old():
        yield from asyncio.sleep(0)


def old_task_all_tasks() -> None:
    asyncio.Task.all_tasks()  # type: ignore[attr-defined]


def old_wait_on_coroutines() -> None:
    async def nothing() -> None:
        pass

    async def main() -> None:
        coro = nothing()
        try:
            await asyncio.wait([coro])
        finally:
            coro.close()  # if wait() refused it, it was never awaited

    asyncio.run(main())


def old_get_event_loop() -> None:
    # Checked first: once anything has called asyncio.run() or
    # set_event_loop(), even 3.10-3.13 stop creating a loop here and raise
    # RuntimeError instead.
    loop = asyncio.get_event_loop()  # no loop is running in this thread
    # where it created one (3.10-3.13, when not stopped by the warning),
    # drop it
    loop.close()
    asyncio.set_event_loop(None)


def old_loop_argument() -> None:
    loop = asyncio.new_event_loop()
    try:
        asyncio.Queue(loop=loop)  # type: ignore[call-arg]
    finally:
        loop.close()


def old_policy() -> None:
    asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
    asyncio.set_event_loop_policy(None)


def old_iscoroutinefunction() -> None:
    async def f() -> None:
        pass

    assert asyncio.iscoroutinefunction(f)


# (old call, replacement, check, outcomes the table documents for this Python)
ROWS = [
    (
        "asyncio.get_event_loop() outside a loop",
        "asyncio.run() / asyncio.Runner",
        old_get_event_loop,
        # 3.10.0-3.10.8 and 3.11.0 warned; later 3.10/3.11 releases silently
        # create a loop.
        {"works", "DeprecationWarning"}
        if V < (3, 12)
        else {"DeprecationWarning"}
        if V < (3, 14)
        else {"RuntimeError"},
    ),
    (
        "@asyncio.coroutine + yield from",
        "async def + await",
        old_coroutine_decorator,
        {"DeprecationWarning"} if V < (3, 11) else {"AttributeError"},
    ),
    (
        "asyncio.Task.all_tasks()",
        "asyncio.all_tasks()",
        old_task_all_tasks,
        {"AttributeError"},
    ),
    (
        "asyncio.wait([coroutine, ...])",
        # too long for one line on a phone: the rest goes on a second line
        "asyncio.wait([task, ...])\nor an asyncio.TaskGroup",
        old_wait_on_coroutines,
        {"DeprecationWarning"} if V < (3, 11) else {"TypeError"},
    ),
    (
        "asyncio.Queue(loop=loop) and other loop=",
        "no loop argument",
        old_loop_argument,
        {"TypeError"},
    ),
    (
        "asyncio.set_event_loop_policy(...)",
        "asyncio.Runner(loop_factory=...)",
        old_policy,
        {"works"} if V < (3, 14) else {"DeprecationWarning"},
    ),
    (
        "asyncio.iscoroutinefunction(f)",
        "inspect.iscoroutinefunction(f)",
        old_iscoroutinefunction,
        {"works"} if V < (3, 14) else {"DeprecationWarning"},
    ),
]


async def replacements_work() -> None:
    async def f() -> int:
        await asyncio.sleep(0)
        return 1

    task = asyncio.create_task(f())
    assert task in asyncio.all_tasks()
    done, _ = await asyncio.wait([task], timeout=5)
    assert done == {task} and inspect.iscoroutinefunction(f)
    assert asyncio.get_running_loop() is not None
    assert (await asyncio.wait_for(asyncio.Queue().put(1), 5)) is None


if __name__ == "__main__":
    width = max(len(old) for old, *_ in ROWS)
    for old, new, check, documented in ROWS:
        seen = outcome(check)
        assert seen in documented, (
            f"{old}: {seen} on {V}, the table says {documented}"
        )
        # a second line of the replacement starts under the first
        new = new.replace("\n", "\n" + " " * (width + len("  ->  ")))
        print(f"{old:<{width}}  ->  {new}")
    asyncio.run(replacements_work())
    print(
        "Every old call behaved as the table says for this Python "
        f"({len(ROWS)} checked);"
    )
    print("the replacements on the right ran without a warning.")
