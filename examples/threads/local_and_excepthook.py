# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Per-thread state with threading.local, and threading.excepthook for uncaught
exceptions.

`threading.local()` gives every thread its own attributes on one shared object:
the usual home for a per-thread database connection or request id. An exception
that escapes a thread's function ends that thread only; `threading.excepthook`
decides how it is reported.
"""

import threading

context = (
    threading.local()
)  # one object, but each thread sees its own attributes


def handle(request_id: int, seen: dict[str, list[int]]) -> None:
    context.request_id = request_id  # set in this thread only
    context.log = []
    for step in range(3):
        context.log.append(context.request_id * 10 + step)
    seen[threading.current_thread().name] = context.log


def crash(n: int) -> None:
    raise ValueError(f"bad input {n}")


reported: list[str] = []


def report(args: threading.ExceptHookArgs) -> None:
    # Called in the dying thread. The default hook prints the traceback to
    # stderr; here we keep one line per failure (a real program would log it,
    # with args.exc_traceback).
    reported.append(
        f"{args.thread.name}: {args.exc_type.__name__}: {args.exc_value}"
    )


if __name__ == "__main__":
    seen: dict[str, list[int]] = {}
    threads = [
        threading.Thread(target=handle, args=(i, seen), name=f"request-{i}")
        for i in range(1, 4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    print("threading.local: each thread saw only its own values")
    for name in sorted(seen):
        print(f"  {name}: {seen[name]}")
    print(f"  main thread has request_id: {hasattr(context, 'request_id')}")
    assert seen == {
        f"request-{i}": [i * 10, i * 10 + 1, i * 10 + 2] for i in range(1, 4)
    }

    threading.excepthook = report
    crashers = [
        threading.Thread(target=crash, args=(n,), name=f"crasher-{n}")
        for n in (1, 2)
    ]
    for t in crashers:
        t.start()
    for t in crashers:
        t.join(
            timeout=10
        )  # join() returns normally: it does not re-raise the exception
    print("threading.excepthook saw:")
    for line in sorted(reported):
        print(f"  {line}")
    print(
        "main thread: still running; it could "
        "not have caught those exceptions itself"
    )
    assert len(reported) == 2
    threading.excepthook = threading.__excepthook__  # restore the default
