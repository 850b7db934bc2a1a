# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Logging from processes and threads to one file: QueueHandler + listener.

Part 1: a child process inherits the parent's logging configuration only
under fork. Under spawn and forkserver its root logger has no handler: its
INFO records are dropped and its warnings go to stderr, not to your file.

Part 2: the standard recipe. Each worker process configures one
QueueHandler (in the child, so it works under every start method); its
threads log as usual; the records travel through a multiprocessing queue
to one QueueListener in the parent, the only writer of the file. The file
is then checked: every record present once, every line whole.
"""

import logging
import logging.handlers
import multiprocessing as mp
import re
import tempfile
import threading
from pathlib import Path

PROCS, THREADS, RECORDS = 4, 4, 250
WAIT = 30  # seconds; every wait is bounded
LINE = re.compile(r"(\d+) (\S+) (T\d+) n=(\d+) (x{100})")


def report_config(answers) -> None:
    root = logging.getLogger()
    answers.put(
        (
            [type(h).__name__ for h in root.handlers],
            logging.getLevelName(root.level),
        )
    )


def inherited(folder: str) -> dict[str, tuple[list[str], str]]:
    """What the root logger looks like in a child, per start method."""
    parent = logging.FileHandler(Path(folder) / "parent.log")
    logging.basicConfig(level=logging.INFO, handlers=[parent])
    seen = {}
    try:
        for method in mp.get_all_start_methods():
            ctx = mp.get_context(method)
            answers = ctx.Queue()
            child = ctx.Process(target=report_config, args=(answers,))
            child.start()
            seen[method] = answers.get(timeout=WAIT)
            child.join(timeout=WAIT)
    finally:
        logging.getLogger().removeHandler(parent)
        logging.getLogger().setLevel(logging.WARNING)
        parent.close()
    return seen


def worker_thread(log: logging.Logger, name: str) -> None:
    for n in range(RECORDS):
        log.info("%s n=%d %s", name, n, "x" * 100)


def worker(queue) -> None:
    # Configure logging IN the child: under spawn/forkserver nothing is
    # inherited, under fork this replaces whatever was inherited.
    root = logging.getLogger()
    root.handlers[:] = [logging.handlers.QueueHandler(queue)]
    root.setLevel(logging.INFO)
    log = logging.getLogger("app")
    threads = [
        threading.Thread(target=worker_thread, args=(log, f"T{j}"))
        for j in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=WAIT)


def recipe(folder: str) -> list[str]:
    path = Path(folder) / "app.log"
    queue = mp.Queue()
    writer = logging.FileHandler(path, encoding="utf-8")
    writer.setFormatter(
        logging.Formatter("%(process)d %(processName)s %(message)s")
    )
    listener = logging.handlers.QueueListener(queue, writer)
    procs = [mp.Process(target=worker, args=(queue,)) for _ in range(PROCS)]
    for p in procs:
        p.start()
    # Started after the workers, so fork never copies a running thread.
    listener.start()  # one thread in the parent: the only writer
    try:
        for p in procs:
            p.join(timeout=WAIT)
            assert p.exitcode == 0, f"{p.name} exit code {p.exitcode}"
    finally:
        listener.stop()  # drains the queue, then stops the thread
        writer.close()
    return path.read_text(encoding="utf-8").splitlines()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        seen = inherited(folder)
        lines = recipe(folder)

    print("Parent: root logger -> FileHandler, level INFO. In a child:")
    for method, (handlers, level) in seen.items():
        print(f"  {method:<10} handlers={handlers} level={level}")
    for method, (handlers, level) in seen.items():
        if method == "fork":
            assert handlers == ["FileHandler"] and level == "INFO"
        else:  # spawn, forkserver: a fresh interpreter, nothing configured
            assert handlers == [] and level == "WARNING"

    expected = PROCS * THREADS * RECORDS
    matched = [LINE.fullmatch(line) for line in lines]
    torn = matched.count(None)
    keys = [(m[1], m[3], int(m[4])) for m in matched if m]
    lost = expected - len(set(keys))
    duplicated = len(keys) - len(set(keys))
    print(
        f"\n{PROCS} processes x {THREADS} threads x {RECORDS} records"
        f" = {expected} log calls"
    )
    print(f"  lines in app.log : {len(lines)}")
    print(f"  torn lines       : {torn}")
    print(f"  lost records     : {lost}")
    print(f"  duplicated       : {duplicated}")
    print(f"  processes seen   : {len({m[1] for m in matched if m})}")
    assert len(lines) == expected and torn == lost == duplicated == 0
    per_thread = {(pid, t): [] for pid, t, _ in keys}
    for pid, t, n in keys:
        per_thread[(pid, t)].append(n)
    # Each thread's records arrive in the order it logged them.
    assert all(ns == list(range(RECORDS)) for ns in per_thread.values())
    assert len(per_thread) == PROCS * THREADS
    print("  each thread's records in the order it logged them: yes")


if __name__ == "__main__":
    main()
