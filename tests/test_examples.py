"""Every example runs as `python -X dev file.py`, exits 0, warns only as it declares, and
leaves nothing behind (the runner judges all of that, as it does in the build).

Examples that start processes run under every start method this platform offers (spawn,
forkserver and fork on Linux; spawn only on Windows; spawn and fork on macOS), because
that is where they break: a missing `__main__` guard, an unpicklable target, state that only
fork copies. The others do not depend on the start method and run once per interpreter.
"""

import os
import re
import sys
from pathlib import Path

import example_runner
import pytest
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


# .ci/run sets this: there `nox -s copy` runs every program under spawn on every Python (as
# copied from the built site), so running it under spawn here too would only repeat it.
SPAWN_RUN_BY_COPY_TEST = os.environ.get("PYCONC_SPAWN_IN_COPY_TEST") == "1"


def _cases():
    for name in example_runner.all_examples():
        methods = example_runner.start_methods() if example_runner.uses_processes(name) else [None]
        if SPAWN_RUN_BY_COPY_TEST and len(methods) > 1:
            methods = [m for m in methods if m != "spawn"]
        for method in methods:
            yield pytest.param(name, method, id=f"{name}[{method or 'any'}]")


@pytest.mark.parametrize(("name", "start_method"), list(_cases()))
def test_example_runs(name: str, start_method: str | None) -> None:
    meta = example_runner.meta_for(name)
    if not meta.runnable_here:
        pytest.skip(f"needs Python {meta.requires_python}, this is {sys.version.split()[0]}")
    # Development mode, as many readers' test runners use: a warning the example does not
    # declare as its lesson fails it, and so does fork() beside a running thread (3.12+).
    try:
        example_runner.run(name, start_method=start_method, dev=True)
    except example_runner.ExampleError as error:
        pytest.fail(str(error), pytrace=False)


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


def test_declared_dependencies_are_pinned_like_the_project() -> None:
    # A reader's `uv run x.py` installs what the PEP 723 block says; the build and the tests
    # install the `examples` group. They must be the same versions, or the site shows a run
    # of other code than the reader gets.
    groups = tomllib.loads(PYPROJECT.read_text("utf-8"))["dependency-groups"]
    # The group may add an environment marker (for the Pythons a wheel exists for); the
    # example's own requires-python says the same in its block.
    pinned = {
        (Requirement(r).name, str(Requirement(r).specifier))
        for r in groups["examples"]
        if isinstance(r, str)
    }
    wrong = []
    for name in example_runner.all_examples():
        for dep in example_runner.meta_for(name).dependencies:
            req = Requirement(dep)
            if not re.fullmatch(r"==[\w.]+", str(req.specifier)):
                wrong.append(f"{name}: {dep} is not pinned with ==")
            elif (req.name, str(req.specifier)) not in pinned:
                wrong.append(f"{name}: {dep} is not in pyproject's examples group")
    assert not wrong, "\n".join(wrong)


def test_imports_are_declared() -> None:
    # What an example imports from PyPI must be in its block, or a copied program fails with
    # ModuleNotFoundError where the reader pastes it.
    third_party = {"psutil", "gevent", "greenlet", "numpy", "httpx", "aiohttp", "distributed",
                   "dask", "pytest", "py_spy", "threadpoolctl", "aiosqlite", "cloudpickle"}  # fmt: skip
    missing = []
    for name in example_runner.all_examples():
        source = example_runner.source_of(name)
        imported = set(re.findall(r"^\s*(?:from|import)\s+(\w+)", source, re.MULTILINE))
        declared = {
            Requirement(d).name.replace("-", "_")
            for d in example_runner.meta_for(name).dependencies
        }
        missing += [f"{name}: {m}" for m in sorted(imported & third_party - declared)]
    assert not missing, f"imported but not in the PEP 723 dependencies: {missing}"
