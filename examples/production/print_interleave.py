# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Why print() output from several processes arrives out of order and torn.

Two worker processes append to one file, as `python app.py >> out.log` does
with stdout. Events force the order in which they print (A first, then B),
so the result is the same on every run:

1. Without flush, each process's lines wait in its own buffer and reach the
   file when the buffer is full or the process exits: the file's order is
   not the order in which things happened.
2. A line longer than the buffer (8 KiB) is written out before its newline:
   if the other process writes then, its line is glued to the end of it.
3. With flush=True, print() writes the line out before returning: the file
   has the real order and nothing is glued.
"""

import multiprocessing as mp
import os
import re
import tempfile
from pathlib import Path

BIG = 20_000  # characters: a long line (a JSON record, a traceback)
WAIT = 10  # seconds; every wait is bounded
WHOLE = re.compile(rf"A line \d|A big y{{{BIG}}}|[AB] is done")


def worker(name, path, mine, theirs, last, flush, big):
    if not mine.wait(WAIT):
        raise TimeoutError(f"{name} never got its turn")
    # A fresh file object per process, like a program whose stdout is a file.
    out = open(path, "a", encoding="utf-8")  # noqa: SIM115
    for i in range(3 if name == "A" else 0):
        print(f"{name} line {i}", file=out, flush=flush)
    if big:
        print(f"{name} big " + "y" * BIG, file=out, flush=flush)
    print(f"{name} is done", file=out, flush=flush)
    if last is None:  # B: exits (its buffer is written), then tells A
        out.close()
        theirs.set()
        return
    theirs.set()  # A: lets B print, and exits only after B has finished
    if not last.wait(WAIT):
        raise TimeoutError(f"{name} never saw the end")
    out.close()


def run(flush: bool, big: bool, folder: str) -> list[str]:
    path = os.path.join(folder, f"big-{big}-flush-{flush}.log")
    a_turn, b_turn, done = mp.Event(), mp.Event(), mp.Event()
    a = mp.Process(target=worker,
                   args=("A", path, a_turn, b_turn, done, flush, big))
    b = mp.Process(target=worker,
                   args=("B", path, b_turn, done, None, flush, False))
    for p in (a, b):
        p.start()
    a_turn.set()  # A prints first, then B: that is what really happens
    for p in (a, b):
        p.join(timeout=WAIT)
        assert p.exitcode == 0, f"{p.name} failed: {p.exitcode}"
    return Path(path).read_text(encoding="utf-8").splitlines()


def show(lines: list[str]) -> str:
    """One letter per line: who wrote it, "*" if it is not a whole line."""
    return "".join(ln[0] if WHOLE.fullmatch(ln) else "*" for ln in lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        short = run(flush=False, big=False, folder=folder)
        short_f = run(flush=True, big=False, folder=folder)
        big = run(flush=False, big=True, folder=folder)
        big_f = run(flush=True, big=True, folder=folder)

    print("A printed all its lines first, then B printed one.")
    print("The file, one letter per line (* = not a whole line):")
    print(f"  short lines, no flush  : {show(short)}")
    print(f"  short lines, flush     : {show(short_f)}")
    print(f"  + 20 KB line, no flush : {show(big)}")
    print(f"  + 20 KB line, flush    : {show(big_f)}")
    glued = next(ln for ln in big if "B is done" in ln and ln[0] == "A")
    print(f"  the glued line: {glued[:10]}...{glued[-14:]}")

    assert show(short) == "BAAAA"  # B's line first: A's waited in a buffer
    assert show(short_f) == "AAAAB"  # the real order
    assert "*" in show(big)  # B's line glued to A's long line
    assert show(big_f) == "AAAAAB"


if __name__ == "__main__":
    main()
