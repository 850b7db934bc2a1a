"""What a reader copies runs where they paste it.

Every program on the built site is taken from the HTML (what the copy button copies, not the
repository's file), saved alone in an empty folder with only what its page says it needs (the
toolkit zip when the run line links it), and run with the command the page gives
(`uv run x.py`, which installs the PEP 723 dependencies), on every Python here that its
`requires-python` admits: under spawn, and under the platform's default start method on the
docs Python. `nox -s copy` runs this against site/ (it builds the site when it is stale).
"""

from __future__ import annotations

import os
import shlex
import shutil
import zipfile
from pathlib import Path, PurePosixPath

import example_runner
import pytest
from copied_programs import CopiedProgram, programs
from example_meta import meta_of

SITE = Path(os.environ.get("PYCONC_SITE", Path(__file__).resolve().parent.parent / "site"))


def _zh_and_en() -> tuple[list[CopiedProgram], list[CopiedProgram]]:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: run `nox -s docs` first", pytrace=False)
    every = programs(SITE)
    return [p for p in every if not p.page.startswith("en/")], [
        p for p in every if p.page.startswith("en/")
    ]


def _cases():
    zh, _ = _zh_and_en()
    seen = set()
    for program in zh:
        if program.example in seen:
            continue  # shown on two pages: the same copy, run once
        seen.add(program.example)
        meta = meta_of(program.source)
        processes = example_runner.starts_processes(program.source)
        for interpreter in example_runner.interpreters():
            if not meta.admits(interpreter.version):
                continue
            methods = ["spawn"] if processes else ["default"]
            if processes and interpreter.main:
                methods.append("default")
            for method in methods:
                yield pytest.param(
                    program, interpreter, method,
                    id=f"{program.example}[{interpreter.label}-{method}]",
                )  # fmt: skip


def test_both_languages_show_the_same_programs():
    zh, en = _zh_and_en()
    as_copied = lambda ps: {(p.example, p.source, p.command, bool(p.toolkit)) for p in ps}  # noqa: E731
    assert as_copied(zh) == as_copied(en)
    assert zh, "no example programs found in the built site"


def test_every_program_has_a_command_and_a_name():
    zh, _ = _zh_and_en()
    broken = [p.example for p in zh if not p.command or not p.file_name or not p.source]
    assert not broken, f"blocks without a file name, source or `uv run` command: {broken}"


def _toolkit(program: CopiedProgram, folder: Path) -> None:
    page_dir = (SITE / program.page).parent
    archive = (page_dir / PurePosixPath(program.toolkit)).resolve()
    assert archive.is_file(), f"{program.page} links {program.toolkit}, which the site lacks"
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)


@pytest.mark.parametrize(("program", "interpreter", "method"), list(_cases()))
def test_copied_program_runs_alone(program, interpreter, method, tmp_path):
    folder = tmp_path / "reader"
    folder.mkdir()
    (folder / program.file_name).write_text(program.source, encoding="utf-8")
    if program.toolkit:
        _toolkit(program, folder)
    argv = shlex.split(program.command)
    argv[0] = shutil.which(argv[0]) or argv[0]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(UV_PYTHON=interpreter.executable, PYTHONUTF8="1", UV_NO_PROGRESS="1")
    if method != "default":
        env["PYTHONPATH"] = str(example_runner.FORCE_START_METHOD_DIR)
        env["PYCONC_START_METHOD"] = method
    meta = meta_of(program.source)
    try:
        output, _, _ = example_runner.execute(
            program.example,
            argv,
            folder,
            env,
            meta.timeout + 60,  # + the dependency install
        )
        example_runner.judge(program.example, output, meta, dev=False)
    except example_runner.ExampleError as error:
        pytest.fail(f"copied from {program.page}: {error}", pytrace=False)
