# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Lambdas and local functions cannot be sent to a process pool; module-level
functions can.

A process pool sends each task to a worker by pickling it, and pickle stores a
function as a reference (its module and name), never its code. A lambda or a
function defined inside another function has no name the worker could import,
so the task fails before it starts. This holds under every start method, fork
included.
"""

import functools
import pickle
from concurrent.futures import ProcessPoolExecutor


def power(x: int, exponent: int) -> int:
    return x**exponent


def make_power(exponent: int):
    def local_power(x: int) -> int:  # a closure: no importable name
        return x**exponent

    return local_power


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        print("Broken: tasks the pool cannot pickle")
        for label, func in [
            ("lambda", lambda x: x**2),
            ("local function", make_power(2)),
        ]:
            future = pool.submit(func, 3)
            try:
                future.result(timeout=30)
            except (pickle.PicklingError, AttributeError, TypeError) as error:
                # The exception type and wording differ between Python
                # versions.
                print(f"  {label}: {type(error).__name__}")
            else:
                raise AssertionError(f"{label} was pickled?")

        print(
            "Fixed: a module-level function, with "
            "functools.partial for fixed arguments"
        )
        square = functools.partial(power, exponent=2)
        results = sorted(pool.map(square, range(5), timeout=30))
        print(f"  squares: {results}")
        assert results == [0, 1, 4, 9, 16]
