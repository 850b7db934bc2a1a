# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Standard-library remote objects: a queue served over TCP by a BaseManager.

A manager process owns two queue.Queue objects and serves them on 127.0.0.1
(port 0: the OS picks one). Separate client processes connect with the address
and the authkey, get proxies and call put()/get() on them as if they were
local. A client with a wrong key is refused during the handshake, before it can
send anything."""

import multiprocessing
import os
import queue
import secrets
from multiprocessing.managers import BaseManager

WORKERS = 2
JOBS = 20

jobs: queue.Queue = queue.Queue()  # live in the manager's process only
results: queue.Queue = queue.Queue()


def get_jobs() -> queue.Queue:
    return jobs


def get_results() -> queue.Queue:
    return results


class QueueManager(BaseManager):
    pass


# Module level, so that the manager and the clients know the names
# under spawn too.
QueueManager.register("get_jobs", callable=get_jobs)
QueueManager.register("get_results", callable=get_results)


def worker(address: tuple[str, int], authkey: bytes) -> None:
    """A separate program: it knows only the address and the key."""
    manager = QueueManager(address=address, authkey=authkey)
    manager.connect()
    todo, done = manager.get_jobs(), manager.get_results()
    while True:
        n = todo.get(timeout=30)
        if n is None:  # sentinel: no more work
            return
        done.put((n, n * n, os.getpid()))


class CallsGetpid:
    """Harmless here; a real attacker would name os.system instead."""

    def __reduce__(self):
        return (os.getpid, ())


def intruder(
    address: tuple[str, int], answer: "multiprocessing.Queue"
) -> None:
    manager = QueueManager(address=address, authkey=b"guessed-wrong")
    try:
        manager.connect()
    except multiprocessing.AuthenticationError as error:
        answer.put(f"{type(error).__name__}: {error}")
    else:
        answer.put("connected")


if __name__ == "__main__":
    print(f"cores: {os.cpu_count()}; {WORKERS} client processes")
    authkey = secrets.token_bytes(
        32
    )  # shared secret: give it to the clients only
    with QueueManager(address=("127.0.0.1", 0), authkey=authkey) as manager:
        host, port = manager.address
        assert host == "127.0.0.1"
        print(f"manager serving on {host}, a port the OS picked")

        # A client with the wrong key, in its own process.
        answer = multiprocessing.Queue()
        p = multiprocessing.Process(
            target=intruder, args=(manager.address, answer)
        )
        p.start()
        refused = answer.get(timeout=30)
        p.join(timeout=30)
        assert refused.startswith("AuthenticationError"), refused
        print(f"client with a wrong key got: {refused}")

        # Clients with the right key, in their own processes.
        todo, done = manager.get_jobs(), manager.get_results()
        for n in range(JOBS):
            todo.put(n)
        for _ in range(WORKERS):
            todo.put(None)
        clients = [
            multiprocessing.Process(
                target=worker, args=(manager.address, authkey)
            )
            for _ in range(WORKERS)
        ]
        for c in clients:
            c.start()
        got = [done.get(timeout=30) for _ in range(JOBS)]
        for c in clients:
            c.join(timeout=30)
            assert c.exitcode == 0, c.exitcode
        assert sorted((n, sq) for n, sq, _ in got) == [
            (n, n * n) for n in range(JOBS)
        ]
        assert {pid for _, _, pid in got} <= {c.pid for c in clients}
        print(
            f"{JOBS} jobs via the served queue to {WORKERS} client processes: "
            f"{JOBS} results, each once"
        )

        # Why the key matters: whatever a client sends is UNPICKLED by the
        # manager, and unpickling calls any function the sender names.
        todo.put(
            CallsGetpid()
        )  # the manager runs os.getpid() while loading it
        ran_in = todo.get(timeout=30)
        assert ran_in == manager._process.pid != os.getpid()
        print("a client sent an object whose unpickling calls os.getpid():")
        print("  the call ran inside the manager process")
    print("manager shut down")
