"""Run the site's examples as real programs, cache what they print, and render it for a page.

This is the one place that knows how an example is executed. The MkDocs hooks
(`tools/mkdocs_hooks.py`), the pages (through `example()`), and the test-suite
(`tests/test_examples.py`) all go through it, so the build and the tests run an example in
exactly the same way: `python examples/<chapter>/<topic>.py` in a fresh interpreter.

An example may declare, in its first comment lines:

    # requires-python: >=3.11   -- skipped (and said so) on older interpreters
    # timeout: 120               -- seconds; the default is DEFAULT_TIMEOUT
    # benchmark: true            -- runs alone during the build so its timings are honest

An example runs in a fresh, empty working directory. SVG files it writes there (a timeline, a
chart) are its figures: they are shown in the Output tab under the printed text, which should
carry the same numbers as a table (the figure's text alternative).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import multiprocessing
import os
import platform
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

from example_meta import DEFAULT_TIMEOUT, Meta, meta_of  # noqa: F401 - re-exported

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TOOLKIT = EXAMPLES / "pyconc"  # helpers examples may import; part of every cache key that uses it
CACHE = ROOT / ".cache" / "examples"
FORCE_START_METHOD_DIR = Path(__file__).resolve().parent / "start_method"
# Bump when the way examples are run changes, so old cached outputs are not reused.
RUNNER_VERSION = "4"

# The page directive: a markdown-exec block that calls `example("chapter/topic.py")`.
DIRECTIVE = re.compile(r"""\bexample\(\s*["']([^"']+\.py)["']""")


class ExampleError(RuntimeError):
    """An example failed, timed out, left processes behind, or does not exist."""


@dataclass
class Result:
    example: str
    output: str
    returncode: int
    seconds: float
    python: str
    implementation: str
    os: str
    start_method: str
    cpus: int
    gil: str
    figures: dict[str, str] = field(default_factory=dict)  # SVG files written, by name
    cached: bool = field(default=False, compare=False)

    def describe(self, lang: str) -> str:
        """The provenance line shown under an output."""
        if lang == "zh":
            return (
                f"本次构建实际运行所得：{self.implementation} {self.python}（{self.gil}），"
                f"{self.os}，启动方式 {self.start_method}，{self.cpus} 个 CPU，"
                f"耗时 {self.seconds:.1f} 秒"
            )
        return (
            f"Real output from this build: {self.implementation} {self.python} ({self.gil}), "
            f"{self.os}, start method {self.start_method}, {self.cpus} CPUs, "
            f"took {self.seconds:.1f} s"
        )


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


def uses_processes(name: str) -> bool:
    """Whether the start method can change what an example does."""
    source = (EXAMPLES / name).read_text(encoding="utf-8")
    return bool(re.search(r"multiprocessing|ProcessPoolExecutor|InterpreterPool", source))


def start_methods() -> list[str]:
    """The start methods this platform offers, the default first."""
    return multiprocessing.get_all_start_methods()


def gil_state() -> str:
    check = getattr(sys, "_is_gil_enabled", None)
    if check is None:
        return "GIL"
    return "GIL" if check() else "free-threaded, no GIL"


def _source_and_deps(path: Path) -> bytes:
    source = path.read_bytes()
    if re.search(rb"^\s*(from|import)\s+pyconc\b", source, re.MULTILINE):
        for dep in sorted(TOOLKIT.rglob("*.py")):
            source += dep.read_bytes()
    return source


def cache_key(name: str, start_method: str | None = None) -> str:
    """What decides an output: the code, the interpreter, the platform and the start method."""
    h = hashlib.sha256()
    h.update(_source_and_deps(EXAMPLES / name))
    for part in (
        RUNNER_VERSION,
        name,
        sys.version,
        sys.platform,
        platform.machine(),
        start_method or start_methods()[0],
        str(os.cpu_count()),
        gil_state(),
    ):
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


def run(name: str, start_method: str | None = None, timeout: float | None = None) -> Result:
    """Run one example as `python <file>` and return what it printed (stdout and stderr).

    Raises ExampleError on a missing file, a non-zero exit, a timeout or leftover processes.
    """
    path = EXAMPLES / name
    if not path.is_file():
        raise ExampleError(f"example {name!r} does not exist (looked for {path})")
    meta = meta_of(path.read_text(encoding="utf-8"))
    timeout = timeout or meta.timeout
    env = dict(os.environ, PYTHONUTF8="1", PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    env.pop("PYTHONSTARTUP", None)
    paths = [str(EXAMPLES)]  # lets examples import the `pyconc` toolkit
    if start_method:
        # A sitecustomize in this folder calls set_start_method() before the example runs.
        paths.insert(0, str(FORCE_START_METHOD_DIR))
        env["PYCONC_START_METHOD"] = start_method
    env["PYTHONPATH"] = os.pathsep.join(paths)
    workdir = Path(tempfile.mkdtemp(prefix="pyconc-example-"))
    try:
        return _run_in(name, path, workdir, env, timeout, start_method)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _run_in(name, path, workdir, env, timeout, start_method) -> Result:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(path)],
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
    return Result(
        example=name,
        output=output,
        returncode=proc.returncode,
        seconds=seconds,
        python=platform.python_version(),
        implementation=platform.python_implementation(),
        os=f"{platform.system()} {platform.machine()}",
        start_method=start_method or start_methods()[0],
        cpus=os.cpu_count() or 1,
        gil=gil_state(),
        figures={f.name: f.read_text(encoding="utf-8") for f in sorted(workdir.glob("*.svg"))},
    )


def cached_run(name: str) -> Result:
    """Run an example unless this exact code already ran on this interpreter and platform."""
    key_file = CACHE / f"{cache_key(name)}.json"
    if key_file.is_file():
        return Result(**{**json.loads(key_file.read_text(encoding="utf-8")), "cached": True})
    result = run(name)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = key_file.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    tmp.replace(key_file)  # atomic, so parallel builds never read half a file
    return result


def run_many(names: Iterable[str], workers: int | None = None) -> tuple[list[Result], dict]:
    """Run examples, each once: independent ones in parallel, benchmarks alone afterwards.

    Returns the results and the failures ({name: message}).
    """
    names = sorted(set(names))
    metas = {
        n: meta_of((EXAMPLES / n).read_text(encoding="utf-8"))
        for n in names
        if (EXAMPLES / n).is_file()
    }
    missing = [n for n in names if n not in metas]
    runnable = [n for n in names if n in metas and metas[n].runnable_here]
    parallel = [n for n in runnable if not metas[n].benchmark]
    alone = [n for n in runnable if metas[n].benchmark]
    results: list[Result] = []
    failures = {n: f"example {n!r} does not exist (looked for {EXAMPLES / n})" for n in missing}

    def attempt(name: str) -> None:
        try:
            results.append(cached_run(name))
        except ExampleError as error:
            failures[name] = str(error)

    # Threads are enough: each worker just waits on a child process.
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        list(pool.map(attempt, parallel))
    for name in alone:
        attempt(name)
    return results, failures


def summary(results: list[Result]) -> str:
    ran = [r for r in results if not r.cached]
    line = f"examples: {len(ran)} run, {len(results) - len(ran)} cached"
    if ran:
        slowest = max(ran, key=lambda r: r.seconds)
        line += f", slowest {slowest.example} {slowest.seconds:.1f} s"
    return line


# --- rendering ---------------------------------------------------------------------------------

LANG = "zh"  # set by the MkDocs hook from the config being built
_LABELS = {
    "zh": {
        "source": "源代码",
        "output": "运行结果",
        "run": "保存为文件后运行",
        "skipped": "本次构建的解释器是 Python {have}，此示例需要 Python {need}，所以这里不显示输出"
        "（不会贴一份手写的输出）。它在持续集成中用符合要求的 Python 测试。",
    },
    "en": {
        "source": "Source",
        "output": "Output",
        "run": "Save it and run",
        "skipped": "This build ran Python {have}; the example needs Python {need}, so no output is "
        "shown here (we never paste one in). CI tests it on the Pythons it admits.",
    },
}


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def _fence(text: str, lang: str, extra: str = "") -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{lang}{extra}\n{text.rstrip()}\n{ticks}"


def example(name: str, lang: str | None = None) -> str:
    """Markdown for one example: Source / Output tabs and where the output came from."""
    lang = lang or LANG
    labels = _LABELS[lang]
    path = EXAMPLES / name
    if not path.is_file():
        raise ExampleError(f"example {name!r} does not exist (looked for {path})")
    source = path.read_text(encoding="utf-8")
    meta = meta_of(source)
    source_tab = _fence(source, "python", f' title="examples/{name}" linenums="1"')
    if meta.runnable_here:
        result = cached_run(name)
        output_tab = _fence(result.output or "(no output)", "text") + "\n\n"
        for figure, svg in result.figures.items():
            # A data: URI keeps the figure inside this page: no extra file, no other host.
            data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            output_tab += f"![{figure}](data:image/svg+xml;base64,{data}){{ .pyconc-figure }}\n\n"
        output_tab += f'<p class="pyconc-provenance"><small>{result.describe(lang)}</small></p>'
    else:
        need = str(meta.requires_python)
        note = labels["skipped"].format(have=platform.python_version(), need=need)
        output_tab = f'!!! note ""\n    {note}'
    colon = "：" if lang == "zh" else ": "
    run_line = f"{labels['run']}{colon}`python {Path(name).name}`"
    return (
        f'=== "{labels["source"]}"\n\n{_indent(source_tab)}\n\n    {run_line}\n\n'
        f'=== "{labels["output"]}"\n\n{_indent(output_tab)}\n'
    )


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
