# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Graceful shutdown on SIGTERM (POSIX), and why signals are not a way to talk
to threads."""

import multiprocessing
import os
import signal
import threading
import time


def worker(ready, results) -> None:
    stopping = threading.Event()

    def on_sigterm(signum, frame) -> None:
        # only note it: do the real work in the main flow, not in the handler
        stopping.set()

    signal.signal(signal.SIGTERM, on_sigterm)
    # tell the parent the handler is installed; a SIGTERM before this would
    # kill us
    ready.set()
    done = 0
    while not stopping.is_set():
        done += 1  # one unit of work
        time.sleep(0.01)
    results.put(
        f"stopped cleanly after {'some' if done else 'no'} work, state saved"
    )


def try_signal_in_thread(out: list) -> None:
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError as error:
        out.append(f"ValueError: {error}")


if __name__ == "__main__":
    if os.name != "posix":
        print("Windows: terminate() calls TerminateProcess(); the child gets")
        print(
            "no signal handler call and no chance to clean up. Ask it to stop "
            "through an Event or a queue instead."
        )
        raise SystemExit(0)

    ready, results = multiprocessing.Event(), multiprocessing.Queue()
    p = multiprocessing.Process(target=worker, args=(ready, results))
    p.start()
    assert ready.wait(timeout=30)
    time.sleep(0.1)
    p.terminate()  # on POSIX: sends SIGTERM
    message = results.get(timeout=30)
    p.join(timeout=30)
    print(f"With a SIGTERM handler: {message};")
    print(f"  exit code {p.exitcode}")
    assert p.exitcode == 0

    p = multiprocessing.Process(target=time.sleep, args=(30,))
    p.start()
    p.terminate()
    p.join(timeout=30)
    print(
        f"Without one: killed at once, exit code {p.exitcode} (= -SIGTERM, "
        f"{-signal.SIGTERM})"
    )
    assert p.exitcode == -signal.SIGTERM

    errors: list[str] = []
    t = threading.Thread(target=try_signal_in_thread, args=(errors,))
    t.start()
    t.join(timeout=30)
    print("signal.signal() in a non-main thread ->")
    print(f"  {errors[0]}")
    assert errors and errors[0].startswith("ValueError")

    ran_in: list[str] = []
    signal.signal(
        signal.SIGUSR1,
        lambda signum, frame: ran_in.append(threading.current_thread().name),
    )
    sender = threading.Thread(
        target=os.kill, args=(os.getpid(), signal.SIGUSR1), name="sender"
    )
    sender.start()
    sender.join(timeout=30)
    deadline = time.monotonic() + 30
    while not ran_in and time.monotonic() < deadline:
        time.sleep(
            0.01
        )  # the handler runs between two bytecodes of the main thread
    print(
        f"SIGUSR1 sent by thread 'sender' -> the handler ran in: {ran_in[0]}"
    )
    assert ran_in == ["MainThread"]
