import os
import textwrap

# tools/ and examples/ are on pytest's pythonpath (pyproject.toml), as the build has them.
import example_runner
import pytest

# The browser tests need a built site and Chromium; `nox -s browser` runs them (and sets this).
collect_ignore = [] if os.environ.get("PYCONC_BROWSER_TESTS") else ["browser"]
# The copy test runs what a reader copies from the built site; `nox -s copy` runs it.
if not os.environ.get("PYCONC_COPY_TESTS"):
    collect_ignore.append("test_copy.py")


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A throwaway examples/ folder, with its own cache."""
    monkeypatch.setattr(example_runner, "EXAMPLES", tmp_path)
    monkeypatch.setattr(example_runner, "TOOLKIT", tmp_path / "pyconc")
    monkeypatch.setattr(example_runner, "CACHE", tmp_path / ".cache")

    def write(name: str, code: str) -> str:
        code = textwrap.dedent(code)
        if "# /// script" not in code:
            code = BLOCK + code
        (tmp_path / name).write_text(code, encoding="utf-8")
        return name

    return write


BLOCK = '# /// script\n# requires-python = ">=3.10"\n# dependencies = []\n# ///\n'


def block(requires: str, tool: str = "") -> str:
    tool = "".join(f"# {line}\n" for line in tool.splitlines())
    return f'# /// script\n# requires-python = "{requires}"\n{tool}# ///\n'
