# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Sync/async and blocking/non-blocking are two different questions, so there
are four cases.

- Sync or async: does the *caller* wait for the result before going on, or is
  it told later?
- Blocking or non-blocking: does the *call* put the thread to sleep until it
  can complete, or return at once (with the data, or with "not yet")?

In every case a peer replies 0.1 s after we ask, over a socket pair. "Other
work" counts 5 ms units of useful work the caller managed to do while the reply
was on its way.
"""

import asyncio
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

DELAY = 0.1
UNIT = 0.005  # one unit of "other work"
TIMEOUT = 5.0


def other_work() -> None:
    time.sleep(UNIT)  # stands in for useful computation


def peer_replies_later(sock: socket.socket) -> threading.Timer:
    timer = threading.Timer(DELAY, sock.sendall, args=(b"reply",))
    timer.start()
    return timer


def report(case: str, data: bytes, waited: str, units: int) -> None:
    print(case)
    print(f"  got {data!r}; {waited}")
    print(f"  other work done meanwhile: {units} units")


def sync_blocking() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.settimeout(TIMEOUT)  # blocking, but never forever
        timer = peer_replies_later(b)
        data = a.recv(
            100
        )  # the thread sleeps inside recv() until the reply arrives
        timer.join(TIMEOUT)
    report(
        "1. sync + blocking: recv() on a blocking socket",
        data,
        "the call itself waited",
        0,
    )
    assert data == b"reply"


def sync_non_blocking() -> None:
    a, b = socket.socketpair()
    with a, b:
        a.setblocking(False)
        timer = peer_replies_later(b)
        units, deadline = 0, time.monotonic() + TIMEOUT
        while True:
            try:
                data = a.recv(
                    100
                )  # returns at once: data, or BlockingIOError ("not yet")
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, "no reply"
                # the caller polls, and still collects the result itself
                other_work()
                units += 1
        timer.join(TIMEOUT)
    report(
        "2. sync + non-blocking: polling a non-blocking socket",
        data,
        "the caller polled until it came",
        units,
    )
    assert data == b"reply"


def async_blocking() -> None:
    a, b = socket.socketpair()
    with a, b, ThreadPoolExecutor(max_workers=1) as pool:
        a.settimeout(TIMEOUT)
        timer = peer_replies_later(b)
        future = pool.submit(
            a.recv, 100
        )  # a blocking call, but in another thread
        told = threading.Event()
        future.add_done_callback(
            lambda f: told.set()
        )  # the caller is notified
        units = 0
        while not told.is_set():
            other_work()  # the caller does not wait: it carries on
            units += 1
        data = future.result(timeout=TIMEOUT)
        timer.join(TIMEOUT)
    report(
        "3. async + blocking: a blocking recv() handed to a worker thread",
        data,
        "a worker thread waited, not the caller",
        units,
    )
    assert data == b"reply"


async def async_non_blocking_main() -> tuple[bytes, int, int]:
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    with a, b:
        a.setblocking(False)  # required by loop.sock_recv()
        loop.call_later(
            DELAY, b.sendall, b"reply"
        )  # the peer, in the same thread
        receive = asyncio.create_task(
            loop.sock_recv(a, 100)
        )  # the selector tells the loop
        units = 0
        while not receive.done():
            await asyncio.sleep(UNIT)  # other work, cooperating with the loop
            units += 1
        data = await asyncio.wait_for(receive, TIMEOUT)
        return data, units, threading.active_count()


def async_non_blocking() -> None:
    data, units, threads = asyncio.run(async_non_blocking_main())
    report(
        "4. async + non-blocking: asyncio, one thread, a selector",
        data,
        "nobody waited: the loop was told when data came",
        units,
    )
    print(
        "  threads in the process during case 4 (the peer is a loop callback "
        f"too): {threads}"
    )
    assert (
        data == b"reply" and threads == 1
    )  # asynchronous, in a single thread


if __name__ == "__main__":
    print(
        f"The peer replies after {DELAY} s; one unit of other work takes "
        f"{UNIT * 1000:.0f} ms."
    )
    for case in (
        sync_blocking,
        sync_non_blocking,
        async_blocking,
        async_non_blocking,
    ):
        case()
