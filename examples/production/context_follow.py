# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Where a ContextVar's value goes: tasks, threads, executors, processes.

A request id is set in the caller, then the work moves somewhere else and reads
it back. asyncio tasks and asyncio.to_thread() copy the caller's context;
run_in_executor() and a plain threading.Thread do not (unless
sys.flags.thread_inherit_context is set: Python 3.14+, on by default in
free-threaded builds); a process gets nothing, except that fork copies the
whole memory, the forking thread's context included, as it was at the moment of
the fork.
"""

import asyncio
import contextvars
import functools
import multiprocessing
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="-")
# Python 3.14 added the flag (and Thread(context=...)); before, threads never
# inherited.
INHERIT = bool(getattr(sys.flags, "thread_inherit_context", 0))


def read(label: str = "") -> str:
    return request_id.get()


def read_in_child(conn) -> None:
    conn.send(request_id.get())
    conn.close()


def in_process(method: str) -> str:
    ctx = multiprocessing.get_context(method)
    parent_end, child_end = ctx.Pipe(duplex=False)
    p = ctx.Process(target=read_in_child, args=(child_end,))
    p.start()
    child_end.close()
    try:
        if not parent_end.poll(30):
            raise TimeoutError(f"no answer from the {method} child")
        return parent_end.recv()
    finally:
        p.join(timeout=30)
        parent_end.close()


def in_thread(**thread_kwargs) -> str:
    seen: list[str] = []
    t = threading.Thread(target=lambda: seen.append(read()), **thread_kwargs)
    t.start()
    t.join(timeout=30)
    return seen[0]


def show(where: str, seen: str, expected: str) -> None:
    print(f"  {where:<44} {seen}")
    assert seen == expected, (where, seen, expected)


async def child_task() -> str:
    seen = request_id.get()
    request_id.set("changed-in-task")  # changes the task's copy only
    return seen


async def main() -> None:
    request_id.set("req-42")
    print(
        f"the caller sets request_id = {request_id.get()!r}; "
        "each place reads it:"
    )
    show(
        "asyncio.create_task()",
        await asyncio.create_task(child_task()),
        "req-42",
    )
    show(
        "the caller, after the task set() its copy", request_id.get(), "req-42"
    )
    show(
        "asyncio.to_thread(f, label=...)",
        await asyncio.to_thread(read, label="x"),
        "req-42",
    )

    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The worker thread is started by this first call, from this task's
        # context.
        first = await loop.run_in_executor(pool, read)
        request_id.set("req-43")
        second = await loop.run_in_executor(pool, read)
        # Fix: run the function inside a copy of the caller's context (what
        # to_thread does).
        ctx = contextvars.copy_context()
        fixed = await loop.run_in_executor(
            pool, functools.partial(ctx.run, read, label="x")
        )
    # Without the flag the worker thread starts with an empty context: the
    # default. With it, the thread keeps a copy of the context that started it:
    # req-42, stale.
    show("run_in_executor(), 1st call", first, "req-42" if INHERIT else "-")
    show(
        "run_in_executor(), after set('req-43')",
        second,
        "req-42" if INHERIT else "-",
    )
    show("run_in_executor(pool, partial(ctx.run, f))", fixed, "req-43")


def threads_and_processes() -> None:
    request_id.set("req-7")
    print(f"plain code sets request_id = {request_id.get()!r}:")
    show(
        "threading.Thread(target=f)", in_thread(), "req-7" if INHERIT else "-"
    )
    ctx = contextvars.copy_context()
    show("Thread(target=ctx.run, args=(f,))", in_thread_run(ctx), "req-7")
    if sys.version_info >= (3, 14):
        ctx = contextvars.copy_context()
        show(
            "Thread(target=f, context=copy_context())",
            in_thread(context=ctx),
            "req-7",
        )
    else:
        print("  Thread(context=...)                          (Python 3.14+)")
    show("a process started by spawn", in_process("spawn"), "-")
    if "fork" in multiprocessing.get_all_start_methods():
        show(
            "a process started by fork (a memory copy)",
            in_process("fork"),
            "req-7",
        )
    else:
        print("  a process started by fork                    (no fork here)")


def in_thread_run(ctx: contextvars.Context) -> str:
    seen: list[str] = []
    t = threading.Thread(target=lambda: seen.append(ctx.run(read)))
    t.start()
    t.join(timeout=30)
    return seen[0]


if __name__ == "__main__":
    flag = "on" if INHERIT else "off (or absent: Python < 3.14)"
    print(f"sys.flags.thread_inherit_context: {flag}")
    asyncio.run(main())
    threads_and_processes()
