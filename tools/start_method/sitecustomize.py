"""Force a multiprocessing start method for the test-suite (never used by readers).

`tools/example_runner.py` puts this folder on PYTHONPATH when a test asks for a start method,
so an example still runs as plain `python file.py`, but under spawn, forkserver or fork.
Child interpreters started by spawn/forkserver import this too; they only set it if unset.
"""

import os

_method = os.environ.get("PYCONC_START_METHOD")
if _method:
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) is None:
        multiprocessing.set_start_method(_method)
