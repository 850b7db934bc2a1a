# /// script
# requires-python = ">=3.10"
# dependencies = ["psutil==7.2.2"]
#
# [tool.pyconc]
# timeout = 120
# benchmark = true
# ///
"""1,000 concurrent TCP connections on 127.0.0.1: asyncio (one thread) vs one
thread each.

Both servers answer only once every client is connected and has sent its
request, so all connections really are open at the same time. Each way runs in
a fresh interpreter (this same file, run with an argument) so its peak memory
is its own. Both ends of every connection live in that process: each connection
costs two file descriptors, so the open-files limit decides how many we can
open; the example says what it used.
"""

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time

WANTED = 1000
TIMEOUT = 30.0  # seconds; no wait below may last longer


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    try:
        import resource
    except ImportError:  # Windows
        import psutil

        return psutil.Process().memory_info().peak_wset / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (
        peak / 2**20 if sys.platform == "darwin" else peak / 2**10
    )  # bytes on macOS, KB on Linux


def connections_allowed() -> int:
    """How many connections the open-files limit allows (raising the soft limit
    if we may)."""
    try:
        import resource
    except (
        ImportError
    ):  # Windows has no per-process descriptor limit of this kind
        return WANTED
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted_fds = (
        2 * WANTED + 100
    )  # both ends of each connection, plus some headroom
    if soft != resource.RLIM_INFINITY and soft < wanted_fds:
        new_soft = (
            wanted_fds
            if hard == resource.RLIM_INFINITY
            else min(hard, wanted_fds)
        )
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (new_soft, hard))
            soft = new_soft
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return WANTED
    return max(10, min(WANTED, (soft - 100) // 2))


# --- asyncio: one thread, one task per connection ----------------------------


async def asyncio_run(n: int) -> dict:
    arrived = 0
    everyone_here = asyncio.Event()

    async def handle(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        nonlocal arrived
        try:
            line = await reader.readline()
            arrived += 1
            if arrived == n:
                everyone_here.set()
            await asyncio.wait_for(everyone_here.wait(), TIMEOUT)
            writer.write(line.upper())
            await writer.drain()
        finally:
            writer.close()
            await writer.wait_closed()

    async def client(port: int, i: int) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(b"hello %d\n" % i)
            await writer.drain()
            return await reader.readline()
        finally:
            writer.close()
            await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=n)
    port = server.sockets[0].getsockname()[1]
    async with server:
        start = time.perf_counter()
        replies = await asyncio.wait_for(
            asyncio.gather(*(client(port, i) for i in range(n))), TIMEOUT
        )
        elapsed = time.perf_counter() - start
    assert replies == [b"HELLO %d\n" % i for i in range(n)]
    return {"seconds": elapsed, "threads": threading.active_count()}


# --- threads: one server thread and one client thread per connection ---------


def threads_run(n: int) -> dict:
    everyone_here = threading.Barrier(
        n
    )  # the n server threads wait for each other
    replies: list[bytes | None] = [None] * n

    def serve(conn: socket.socket) -> None:
        with conn, conn.makefile("rb") as f:
            line = f.readline()
            everyone_here.wait(
                TIMEOUT
            )  # raises BrokenBarrierError rather than hang
            conn.sendall(line.upper())

    def client(port: int, i: int) -> None:
        with socket.create_connection(
            ("127.0.0.1", port), timeout=TIMEOUT
        ) as s:
            s.sendall(b"hello %d\n" % i)
            with s.makefile("rb") as f:
                replies[i] = f.readline()

    with socket.create_server(("127.0.0.1", 0), backlog=n) as listener:
        listener.settimeout(TIMEOUT)
        port = listener.getsockname()[1]
        start = time.perf_counter()
        clients = [
            threading.Thread(target=client, args=(port, i)) for i in range(n)
        ]
        for t in clients:
            t.start()
        servers = []
        for _ in range(n):
            conn, _addr = listener.accept()
            conn.settimeout(TIMEOUT)
            servers.append(threading.Thread(target=serve, args=(conn,)))
            servers[-1].start()
        for t in clients + servers:
            t.join(TIMEOUT)
        elapsed = time.perf_counter() - start
    assert not any(t.is_alive() for t in clients + servers)
    assert replies == [b"HELLO %d\n" % i for i in range(n)]
    return {"seconds": elapsed, "threads": 1 + len(clients) + len(servers)}


def child(mode: str, n: int) -> None:
    connections_allowed()  # the child raises its own soft limit too
    before = peak_rss_mb()
    result = (
        asyncio.run(asyncio_run(n)) if mode == "asyncio" else threads_run(n)
    )
    result["rss_growth_mb"] = peak_rss_mb() - before
    print(json.dumps(result))


def main() -> None:
    n = connections_allowed()
    note = (
        ""
        if n == WANTED
        else f" (scaled down from {WANTED} by the open-files limit)"
    )
    print(
        f"{n} concurrent connections{note}, client and server in one process, "
        f"{os.cpu_count()} CPUs"
    )
    print(
        f"{'model':<10}{'time':>8}{'threads':>9}"
        f"{'peak memory growth':>21}{'per connection':>16}"
    )
    for mode in ("asyncio", "threads"):
        proc = subprocess.run(
            [sys.executable, __file__, mode, str(n)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT * 3,
        )
        assert proc.returncode == 0, proc.stderr
        r = json.loads(proc.stdout)
        per_conn_kb = r["rss_growth_mb"] * 1024 / n
        print(
            f"{mode:<10}{r['seconds']:>7.2f}s{r['threads']:>9}"
            f"{r['rss_growth_mb']:>18.1f} MB{per_conn_kb:>13.0f} KB"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        child(sys.argv[1], int(sys.argv[2]))
    else:
        main()
