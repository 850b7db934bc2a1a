# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Why print() output from several processes arrives out of order and torn.

Two worker processes append to one file, as `python app.py >> out.log` does
with stdout. Events force the order in which they print (A first, then B),
so the result is the same on every run:

1. Without flush, each process's lines wait in its own buffer and reach the
   file when the buffer is full or the process exits: the file's order is
   not the order in which things happened.
2. A line longer than the buffer is written out before its newline: if
   the other process writes then, its line is glued to the end of it. (The
   buffer of a file is io.DEFAULT_BUFFER_SIZE, or the file system's block
   size if larger: 8 KiB up to Python 3.13, 128 KiB from 3.14.)
3. With flush=True, print() writes the line out before returning: the file
   has the real order and nothing is glued.
"""

import io
import multiprocessing as mp
import os
import re
import tempfile
from pathlib import Path

WAIT = 10  # seconds; every wait is bounded


def worker(name, path, mine, theirs, last, flush, big):
    if not mine.wait(WAIT):
        raise TimeoutError(f"{name} never got its turn")
    # A fresh file object per process, like a program whose stdout is a file.
    out = open(path, "a", encoding="utf-8")  # noqa: SIM115
    for i in range(3 if name == "A" else 0):
        print(f"{name} line {i}", file=out, flush=flush)
    if big:
        print(f"{name} big " + "y" * big, file=out, flush=flush)
    print(f"{name} is done", file=out, flush=flush)
    if last is None:  # B: exits (its buffer is written), then tells A
        out.close()
        theirs.set()
        return
    theirs.set()  # A: lets B print, and exits only after B has finished
    if not last.wait(WAIT):
        raise TimeoutError(f"{name} never saw the end")
    out.close()


def run(flush: bool, big: int, folder: str) -> list[str]:
    path = os.path.join(folder, f"big-{big}-flush-{flush}.log")
    a_turn, b_turn, done = mp.Event(), mp.Event(), mp.Event()
    a = mp.Process(
        target=worker, args=("A", path, a_turn, b_turn, done, flush, big)
    )
    b = mp.Process(
        target=worker, args=("B", path, b_turn, done, None, flush, 0)
    )
    for p in (a, b):
        p.start()
    a_turn.set()  # A prints first, then B: that is what really happens
    for p in (a, b):
        p.join(timeout=WAIT)
        assert p.exitcode == 0, f"{p.name} failed: {p.exitcode}"
    return Path(path).read_text(encoding="utf-8").splitlines()


def show(lines: list[str], big: int) -> str:
    """One letter per line: who wrote it, "*" if it is not a whole line."""
    whole = re.compile(rf"A line \d|A big y{{{big}}}|[AB] is done")
    return "".join(ln[0] if whole.fullmatch(ln) else "*" for ln in lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        # A long line (a traceback, a JSON record): twice the file's buffer.
        buffer = max(io.DEFAULT_BUFFER_SIZE, os.stat(folder).st_blksize)
        big = 2 * buffer
        short = run(flush=False, big=0, folder=folder)
        short_f = run(flush=True, big=0, folder=folder)
        long = run(flush=False, big=big, folder=folder)
        long_f = run(flush=True, big=big, folder=folder)

    size = f"{big // 1024} KiB"
    print(
        f"A file's buffer here: {buffer // 1024} KiB. A printed all its"
        " lines first,"
    )
    print("then B printed one. The file, one letter per line")
    print("(* = not a whole line):")
    for label, lines in [
        ("short lines, no flush", short),
        ("short lines, flush", short_f),
        (f"+ {size} line, no flush", long),
        (f"+ {size} line, flush", long_f),
    ]:
        print(f"  {label:<25}: {show(lines, big)}")
    glued = next(ln for ln in long if "B is done" in ln and ln[0] == "A")
    print(f"  the glued line: {glued[:10]}...{glued[-14:]}")

    assert show(short, big) == "BAAAA"  # B's line first: A's were buffered
    assert show(short_f, big) == "AAAAB"  # the real order
    assert "*" in show(long, big)  # B's line glued to A's long line
    assert show(long_f, big) == "AAAAAB"


if __name__ == "__main__":
    main()
