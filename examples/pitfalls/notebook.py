# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Functions typed into a REPL or a notebook cannot reach spawned workers;
imported ones can.

A spawned worker finds the target function by importing it from the parent's
main module. In a REPL, in `python -` or in a Jupyter kernel, `__main__` is not
a file the worker can import, so the worker dies with an AttributeError; a pool
replaces it and loses the task, and `map()` waits forever. The demo feeds code
to a fresh interpreter with `python -c`, whose `__main__` has no file either,
under a timeout.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

INTERACTIVE = """
import multiprocessing as mp

def square(x):
    return x * x

ctx = mp.get_context("spawn")
with ctx.Pool(2) as pool:
    result = pool.map_async(square, range(5))
    try:
        print(f"squares {result.get(timeout=2)}")
    except mp.TimeoutError:
        print("no result after 2 s: each worker died on the task,"
              " map() would wait forever")
"""

HELPER_MODULE = """
def square(x):
    return x * x
"""

IMPORTING = """
import multiprocessing as mp
# defined in helpers.py, which the worker can import
from helpers import square

ctx = mp.get_context("spawn")
with ctx.Pool(2) as pool:
    print(f"squares {pool.map(square, range(5))}")
"""


def interactive_session(code: str, folder: str) -> subprocess.CompletedProcess:
    # With `python -c`, __main__ has no file to import, as in a REPL or a
    # notebook.
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=folder,
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        print("A function defined in the session:")
        bad = interactive_session(INTERACTIVE, folder)
        error = next(
            line for line in bad.stderr.splitlines() if "Error" in line
        )
        print(f"  {bad.stdout.strip()}")
        print("  each worker:")
        print(f"    {error.strip()}")
        assert "Can't get attribute 'square'" in error

        print("The same function imported from a module:")
        Path(folder, "helpers.py").write_text(HELPER_MODULE, encoding="utf-8")
        good = interactive_session(IMPORTING, folder)
        print(f"  {good.stdout.strip()}")
        assert good.returncode == 0 and "[0, 1, 4, 9, 16]" in good.stdout
