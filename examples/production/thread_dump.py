# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Where is every thread stuck? faulthandler and sys._current_frames().

Two threads deadlock on purpose (each holds one lock and waits, with a
timeout, for the other's) and a third waits for a reply that never comes.
The main thread then looks at all of them in the two ways a program can
look at itself, without a debugger:

1. faulthandler.dump_traceback_later(): a watchdog that dumps every
   thread's stack if the program is still stuck after a delay. It runs in
   C, so it works even when no Python code can run.
2. sys._current_frames(): each thread's current frame, as Python objects,
   to log or inspect.

Only the frames of this file are printed (the standard library's
internals differ between versions).
"""

import faulthandler
import sys
import tempfile
import threading
import traceback

WAIT = 5  # seconds: how long the stuck threads wait before giving up


def transfer(
    first: threading.Lock,
    second: threading.Lock,
    both_hold: threading.Barrier,
    release: threading.Event,
) -> None:
    with first:
        both_hold.wait(WAIT)  # both threads now hold one lock each
        # A deadlock, bounded: acquire() gives up, or we are released.
        while not release.is_set() and not second.acquire(timeout=0.05):
            pass


def wait_for_reply(release: threading.Event) -> None:
    release.wait(WAIT)  # a reply that never comes


def here(frames: list[traceback.FrameSummary]) -> str:
    mine = [
        f"{f.name} (line {f.lineno})" for f in frames if f.filename == __file__
    ]
    return " > ".join(mine)


def main() -> None:
    a, b = threading.Lock(), threading.Lock()
    both_hold, release = threading.Barrier(2), threading.Event()
    threads = [
        threading.Thread(
            target=transfer,
            args=(a, b, both_hold, release),
            name="transfer-a-b",
        ),
        threading.Thread(
            target=transfer,
            args=(b, a, both_hold, release),
            name="transfer-b-a",
        ),
        threading.Thread(
            target=wait_for_reply, args=(release,), name="client"
        ),
    ]
    for t in threads:
        t.start()
    try:
        # 1. The watchdog: if we are still here after 0.3 s, dump all.
        with tempfile.TemporaryFile("w+") as dump:
            faulthandler.dump_traceback_later(0.3, file=dump)
            for t in threads:
                t.join(timeout=0.2)  # "hangs": the threads never finish
            faulthandler.cancel_dump_traceback_later()
            dump.seek(0)
            text = dump.read()
        blocks = [b for b in text.split("\n\n") if b.strip()]
        print(
            f"faulthandler watchdog fired: {len(blocks)} thread stacks"
            " (innermost first)"
        )
        stacks = []
        for block in blocks:
            # Lines look like:  File "/path/x.py", line 38 in transfer
            mine = [
                line.split(", line ")[1].split(" in ")
                for line in block.splitlines()
                if __file__ in line
            ]
            stacks.append(" < ".join(f"{fn} (line {no})" for no, fn in mine))
        for stack in sorted(stacks):
            print(f"  {stack}")
        assert len(blocks) == len(threads) + 1  # every thread, main too

        # 2. The same, from Python: thread id -> current frame.
        frames = sys._current_frames()
        print("sys._current_frames(), by thread name (innermost last):")
        for t in threads:
            stack = traceback.extract_stack(frames[t.ident])
            print(f"  {t.name:<13}: {here(stack)}")
            innermost = here(stack).split(" (")[0]
            assert innermost in {"transfer", "wait_for_reply"}
        stuck = [t.name for t in threads if t.is_alive()]
        print(f"still alive after the watchdog: {len(stuck)} threads")
        assert len(stuck) == 3
    finally:
        release.set()
        for t in threads:
            t.join(timeout=WAIT)
    assert not any(t.is_alive() for t in threads)


if __name__ == "__main__":
    main()
