"""Sessions: `nox -s docs` builds the site, `nox -s tests` runs every test on every Python.

`nox -s browser` checks the built site in headless Chromium; `stress` and `lighthouse` are
quality gates run by hand. `nox -l` lists them all. Missing interpreters are skipped locally
and are an error on CI.
"""

from __future__ import annotations

import os
import runpy
import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "docs", "copy", "browser"]
# uv must use the interpreters already on the machine: downloading one fails behind a firewall.
os.environ["UV_PYTHON_DOWNLOADS"] = "never"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
# The one list of Pythons: .ci/run asks `nox --list --json` for it, and
# tests/test_settings.py checks that the workflow's matrix is the same.
PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14", "3.15", "3.14t"]
CONFIGS = ["mkdocs.yml", "mkdocs.en.yml"]  # zh at /, en at /en/: zh first, it cleans site/


def _chromium() -> str:
    """The browser's path, from the one place that says it (tools/chromium.py)."""
    return runpy.run_path(str(ROOT / "tools" / "chromium.py"))["PATH"]


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the examples (under every start method), the docs snippets and the tool tests."""
    install_group(session, "test")
    # Two workers per core: most examples spend their time waiting (on sleeps, children,
    # sockets), so the cores stay busy. PYTEST_XDIST_WORKERS sets another number.
    workers = os.environ.get("PYTEST_XDIST_WORKERS", str(2 * (os.cpu_count() or 1)))
    session.run("pytest", "-n", workers, "--dist", "worksteal", *session.posargs)


def _require_docs_python(session: nox.Session) -> None:
    if sys.version_info < (3, 11):
        session.error("the docs stack needs Python 3.11+; run nox with Python 3.11 or newer")


def _build_site(session: nox.Session) -> None:
    install_group(session, "docs")
    for config in CONFIGS:
        session.run("mkdocs", "build", "--strict", "-f", config)
    session.run("python", "tools/check_site.py", "site")
    session.run("python", "tools/check_links.py", "site")


SITE_SOURCES = ["docs", "examples", "tools", "overrides", "mkdocs.yml", "mkdocs.en.yml"]


def _site_is_fresh() -> bool:
    """Whether site/ was built after the last change to anything it is built from."""
    built = [ROOT / "site" / "index.html", ROOT / "site" / "en" / "index.html"]
    if not all(p.is_file() for p in built):
        return False
    sources = [ROOT / s for s in SITE_SOURCES]
    files = [f for s in sources for f in ([s] if s.is_file() else s.rglob("*")) if f.is_file()]
    return max(f.stat().st_mtime for f in files) < min(p.stat().st_mtime for p in built)


def _site_or_build(session: nox.Session) -> list[str]:
    """Reuse site/ when it is up to date (e.g. `nox` ran `docs` just before), else build it.

    `-- --reuse` insists on the site/ already built, whatever its age.
    """
    args = list(session.posargs)
    if "--reuse" in args:
        args.remove("--reuse")
        if not (ROOT / "site" / "index.html").is_file():
            session.error("--reuse: there is no built site/; run `nox -s docs` first")
        session.log("reusing the site/ already built")
    elif _site_is_fresh():
        session.log("site/ is newer than its sources: testing it as built")
    else:
        _build_site(session)
    return args


@nox.session
def docs(session: nox.Session) -> None:
    """Build both languages strictly into site/ (zh at /, en at /en/) and check its links."""
    _require_docs_python(session)
    _build_site(session)
    session.log(f"site built: open {ROOT / 'site' / 'index.html'} or run `nox -s serve`")


ZENSICAL_SITE = "build/zensical/site"


@nox.session(name="docs-zensical")
def docs_zensical(session: nox.Session) -> None:
    """Experimental: build both languages with Zensical into build/zensical/site, and check it.

    Zensical runs no MkDocs hooks: tools/run_examples.py runs the examples first (each once,
    into the cache the pages read) and tools/zensical_build.py does the hooks' other work.
    Not in a plain `nox`; .ci/run runs it. CONTRIBUTING.md says what differs from MkDocs.
    """
    _require_docs_python(session)
    install_group(session, "docs-zensical")
    session.run("python", "tools/run_examples.py")
    for config in CONFIGS:
        session.run("python", "tools/zensical_build.py", config)
    session.run("python", "tools/check_site.py", ZENSICAL_SITE)
    session.run("python", "tools/check_links.py", ZENSICAL_SITE)
    session.log(f"site built: {ROOT / ZENSICAL_SITE / 'index.html'}")


@nox.session
def copy(session: nox.Session) -> None:
    """Run every program as a reader copies it from the built site, alone in an empty folder.

    The command is the page's (`uv run x.py`), on every Python here that the program admits,
    under spawn (and the platform's default on the docs Python). Builds the site first unless
    it is fresh; `-- --reuse` tests the site/ already built. Other arguments go to pytest.
    """
    _require_docs_python(session)
    args = _site_or_build(session)
    install_group(session, "test")
    workers = os.environ.get("PYTEST_XDIST_WORKERS", str(2 * (os.cpu_count() or 1)))
    session.run(
        "pytest", "tests/test_copy.py", "-n", workers, "--dist", "worksteal", *args,
        env={"PYCONC_COPY_TESTS": "1"},
    )  # fmt: skip


@nox.session
def browser(session: nox.Session) -> None:
    """The built site in headless Chromium: pages, search, switcher, tabs, copy, 404.

    Builds the site first; `nox -s browser -- --reuse` tests the site/ that `nox -s docs` built.
    Other arguments go to pytest (`-- --reuse -k search`). Needs Debian's `chromium` (or
    CHROME_PATH); screenshots go to test-artifacts/.
    """
    _require_docs_python(session)
    chromium = _chromium()
    if not Path(chromium).exists():
        message = f"no Chromium at {chromium}: `apt-get install chromium` or set CHROME_PATH"
        if os.environ.get("CI"):
            session.error(message)
        session.skip(message)  # a plain `nox` on a machine without a browser still runs the rest
    args = _site_or_build(session)
    install_group(session, "browser")
    session.run(
        "pytest",
        "tests/browser",
        "-p",
        "no:cacheprovider",
        "-q",
        # Page loads mostly wait (for the network to go quiet): one Chromium per core.
        "-n",
        str(os.cpu_count() or 1),
        *args,
        env={"PYCONC_BROWSER_TESTS": "1", "CHROME_PATH": chromium},
    )


@nox.session
def stress(session: nox.Session) -> None:
    """Run every example many times with the other core busy; any failure or timeout fails.

    `nox -s stress` (20 rounds), `nox -s stress -- --rounds 5 -k threads`. Not part of CI.
    """
    install_group(session, "examples")
    session.run("python", "tools/stress.py", *session.posargs)


@nox.session
def lighthouse(session: nox.Session) -> None:
    """Lighthouse scores and page weights of the home page and the heaviest page.

    Installs lighthouse 12.2.3 (13 needs Node 22) with npm into a cache outside the repository
    (PYCONC_LIGHTHOUSE_DIR, default ~/.cache/pythonconcurrent/lighthouse) and audits the site
    served locally with the system's Chromium. `-- --reuse` audits the site/ already built.
    Fails below 95 for performance or accessibility. Not part of CI.
    """
    _require_docs_python(session)
    args = _site_or_build(session)
    cache = Path(
        os.environ.get(
            "PYCONC_LIGHTHOUSE_DIR", Path.home() / ".cache" / "pythonconcurrent" / "lighthouse"
        )
    )
    cli = cache / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        cache.mkdir(parents=True, exist_ok=True)
        session.run(
            "npm", "install", "--prefix", str(cache), "--no-audit", "--no-fund",
            "lighthouse@12.2.3", external=True,
        )  # fmt: skip
    install_group(session, "site-tools")
    session.run(
        "python", "tools/lighthouse.py", "site", "--cli", str(cli), *args,
        env={"CHROME_PATH": _chromium()},
    )  # fmt: skip


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
