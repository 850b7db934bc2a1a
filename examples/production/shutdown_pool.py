# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A ProcessPoolExecutor stopped on SIGTERM: what cancel_futures takes back.

The example starts itself as a real child process (this file, run with `child`)
that owns a pool of 2 worker processes and 20 tasks, and sends that child
SIGTERM once the workers are busy. The handler sets an Event; the main thread
then calls shutdown(wait=True, cancel_futures=True): the tasks already handed
to the workers finish (drained), the others are cancelled (abandoned). The pool
hands out more than it runs: its call queue holds a few tasks ahead, and a
future in it can no longer be cancelled. The workers ignore SIGINT and reset
SIGTERM: only the pool's owner decides when to stop. POSIX only: see the
Windows note.
"""

import json
import multiprocessing
import os
import select
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

TASKS, WORKERS, TASK_SECONDS = 20, 2, 0.4
TIMEOUT = 30.0  # no wait in this file lasts longer
started_queue = None  # set in each worker by init()


def init(queue) -> None:
    global started_queue
    started_queue = queue
    # A terminal sends Ctrl-C to the whole process group: workers must not die
    # of it mid-task. Under fork they also inherited the owner's SIGTERM
    # handler: drop it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def task(n: int) -> int:
    started_queue.put(n)
    time.sleep(TASK_SECONDS)
    return n * n


def child() -> None:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    ctx = multiprocessing.get_context()
    started = ctx.Queue()
    pool = ProcessPoolExecutor(
        WORKERS, mp_context=ctx, initializer=init, initargs=(started,)
    )
    futures = [pool.submit(task, n) for n in range(TASKS)]
    for _ in range(WORKERS):
        started.get(timeout=TIMEOUT)
    print("ready", flush=True)  # both workers are running a task
    deadline = time.monotonic() + TIMEOUT
    while not stop.is_set() and time.monotonic() < deadline:
        time.sleep(0.05)
    # No longer cancellable.
    handed = sum(f.running() or f.done() for f in futures)
    # Bounded: handed-out tasks only.
    pool.shutdown(wait=True, cancel_futures=True)
    report = {
        "handed": handed,
        "finished": sum(f.done() and not f.cancelled() for f in futures),
        "cancelled": sum(f.cancelled() for f in futures),
        "results_ok": all(
            f.result() == i * i
            for i, f in enumerate(futures)
            if not f.cancelled()
        ),
    }
    started.close()
    started.join_thread()
    print(json.dumps(report), flush=True)


def parent() -> None:
    proc = subprocess.Popen(
        [sys.executable, __file__, "child"], stdout=subprocess.PIPE, text=True
    )
    ready, _, _ = select.select([proc.stdout], [], [], TIMEOUT)
    if not ready or proc.stdout.readline().strip() != "ready":
        proc.kill()
        proc.wait(timeout=TIMEOUT)
        raise RuntimeError("the child did not get ready")
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=TIMEOUT)
    seconds = time.monotonic() - started
    r = json.loads(out)
    print(
        f"ProcessPoolExecutor({WORKERS}), {TASKS} tasks of {TASK_SECONDS} s; "
        "SIGTERM when busy"
    )
    print(f"  exit code {proc.returncode}")
    print(
        f"  handed to workers at SIGTERM: {r['handed']} "
        f"(running {WORKERS}, the rest queued)"
    )
    print(
        f"  finished (drained): {r['finished']}, "
        f"cancelled (abandoned): {r['cancelled']}"
    )
    print(f"  stopped {seconds:.1f} s after the signal")
    assert proc.returncode == 0 and r["results_ok"]
    assert r["finished"] + r["cancelled"] == TASKS
    # cancel_futures cannot take these back.
    assert r["finished"] >= r["handed"] >= WORKERS
    assert r["cancelled"] > 0


if __name__ == "__main__":
    if os.name != "posix":
        print(
            "Skipped on Windows: no SIGTERM to catch. The same "
            "shutdown(wait=True,"
        )
        print(
            "cancel_futures=True) works there, triggered by Ctrl-C or a "
            "message."
        )
    elif sys.argv[1:] == ["child"]:
        child()
    else:
        parent()
