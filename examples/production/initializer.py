# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Expensive setup once per worker process (initializer=), not once per task.

Loading a model (here: a 0.2 s sleep standing in for reading weights) inside
the task repeats it for every task. Passing it as an argument pickles it into
every task. The initializer runs once in each worker process when it starts;
the task uses what it left in a module global. Each setup reports its process
id through a queue, so they are counted.
"""

import multiprocessing
import os
import queue
import time
from concurrent.futures import ProcessPoolExecutor

TASKS, WORKERS, SETUP_SECONDS = 12, 2, 0.2
model = None  # per worker process, set by setup()
setups = None  # a multiprocessing queue, set by setup()


def load_model(report) -> dict:
    # Read weights, open a connection, warm a cache...
    time.sleep(SETUP_SECONDS)
    report.put(os.getpid())
    return {"scale": 3}


def setup(report) -> None:
    global model, setups
    setups = report
    model = load_model(report)


def predict(x: int) -> tuple[int, int]:
    return os.getpid(), model["scale"] * x


def predict_loading_each_time(x: int) -> tuple[int, int]:
    local_model = load_model(setups)  # the mistake: setup inside the task
    return os.getpid(), local_model["scale"] * x


def drain(report) -> list[int]:
    pids = []
    while True:
        try:
            pids.append(report.get(timeout=0.2))
        except queue.Empty:
            return pids


def run(task, use_initializer: bool) -> tuple[list[int], list[int], float]:
    ctx = multiprocessing.get_context()
    report = ctx.Queue()
    started = time.perf_counter()
    if use_initializer:
        pool = ProcessPoolExecutor(
            WORKERS, mp_context=ctx, initializer=setup, initargs=(report,)
        )
    else:  # the initializer only hands over the queue; the task sets up
        pool = ProcessPoolExecutor(
            WORKERS,
            mp_context=ctx,
            initializer=setup_queue_only,
            initargs=(report,),
        )
    with pool:
        results = list(pool.map(task, range(TASKS), timeout=60))
    seconds = time.perf_counter() - started
    assert [r for _, r in results] == [3 * x for x in range(TASKS)]
    setup_pids = drain(report)
    report.close()
    report.join_thread()
    return setup_pids, sorted({pid for pid, _ in results}), seconds


def setup_queue_only(report) -> None:
    global setups
    setups = report


if __name__ == "__main__":
    print(
        f"{TASKS} tasks, {WORKERS} worker processes, "
        f"setup takes {SETUP_SECONDS} s"
    )
    pids, task_pids, seconds = run(
        predict_loading_each_time, use_initializer=False
    )
    print(f"  setup inside the task:  {len(pids):2d} setups, {seconds:.2f} s")
    assert len(pids) == TASKS  # once per task

    pids, task_pids, seconds = run(predict, use_initializer=True)
    print(f"  initializer=setup:      {len(pids):2d} setups, {seconds:.2f} s")
    # Once per worker process: each setup ran in a different process, and every
    # process that ran a task had run the setup first.
    assert len(pids) == len(set(pids)) <= WORKERS
    assert set(task_pids) <= set(pids)
    print(
        f"  ideal: {TASKS} x {SETUP_SECONDS} / {WORKERS} = "
        f"{TASKS * SETUP_SECONDS / WORKERS:.1f} s of setup "
        f"vs {SETUP_SECONDS} s"
    )
