# /// script
# requires-python = ">=3.10"
# dependencies = ["distributed==2026.8.0", "dask==2026.8.0", "psutil==7.2.2"]
#
# [tool.pyconc]
# timeout = 300
# ///
"""A worker killed mid-task: Dask runs the task again, the result arrives.

Each task "charges an order": it appends a line to a shared file (not
idempotent) and also writes a receipt file named after the order (idempotent:
writing it twice leaves one receipt). The example kills the worker process
running order 0 while it runs. The scheduler notices the lost worker, its nanny
starts a fresh one, and order 0 runs again: every result arrives, the receipts
are right, and order 0 is charged twice."""

import logging
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil
from distributed import Client, LocalCluster, wait

WORKERS = 2
ORDERS = 4


def charge(order: int, folder: str) -> int:
    """Charge one order, in 1 s. NOT idempotent: each attempt appends."""
    log = Path(folder, "charges.log")
    with log.open(
        "a", encoding="utf-8"
    ) as f:  # one short line: a single write
        f.write(f"{order} {os.getpid()}\n")
    time.sleep(1.0)
    # Idempotent: the receipt is named after the order; a retry overwrites it.
    tmp = Path(folder, f"receipt-{order}.tmp-{os.getpid()}")
    tmp.write_text(f"order {order}: 10 EUR\n", encoding="utf-8")
    tmp.replace(Path(folder, f"receipt-{order}.txt"))
    return order * 10


def lines(folder: str) -> list[tuple[int, int]]:
    log = Path(folder, "charges.log")
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    return [tuple(map(int, line.split())) for line in text.splitlines()]


def quiet_asyncio() -> None:
    """Under `python -X dev` asyncio logs every callback slower than 0.1 s,
    which Dask's event loops exceed on a busy machine. Silence that here and,
    through Dask's config in the environment, in the workers started later."""
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    os.environ["DASK_LOGGING__ASYNCIO"] = "error"


if __name__ == "__main__":
    quiet_asyncio()
    print(f"cores: {os.cpu_count()}; workers: {WORKERS} processes x 1 thread")
    with (
        tempfile.TemporaryDirectory() as folder,
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
        futures = client.map(charge, range(ORDERS), folder=folder)

        # Wait (bounded) until order 0 runs, then kill its worker process.
        deadline = time.monotonic() + 120
        while not any(order == 0 for order, _ in lines(folder)):
            assert time.monotonic() < deadline, "order 0 never started"
            time.sleep(0.05)
        victim = next(pid for order, pid in lines(folder) if order == 0)
        # SIGKILL: no cleanup, no goodbye, like a machine that is lost.
        psutil.Process(victim).kill()
        print("killed the worker process running order 0 (SIGKILL)")

        wait(futures, timeout=120)
        results = client.gather(futures)
        assert results == [order * 10 for order in range(ORDERS)]
        print(f"all {ORDERS} results arrived: {results}")
        attempts = Counter(order for order, _ in lines(folder))
        receipts = sorted(p.name for p in Path(folder).glob("receipt-*.txt"))
        assert attempts[0] == 2, attempts  # ran, killed, ran again
        assert all(attempts[o] == 1 for o in range(1, ORDERS)), attempts
        assert len(receipts) == ORDERS
        print(
            f"charges.log (append per attempt): {sum(attempts.values())} "
            f"charges for {ORDERS} orders"
        )
        print(f"  order 0 charged {attempts[0]} times")
        print(
            f"receipt files (overwrite by order id): {len(receipts)} "
            f"for {ORDERS} orders"
        )
