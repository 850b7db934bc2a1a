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
    try:
        conn.send(("ok", fn(*args)))
    except BaseException as error:  # sent back, raised in the parent
        conn.send(("error", error))
    finally:
        conn.close()


def run_with_deadline(fn, args, deadline: float, grace: float = 0.5):
    """fn(*args) in a new process; terminate it if not done by deadline.

    Returns (result, exitcode). SIGTERM first, SIGKILL after `grace`
    seconds for a task that ignores SIGTERM. Raises TimeoutError.
    """
    ctx = multiprocessing.get_context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_call, args=(send, fn, args))
    proc.start()
    send.close()  # the child holds the other copy
    try:
        if receive.poll(deadline):
            status, value = receive.recv()
            proc.join(timeout=5)
            if status == "error":
                raise value
            return value, proc.exitcode
        raise TimeoutError(f"task not done after {deadline} s")
    finally:
        if proc.is_alive():
            proc.terminate()  # SIGTERM (TerminateProcess on Windows)
            proc.join(grace)
        if proc.is_alive():
            proc.kill()  # SIGKILL: cannot be ignored
            proc.join(timeout=5)
        receive.close()
        last_exitcode[0] = proc.exitcode


last_exitcode = [None]


if __name__ == "__main__":
    tmp = tempfile.mkdtemp()
    marker = os.path.join(tmp, "soft")

    # 1. A timeout on the wait: the task goes on in the worker.
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(slow, 1.0, marker)
        time.sleep(0.2)  # the worker has started it
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
        start = time.perf_counter()
        try:
            run_with_deadline(slow, (1.0, marker, ignore), deadline=0.2)
        except TimeoutError:
            elapsed = time.perf_counter() - start
            code = last_exitcode[0]
            print(
                f"  task{label}: TimeoutError after {elapsed:.2f} s, "
                f"exit code {code}"
            )
        assert code is not None and code != 0  # the process is gone
        assert not os.path.exists(marker)  # and never finished
        if os.name == "posix":
            expected = signal.SIGKILL if ignore else signal.SIGTERM
            assert code == -expected, code
    value, code = run_with_deadline(slow, (0.05, marker, False), 5)
    print(f"  a task done in time: {value!r}, exit code {code}")
    assert value == "finished" and code == 0
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    os.rmdir(tmp)
