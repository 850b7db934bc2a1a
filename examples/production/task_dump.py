# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Where is every asyncio task stuck? all_tasks(), get_stack() and cr_await.

Four tasks hang on purpose: one waits for a query that never answers, two
wait on an empty queue, one waits for a lock another task never releases.
After the program has "hung" for a moment, it lists every task with:

- task.get_stack(): the frame of the task's OWN coroutine, suspended at
  the line of its await (one frame: it does not follow the await chain);
- the await chain, walked through coro.cr_await down to the innermost
  coroutine: where the task is really waiting;
- on Python 3.14+, asyncio.format_call_graph() does that walk for you (and
  `python -m asyncio ps PID` shows it from outside the process).

Then it cancels them all: the hang is bounded.
"""

import asyncio
import sys

WAIT = 5  # seconds: the bound on every wait


async def run_query(never: asyncio.Future) -> str:
    return await never  # the database never answers


async def fetch_user(never: asyncio.Future) -> str:
    return await run_query(never)


async def consume(queue: asyncio.Queue) -> None:
    while True:
        await queue.get()  # nothing is ever put


async def hold(lock: asyncio.Lock, never: asyncio.Event) -> None:
    async with lock:
        await never.wait()  # holds the lock forever


async def use(lock: asyncio.Lock) -> None:
    async with lock:
        pass


def chain(task: asyncio.Task) -> list[str]:
    """The await chain: the task's coroutine, then what each one awaits."""
    out, coro = [], task.get_coro()
    while coro is not None and hasattr(coro, "cr_frame"):
        frame = coro.cr_frame  # line numbers for this file's code only
        mine = frame.f_code.co_filename == __file__
        out.append(coro.__qualname__ + (f":{frame.f_lineno}" if mine else ""))
        coro = coro.cr_await
    return out


async def main() -> None:
    never, ev = asyncio.get_running_loop().create_future(), asyncio.Event()
    queue, lock = asyncio.Queue(), asyncio.Lock()
    tasks = [
        asyncio.create_task(fetch_user(never), name="fetch-user"),
        asyncio.create_task(consume(queue), name="consumer-1"),
        asyncio.create_task(consume(queue), name="consumer-2"),
        asyncio.create_task(hold(lock, ev), name="lock-holder"),
        asyncio.create_task(use(lock), name="lock-waiter"),
    ]
    done, _ = await asyncio.wait(tasks, timeout=0.2)  # "it hangs"
    assert not done

    me = asyncio.current_task()
    others = sorted(asyncio.all_tasks() - {me}, key=lambda t: t.get_name())
    print(f"asyncio.all_tasks(): {len(others)} tasks besides main()")
    print(f"  {'task':<12} {'get_stack()':<14} awaiting, innermost last")
    for task in others:
        stack = task.get_stack()
        top = [f"{f.f_code.co_name}:{f.f_lineno}" for f in stack]
        print(
            f"  {task.get_name():<12} {' '.join(top):<14} "
            + " > ".join(chain(task)[1:])
        )
        assert len(stack) == 1  # only the task's own coroutine
    names = [link.split(":")[0] for link in chain(tasks[0])]
    assert names == ["fetch_user", "run_query"]  # where it really waits

    if hasattr(asyncio, "format_call_graph"):  # Python 3.14+
        graph = asyncio.format_call_graph(tasks[0])
        assert "run_query" in graph
        print("asyncio.format_call_graph(): shows run_query too")
    else:
        print(
            f"asyncio.format_call_graph(): new in 3.14, not in "
            f"{sys.version_info[0]}.{sys.version_info[1]}"
        )

    for task in tasks:
        task.cancel()
    results = await asyncio.wait_for(
        asyncio.gather(*tasks, return_exceptions=True), WAIT
    )
    cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
    print(f"cancelled: {cancelled} of {len(tasks)}")
    assert cancelled == len(tasks)


if __name__ == "__main__":
    asyncio.run(main())
