# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""concurrent.futures.ProcessPoolExecutor: submit, as_completed, map,
max_tasks_per_child."""

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def slow_square(n: int) -> int:
    time.sleep(0.1 * (3 - n))
    return n * n


def whoami(_: int) -> int:
    return os.getpid()


def risky(n: int) -> int:
    if n == 2:
        raise ValueError(f"bad input {n}")
    return n


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as executor:
        list(
            executor.map(whoami, range(6), timeout=30)
        )  # warm up: workers start on demand
        futures = {executor.submit(slow_square, n): n for n in range(3)}
        order = [futures[f] for f in as_completed(futures, timeout=30)]
        print(f"submit + as_completed: tasks finished in the order {order}")
        assert sorted(order) == [0, 1, 2]

        print(
            "map keeps input order: "
            f"{list(executor.map(slow_square, range(3), timeout=30))}"
        )

        outcomes = []
        for f in [executor.submit(risky, n) for n in range(4)]:
            try:
                outcomes.append(f.result(timeout=30))
            except ValueError as error:
                outcomes.append(f"ValueError: {error}")
        print("an exception in a worker comes back from result():")
        print(f"  {outcomes}")

    if sys.version_info >= (3, 11):
        # A fresh worker after every 2 tasks: memory leaks or state in a worker
        # cannot pile up. It refuses fork. Without mp_context it picks spawn
        # itself; here the context is passed explicitly, which also works on
        # every platform.
        if "fork" in multiprocessing.get_all_start_methods():
            try:
                ProcessPoolExecutor(
                    mp_context=multiprocessing.get_context("fork"),
                    max_tasks_per_child=2,
                )
            except ValueError:
                print("max_tasks_per_child with a fork context: ValueError")
            else:
                raise AssertionError("fork was accepted")
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=1, mp_context=ctx, max_tasks_per_child=2
        ) as executor:
            pids = [
                executor.submit(whoami, n).result(timeout=30) for n in range(6)
            ]
        print(
            "max_tasks_per_child=2, 1 worker, 6 tasks: "
            f"{len(set(pids))} different worker PIDs"
        )
        assert len(set(pids)) == 3
    else:
        print("max_tasks_per_child needs Python 3.11+ (this is Python 3.10)")
