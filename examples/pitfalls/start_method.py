# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""Code that relies on fork copying the parent's state breaks when the start
method changes.

fork copies the parent's memory, so a child sees globals the parent set at run
time. spawn and forkserver start from a fresh interpreter that only re-imports
the module: it sees the module's defaults. The default changed under people's
code: spawn on macOS since 3.8, forkserver on Linux since 3.14, spawn on
Windows always. Passing the state as an argument works everywhere.
"""

import multiprocessing

# filled in at run time by the parent, as a config loader would
SETTINGS: dict = {}


def read_global(results) -> None:
    results.put(dict(SETTINGS))


def read_argument(settings: dict, results) -> None:
    results.put(dict(settings))


def child_sees(method: str, target, *args) -> dict:
    ctx = multiprocessing.get_context(method)
    results = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, results))
    p.start()
    seen = results.get(timeout=30)
    p.join(timeout=30)
    assert p.exitcode == 0
    return seen


if __name__ == "__main__":
    SETTINGS["db"] = "postgres://prod"
    methods = multiprocessing.get_all_start_methods()
    print(
        f"Start methods here: {', '.join(methods)}; "
        f"default: {multiprocessing.get_start_method()}"
    )

    print("Broken: the child reads a global the parent set at run time")
    for method in methods:
        seen = child_sees(method, read_global)
        print(f"  {method:<10} child sees {seen}")
        assert seen == (SETTINGS if method == "fork" else {})

    print("Fixed: the parent passes the settings as an argument")
    for method in methods:
        seen = child_sees(method, read_argument, SETTINGS)
        print(f"  {method:<10} child sees {seen}")
        assert seen == SETTINGS
