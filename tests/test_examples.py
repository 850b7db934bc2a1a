"""Every example runs as `python file.py`, exits 0 and leaves nothing behind.

Examples that start processes run under every start method this platform offers (spawn,
forkserver and fork on Linux; spawn only on Windows; spawn and fork on macOS), because
that is where they break: a missing `__main__` guard, an unpicklable target, state that only
fork copies. The others do not depend on the start method and run once per interpreter.
"""

import sys

import example_runner
import pytest

LEAK_WARNINGS = ("resource_tracker: There appear to be", "leaked semaphore", "leaked shared_memory")


def _cases():
    for name in example_runner.all_examples():
        methods = example_runner.start_methods() if example_runner.uses_processes(name) else [None]
        for method in methods:
            yield pytest.param(name, method, id=f"{name}[{method or 'any'}]")


@pytest.mark.parametrize(("name", "start_method"), list(_cases()))
def test_example_runs(name: str, start_method: str | None) -> None:
    meta = example_runner.meta_of((example_runner.EXAMPLES / name).read_text(encoding="utf-8"))
    if not meta.runnable_here:
        pytest.skip(f"needs Python {meta.requires_python}, this is {sys.version.split()[0]}")
    try:
        result = example_runner.run(name, start_method=start_method)
    except example_runner.ExampleError as error:
        pytest.fail(str(error), pytrace=False)
    for warning in LEAK_WARNINGS:
        assert warning not in result.output, f"{name} leaked a resource:\n{result.output}"


def test_every_example_declares_a_main_guard() -> None:
    # Under spawn, the child re-imports the script; without the guard it would start children
    # of its own. Every example is a script, so every example has one.
    missing = [
        name
        for name in example_runner.all_examples()
        if 'if __name__ == "__main__":' not in (example_runner.EXAMPLES / name).read_text("utf-8")
    ]
    assert not missing, f'examples without `if __name__ == "__main__":`: {missing}'


def test_examples_do_not_import_docs_tooling() -> None:
    offenders = [
        name
        for name in example_runner.all_examples()
        if "example_runner" in (example_runner.EXAMPLES / name).read_text("utf-8")
    ]
    assert not offenders, f"examples must be standalone programs: {offenders}"
