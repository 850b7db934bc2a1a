# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""A lock held by another thread at fork() stays held forever in the child.

fork() copies only the thread that calls it. Here, at the moment of the
fork, one thread is inside a logging handler (holding the handler's lock)
and another holds the application's own lock. In the child:

- the handler's lock is free: the logging module registers
  os.register_at_fork() hooks that re-create its locks in the child;
- the application's lock is still held, by a thread that does not exist
  in the child: a plain acquire() would wait forever. The example tries
  with a timeout and reports it.

Python 3.12+ also warns (DeprecationWarning) when a process with several
threads forks; the example records that warning and counts it.
"""

import logging
import multiprocessing as mp
import sys
import threading
import warnings

WAIT = 10  # seconds; every wait is bounded
TRY = 1.0  # how long the child tries each lock


class SlowHandler(logging.Handler):
    """A handler whose emit() blocks, like one writing to a stuck pipe."""

    def __init__(self, inside: threading.Event, go: threading.Event):
        super().__init__()
        self.inside, self.go = inside, go

    def emit(self, record: logging.LogRecord) -> None:
        self.inside.set()  # handle() holds self.lock around emit()
        self.go.wait(WAIT)


def hold(lock: threading.Lock, held: threading.Event, go: threading.Event):
    with lock:
        held.set()
        go.wait(WAIT)


def child(handler: logging.Handler, app_lock: threading.Lock, conn) -> None:
    got_handler = handler.lock.acquire(timeout=TRY)
    got_app = app_lock.acquire(timeout=TRY)
    conn.send((got_handler, got_app, threading.active_count()))
    conn.close()


def main() -> None:
    if "fork" not in mp.get_all_start_methods():
        print("This OS has no fork(): the problem cannot happen here.")
        return
    inside, held, go = threading.Event(), threading.Event(), threading.Event()
    handler = SlowHandler(inside, go)
    log = logging.getLogger("slow")
    log.propagate = False
    log.addHandler(handler)
    app_lock = threading.Lock()
    threads = [
        threading.Thread(target=log.warning, args=("stuck in emit",)),
        threading.Thread(target=hold, args=(app_lock, held, go)),
    ]
    for t in threads:
        t.start()
    try:
        assert inside.wait(WAIT) and held.wait(WAIT)
        ctx = mp.get_context("fork")  # the point of the example
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=child, args=(handler, app_lock, send))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            proc.start()  # forks now: both locks are held in the parent
        send.close()
        if not receive.poll(WAIT):
            raise TimeoutError("the child did not answer")
        got_handler, got_app, child_threads = receive.recv()
        proc.join(timeout=WAIT)
    finally:
        go.set()  # let both parent threads finish
        for t in threads:
            t.join(timeout=WAIT)
        log.removeHandler(handler)

    print(
        f"Parent at fork(): {len(threads) + 1} threads, one inside a"
        " logging handler,"
    )
    print("one holding the application's lock.")
    print(f"In the child: {child_threads} thread alive")
    print(
        f"  logging handler's lock acquired: {got_handler}"
        " (re-created at fork)"
    )
    print(
        f"  application's lock acquired    : {got_app}"
        f" (tried {TRY:.0f} s; its owner is gone)"
    )
    assert child_threads == 1
    assert got_handler  # logging re-creates its locks after fork
    assert not got_app  # nothing re-creates yours: acquire() would hang
    fork_warnings = [
        w
        for w in caught
        if issubclass(w.category, DeprecationWarning)
        and "fork()" in str(w.message)
    ]
    print(
        f"DeprecationWarning about fork() with threads: "
        f"{len(fork_warnings)} (Python {sys.version_info[0]}."
        f"{sys.version_info[1]})"
    )
    # Python 3.12+ warns when a process with several threads forks.
    assert len(fork_warnings) == (1 if sys.version_info >= (3, 12) else 0)


if __name__ == "__main__":
    main()
