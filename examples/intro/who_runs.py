# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Who runs each task? Three tasks as processes, as threads and as coroutines.

Each task reports the process id and thread
id it ran on; we count the distinct ones.
"""

import asyncio
import multiprocessing
import os
import queue
import threading

TASKS = 3


def where(results, all_started) -> None:
    results.put((os.getpid(), threading.get_ident()))
    all_started.wait(
        timeout=30
    )  # stay alive until every task has reported: ids get reused


async def where_async() -> tuple[int, int]:
    await asyncio.sleep(0)  # a coroutine gives up control only at an await
    return os.getpid(), threading.get_ident()


async def coroutines() -> list[tuple[int, int]]:
    return list(await asyncio.gather(*(where_async() for _ in range(TASKS))))


def run_all(make_worker, results, barrier) -> list[tuple[int, int]]:
    workers = [
        make_worker(target=where, args=(results, barrier))
        for _ in range(TASKS)
    ]
    for w in workers:
        w.start()
    places = [results.get(timeout=30) for _ in workers]
    for w in workers:
        w.join(timeout=30)
    return places


def report(model: str, places: list[tuple[int, int]]) -> None:
    pids = {pid for pid, _ in places}
    where_ = "the main process" if pids == {os.getpid()} else "child processes"
    print(
        f"{model:<11} {TASKS} tasks ran in {len(pids)} process(es) and "
        f"{len(set(places))} thread(s), in {where_}"
    )


if __name__ == "__main__":
    by_process = run_all(
        multiprocessing.Process,
        multiprocessing.Queue(),
        multiprocessing.Barrier(TASKS),
    )
    by_thread = run_all(
        threading.Thread, queue.Queue(), threading.Barrier(TASKS)
    )
    by_coroutine = asyncio.run(coroutines())

    report("processes", by_process)
    report("threads", by_thread)
    report("coroutines", by_coroutine)

    assert len({pid for pid, _ in by_process}) == TASKS
    assert os.getpid() not in {pid for pid, _ in by_process}
    assert {pid for pid, _ in by_thread} == {os.getpid()}
    assert len(set(by_thread)) == TASKS
    assert set(by_coroutine) == {(os.getpid(), threading.get_ident())}, (
        "one thread for all"
    )
