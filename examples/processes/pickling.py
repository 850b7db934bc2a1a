# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Why a lambda or a local function cannot be sent to a pool — and what to
send instead."""

import functools
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor


def power(base: int, exponent: int) -> int:
    return base**exponent


def first_line(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".splitlines()[0]
    return re.sub(
        r"0x[0-9a-fA-F]+", "0x…", text
    )  # memory addresses change on every run


def make_local():
    def cube(n: int) -> int:
        return n**3

    return cube


if __name__ == "__main__":
    candidates = {
        "lambda n: n * n": lambda n: n * n,
        "a function defined inside a function": make_local(),
    }
    print("Pool.map(f, ...) pickles f to send it to the workers — by name:")
    with multiprocessing.Pool(2) as pool:
        for label, func in candidates.items():
            try:
                pool.map(func, [1, 2, 3])
                outcome = "worked"
            except (
                Exception
            ) as error:  # the exact type changed across versions
                outcome = first_line(error)
            print(f"  {label}:\n    {outcome}")
            assert outcome != "worked"

        print("What works: module-level functions, functools.partial of them:")
        squares = pool.map(functools.partial(power, exponent=2), [1, 2, 3])
        print(
            f"  pool.map(partial(power, exponent=2), [1, 2, 3]) -> {squares}"
        )
        assert squares == [1, 4, 9]

    with ProcessPoolExecutor(2) as executor:
        future = executor.submit(lambda: 42)
        try:
            future.result(timeout=30)
        except Exception as error:
            print(
                "ProcessPoolExecutor.submit(lambda: 42).result():\n  "
                f"{first_line(error)}"
            )
        else:
            raise AssertionError("a lambda cannot be pickled")
