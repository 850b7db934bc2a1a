# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Without `if __name__ == "__main__":`, a spawned child re-runs the script's
top level and fails.

Under spawn (the default on Windows and macOS) and forkserver (the default on
Linux since 3.14), a child process starts a fresh interpreter and imports the
parent's main script to find the target function. Code at the top level of that
script runs again in the child; when that code starts a process itself,
multiprocessing stops it with a RuntimeError. The demo runs the unguarded
script in a separate interpreter, with a timeout, so nothing can spread or
hang.
"""

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

UNGUARDED = """
import multiprocessing as mp

def work():
    print("child: working")

ctx = mp.get_context("spawn")
p = ctx.Process(target=work)
p.start()
p.join(timeout=30)
print(f"parent: child exit code {p.exitcode}")
"""

GUARDED = """
import multiprocessing as mp

def work():
    print("child: working")

if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=work)
    p.start()
    p.join(timeout=30)
    print(f"parent: child exit code {p.exitcode}")
"""


def run_script(code: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "job.py"
        script.write_text(textwrap.dedent(code), encoding="utf-8")
        return subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=folder,
        )


if __name__ == "__main__":
    print("Without the guard:")
    bad = run_script(UNGUARDED)
    # The message spans several lines; its first sentence says what happened.
    message = " ".join(bad.stderr.split("RuntimeError:", 1)[-1].split())
    print(f"  {bad.stdout.strip().splitlines()[-1]}")
    print("  the child's error:")
    print(f"    RuntimeError: {message.split('. ')[0]}.")
    print(
        "  (the child re-ran the top level, "
        "which tried to start another process)"
    )
    assert bad.returncode == 0 and "bootstrapping phase" in message

    print("With the guard:")
    good = run_script(GUARDED)
    for line in good.stdout.strip().splitlines():
        print(f"  {line}")
    assert good.returncode == 0 and "child exit code 0" in good.stdout
