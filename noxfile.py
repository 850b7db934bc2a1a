"""Sessions: `nox -s docs` builds the site, `nox -s tests` runs every test on every Python.

`nox -l` lists them all. Missing interpreters are skipped locally and are an error on CI.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "docs"]
# uv must use the interpreters already on the machine: downloading one fails behind a firewall.
os.environ["UV_PYTHON_DOWNLOADS"] = "never"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14", "3.15", "3.14t"]
CONFIGS = ["mkdocs.yml", "mkdocs.en.yml"]  # zh at /, en at /en/: zh first, it cleans site/


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the examples (under every start method), the docs snippets and the tool tests."""
    install_group(session, "test")
    workers = os.environ.get("PYTEST_XDIST_WORKERS", "auto")
    session.run("pytest", "-n", workers, "--dist", "worksteal", *session.posargs)


def _require_docs_python(session: nox.Session) -> None:
    if sys.version_info < (3, 11):
        session.error("the docs stack needs Python 3.11+; run nox with Python 3.11 or newer")


@nox.session
def docs(session: nox.Session) -> None:
    """Build both languages strictly into site/ (zh at /, en at /en/)."""
    _require_docs_python(session)
    install_group(session, "docs")
    for config in CONFIGS:
        session.run("mkdocs", "build", "--strict", "-f", config)
    session.run("python", "tools/check_site.py", "site")
    session.log(f"site built: open {ROOT / 'site' / 'index.html'} or run `nox -s serve`")


@nox.session
def serve(session: nox.Session) -> None:
    """Serve one language with live reload: `nox -s serve` (zh) or `nox -s serve -- en`."""
    _require_docs_python(session)
    install_group(session, "docs")
    lang = session.posargs[0] if session.posargs else "zh"
    config = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}[lang]
    session.run("mkdocs", "serve", "-f", config, "-a", "127.0.0.1:8000", "--livereload")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff (lint and format) on all Python; the GitHub workflows checked offline."""
    install_group(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows)
    session.run(
        "zizmor",
        "--offline",
        "--config",
        ".github/zizmor.yml",
        "--min-severity",
        "medium",
        *workflows,
    )


@nox.session
def clean(session: nox.Session) -> None:
    """Forget cached example outputs and the built site."""
    for path in (ROOT / ".cache", ROOT / "site"):
        shutil.rmtree(path, ignore_errors=True)
