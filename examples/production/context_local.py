# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""threading.local in async code: one request's id in another's log lines.

Three requests run concurrently on one thread (the event loop's). Each stores
its id, awaits some I/O, then logs. threading.local holds one value per
*thread*, so every request reads whatever the last one wrote. A ContextVar
holds one value per *task* (each task runs in its own copy of the context), so
each request keeps its own. A logging.Filter adds the id to every record, the
way a real service tags its log lines.
"""

import asyncio
import contextvars
import io
import logging
import threading

local = threading.local()
request_id = contextvars.ContextVar("request_id", default="-")


class LocalId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.rid = getattr(local, "request_id", "-")
        return True


class ContextId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.rid = request_id.get()
        return True


async def handle_with_local(rid: str, log: logging.Logger) -> None:
    local.request_id = rid
    # A database call: the other requests run meanwhile.
    await asyncio.sleep(0.01)
    log.info("done %s", rid)


async def handle_with_contextvar(rid: str, log: logging.Logger) -> None:
    request_id.set(rid)
    await asyncio.sleep(0.01)
    log.info("done %s", rid)


def make_logger(
    name: str, id_filter: logging.Filter
) -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("[%(rid)s] %(message)s"))
    handler.addFilter(id_filter)
    log = logging.getLogger(name)
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log, out


def report(title: str, out: io.StringIO) -> int:
    """Print the log and count the lines tagged with another request's id."""
    print(title)
    wrong = 0
    for line in out.getvalue().splitlines():
        tag, _, message = line.partition(" done ")
        ok = tag == f"[{message}]"
        wrong += not ok
        print(f"  {line:<24} {'ok' if ok else 'WRONG request id'}")
    return wrong


async def main() -> None:
    requests = ["req-1", "req-2", "req-3"]

    log, out = make_logger("with_local", LocalId())
    await asyncio.gather(*(handle_with_local(r, log) for r in requests))
    wrong = report("threading.local, 3 concurrent requests on 1 thread:", out)
    # Each request set its id before any of them resumed: all read the last
    # one.
    assert wrong == 2, wrong

    log, out = make_logger("with_contextvar", ContextId())
    await asyncio.gather(*(handle_with_contextvar(r, log) for r in requests))
    wrong = report("ContextVar, the same 3 requests:", out)
    assert wrong == 0, wrong
    # gather() wrapped each coroutine in a task with its own copy of the
    # context: nothing the requests set is visible here.
    assert request_id.get() == "-"
    print(f"in the caller afterwards: request_id = {request_id.get()!r}")


if __name__ == "__main__":
    asyncio.run(main())
