# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A pool of worker threads stopped by an Event when the process gets SIGTERM.

The example starts itself as a real child process (this file, run with
`child`), waits until all its workers are busy, and sends it SIGTERM. The
handler only sets an Event (signal handlers run in the main thread, between two
bytecodes: do as little as possible there). Each worker checks the Event
between jobs: the job it is running finishes (drained), the queued jobs are
left for the next run (abandoned). POSIX only: see the Windows note.
"""

import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time

JOBS, WORKERS, JOB_SECONDS = 40, 4, 0.5
TIMEOUT = 30.0  # no wait in this file lasts longer


def child() -> None:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    jobs: queue.Queue[int] = queue.Queue()
    for job in range(JOBS):
        jobs.put(job)
    lock = threading.Lock()
    state = {"running": 0, "started": 0, "finished": 0}

    def worker() -> None:
        # Checked between jobs, never in the middle of one.
        while not stop.is_set():
            try:
                jobs.get_nowait()  # a job: here, only its duration matters
            except queue.Empty:
                return
            with lock:
                state["running"] += 1
                state["started"] += 1
            time.sleep(JOB_SECONDS)  # the job itself: never interrupted
            with lock:
                state["running"] -= 1
                state["finished"] += 1
            jobs.task_done()

    threads = [
        threading.Thread(target=worker, name=f"worker-{i}")
        for i in range(WORKERS)
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + TIMEOUT
    while state["started"] < WORKERS and time.monotonic() < deadline:
        time.sleep(0.01)
    print("ready", flush=True)  # every worker is in the middle of a job
    while not stop.is_set() and time.monotonic() < deadline:
        # The main thread must stay free to run the signal handler.
        time.sleep(0.05)
    with lock:
        in_flight, finished_before = state["running"], state["finished"]
    for t in threads:
        t.join(timeout=JOB_SECONDS + TIMEOUT)  # bounded: one job at most
    alive = sum(t.is_alive() for t in threads)
    report = {
        "in_flight": in_flight,
        "drained": state["finished"] - finished_before,
        "finished_before": finished_before,
        "abandoned": jobs.qsize(),  # a real service puts them back
        "alive": alive,
    }
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
        f"{WORKERS} worker threads, {JOBS} jobs of {JOB_SECONDS} s; "
        "SIGTERM once all are busy"
    )
    print(f"  exit code {proc.returncode}; threads still alive: {r['alive']}")
    print(
        f"  in flight at SIGTERM: {r['in_flight']}, "
        f"finished (drained): {r['drained']}"
    )
    print(f"  never started (abandoned): {r['abandoned']}")
    print(
        f"  stopped {seconds:.1f} s after the signal "
        f"(one job: {JOB_SECONDS} s)"
    )
    assert proc.returncode == 0 and r["alive"] == 0
    assert r["drained"] == r["in_flight"] > 0  # every running job finished
    # No job lost: each one finished or is still queued.
    assert r["finished_before"] + r["drained"] + r["abandoned"] == JOBS


if __name__ == "__main__":
    if os.name != "posix":
        print(
            "Skipped on Windows: no SIGTERM to catch. Use the same Event, "
            "set it"
        )
        print(
            "from SIGINT (Ctrl-C, signal.signal works there) or from a "
            "message."
        )
    elif sys.argv[1:] == ["child"]:
        child()
    else:
        parent()
