# /// script
# requires-python = ">=3.14"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Subinterpreters (Python 3.14): isolated interpreters in one process, each
with its own GIL.

First one interpreter by hand (concurrent.interpreters): its modules are its
own. A function sent to it is pickled by reference; one defined in this
script's `__main__` works on 3.14 because the other interpreter runs this file
again under another name than "__main__" to find it (so the
`if __name__ == "__main__":` guard is required, as under spawn; from a REPL or
`python -c` there is no file, and it fails). Then pure-Python jobs on a pool of
threads and on a pool of interpreters (InterpreterPoolExecutor), against the
sequential time.
"""

import os
import sys
import time
from concurrent import interpreters
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor

JOBS, LIMIT, PRIMES = (
    2,
    40_000,
    4203,
)  # primes below 40,000: every job checks its answer


def count_primes(limit: int) -> int:
    """Count the primes below `limit` by trial
    division: pure Python, CPU-bound."""
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def module_name() -> str:
    return (
        __name__  # in the other interpreter: the name this file was run under
    )


if __name__ == "__main__":
    interp = interpreters.create()
    try:
        print(
            f"main interpreter: id {interpreters.get_main().id}; "
            f"new interpreter: id {interp.id}"
        )
        # The new interpreter has its own sys
        # module: this assignment stays over there.
        interp.exec(
            "import sys; sys.pyconc_marker = 'set in the subinterpreter'"
        )
        assert not hasattr(sys, "pyconc_marker")
        print(
            "sys.pyconc_marker set in the subinterpreter "
            "is not visible here: its own sys"
        )
        answer = interp.call(count_primes, 10_000)  # defined in this script
        assert answer == 1229
        print(f"interp.call(count_primes, 10_000) -> {answer}")
        over_there = interp.call(module_name)
        assert (
            over_there != "__main__"
        )  # so the guarded block did not run again
        print(
            "this script's functions live there "
            f"in a module named {over_there!r}"
        )
    finally:
        interp.close()

    cores = os.cpu_count() or 1
    start = time.perf_counter()
    assert [count_primes(LIMIT) for _ in range(JOBS)] == [PRIMES] * JOBS
    sequential = time.perf_counter() - start
    print(f"\n{JOBS} jobs of count_primes({LIMIT:_}), {cores} CPUs")
    print(f"sequential       {sequential * 1000:5.0f} ms")
    for name, pool_class in [
        ("threads", ThreadPoolExecutor),
        ("subinterpreters", InterpreterPoolExecutor),
    ]:
        with pool_class(JOBS) as pool:
            list(
                pool.map(count_primes, [100] * JOBS, timeout=60)
            )  # start the workers first
            start = time.perf_counter()
            assert (
                list(pool.map(count_primes, [LIMIT] * JOBS, timeout=60))
                == [PRIMES] * JOBS
            )
            seconds = time.perf_counter() - start
        print(
            f"{name:<16} {seconds * 1000:5.0f} ms  "
            f"speed-up {sequential / seconds:.1f}x "
            f"(ideal {min(JOBS, cores)}x)"
        )
