# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Ctrl-C during `Pool.map`: catching it and then calling `close()` + `join()`
hangs forever.

A terminal sends Ctrl-C (SIGINT) to every process of the foreground job: the
parent *and* its pool workers. The busy workers die with KeyboardInterrupt,
their tasks are lost, and a parent that catches the interrupt and shuts down
"gracefully" with `close()` + `join()` waits for results that will never come.
The fix: workers ignore SIGINT (the parent decides), and the parent
`terminate()`s the pool. The demo runs each program in its own process group
and sends SIGINT to the whole group, as a terminal does; a watchdog kills what
hangs.
"""

import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BROKEN = """
import multiprocessing as mp, sys, time

def slow(x):
    print("worker: busy", flush=True)
    time.sleep(3)
    return x

if __name__ == "__main__":
    pool = mp.get_context(sys.argv[1]).Pool(2)
    try:
        print(pool.map(slow, range(4)))
    except KeyboardInterrupt:
        print("parent: interrupted; close() then join()", flush=True)
        pool.close()
        pool.join()  # waits for the interrupted tasks: forever
"""

FIXED = """
import multiprocessing as mp, signal, sys, time

def ignore_sigint():
    # the parent decides what Ctrl-C does
    signal.signal(signal.SIGINT, signal.SIG_IGN)

def slow(x):
    print("worker: busy", flush=True)
    time.sleep(3)
    return x

if __name__ == "__main__":
    ctx = mp.get_context(sys.argv[1])
    with ctx.Pool(2, initializer=ignore_sigint) as pool:
        try:
            print(pool.map_async(slow, range(4)).get(timeout=60))
        except KeyboardInterrupt:
            print("parent: interrupted; terminate()", flush=True)
            pool.terminate()
            pool.join()
            sys.exit(130)
"""


def group_alive(pgid: int, grace: float) -> bool:
    """Whether a process of the group is still alive `grace` seconds from
    now."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.05)
    return True


def press_ctrl_c_during(
    code: str, method: str, patience: float = 2.0
) -> tuple[str, str]:
    """Run `code`, send SIGINT to its process group once two workers are busy,
    report."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "job.py"
        script.write_text(code, encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, str(script), method],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # its own process group, like a job in a terminal
            start_new_session=True,
        )
        lines: queue.Queue = queue.Queue()
        reader = threading.Thread(
            target=lambda: [lines.put(x) for x in proc.stdout], daemon=True
        )
        reader.start()
        busy = 0
        while busy < 2:
            busy += "busy" in lines.get(timeout=30)
        os.killpg(
            proc.pid, signal.SIGINT
        )  # what Ctrl-C does: the whole group gets it
        pressed = time.perf_counter()
        try:
            proc.wait(timeout=patience)
            outcome = (
                f"exited in {time.perf_counter() - pressed:.2f} s, "
                f"code {proc.returncode}"
            )
        except subprocess.TimeoutExpired:
            outcome = (
                f"still waiting {patience:.0f} s after Ctrl-C: "
                "hung, the demo killed it"
            )
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        if "hung" in outcome:
            group_alive(proc.pid, grace=5.0)  # SIGKILL takes a moment to land
        elif group_alive(proc.pid, grace=5.0):
            os.killpg(proc.pid, signal.SIGKILL)
            outcome += "; processes left behind (killed by the demo)"
        else:
            outcome += "; no process left behind"
        reader.join(timeout=30)
        proc.stdout.close()  # the pipe we read its output from
        output = []
        while not lines.empty():
            output.append(lines.get())
        return outcome, "".join(output)


if __name__ == "__main__":
    if not hasattr(os, "killpg"):
        print(
            "This demo needs POSIX process groups; on "
            "Windows Ctrl-C reaches the pool differently."
        )
        sys.exit(0)
    method = multiprocessing.get_start_method()
    for title, code in [
        ("Broken: catch Ctrl-C, then close() + join()", BROKEN),
        ("Fixed: workers ignore SIGINT, the parent terminate()s", FIXED),
    ]:
        outcome, output = press_ctrl_c_during(code, method)
        tracebacks = output.count("Traceback")
        print(title)
        print(f"  parent: {outcome}")
        print(
            "  KeyboardInterrupt tracebacks printed: "
            f"{'yes' if tracebacks else 'none'}"
        )
        if code is BROKEN:
            assert "hung" in outcome and tracebacks > 0
        else:
            assert "code 130" in outcome and tracebacks == 0, output
            assert "no process left behind" in outcome
