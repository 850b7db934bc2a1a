import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The tests run examples exactly as the build does, through tools/example_runner.py, and
# import the examples' toolkit (examples/pyconc) the way the examples do.
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "examples")]

# The browser tests need a built site and Chromium; `nox -s browser` runs them (and sets this).
collect_ignore = [] if os.environ.get("PYCONC_BROWSER_TESTS") else ["browser"]
