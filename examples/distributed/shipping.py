# /// script
# requires-python = ">=3.10"
# dependencies = [
#   "distributed==2026.8.0", "dask==2026.8.0", "cloudpickle==3.1.3",
# ]
#
# [tool.pyconc]
# timeout = 300
# ///
"""What crosses the wire: functions by value, big data once (scatter).

multiprocessing pickles a function BY NAME (module + qualified name), so a
lambda or a function defined inside another one cannot be sent. Dask uses
cloudpickle, which sends the function's code itself. Data passed as an argument
travels with every task; scatter sends it to the workers once and tasks then
refer to it by a small future."""

import logging
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor

import cloudpickle
from distributed import Client, LocalCluster, wait

WORKERS = 2
TASKS = 8
BIG = 4_000_000  # bytes sent to the workers


def make_scaler(factor: int):
    def scale(x: int) -> int:  # a local function: it has no importable name
        return x * factor

    return scale


def total(data: bytes, i: int) -> int:
    return data[i] + len(data)


def quiet_asyncio() -> None:
    """Under `python -X dev` asyncio logs every callback slower than 0.1 s,
    which Dask's event loops exceed on a busy machine. Silence that here and,
    through Dask's config in the environment, in the workers started later."""
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    os.environ["DASK_LOGGING__ASYNCIO"] = "error"


if __name__ == "__main__":
    quiet_asyncio()
    print(f"cores: {os.cpu_count()}; workers: {WORKERS} processes x 1 thread")
    square = lambda x: x * x  # noqa: E731 (a lambda on purpose)
    triple = make_scaler(3)

    # 1. pickle (and so multiprocessing) refuses both; the exact exception type
    #    (PicklingError or AttributeError) depends on the Python version.
    for name, func in [("lambda", square), ("local function", triple)]:
        try:
            pickle.dumps(func)
        except (pickle.PicklingError, AttributeError):
            print(f"pickle.dumps({name}): refused")
        else:
            raise AssertionError("pickle accepted it")
        with ProcessPoolExecutor(1) as pool:
            try:
                pool.submit(func, 4).result(timeout=30)
            except (pickle.PicklingError, AttributeError):
                print(f"ProcessPoolExecutor.submit({name}): refused")
            else:
                raise AssertionError("multiprocessing sent it")

    # 2. cloudpickle sends the code; plain pickle can LOAD what it wrote.
    blob = cloudpickle.dumps(triple)
    assert pickle.loads(blob)(4) == 12
    print(
        f"cloudpickle.dumps(local function), then plain pickle.loads(...)(4)"
        f" = {pickle.loads(blob)(4)}"
    )

    with (
        LocalCluster(
            n_workers=WORKERS,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster, timeout=60) as client,
    ):
        assert client.submit(square, 4).result(timeout=60) == 16
        assert client.submit(triple, 4).result(timeout=60) == 12
        print("Dask client.submit(lambda) and (local function): 16 and 12")

        # 3. Moving data: as an argument of every task, or scattered once.
        data = bytes(range(256)) * (BIG // 256)
        expected = [i + BIG for i in range(TASKS)]
        started = time.perf_counter()
        futures = [client.submit(total, data, i) for i in range(TASKS)]
        wait(futures, timeout=120)
        assert client.gather(futures) == expected
        direct = time.perf_counter() - started

        started = time.perf_counter()
        [remote] = client.scatter(
            [data], broadcast=True
        )  # one copy per worker
        futures = [client.submit(total, remote, i) for i in range(TASKS)]
        wait(futures, timeout=120)
        assert client.gather(futures) == expected
        scattered = time.perf_counter() - started
        assert client.who_has([remote])[remote.key]  # held by the workers
        print(
            f"{TASKS} tasks reading {BIG // 10**6} MB: passed as argument "
            f"{direct:.2f} s, scattered once {scattered:.2f} s"
        )
        print(
            "scattered: the data waits on the workers, each task carries "
            "only its key"
        )
