# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""multiprocessing.Pool: map, imap_unordered, apply vs apply_async, callbacks,
size, `with`."""

import multiprocessing
import os
import threading
import time


def square(n: int) -> int:
    return n * n


meeting = None  # a Barrier each worker gets from its initializer


def join_meeting(barrier) -> None:
    global meeting
    meeting = barrier


def meet_and_wait(seconds: float) -> int:
    """Passes only once 3 tasks are running at the same time, then waits."""
    meeting.wait(timeout=10)  # BrokenBarrierError if the others never came
    time.sleep(seconds)
    return os.getpid()


def slow_square(n: int) -> int:
    time.sleep(0.1 * (3 - n))  # later tasks finish first
    return n * n


if __name__ == "__main__":
    # processes=None: os.cpu_count() workers (os.process_cpu_count() since
    # Python 3.13)
    cpus = (
        os.process_cpu_count()
        if hasattr(os, "process_cpu_count")
        else os.cpu_count()
    )
    with multiprocessing.Pool() as pool:
        workers = len(multiprocessing.active_children())
        print(
            f"Pool() with no size started {workers} workers; "
            f"this machine reports {cpus} CPUs"
        )
        assert workers == cpus

    with multiprocessing.Pool(3) as pool:
        print(f"map: results in input order: {pool.map(square, range(6))}")
        arrived = list(pool.imap_unordered(slow_square, range(3)))
        print(
            "imap_unordered: results as they finish: "
            f"{arrived} (task 2 was the quickest)"
        )
        assert sorted(arrived) == [0, 1, 4]

        seen: list[tuple[str, int]] = []
        done = threading.Event()

        def on_result(value: int) -> None:
            # Runs in the pool's result-handler thread of THIS process: keep it
            # short, never block in it (results for every other task wait
            # behind it), never wait for the pool.
            seen.append((threading.current_thread().name, value))
            if len(seen) == 4:
                done.set()

        def on_error(error: BaseException) -> None:
            print(f"  a task failed: {error!r}")
            done.set()

        handles = [
            pool.apply_async(
                square, (n,), callback=on_result, error_callback=on_error
            )
            for n in range(4)
        ]
        assert done.wait(timeout=30)
        threads = {
            name.split()[-1] for name, _ in seen
        }  # "Thread-6 (_handle_results)"
        print(
            f"apply_async: callbacks got {sorted(v for _, v in seen)} in "
            f"thread(s) {sorted(threads)}"
        )
        print(
            f"  not in {threading.current_thread().name}; handle.get() "
            f"works too: {handles[3].get(timeout=30)}"
        )
        assert "MainThread" not in threads
        failing = pool.apply_async(square, ("x",), error_callback=on_error)
        try:
            failing.get(timeout=30)
        except TypeError as error:
            print("  .get() re-raises the worker's exception here:")
            print(f"    TypeError: {error}")

    # apply() waits for its result before returning: calls made one after the
    # other run one after the other. apply_async() returns at once: the calls
    # run together.
    barrier = multiprocessing.Barrier(3)
    with multiprocessing.Pool(
        3, initializer=join_meeting, initargs=(barrier,)
    ) as pool:
        warm_up = [pool.apply_async(meet_and_wait, (0,)) for _ in range(3)]
        assert (
            len({h.get(timeout=30) for h in warm_up}) == 3
        )  # all 3 workers started
        start = time.perf_counter()
        handles = [pool.apply_async(meet_and_wait, (0.2,)) for _ in range(3)]
        pids = [h.get(timeout=30) for h in handles]
        together = time.perf_counter() - start
        assert (
            len(set(pids)) == 3
        )  # three workers met at the barrier: concurrently
        start = time.perf_counter()
        for _ in range(3):
            pool.apply(time.sleep, (0.2,))
        in_turn = time.perf_counter() - start
    print("3 calls of 0.2 s each:")
    print(
        f"  apply_async() x3, then get(): {together:.2f} s (ideal 0.20 s: "
        "at once;"
    )
    print(
        "    all three met at a Barrier(3), which needs them running together)"
    )
    print(
        f"  apply() x3:                   {in_turn:.2f} s (ideal 0.60 s: "
        "in turn)"
    )

    print("Leaving `with Pool()` calls terminate(), not close() + join():")
    with multiprocessing.Pool(2) as pool:
        unfinished = pool.apply_async(time.sleep, (5,))
        time.sleep(0.2)
    outcome = (
        "finished"
        if unfinished.ready()
        else "never finished: its worker was terminated"
    )
    print("  a 5 s task still running at the end of the block:")
    print(f"    {outcome}")
    assert outcome != "finished"
