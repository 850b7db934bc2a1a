# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Why spawn needs `if __name__ == "__main__":` — the real error, in a child
interpreter."""

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

# A script WITHOUT the guard. It picks spawn itself, so the result is the same
# on every OS.
UNGUARDED = textwrap.dedent(
    """
    import multiprocessing

    def work():
        print("work done")

    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=work)
    # the child re-imports this file as __mp_main__ and runs this line again
    p.start()
    p.join(timeout=20)
    print("exit code of the child:", p.exitcode)
    """
)

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder, "no_guard.py")
        script.write_text(UNGUARDED, encoding="utf-8")
        try:
            done = subprocess.run(
                [sys.executable, str(script)],
                capture_output=True,
                text=True,
                timeout=60,  # if anything went wrong, never wait forever
            )
        except subprocess.TimeoutExpired:
            raise SystemExit(
                "the unguarded script did not finish within 60 s"
            ) from None

    errors = [
        line
        for line in done.stderr.splitlines()
        if line.startswith("RuntimeError")
    ]
    print("The unguarded script's own output:")
    for line in done.stdout.splitlines():
        print(f"  {line}")
    print("The key line of the child's traceback (stderr):")
    print(f"  {errors[0].rstrip()}")
    explanation = done.stderr[done.stderr.index(errors[0]) :].splitlines()
    for line in explanation[1:]:
        if line.strip():
            print(f"  {line.strip()}")
    assert "bootstrapping phase" in done.stderr
    assert "exit code of the child: 1" in done.stdout
