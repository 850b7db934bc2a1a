"""The runner that the build and the tests share: its failures must be loud and precise."""

import textwrap

import example_runner
import pytest


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


def test_output_is_captured_with_stderr(scratch):
    name = scratch(
        "ok.py",
        """
        import sys
        if __name__ == "__main__":
            print("out")
            print("err", file=sys.stderr)
    """,
    )
    result = example_runner.run(name)
    assert result.output.splitlines() == ["out", "err"]
    assert result.returncode == 0


def test_failure_names_the_example(scratch):
    name = scratch("bad.py", "raise SystemExit(3)\n")
    with pytest.raises(example_runner.ExampleError, match=r"'bad.py' exited with 3"):
        example_runner.run(name)


def test_timeout_kills_the_example(scratch):
    name = scratch("slow.py", "import time\ntime.sleep(30)\n")
    with pytest.raises(example_runner.ExampleError, match=r"timed out after 0\.5 s"):
        example_runner.run(name, timeout=0.5)


@pytest.mark.skipif(not hasattr(__import__("os"), "killpg"), reason="process groups are POSIX")
def test_leftover_child_processes_fail(scratch):
    name = scratch(
        "orphan.py",
        """
        import subprocess, sys
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    """,
    )
    with pytest.raises(example_runner.ExampleError, match="left child processes running"):
        example_runner.run(name)


def test_missing_example_is_an_error(scratch):
    with pytest.raises(example_runner.ExampleError, match="does not exist"):
        example_runner.run("nope.py")


def test_cache_runs_an_example_once(scratch, tmp_path):
    name = scratch(
        "count.py",
        """
        from pathlib import Path
        p = Path(__file__).with_suffix(".runs")
        p.write_text(str(int(p.read_text()) + 1 if p.exists() else 1))
        print("ran")
    """,
    )
    first = example_runner.cached_run(name)
    second = example_runner.cached_run(name)
    assert (first.cached, second.cached) == (False, True)
    assert second.output == "ran\n"
    assert (tmp_path / "count.runs").read_text() == "1"


def test_cache_key_follows_toolkit_imports(scratch, tmp_path):
    (tmp_path / "pyconc").mkdir()
    (tmp_path / "pyconc" / "helper.py").write_text("X = 1\n")
    uses = scratch("uses.py", "from pyconc import helper\n")
    plain = scratch("plain.py", "print(1)\n")
    before = example_runner.cache_key(uses), example_runner.cache_key(plain)
    (tmp_path / "pyconc" / "helper.py").write_text("X = 2\n")
    after = example_runner.cache_key(uses), example_runner.cache_key(plain)
    assert before[0] != after[0], "a toolkit change must invalidate examples that import it"
    assert before[1] == after[1], "and only those"


def test_run_many_reports_every_failure(scratch):
    good = scratch("good.py", "print('ok')\n")
    bad = scratch("bad.py", "raise SystemExit(1)\n")
    results, failures = example_runner.run_many([good, bad, "missing.py"])
    assert [r.example for r in results] == [good]
    assert sorted(failures) == ["bad.py", "missing.py"]


def test_start_method_is_forced(scratch):
    name = scratch(
        "method.py",
        """
        import multiprocessing
        if __name__ == "__main__":
            print(multiprocessing.get_start_method())
    """,
    )
    for method in example_runner.start_methods():
        assert example_runner.run(name, start_method=method).output.strip() == method


def test_render_has_both_tabs_and_provenance(scratch):
    name = scratch("hello.py", 'if __name__ == "__main__":\n    print("hello")\n')
    zh = example_runner.example(name, lang="zh")
    en = example_runner.example(name, lang="en")
    assert '=== "源代码"' in zh and '=== "运行结果"' in zh and "启动方式" in zh
    assert '=== "Source"' in en and '=== "Output"' in en and "start method" in en
    assert "\n    hello\n" in en.split('=== "Output"')[1]  # the output, inside its tab


def test_render_says_when_output_is_not_shown(scratch):
    name = scratch("future.py", block(">=3.99") + "print('never')\n")
    text = example_runner.example(name, lang="en")
    assert "needs Python >=3.99" in text and "never\n" not in text.split('=== "Output"')[1]


def test_svg_files_an_example_writes_become_figures(scratch):
    name = scratch(
        "chart.py",
        """
        from pathlib import Path
        if __name__ == "__main__":
            Path("chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
            print("table of the same numbers")
        """,
    )
    result = example_runner.run(name)
    assert result.figures == {"chart.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'}
    rendered = example_runner.example(name, lang="en")
    assert "](data:image/svg+xml;base64," in rendered.split('=== "Output"')[1]
