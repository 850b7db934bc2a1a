# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""A real SQLite file used from asyncio, without blocking the event loop.

A heartbeat task wakes every 10 ms and records how late it woke: the lag
every other task suffers. The same slow query runs on the loop's thread,
then on one dedicated database thread that owns the connection (what
aiosqlite does, in 30 lines of standard library).
"""

import asyncio
import sqlite3
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BEAT = 0.01  # heartbeat period, seconds
ROWS = 200_000
QUERY = """
    SELECT customer, count(*), sum(amount), max(amount), min(amount)
    FROM orders GROUP BY customer ORDER BY customer
"""


class Database:
    """One connection, one thread: every call runs on that thread.

    sqlite3 objects refuse to be used from another thread than the one
    that created them (check_same_thread), so the connection is opened
    on the executor's single thread too.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="sqlite")
        self.conn: sqlite3.Connection | None = None

    async def call(self, fn, *args):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.thread, fn, *args)

    async def open(self) -> None:
        self.conn = await self.call(sqlite3.connect, self.path)

    async def fetchall(self, sql: str, params=()) -> list:
        return await self.call(
            lambda: self.conn.execute(sql, params).fetchall()
        )

    async def write(self, sql: str, rows: list) -> None:
        def transaction() -> None:
            with self.conn:  # commits, or rolls back on error
                self.conn.executemany(sql, rows)

        await self.call(transaction)

    async def close(self) -> None:
        await self.call(self.conn.close)
        self.thread.shutdown(wait=True)


async def heartbeat(lags: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        before = loop.time()
        await asyncio.sleep(BEAT)
        lags.append(loop.time() - before - BEAT)


async def measure(work) -> tuple[float, float, object]:
    """Run `work` beside a heartbeat: (seconds, worst lag, result)."""
    lags: list[float] = []
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(lags, stop))
    await asyncio.sleep(3 * BEAT)  # let it beat first
    start = time.perf_counter()
    result = await work()
    elapsed = time.perf_counter() - start
    stop.set()
    await asyncio.wait_for(beat, timeout=5)
    return elapsed, max(lags), result


async def main(path: Path) -> None:
    # 1. The blocking way: sqlite3 called directly in a coroutine.
    conn = sqlite3.connect(path)

    async def on_the_loop():
        return conn.execute(QUERY).fetchall()

    blocked = await measure(on_the_loop)

    # asyncio.to_thread() runs each call on ANY thread of the default
    # executor: a connection made on the loop's thread refuses it.
    try:
        await asyncio.to_thread(conn.execute, "SELECT 1")
        refused = False
    except sqlite3.ProgrammingError as error:
        refused = "thread" in str(error)
    conn.close()

    # 2. The non-blocking way: one thread owns the connection.
    db = Database(path)
    await db.open()
    try:

        async def off_the_loop():
            return await db.fetchall(QUERY)

        threaded = await measure(off_the_loop)
        await db.write(
            "INSERT INTO orders (customer, amount) VALUES (?, ?)",
            [(7, 1.0)] * 100,
        )
        count = await db.fetchall("SELECT count(*) FROM orders")
    finally:
        await db.close()

    print(f"query: {len(blocked[2])} groups over {ROWS:,} rows")
    print(f"{'the query ran':<32}{'took':>8}{'worst loop lag':>16}")
    for label, (seconds, lag, _) in [
        ("on the loop's thread", blocked),
        ("on the database thread", threaded),
    ]:
        print(f"{label:<32}{seconds:>6.2f} s{lag * 1000:>13.0f} ms")
    print(f"(ideal lag: 0 ms; a heartbeat every {BEAT * 1000:.0f} ms)")
    print(f"to_thread() with the loop's connection refused: {refused}")
    print(
        f"rows after a 100-row write on the database thread: {count[0][0]:,}"
    )
    assert blocked[2] == threaded[2]  # the same answer both ways
    assert refused
    assert count[0][0] == ROWS + 100
    # The loop cannot beat while the query runs on its own thread:
    assert blocked[1] >= 0.5 * blocked[0], blocked[:2]


def create(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE orders (id INTEGER PRIMARY KEY,"
            " customer INTEGER, amount REAL)"
        )
        conn.executemany(
            "INSERT INTO orders (customer, amount) VALUES (?, ?)",
            ((i % 1000, (i % 97) / 10) for i in range(ROWS)),
        )
    conn.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shop.db"
        create(path)
        asyncio.run(main(path))
