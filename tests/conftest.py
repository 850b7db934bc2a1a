import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The tests run examples exactly as the build does, through tools/example_runner.py, and
# import the examples' toolkit (examples/pyconc) the way the examples do.
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "examples")]
