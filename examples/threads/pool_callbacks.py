# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Future.add_done_callback() fires however a future ends;
shutdown(cancel_futures=True).

A done-callback runs once the future is finished: with a result, with an
exception, or cancelled. It runs in the worker thread that finished it, or in
the thread that cancelled it (or at once, in the caller, if the future was
already done). A pool with one worker makes the queue visible: while it is
busy, later submissions wait, and can still be cancelled.
"""

import threading
from concurrent.futures import Future, ThreadPoolExecutor

events: list[tuple[str, str, str]] = []


def on_done(name: str):
    def callback(future: Future) -> None:
        if future.cancelled():
            state = "cancelled"
        elif future.exception() is not None:
            state = f"raised {type(future.exception()).__name__}"
        else:
            state = f"returned {future.result()!r}"
        events.append((name, state, threading.current_thread().name))

    return callback


def fail() -> None:
    raise KeyError("missing")


def hold(started: threading.Event, gate: threading.Event) -> bool:
    started.set()
    return gate.wait(timeout=10)  # True once the main thread opens the gate


if __name__ == "__main__":
    gate1, gate2 = threading.Event(), threading.Event()
    started1, started2 = threading.Event(), threading.Event()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="worker")
    blocker1 = pool.submit(
        hold, started1, gate1
    )  # occupies the only worker until gate1 opens
    futures = {
        "ok": pool.submit(sum, [1, 2, 3]),
        "error": pool.submit(fail),
    }
    blocker2 = pool.submit(
        hold, started2, gate2
    )  # keeps the worker busy during shutdown
    futures |= {
        "cancel-me": pool.submit(print, "never printed"),
        "queued-1": pool.submit(print, "never printed"),
        "queued-2": pool.submit(print, "never printed"),
    }
    for name, future in futures.items():
        future.add_done_callback(on_done(name))

    assert started1.wait(
        timeout=10
    )  # blocker1 is running now, the others are queued
    print(f"cancel() a waiting future: {futures['cancel-me'].cancel()}")
    print(
        f"cancel() the running one:  {blocker1.cancel()} "
        "(a running call cannot be stopped)"
    )

    # the worker goes on: 'ok' and 'error' run, then blocker2 holds it again
    gate1.set()
    assert started2.wait(timeout=10)
    # Cancel everything still queued and return at once; the running call is
    # not touched.
    pool.shutdown(wait=False, cancel_futures=True)
    try:
        pool.submit(sum, [])
    except RuntimeError as error:
        print("submit() after shutdown ->")
        print(f"  RuntimeError: {error}")
    gate2.set()
    pool.shutdown(wait=True)  # now wait for the worker thread to exit
    print(f"the running call finished anyway: {blocker2.result(timeout=10)}")

    print("callbacks (name, outcome, thread it ran in):")
    for name, state, thread in sorted(events):
        print(f"  {name:<10} {state:<16} in {thread.split('_')[0]}")
    outcomes = {name: state for name, state, _ in events}
    assert outcomes == {
        "ok": "returned 6",
        "error": "raised KeyError",
        "cancel-me": "cancelled",
        "queued-1": "cancelled",
        "queued-2": "cancelled",
    }
    assert blocker1.result(timeout=10) is True
