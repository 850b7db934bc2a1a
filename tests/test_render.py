"""The Markdown around an example: output first, source a tab away, how to run it."""

import example_render
import pytest
from conftest import block


def test_output_comes_first_then_the_source(scratch):
    name = scratch("hello.py", 'if __name__ == "__main__":\n    print("hello")\n')
    zh = example_render.example(name, lang="zh", page="a/b.md")
    en = example_render.example(name, lang="en", page="a/b.md")
    assert zh.index('=== "运行结果 · Python') < zh.index('=== "源代码 · hello.py · 6 行"')
    assert en.index('=== "Output · Python') < en.index('=== "Source · hello.py · 6 lines"')
    assert "\n    hello\n" in en.split('=== "Output')[1].split('=== "Source')[0]
    assert "本次构建实际运行所得" in zh and "Real output from this build" in en


def test_the_start_method_is_named_only_where_it_matters(scratch):
    threads = scratch("t.py", "import threading\nprint(1)\n")
    procs = scratch("p.py", "import multiprocessing\nprint(1)\n")
    assert "start method" not in example_render.example(threads, lang="en")
    assert "start method" in example_render.example(procs, lang="en")


def test_run_line_gives_a_command_that_works_alone(scratch):
    deps = block(">=3.11").replace("# ///\n", '# dependencies = ["psutil==7.2.2"]\n# ///\n', 1)
    name = scratch("needs.py", deps + "import psutil\n")
    text = example_render.example(name, lang="en", page="threads/races.md")
    assert "Needs Python >=3.11" in text
    assert "`uv run needs.py`" in text and "`pip install psutil==7.2.2`" in text


def test_toolkit_users_link_the_zip_relative_to_the_page(scratch, tmp_path):
    (tmp_path / "pyconc").mkdir()
    (tmp_path / "pyconc" / "__init__.py").write_text("")
    name = scratch("kit.py", "import pyconc\n")
    # Relative to where the page is served: threads/races.md is threads/races/index.html.
    assert "](../../downloads/pyconc.zip)" in example_render.example(name, page="threads/races.md")
    assert "](../downloads/pyconc.zip)" in example_render.example(name, page="threads/index.md")
    assert "](downloads/pyconc.zip)" in example_render.example(name, page="index.md")


def test_render_says_when_output_is_not_shown(scratch):
    name = scratch("future.py", block(">=3.99") + "print('never')\n")
    text = example_render.example(name, lang="en")
    assert "needs Python >=3.99" in text and "never\n" not in text.split('=== "Source')[0]


def test_figures_follow_the_page_language(scratch):
    name = scratch(
        "chart.py",
        """
        from pathlib import Path
        if __name__ == "__main__":
            Path("chart.svg").write_text('<svg><title>Timeline</title></svg>')
            Path("chart.zh.svg").write_text('<svg><title>时间线</title></svg>')
            print("table of the same numbers")
        """,
    )
    en = example_render.example(name, lang="en").split('=== "Source')[0]
    zh = example_render.example(name, lang="zh").split('=== "源代码')[0]
    assert "Timeline" in en and "时间线" not in en
    assert "时间线" in zh and "Timeline" not in zh


def test_page_calls_get_their_language_and_path():
    page = "print(example(\"threads/race.py\"))\nprint(example( 'a/b.py' ))"
    out = example_render.with_page_arguments(page, "zh", "threads/races.md")
    assert out.count('lang="zh", page="threads/races.md")') == 2


def test_an_unknown_language_is_refused(scratch):
    name = scratch("x.py", "print(1)\n")
    with pytest.raises(ValueError, match="xx"):
        example_render.example(name, lang="xx")
