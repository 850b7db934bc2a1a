# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A job queue in a database: workers claim jobs with UPDATE ... RETURNING.

One statement both picks a job and marks it taken, so two workers never get
the same job. A claim is a lease: if a worker dies mid-job, its lease runs out
and another worker claims the job again. A worker records a result only while
it still owns the job. Needs SQLite 3.35+ (RETURNING), which current Python
builds ship with.
"""

import multiprocessing
import os
import sqlite3
import tempfile
import time
from pathlib import Path

WORKERS = 2
JOBS = 30
LEASE = 0.5  # seconds a claim is valid

CLAIM = """
UPDATE jobs SET state = 'running', owner = :me, lease_until = :until,
                attempts = attempts + 1
WHERE id = (SELECT id FROM jobs
            WHERE state = 'queued'
               OR (state = 'running' AND lease_until < :now)
            ORDER BY id LIMIT 1)
RETURNING id, n
"""
FINISH = """
UPDATE jobs SET state = 'done', result = :result
WHERE id = :id AND owner = :me AND state = 'running'
"""


def connect(path: str) -> sqlite3.Connection:
    # isolation_level=None: each statement is its own transaction (autocommit);
    # timeout: wait up to 30 s for another writer's lock instead of failing.
    return sqlite3.connect(path, timeout=30, isolation_level=None)


def claim(db: sqlite3.Connection, me: int):
    now = time.time()
    return db.execute(
        CLAIM, {"me": me, "until": now + LEASE, "now": now}
    ).fetchone()


def crashing_worker(path: str) -> None:
    """Claims one job, then dies without finishing it (like a lost machine)."""
    db = connect(path)
    assert claim(db, os.getpid()) is not None
    os._exit(1)  # no cleanup, no commit of anything else


def worker(path: str) -> None:
    db = connect(path)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job = claim(db, os.getpid())
            if job is None:
                left = db.execute(
                    "SELECT count(*) FROM jobs WHERE state != 'done'"
                )
                if left.fetchone()[0] == 0:
                    return
                time.sleep(0.05)  # a job is leased to someone else: wait
                continue
            job_id, n = job
            db.execute(
                FINISH, {"result": n * n, "id": job_id, "me": os.getpid()}
            )
        raise TimeoutError("jobs left after 30 s")
    finally:
        db.close()


if __name__ == "__main__":
    assert sqlite3.sqlite_version_info >= (3, 35), sqlite3.sqlite_version
    print(
        f"cores: {os.cpu_count()}; {WORKERS} worker processes; "
        f"SQLite 3.35+ (RETURNING)"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder, "jobs.db"))
        db = connect(path)
        db.execute(
            "PRAGMA journal_mode = WAL"
        )  # readers do not block the writer
        db.execute(
            "CREATE TABLE jobs (id INTEGER PRIMARY KEY, n INTEGER, "
            "state TEXT NOT NULL DEFAULT 'queued', owner INTEGER, "
            "lease_until REAL, attempts INTEGER NOT NULL DEFAULT 0, "
            "result INTEGER)"
        )
        db.executemany(
            "INSERT INTO jobs (n) VALUES (?)", [(n,) for n in range(JOBS)]
        )

        crasher = multiprocessing.Process(target=crashing_worker, args=(path,))
        crasher.start()
        crasher.join(timeout=30)
        assert crasher.exitcode == 1
        print("a worker claimed job 1 and died without finishing it")

        workers = [
            multiprocessing.Process(target=worker, args=(path,))
            for _ in range(WORKERS)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=60)
            assert w.exitcode == 0, w.exitcode

        rows = db.execute(
            "SELECT id, n, state, attempts, result FROM jobs"
        ).fetchall()
        db.close()
    assert all(
        state == "done" and result == n * n for _, n, state, _, result in rows
    )
    attempts = {job_id: a for job_id, _, _, a, _ in rows}
    assert attempts[1] == 2, (
        attempts
    )  # the lease ran out, job 1 was claimed again
    assert all(a == 1 for job_id, a in attempts.items() if job_id != 1)
    print(f"{len(rows)} jobs done, each result recorded once")
    print(
        f"job 1 was claimed {attempts[1]} times (its lease expired), "
        f"every other job once"
    )
