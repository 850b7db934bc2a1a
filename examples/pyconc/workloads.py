"""Standard pieces of work for measurements: waiting, computing in Python,
computing in C.

They live in an importable module, not in an example's `__main__`, so that
every kind of worker can run them: process pools import them by name, and
`InterpreterPoolExecutor` (Python 3.14) cannot run functions defined in
`__main__` at all.

- `wait()`: sleeps; stands for any wait on the outside world.
- `ask()` / `ask_async()`: one request to a `SlowServer` on 127.0.0.1, a real
  socket wait.
- `count_primes()`: pure Python computation; it holds the GIL while it runs.
- `crunch()`: the same computation in equal
  rounds, so a job can be sized (`autorange()`).
- `digest()`: SHA-256 of a buffer; hashlib releases the GIL while it hashes
  large data.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import socket
import socketserver
import threading
import time


def wait(seconds: float) -> float:
    """Sleep for `seconds` and return it: a
    stand-in for waiting on a disk or a network."""
    time.sleep(seconds)
    return seconds


def count_primes(limit: int) -> int:
    """Count the primes below `limit` by
    trial division: pure Python, CPU-bound.

    Example:
        >>> count_primes(100)
        25
    """
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


CRUNCH_LIMIT, CRUNCH_PRIMES = (
    100,
    25,
)  # one round: the primes below 100 (there are 25)


def crunch(rounds: int) -> int:
    """Pure-Python work in `rounds` equal rounds: its time grows in proportion
    to `rounds`.

    Each round counts the primes below 100 (some tens of microseconds), so a
    job can be sized finely, from a fraction of a millisecond up to seconds.
    Returns the total count, `rounds * 25`, for checking.

    Example:
        >>> crunch(3)
        75
    """
    return sum(count_primes(CRUNCH_LIMIT) for _ in range(rounds))


@functools.lru_cache(maxsize=4)
def _buffer(megabytes: int) -> bytes:
    return bytes(range(256)) * (megabytes * 4096)


def digest(megabytes: int, rounds: int = 1) -> str:
    """SHA-256 of a `megabytes` MiB buffer, `rounds` times; returns the last
    hex digest.

    hashlib releases the GIL while it hashes more than a few KiB, so threads
    running this can use several cores even on a build with a GIL.
    """
    data = _buffer(megabytes)
    result = ""
    for _ in range(rounds):
        result = hashlib.sha256(data).hexdigest()
    return result


class _SlowHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline()
        time.sleep(self.server.delay)  # the "remote service" takes its time
        self.wfile.write(b"re: " + line)


class SlowServer(socketserver.ThreadingTCPServer):
    """A loopback TCP server that answers each line after `delay` seconds.

    It listens on 127.0.0.1 with a port the OS picks. Use it as a context
    manager: it serves in a background thread and stops (joining that thread)
    when the block ends.

    Attributes:
        delay: Seconds it waits before answering each request.
        address: `(host, port)` to connect to.
    """

    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, delay: float) -> None:
        super().__init__(("127.0.0.1", 0), _SlowHandler)
        self.delay = delay
        self.address: tuple[str, int] = self.server_address[:2]
        self._thread = threading.Thread(
            target=self.serve_forever, name="slow-server"
        )

    def __enter__(self) -> SlowServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self._thread.join(timeout=10)
        self.server_close()


def ask(
    address: tuple[str, int], message: str = "ping", timeout: float = 10.0
) -> str:
    """Send one line to a `SlowServer` and return
    its answer (a blocking socket wait)."""
    with socket.create_connection(address, timeout=timeout) as sock:
        sock.sendall(message.encode() + b"\n")
        with sock.makefile("rb") as answer:
            return answer.readline().decode().strip()


async def ask_async(
    address: tuple[str, int], message: str = "ping", timeout: float = 10.0
) -> str:
    """The same request as `ask()`, with asyncio streams: the event loop waits,
    not a thread."""

    async def exchange() -> str:
        reader, writer = await asyncio.open_connection(*address)
        try:
            writer.write(message.encode() + b"\n")
            await writer.drain()
            return (await reader.readline()).decode().strip()
        finally:
            writer.close()
            await writer.wait_closed()

    return await asyncio.wait_for(exchange(), timeout)
