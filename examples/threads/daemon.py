# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""A daemon thread is killed when the interpreter exits: its `finally` blocks
never run.

The interpreter waits for every non-daemon thread before it exits, and for no
daemon thread. To see the exit itself, this example runs a small program in a
fresh interpreter and shows what it printed.
"""

import subprocess
import sys

PROGRAM = """
import threading, time

def work(label, seconds):
    try:
        time.sleep(seconds)
        print(f"{label}: finished its work", flush=True)
    finally:
        print(f"{label}: cleanup in finally", flush=True)

threading.Thread(target=work, args=("non-daemon", 0.3)).start()
threading.Thread(target=work, args=("daemon", 30), daemon=True).start()
print("main: reached the end of the program", flush=True)
"""

if __name__ == "__main__":
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=20,
    )
    print("What the child interpreter printed:")
    for line in done.stdout.splitlines():
        print(f"  {line}")
    print(
        f"exit code {done.returncode}; the "
        "daemon's 30 s sleep did not keep it alive"
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0
    assert (
        "non-daemon: cleanup in finally" in lines
    )  # the interpreter waited for it
    assert "daemon: finished its work" not in lines  # killed mid-sleep...
    assert (
        "daemon: cleanup in finally" not in lines
    )  # ...and its finally never ran
