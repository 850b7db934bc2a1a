# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Memory isolation: a child process changes its own copy; a thread changes the
parent's data."""

import multiprocessing
import os
import threading

counter = 0
names: list[str] = []


def change_globals(who: str, main_pid: int) -> None:
    global counter
    counter += 100
    names.append(who)
    where = (
        "the main process" if os.getpid() == main_pid else "a child process"
    )
    print(f"  {who} runs in {where}: counter={counter}, names={names}")


if __name__ == "__main__":
    print("A process gets its own memory:")
    p = multiprocessing.Process(
        target=change_globals, args=("process", os.getpid())
    )
    p.start()
    p.join(timeout=30)
    assert p.exitcode == 0
    print(f"  main process afterwards: counter={counter}, names={names}")
    assert counter == 0 and names == [], (
        "a child process cannot change the parent's globals"
    )

    print("A thread shares its process's memory:")
    t = threading.Thread(target=change_globals, args=("thread", os.getpid()))
    t.start()
    t.join(timeout=30)
    print(f"  main thread afterwards: counter={counter}, names={names}")
    assert counter == 100 and names == ["thread"], (
        "a thread changes the very same objects"
    )
