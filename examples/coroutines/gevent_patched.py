# /// script
# requires-python = ">=3.10,<3.15"
# dependencies = ["gevent==26.9.0"]
# ///
"""gevent WITH monkey.patch_all(): the same program as gevent_unpatched.py, now
concurrent.

patch_all() replaces socket, time.sleep, threading, select, ssl... with
cooperative versions that switch to another greenlet whenever they would wait.
It must run before anything imports those modules: a module that already did
`from socket import socket` keeps the original.
"""

from gevent import monkey  # pinned above, for the Pythons it has wheels for

monkey.patch_all()  # the very first thing the program does

import socket  # noqa: E402 - imported after patch_all(), on purpose
import threading  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
import gevent.monkey  # noqa: E402

JOBS = 10
DELAY = 0.1


def handle(conn: socket.socket) -> None:
    with conn:
        request = conn.recv(100)
        time.sleep(DELAY)  # a slow backend
        conn.sendall(request.upper())


def serve(listener: socket.socket, count: int) -> None:
    workers = []
    for _ in range(count):  # one thread per connection
        conn, _addr = listener.accept()
        workers.append(threading.Thread(target=handle, args=(conn,)))
        workers[-1].start()
    for w in workers:
        w.join(timeout=10)


def fetch(port: int, i: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"job %d" % i)
        return s.recv(100)


def main() -> None:
    print(
        f"socket patched: {gevent.monkey.is_module_patched('socket')}, "
        f"time patched: {gevent.monkey.is_module_patched('time')}, "
        f"threading patched: {gevent.monkey.is_module_patched('threading')}"
    )
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(10)
        port = listener.getsockname()[1]
        server = threading.Thread(target=serve, args=(listener, JOBS))
        server.start()
        start = time.perf_counter()
        jobs = [gevent.spawn(fetch, port, i) for i in range(JOBS)]
        gevent.joinall(jobs, timeout=30, raise_error=True)
        elapsed = time.perf_counter() - start
        server.join(timeout=10)
        assert not server.is_alive()
    results = sorted(j.value for j in jobs)
    assert results == sorted(b"JOB %d" % i for i in range(JOBS))
    print(
        f"{JOBS} greenlets, each waiting {DELAY} s for its reply: "
        f"{elapsed:.2f} s"
    )
    print(
        f"  ideal if the waits overlap: {DELAY:.2f} s; one after another: "
        f"{JOBS * DELAY:.2f} s"
    )


if __name__ == "__main__":
    main()
