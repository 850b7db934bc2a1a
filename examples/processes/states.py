# /// script
# requires-python = ">=3.10"
# dependencies = ["psutil==7.2.2"]
# ///
"""Process states made visible: ask the OS (through psutil) what each child is
doing."""

import collections
import multiprocessing
import os
import sys
import time

import psutil


def compute(stop: multiprocessing.Event, ready: multiprocessing.Queue) -> None:
    ready.put("compute")
    n = 0
    while (
        not stop.is_set()
    ):  # pure computation, checking the flag now and then
        for _ in range(10_000):
            n += 1


def nap(stop: multiprocessing.Event, ready: multiprocessing.Queue) -> None:
    ready.put("sleep")
    stop.wait(timeout=30)  # blocked until the event is set: no CPU used


def wait_for_message(
    inbox: multiprocessing.Queue, ready: multiprocessing.Queue
) -> None:
    ready.put("queue.get")
    inbox.get(timeout=30)  # blocked in a read on the queue's pipe


def status_of(pid: int, samples: int = 10) -> str:
    """The most frequent state the OS reports over a few samples."""
    seen = collections.Counter()
    proc = psutil.Process(pid)
    for _ in range(samples):
        seen[proc.status()] += 1
        time.sleep(0.02)
    return seen.most_common(1)[0][0]


if __name__ == "__main__":
    stop = multiprocessing.Event()
    inbox = multiprocessing.Queue()
    ready = multiprocessing.Queue()
    # More computing children than CPUs, so someone must wait its turn
    # ("ready"). Where the OS lets us (Linux, Windows), pin two children to one
    # CPU; elsewhere start one per CPU plus one.
    can_pin = hasattr(psutil.Process, "cpu_affinity")
    cpus = 1 if can_pin else (os.cpu_count() or 1)
    on_cpus = "one CPU" if cpus == 1 else f"{cpus} CPUs"
    computing = [
        multiprocessing.Process(
            target=compute, args=(stop, ready), name=f"compute-{i}"
        )
        for i in range(cpus + 1)
    ]
    children = [
        *computing,
        multiprocessing.Process(target=nap, args=(stop, ready), name="sleep"),
        multiprocessing.Process(
            target=wait_for_message, args=(inbox, ready), name="queue.get"
        ),
    ]
    try:
        for p in children:
            p.start()
        if can_pin:
            one_cpu = psutil.Process().cpu_affinity()[:1]
            for p in computing:
                psutil.Process(p.pid).cpu_affinity(one_cpu)
        for _ in children:
            ready.get(
                timeout=30
            )  # every child has started its loop or is about to wait
        time.sleep(0.3)
        print(
            f"{len(computing)} computing children sharing {on_cpus}, "
            "plus two that wait:"
        )
        states = {p.name: status_of(p.pid) for p in children}
        for name, state in states.items():
            print(f"  {name:<10} {state}")
        if sys.platform.startswith("linux"):
            # A process that can run but has no CPU is still "running" (R) on
            # Linux: the OS does not separate "ready" from "running" in what it
            # reports.
            assert all(
                states[p.name] == psutil.STATUS_RUNNING for p in computing
            )
            assert (
                states["sleep"]
                == states["queue.get"]
                == psutil.STATUS_SLEEPING
            )
        # "running" hides the waiting: compare CPU time used with time alive.
        shares = []
        for p in children:
            proc = psutil.Process(p.pid)
            shares.append(
                sum(proc.cpu_times()[:2]) / (time.time() - proc.create_time())
            )
        print(
            "Share of its lifetime each child actually spent on a CPU:\n"
            "  computing: "
            f"{', '.join(f'{s:.0%}' for s in shares[: len(computing)])} "
            f"(together at most {cpus * 100}% on {on_cpus})\n"
            "  waiting:   "
            f"{', '.join(f'{s:.0%}' for s in shares[len(computing) :])}"
        )

        if hasattr(psutil.Process, "suspend") and os.name == "posix":
            psutil.Process(computing[0].pid).suspend()  # SIGSTOP
            print(
                f"After SIGSTOP, {computing[0].name}: "
                f"{status_of(computing[0].pid)}"
            )
            psutil.Process(computing[0].pid).resume()  # SIGCONT
    finally:
        stop.set()
        inbox.put("wake up")
        for p in children:
            p.join(timeout=30)
    assert all(p.exitcode == 0 for p in children)
    print(
        f"All {len(children)} children finished: exit codes "
        f"{sorted({p.exitcode for p in children})}"
    )
