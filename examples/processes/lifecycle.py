# /// script
# requires-python = ">=3.10"
# dependencies = ["psutil==7.2.2"]
# ///
"""Daemon children die with their parent; Process.close() and Pool.close() mean
different things."""

import multiprocessing
import threading
import time

import psutil


def forever() -> None:
    while True:
        time.sleep(0.05)


def short_nap() -> None:
    time.sleep(0.3)


def parent(report: multiprocessing.Queue) -> None:
    """A middle process: starts a daemon child and a normal child, then returns
    at once."""
    daemon = multiprocessing.Process(target=forever, daemon=True)
    normal = multiprocessing.Process(target=short_nap)
    daemon.start()
    normal.start()
    report.put({"daemon": daemon.pid, "normal": normal.pid})
    # Returning ends run(); at exit, multiprocessing terminates daemon children
    # and joins the others.


def try_child_of_daemon(report: multiprocessing.Queue) -> None:
    try:
        multiprocessing.Process(target=short_nap).start()
        report.put("started")
    except AssertionError as error:
        report.put(f"AssertionError: {error}")


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def slow_square(n: int) -> int:
    time.sleep(0.1)
    return n * n


if __name__ == "__main__":
    print("What happens to children when their parent's main code returns:")
    report = multiprocessing.Queue()
    middle = multiprocessing.Process(target=parent, args=(report,))
    middle.start()
    pids = report.get(timeout=30)
    middle.join(timeout=30)
    assert middle.exitcode == 0
    print(
        f"  daemon child gone: {gone(pids['daemon'])} (terminated by its "
        "parent at exit)"
    )
    print(
        f"  normal child gone: {gone(pids['normal'])} (its parent waited for "
        "it before exiting)"
    )
    assert gone(pids["daemon"]) and gone(pids["normal"])

    d = multiprocessing.Process(
        target=try_child_of_daemon, args=(report,), daemon=True
    )
    d.start()
    print("  a daemon process starting a child:")
    print(f"    {report.get(timeout=30)}")
    d.join(timeout=30)

    print("Process.close(): release a finished Process object")
    p = multiprocessing.Process(target=short_nap)
    p.start()
    try:
        p.close()
    except ValueError as error:
        print("  close() while it runs ->")
        print(f"    ValueError: {error}")
    p.join(timeout=30)
    p.close()
    print("  close() after join() -> fine; the object can no longer be used")

    print("Pool.close(): accept no more tasks; the queued ones still run")
    pool = multiprocessing.Pool(2)
    pending = [pool.apply_async(slow_square, (n,)) for n in range(4)]
    pool.close()
    try:
        pool.apply_async(slow_square, (9,))
    except ValueError as error:
        print(f"  apply_async() after close() -> ValueError: {error}")
    squares = [
        r.get(timeout=30) for r in pending
    ]  # Pool.join() has no timeout: wait here
    pool.join()  # the workers finish the queue, then exit
    print(f"  tasks queued before close() still ran: {squares}")
    assert squares == [0, 1, 4, 9]

    # A thread has nothing to release: there is no Thread.close() at all.
    print(
        "threading.Thread has a close() method: "
        f"{hasattr(threading.Thread, 'close')}"
    )
    assert not hasattr(threading.Thread, "close")
