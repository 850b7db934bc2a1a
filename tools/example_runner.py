"""Run the site's examples as real programs, judge them, and cache what they print.

This is the one place that knows how an example is executed and what counts as a failure.
The MkDocs hooks, the pages (through `example_render`), the test-suite and `stress.py` all go
through it, so an example is run and judged the same way everywhere:
`python examples/<chapter>/<topic>.py` in a fresh interpreter and an empty working directory.

What an example needs is in its PEP 723 block (`example_meta`). Examples whose output differs
by Python version (`per-interpreter = true`) also run on every other interpreter found here
(`interpreters()`), through `uv run --python X`: the way a reader runs them, with the
dependencies the block declares.

SVG files an example writes in its working directory are its figures; the printed text should
carry the same numbers as a table (the figure's text alternative).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from example_meta import Meta, meta_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TOOLKIT = EXAMPLES / "pyconc"  # helpers examples may import; part of every cache key that uses it
CACHE = ROOT / ".cache" / "examples"
FORCE_START_METHOD_DIR = Path(__file__).resolve().parent / "start_method"
# Bump when the way examples are run changes, so old cached outputs are not reused.
RUNNER_VERSION = "6"
# The interpreters readers run, in the order their output tabs appear after the docs one.
KNOWN_PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.14t", "3.15")

# The page directive: a markdown-exec block that calls `example("chapter/topic.py")`.
DIRECTIVE = re.compile(r"""\bexample\(\s*["']([^"']+\.py)["']""")
# What the multiprocessing resource tracker prints when an example leaks a named resource.
LEAK_WARNINGS = ("resource_tracker: There appear to be", "leaked semaphore", "leaked shared_memory")
# How a warning looks on stderr: "path:12: DeprecationWarning: message".
_WARNING_LINE = re.compile(r"^\S.*?:\d+: (\w+Warning): ", re.MULTILINE)


class ExampleError(RuntimeError):
    """An example failed, timed out, left processes behind, leaked, warned, or is missing."""


# --- interpreters ------------------------------------------------------------------------------

_PROBE = """\
import json, multiprocessing, os, platform, sys
gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print(json.dumps({
    "version": platform.python_version(),
    "implementation": platform.python_implementation(),
    "free_threaded": not gil,
    "os": f"{platform.system()} {platform.machine()}",
    "start_method": multiprocessing.get_all_start_methods()[0],
    "cpus": os.cpu_count() or 1,
    "build": sys.version,
    "real_executable": sys.executable,
}))
"""


@dataclass(frozen=True)
class Interpreter:
    """One Python that can run examples, described by itself (see _PROBE)."""

    executable: str
    version: str  # "3.13.0"
    implementation: str
    free_threaded: bool
    os: str
    start_method: str  # this interpreter's default on this platform
    cpus: int
    build: str  # sys.version: changes when the interpreter does, so it keys the cache
    main: bool = False  # the interpreter running the build (its tab comes first)

    @property
    def label(self) -> str:
        """ "3.13", or "3.14t" for a free-threaded build."""
        minor = ".".join(self.version.split(".")[:2])
        return minor + ("t" if self.free_threaded else "")

    @property
    def gil(self) -> str:
        return "free-threaded" if self.free_threaded else "GIL"


def _probe(executable: str, main: bool = False) -> Interpreter | None:
    try:
        out = subprocess.run(
            [executable, "-I", "-c", _PROBE], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None  # e.g. a pyenv shim for a version that is not enabled
    facts = json.loads(out.stdout)
    # The interpreter's own path, not a launcher's: a venv made from a pyenv shim would
    # run whichever Python the shim picks for the name `python`, not this one.
    real = facts.pop("real_executable")
    return Interpreter(executable=executable if main else real, main=main, **facts)


@functools.cache
def main_interpreter() -> Interpreter:
    found = _probe(sys.executable, main=True)
    if found is None:  # pragma: no cover - the running interpreter always answers
        raise ExampleError(f"cannot probe {sys.executable}")
    return found


@functools.cache
def interpreters() -> tuple[Interpreter, ...]:
    """The docs interpreter first, then every other Python found, one per label.

    Found: `python3.X` on PATH for each of KNOWN_PYTHONS, and the executables listed in
    PYCONC_PYTHONS (separated by the OS path separator), e.g. the workflow's setup-python ones.
    """
    main = main_interpreter()
    candidates = [p for p in os.environ.get("PYCONC_PYTHONS", "").split(os.pathsep) if p]
    candidates += [f"python{label}" for label in KNOWN_PYTHONS]
    found = {main.label: main}
    for candidate in candidates:
        executable = shutil.which(candidate)
        if executable is None:
            continue
        interpreter = _probe(executable)
        if interpreter is not None and interpreter.label not in found:
            found[interpreter.label] = interpreter
    others = sorted((i for i in found.values() if not i.main), key=_label_order)
    return (main, *others)


def _label_order(interpreter: Interpreter) -> int:
    label = interpreter.label
    return KNOWN_PYTHONS.index(label) if label in KNOWN_PYTHONS else len(KNOWN_PYTHONS)


def missing_pythons(meta: Meta) -> list[str]:
    """Known Pythons the example admits that this machine does not have ("not run here")."""
    have = {i.label for i in interpreters()}
    return [
        label
        for label in KNOWN_PYTHONS
        if label not in have and meta.admits(label.rstrip("t") + ".0")
    ]


def interpreters_for(meta: Meta) -> list[Interpreter]:
    """Where the build runs an example: the docs Python, and every other one if it asks."""
    chosen = interpreters() if meta.per_interpreter else (main_interpreter(),)
    return [i for i in chosen if meta.admits(i.version)]


# --- examples ----------------------------------------------------------------------------------


@dataclass
class Result:
    example: str
    output: str
    seconds: float
    python: str
    implementation: str
    os: str
    start_method: str
    cpus: int
    gil: str
    label: str  # "3.13", "3.14t"
    uses_processes: bool = True
    figures: dict[str, str] = field(default_factory=dict)  # SVG files written, by name
    cached: bool = field(default=False, compare=False)


def all_examples() -> list[str]:
    """Every runnable example, as a path relative to `examples/` (the toolkit is not one)."""
    return sorted(
        p.relative_to(EXAMPLES).as_posix()
        for p in EXAMPLES.rglob("*.py")
        if TOOLKIT not in p.parents and "__pycache__" not in p.parts
    )


def referenced_examples(markdown: str) -> list[str]:
    """The examples a page shows, in order."""
    return DIRECTIVE.findall(markdown)


def source_of(name: str) -> str:
    path = EXAMPLES / name
    if not path.is_file():
        raise ExampleError(f"example {name!r} does not exist (looked for {path})")
    return path.read_text(encoding="utf-8")


def meta_for(name: str) -> Meta:
    return meta_of(source_of(name))


def starts_processes(source: str) -> bool:
    """Whether the start method can change what a program does."""
    return bool(re.search(r"multiprocessing|ProcessPoolExecutor|InterpreterPool", source))


def uses_processes(name: str) -> bool:
    """Whether the start method can change what an example does."""
    return starts_processes(source_of(name))


def uses_toolkit(source: str) -> bool:
    """Whether an example imports the `pyconc` toolkit (so a reader needs pyconc.zip too)."""
    return bool(re.search(r"^\s*(from|import)\s+pyconc\b", source, re.MULTILINE))


def start_methods() -> list[str]:
    """The start methods this platform offers, the default first."""
    return multiprocessing.get_all_start_methods()


def _source_and_deps(name: str) -> bytes:
    source = (EXAMPLES / name).read_bytes()
    if uses_toolkit(source.decode("utf-8")):
        for dep in sorted(TOOLKIT.rglob("*.py")):
            source += dep.read_bytes()
    return source


def cache_key(name: str, interpreter: Interpreter | None = None) -> str:
    """What decides an output: the code, the interpreter and the platform."""
    interpreter = interpreter or main_interpreter()
    h = hashlib.sha256()
    h.update(_source_and_deps(name))
    for part in (RUNNER_VERSION, name, interpreter.build, interpreter.os, str(interpreter.cpus)):
        h.update(b"\0" + part.encode())
    return h.hexdigest()[:24]


def _kill_group(proc: subprocess.Popen) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows: take the whole tree down
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
    proc.kill()


def _leftovers(pgid: int, grace: float = 5.0) -> bool:
    """Whether processes the example started outlive it (POSIX: its process group)."""
    if os.name != "posix":
        return False
    deadline = time.monotonic() + grace
    while True:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # pragma: no cover - only zombies we cannot signal
            return False
        if time.monotonic() > deadline:
            os.killpg(pgid, signal.SIGKILL)
            return True
        time.sleep(0.05)


def _text(chunks: list[bytes]) -> str:
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def unexpected_warnings(output: str, meta: Meta) -> list[str]:
    """Warning categories in the output that the example does not declare as its lesson."""
    seen = {m.group(1) for m in _WARNING_LINE.finditer(output)}
    return sorted(seen - set(meta.expected_warnings))


def judge(name: str, output: str, meta: Meta, dev: bool) -> None:
    """The verdict on an example that exited 0: leaks always fail; in dev mode, warnings too."""
    leaks = [w for w in LEAK_WARNINGS if w in output]
    if leaks:
        raise ExampleError(f"example {name!r} leaked a resource ({leaks[0]!r}):\n{output}")
    warned = unexpected_warnings(output, meta) if dev else []
    if warned:
        raise ExampleError(
            f"example {name!r} emitted {', '.join(warned)} under `python -X dev`; fix it, or "
            f"declare it in [tool.pyconc] expected-warnings if it is the lesson:\n{output}"
        )


def command(path: Path, interpreter: Interpreter, dev: bool = False) -> list[str]:
    """How an example is started: the docs interpreter directly (its environment has the
    examples' dependencies); any other through `uv run --script`, which installs what the
    PEP 723 block declares, as a reader's `uv run x.py` does."""
    if interpreter.main:
        return [interpreter.executable, *(["-X", "dev"] if dev else []), str(path)]
    uv = shutil.which("uv") or "uv"
    return [uv, "run", "--quiet", "--no-project", "--python", interpreter.executable,
            "--script", str(path)]  # fmt: skip


def run(
    name: str,
    start_method: str | None = None,
    timeout: float | None = None,
    interpreter: Interpreter | None = None,
    dev: bool = False,
) -> Result:
    """Run one example and return what it printed (stdout and stderr together).

    `start_method` forces one (through tools/start_method/sitecustomize.py); `dev` runs it
    under `python -X dev`, where any warning it does not declare fails it. Raises
    ExampleError on a missing file, a non-zero exit, a timeout, leftover processes, a leak.
    """
    source = source_of(name)
    meta = meta_of(source)
    interpreter = interpreter or main_interpreter()
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    for noise in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONDEVMODE", "VIRTUAL_ENV"):
        env.pop(noise, None)
    paths = [str(EXAMPLES)]  # lets examples import the `pyconc` toolkit
    if start_method:
        # A sitecustomize in this folder calls set_start_method() before the example runs.
        paths.insert(0, str(FORCE_START_METHOD_DIR))
        env["PYCONC_START_METHOD"] = start_method
    env["PYTHONPATH"] = os.pathsep.join(paths)
    if dev:  # `uv run` takes no interpreter flags; the variable is the same as `-X dev`
        env["PYTHONDEVMODE"] = "1"
    workdir = Path(tempfile.mkdtemp(prefix="pyconc-example-"))
    try:
        output, seconds, figures = execute(
            name, command(EXAMPLES / name, interpreter, dev), workdir, env, timeout or meta.timeout
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    judge(name, output, meta, dev)
    return Result(
        example=name,
        output=output,
        seconds=seconds,
        python=interpreter.version,
        implementation=interpreter.implementation,
        os=interpreter.os,
        start_method=start_method or interpreter.start_method,
        cpus=interpreter.cpus,
        gil=interpreter.gil,
        label=interpreter.label,
        uses_processes=uses_processes(name),
        figures=figures,
    )


def execute(
    name: str, argv: list[str], workdir: Path, env: dict, timeout: float
) -> tuple[str, float, dict[str, str]]:
    """Run `argv` in `workdir` in its own process group; return output, seconds and SVGs.

    Also used by the copy test, which runs what a reader copied with the page's command.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=workdir,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=os.name == "posix",
    )
    # Read output in a thread and wait for the process itself, not for the end of its output:
    # a leftover grandchild holding the pipe open must not make the wait last until the timeout.
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        reader.join(timeout=10)
        raise ExampleError(
            f"example {name!r} timed out after {timeout:g} s; its output so far:\n{_text(chunks)}"
        ) from None
    seconds = time.perf_counter() - started
    leftover = _leftovers(proc.pid)  # kills them, so the pipe closes and the reader ends
    reader.join(timeout=10)
    output = _text(chunks)
    if proc.returncode != 0:
        raise ExampleError(f"example {name!r} exited with {proc.returncode}:\n{output}")
    if leftover:
        raise ExampleError(
            f"example {name!r} left child processes running after it exited:\n{output}"
        )
    figures = {f.name: f.read_text(encoding="utf-8") for f in sorted(workdir.glob("*.svg"))}
    return output, seconds, figures


def cached_run(name: str, interpreter: Interpreter | None = None) -> Result:
    """Run an example unless this exact code already ran on this interpreter and platform."""
    interpreter = interpreter or main_interpreter()
    key_file = CACHE / f"{cache_key(name, interpreter)}.json"
    if key_file.is_file():
        return Result(**{**json.loads(key_file.read_text(encoding="utf-8")), "cached": True})
    result = run(name, interpreter=interpreter)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = key_file.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    tmp.replace(key_file)  # atomic, so parallel builds never read half a file
    return result


def run_many(names: Iterable[str], workers: int | None = None) -> tuple[list[Result], dict]:
    """Run examples, each once per interpreter it asks for: independent runs in parallel,
    benchmarks alone afterwards (one at a time, so their timings are honest).

    Returns the results and the failures ({name: message}, the message naming the Python
    when it was not the docs one).
    """
    failures: dict[str, str] = {}
    jobs: list[tuple[str, Interpreter, bool]] = []
    for name in sorted(set(names)):
        try:
            meta = meta_for(name)
        except (ExampleError, ValueError) as error:
            failures[name] = str(error)
            continue
        jobs += [(name, i, meta.benchmark) for i in interpreters_for(meta)]
    # uv keys a script's cached environment by the script's path, not by the Python: two
    # `uv run --python X file.py` of one file at once rebuild one environment under each
    # other, and a child started with sys.executable may get the other Python (seen: a 3.10
    # run whose spawn child was 3.12, with 3.10's stdlib). So one example runs on one Python
    # at a time; jobs go interpreter by interpreter, so that the waits are rare.
    order = {i: n for n, i in enumerate(interpreters())}
    jobs.sort(key=lambda job: (order[job[1]], job[0]))
    one_at_a_time = {name: threading.Lock() for name, _, _ in jobs}
    results: list[Result] = []
    failed = threading.Lock()  # one example's runs on several Pythons may fail at once

    def attempt(job: tuple[str, Interpreter, bool]) -> None:
        name, interpreter, _ = job
        try:
            with one_at_a_time[name]:
                result = cached_run(name, interpreter)
            results.append(result)
        except ExampleError as error:
            where = "" if interpreter.main else f"on Python {interpreter.label}: "
            with failed:
                failures[name] = "\n".join(filter(None, [failures.get(name), where + str(error)]))

    # Threads are enough: each worker just waits on a child process.
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        list(pool.map(attempt, [j for j in jobs if not j[2]]))
    for job in jobs:
        if job[2]:
            attempt(job)
    return results, failures


def summary(results: list[Result]) -> str:
    """`examples: 3.11 90 run 4 cached, 3.10 9 run …; slowest x.py on 3.11 7.2 s`."""
    parts = []
    for label in dict.fromkeys(r.label for r in results):
        mine = [r for r in results if r.label == label]
        ran = sum(not r.cached for r in mine)
        parts.append(f"{label} {ran} run {len(mine) - ran} cached")
    line = "examples: " + (", ".join(parts) or "none")
    ran = [r for r in results if not r.cached]
    if ran:
        slowest = max(ran, key=lambda r: r.seconds)
        line += f"; slowest {slowest.example} on {slowest.label} {slowest.seconds:.1f} s"
    missing = [p for p in KNOWN_PYTHONS if p not in {i.label for i in interpreters()}]
    if missing:
        line += f"; not run here: {', '.join(missing)}"
    return line


def pages_by_example(docs_dirs: Iterable[Path]) -> dict[str, list[str]]:
    """Which pages show which example (for error messages and the parity test)."""
    found: dict[str, list[str]] = {}
    for docs in docs_dirs:
        for page in sorted(docs.rglob("*.md")):
            for name in referenced_examples(page.read_text(encoding="utf-8")):
                found.setdefault(name, []).append(page.relative_to(ROOT).as_posix())
    return found


if __name__ == "__main__":  # `python tools/example_runner.py chapter/topic.py` runs one, uncached
    for arg in sys.argv[1:]:
        print(run(arg).output, end="")
