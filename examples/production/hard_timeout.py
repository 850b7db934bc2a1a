# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""future.result(timeout) stops the WAIT, not the task; a deadline that
stops the task needs the task in its own process, terminated on time.
"""

import multiprocessing
import os
import signal
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path


def slow(seconds: float, marker: str, ignore_sigterm: bool = False) -> str:
    """Works `seconds`, then writes `marker`: the side effect we watch."""
    if ignore_sigterm and hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(seconds)
    Path(marker).write_text("done")
    return "finished"


def _call(conn, fn, args) -> None:
    conn.send(("started", None))  # the deadline counts from here
    try:
        conn.send(("ok", fn(*args)))
    except BaseException as error:  # sent back, raised in the parent
        conn.send(("error", error))
    finally:
        conn.close()


STARTUP = 30.0  # seconds a new process may take to start


class DeadlineExceeded(TimeoutError):
    def __init__(self, deadline: float, exitcode: int | None) -> None:
        super().__init__(f"task not done after {deadline} s")
        self.exitcode = exitcode  # how its process ended


def stop(proc, grace: float) -> None:
    """Let a finished process exit; else SIGTERM, then SIGKILL."""
    proc.join(timeout=grace)
    if proc.is_alive():
        proc.terminate()  # SIGTERM (TerminateProcess on Windows)
        proc.join(timeout=grace)
    if proc.is_alive():
        proc.kill()  # SIGKILL: cannot be caught or ignored
        proc.join(timeout=5)


def run_with_deadline(fn, args, deadline: float, grace: float = 0.5):
    """fn(*args) in a new process, stopped if not done by `deadline`.

    Returns (result, exit code); raises DeadlineExceeded. The deadline
    counts from the moment the task starts, not the process.
    """
    ctx = multiprocessing.get_context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_call, args=(send, fn, args))
    proc.start()
    send.close()  # the child holds the other copy
    finished = False
    try:
        if not receive.poll(STARTUP) or receive.recv()[0] != "started":
            raise RuntimeError(f"task process not started in {STARTUP} s")
        if receive.poll(deadline):
            status, value = receive.recv()
            finished = True
    finally:
        stop(proc, grace if finished else 0)
        receive.close()
    if not finished:
        raise DeadlineExceeded(deadline, proc.exitcode)
    if status == "error":
        raise value
    return value, proc.exitcode


def demo(tmp: str) -> None:
    marker = os.path.join(tmp, "soft")

    # 1. A timeout on the wait: the task goes on in the worker.
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(int).result(timeout=30)  # the worker is up
        future = pool.submit(slow, 1.0, marker)
        try:
            future.result(timeout=0.2)
        except FutureTimeout:
            running, cancelled = future.running(), future.cancel()
        print("result(timeout=0.2) raised TimeoutError; then:")
        print(f"  future.running() {running}, future.cancel() {cancelled}")
        print(f"  marker written yet: {os.path.exists(marker)}")
        outcome = future.result(timeout=10)
        print(
            f"  a moment later: result() {outcome!r}, "
            f"marker written: {os.path.exists(marker)}"
        )
    assert running and not cancelled and outcome == "finished"
    assert os.path.exists(marker)

    # 2. A hard deadline: the task's own process is terminated.
    print("run_with_deadline(slow 1.0 s, deadline 0.2 s):")
    for label, ignore in [("", False), (" ignoring SIGTERM", True)]:
        marker = os.path.join(tmp, f"hard{ignore}")
        try:
            run_with_deadline(slow, (1.0, marker, ignore), deadline=0.2)
        except DeadlineExceeded as error:
            code = error.exitcode
            print(f"  task{label}: DeadlineExceeded, exit code {code}")
        assert code is not None and code != 0  # the process is gone
        assert not os.path.exists(marker)  # and never finished
        if os.name == "posix":
            expected = signal.SIGKILL if ignore else signal.SIGTERM
            assert code == -expected, code
    value, code = run_with_deadline(slow, (0.05, marker, False), 5)
    print(f"  a task done in time: {value!r}, exit code {code}")
    assert value == "finished" and code == 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        demo(tmp)
