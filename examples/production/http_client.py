# /// script
# requires-python = ">=3.10"
# dependencies = ["httpx==0.29.0"]
#
# [tool.pyconc]
# benchmark = true
# timeout = 120
# ///
"""One shared httpx.AsyncClient against a real HTTP server on 127.0.0.1.

The server (stdlib, in a thread) counts what it sees: connections opened
and requests in flight at once. It can be slow, and /flaky answers 503
to the first two attempts of each request. The client side shows what a
connection limit, a pool timeout, a per-request timeout and retries with
back-off change, each measured against not having it.
"""

import asyncio
import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


class Server(ThreadingHTTPServer):
    request_queue_size = 128  # listen() backlog; the default 5 is too few
    daemon_threads = False  # server_close() joins the handler threads

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.stop = threading.Event()  # wakes slow handlers at shutdown
        self.connections = self.in_flight = self.peak = 0
        self.attempts: dict[str, int] = {}

    def reset(self) -> None:
        with self.lock:
            self.connections = self.peak = 0

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (timeout) closed its socket: fine


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: connections get reused
    timeout = 5  # an idle kept-alive connection ends after 5 s
    server: Server

    def setup(self) -> None:
        super().setup()
        with self.server.lock:
            self.server.connections += 1

    def do_GET(self) -> None:
        srv = self.server
        with srv.lock:
            srv.in_flight += 1
            srv.peak = max(srv.peak, srv.in_flight)
        try:
            path, _, query = self.path.partition("?")
            status = 200
            if path.startswith("/flaky/"):
                with srv.lock:
                    n = srv.attempts[path] = srv.attempts.get(path, 0) + 1
                status = 503 if n <= 2 else 200  # fails twice, then works
            delay = float(query.removeprefix("delay=") or 0)
            srv.stop.wait(delay)  # a slow backend
            body = json.dumps({"path": path, "status": status}).encode()
        finally:
            with srv.lock:
                srv.in_flight -= 1
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass  # quiet


async def fetch_all(client: httpx.AsyncClient, paths: list[str]) -> dict:
    """GET every path at once; count outcomes by status or exception."""

    async def one(path: str) -> str:
        try:
            response = await client.get(path)
        except httpx.HTTPError as error:
            return type(error).__name__
        return str(response.status_code)

    outcomes = await asyncio.gather(*(one(p) for p in paths))
    return {k: outcomes.count(k) for k in sorted(set(outcomes))}


async def get_with_retries(
    client: httpx.AsyncClient, path: str, attempts: int = 4
) -> tuple[httpx.Response, int]:
    """Retry 5xx and transport errors with exponential back-off + jitter.

    Only for idempotent requests (GET, PUT with the same body...).
    """
    for attempt in range(1, attempts + 1):
        try:
            response = await client.get(path)
            if response.status_code < 500:
                return response, attempt
        except httpx.TransportError:
            if attempt == attempts:
                raise
        if attempt < attempts:  # 50 ms, 100 ms, 200 ms... with full jitter
            await asyncio.sleep(random.uniform(0, 0.05 * 2 ** (attempt - 1)))
    return response, attempts


async def main(server: Server) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    paths = [f"/item/{i}?delay=0.25" for i in range(40)]

    print("1. 40 requests at once, each 0.25 s on the server")
    print(
        f"  {'client limits':<20}{'in flight':>10}{'connections':>12}"
        f"{'all 200':>8}{'time':>8}"
    )
    for label, limits in [
        ("max_connections=None", httpx.Limits(max_connections=None)),
        ("max_connections=8", httpx.Limits(max_connections=8)),
    ]:
        server.reset()
        async with httpx.AsyncClient(base_url=base, limits=limits) as client:
            start = time.perf_counter()
            outcomes = await fetch_all(client, paths)
            elapsed = time.perf_counter() - start
        ok = outcomes == {"200": 40}
        print(
            f"  {label:<20}{server.peak:>10}{server.connections:>12}"
            f"{ok!s:>8}{elapsed:>6.2f} s"
        )
        assert ok, outcomes
        if limits.max_connections:
            assert server.peak <= 8 and server.connections <= 8
        else:
            assert server.connections == 40 and server.peak > 8
    print("  (ideal: 0.25 s unlimited, 1.25 s with 8 connections)")

    # A limit queues the others; pool= bounds how long one may wait.
    server.reset()
    async with httpx.AsyncClient(
        base_url=base,
        limits=httpx.Limits(max_connections=2),
        timeout=httpx.Timeout(5.0, pool=0.1),
    ) as client:
        outcomes = await fetch_all(
            client, [f"/q/{i}?delay=0.3" for i in range(10)]
        )
    print("  max_connections=2, pool timeout 0.1 s, 10 requests of 0.3 s:")
    print(f"    {outcomes}")
    assert outcomes == {"200": 2, "PoolTimeout": 8}

    print("2. one shared client vs a new client per request (5 in a row)")
    server.reset()
    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=base) as client:
        for i in range(5):
            (await client.get(f"/item/{i}")).raise_for_status()
    shared, shared_time = server.connections, time.perf_counter() - start
    server.reset()
    start = time.perf_counter()
    for i in range(5):
        async with httpx.AsyncClient(base_url=base) as client:
            (await client.get(f"/item/{i}")).raise_for_status()
    each_time = time.perf_counter() - start
    print(
        f"  shared client:      {shared:>2} connection(s), {shared_time:.2f} s"
    )
    print(
        f"  client per request: {server.connections:>2} connection(s), "
        f"{each_time:.2f} s"
    )
    assert shared == 1 and server.connections == 5

    print("3. a server that takes 1.0 s")
    for label, timeout in [("timeout=0.3", 0.3), ("timeout=None", None)]:
        async with httpx.AsyncClient(base_url=base, timeout=timeout) as client:
            start = time.perf_counter()
            try:
                outcome = str(
                    (await client.get("/slow?delay=1.0")).status_code
                )
            except httpx.TimeoutException as error:
                outcome = type(error).__name__
            elapsed = time.perf_counter() - start
        print(f"  {label:<13} -> {outcome:<12} after {elapsed:.2f} s")
        assert outcome == ("ReadTimeout" if timeout else "200")

    print("4. /flaky: 503 twice, then 200 (20 requests at once)")
    async with httpx.AsyncClient(
        base_url=base, limits=httpx.Limits(max_connections=10), timeout=2.0
    ) as client:
        without = await fetch_all(client, [f"/flaky/a{i}" for i in range(20)])
        server.attempts.clear()
        results = await asyncio.gather(
            *(get_with_retries(client, f"/flaky/b{i}") for i in range(20))
        )
    codes = [r.status_code for r, _ in results]
    tries = sum(n for _, n in results)
    print(f"  no retries:   {without}")
    print(
        f"  with retries: {{'200': {codes.count(200)}}} after {tries} "
        f"attempts in all"
    )
    assert without == {"503": 20}
    assert codes == [200] * 20 and tries == 60


if __name__ == "__main__":
    server = Server()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        asyncio.run(main(server))
    finally:
        server.stop.set()
        server.shutdown()  # serve_forever() returns within its 0.05 s poll
        thread.join(timeout=5)
        server.server_close()  # joins the handler threads
    assert not thread.is_alive()
    left = [
        t for t in threading.enumerate() if t is not threading.main_thread()
    ]
    assert not left, left
