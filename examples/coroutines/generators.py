# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""From generators to coroutines: send(), yield from, and native async def.

A generator can be paused and resumed; send() passes a value in when it
resumes. That is all a coroutine needs, and it is what asyncio was first built
on (the seed's 2015-era code). Since Python 3.5, `async def` makes coroutines a
separate type: they are not generators any more.
"""

import asyncio
import contextlib
import inspect
import types
from collections.abc import Generator


def averager() -> Generator[float, float, int]:
    """A consumer: receives numbers with send(), yields the running average,
    returns a count."""
    total, count, average = 0.0, 0, 0.0
    while True:
        # pauses here; resumes with the value passed to send()
        value = yield average
        if value is None:  # the producer's signal that the stream is over
            # becomes StopIteration.value, or the value of `yield from`
            return count
        total += value
        count += 1
        average = total / count


def producer(
    consumer: Generator[float, float, int], values: list[float]
) -> list[float]:
    next(
        consumer
    )  # "prime" it: run to the first yield, where it waits for a value
    return [consumer.send(v) for v in values]


def delegate(
    results: dict[str, int], key: str
) -> Generator[float, float, None]:
    # `yield from` connects the caller straight to the inner generator (send()
    # goes through) and evaluates to the inner generator's return value.
    results[key] = yield from averager()


@types.coroutine
def old_style_sleep_zero() -> Generator[None, None, str]:
    # a bare yield is how a generator-based coroutine gives control to the
    # event loop
    yield
    return "generator-based coroutine resumed"


async def native(x: int) -> int:
    await asyncio.sleep(0)  # a native coroutine suspends only at an await
    return x * 2


async def main() -> None:
    c = native(21)
    print(
        f"  native(21) is a coroutine: {inspect.iscoroutine(c)}, a generator: "
        f"{inspect.isgenerator(c)}"
    )
    print(
        f"  has send(): {hasattr(c, 'send')}, usable with next(): "
        f"{hasattr(c, '__next__')}"
    )
    assert inspect.iscoroutine(c) and not inspect.isgenerator(c)
    print(f"  await native(21) = {await c}")
    print(f"  await old_style_sleep_zero() = {await old_style_sleep_zero()!r}")


if __name__ == "__main__":
    print("1. A generator as a consumer, fed with send():")
    averages = producer(averager(), [10, 20, 60])
    print(f"  running averages: {averages}")
    assert averages == [10.0, 15.0, 30.0]

    print(
        "2. yield from: the caller drives the inner generator through the "
        "outer one:"
    )
    results: dict[str, int] = {}
    outer = delegate(results, "count")
    next(outer)
    for v in (1, 2, 3, 4):
        outer.send(v)
    with contextlib.suppress(StopIteration):  # the outer generator ends too
        outer.send(
            None
        )  # ends the inner generator; its return value lands in results
    print(
        f"  the inner generator returned count={results['count']} through "
        "`yield from`"
    )
    assert results == {"count": 4}

    print("3. Native coroutines (async def) are a different type:")
    asyncio.run(main())
    coro = native(1)
    try:
        next(coro)  # type: ignore[call-overload]
    except TypeError as error:
        print(f"  next(native(1)) -> TypeError: {error}")
    finally:
        # never awaited: close it, or Python warns when it is garbage-collected
        coro.close()
