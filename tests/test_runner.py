"""The runner that the build and the tests share: its failures must be loud and precise."""

import sys
import threading
import time

import example_runner
import pytest
from conftest import block


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


FORK_WARNS = pytest.mark.skipif(
    sys.version_info < (3, 12) or "fork" not in example_runner.start_methods(),
    reason="fork() warns beside other threads from Python 3.12, where fork is offered",
)


@FORK_WARNS
def test_fork_right_after_a_join_does_not_warn_by_timing(scratch):
    # 3.12's join() returns before the OS thread is gone, and fork() counts the OS's threads:
    # without tools/start_method's wait, this warns on most runs.
    name = scratch(
        "joined.py",
        """
        import os
        import threading
        if __name__ == "__main__":
            for _ in range(200):
                worker = threading.Thread(target=sum, args=(range(100),))
                worker.start()
                worker.join()
                pid = os.fork()
                if pid == 0:
                    os._exit(0)
                os.waitpid(pid, 0)
            print("forked 200 times")
    """,
    )
    assert example_runner.run(name, start_method="fork", dev=True).output == "forked 200 times\n"


@FORK_WARNS
def test_fork_beside_a_running_thread_still_fails(scratch):
    name = scratch(
        "beside.py",
        """
        import os
        import threading
        if __name__ == "__main__":
            stop = threading.Event()
            worker = threading.Thread(target=stop.wait, args=(10,))
            worker.start()
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            os.waitpid(pid, 0)
            stop.set()
            worker.join(timeout=10)
    """,
    )
    with pytest.raises(example_runner.ExampleError, match="is multi-threaded, use of fork"):
        example_runner.run(name, start_method="fork", dev=True)


def test_an_undeclared_warning_fails_in_dev_mode_only(scratch):
    code = 'import warnings\nwarnings.warn("old", DeprecationWarning)\nprint("ran")\n'
    name = scratch("warns.py", code)
    assert example_runner.run(name).output.endswith("ran\n")  # what a reader's plain run shows
    with pytest.raises(
        example_runner.ExampleError, match="DeprecationWarning under `python -X dev`"
    ):
        example_runner.run(name, dev=True)


def test_a_declared_warning_is_the_lesson(scratch):
    tool = '[tool.pyconc]\nexpected-warnings = ["DeprecationWarning"]'
    name = scratch(
        "lesson.py",
        block(">=3.10", tool) + 'import warnings\nwarnings.warn("old", DeprecationWarning)\n',
    )
    assert "DeprecationWarning: old" in example_runner.run(name, dev=True).output


def test_a_leak_warning_fails_everywhere(scratch):
    name = scratch(
        "leaks.py",
        'import sys\nprint("resource_tracker: There appear to be 1 leaked", file=sys.stderr)\n',
    )
    with pytest.raises(example_runner.ExampleError, match="leaked a resource"):
        example_runner.run(name)


def test_unknown_metadata_fails_the_run(scratch):
    name = scratch("typo.py", block(">=3.10", "[tool.pyconc]\ntimout = 5") + "print(1)\n")
    with pytest.raises(ValueError, match="timout"):
        example_runner.run(name)


def test_per_interpreter_examples_run_on_every_python_found(scratch):
    name = scratch(
        "which.py",
        block(">=3.10", "[tool.pyconc]\nper-interpreter = true")
        + "import sys\nprint(sys.version_info[:2])\n",
    )
    meta = example_runner.meta_for(name)
    found = example_runner.interpreters_for(meta)
    assert found[0].main and {i.label for i in found} == {
        i.label for i in example_runner.interpreters()
    }
    results, failures = example_runner.run_many([name])
    assert not failures
    assert sorted(r.label for r in results) == sorted(i.label for i in found)
    for r in results:
        assert r.output.strip() == str(tuple(int(x) for x in r.python.split(".")[:2]))
    assert all(f"{i.label} 1 run 0 cached" in example_runner.summary(results) for i in found)


def test_other_examples_run_on_the_docs_python_only(scratch):
    name = scratch("once.py", "print(1)\n")
    assert [i.main for i in example_runner.interpreters_for(example_runner.meta_for(name))] == [
        True
    ]


def test_other_pythons_install_what_the_block_declares(scratch):
    # A per-interpreter example that needs a package must get it on every Python, as a
    # reader's `uv run x.py` would: through its PEP 723 block, not the build's environment.
    others = [i for i in example_runner.interpreters() if not i.main]
    if not others:
        pytest.skip("only the docs Python is installed here")
    header = block(">=3.10").replace("# ///\n", '# dependencies = ["psutil==7.2.2"]\n# ///\n', 1)
    name = scratch("deps.py", header + "import psutil\nprint(psutil.__version__)\n")
    result = example_runner.run(name, interpreter=others[0])
    assert result.output.strip().endswith("7.2.2")


def test_a_child_started_with_sys_executable_is_the_same_python(scratch):
    # Examples start children with sys.executable; on another Python that must be that
    # Python, not whatever a launcher (a pyenv shim) resolves `python` to.
    others = [i for i in example_runner.interpreters() if not i.main]
    if not others:
        pytest.skip("only the docs Python is installed here")
    code = (
        "import subprocess, sys\n"
        "child = subprocess.run([sys.executable, '-c', 'import sys; print(sys.version)'],\n"
        "                       capture_output=True, text=True, timeout=60).stdout\n"
        "print(child.strip() == sys.version)\n"
    )
    name = scratch("child.py", code)
    assert example_runner.run(name, interpreter=others[0]).output.strip() == "True"


def test_one_example_never_runs_on_two_pythons_at_once(scratch, monkeypatch):
    # uv shares one cached environment per script path across Pythons; run_many must not
    # overlap one example's runs, or a child started with sys.executable gets another Python.
    name = scratch("busy.py", "pass\n")
    running: dict[str, int] = {}
    overlaps = []
    lock = threading.Lock()

    def fake_run(example, interpreter=None):
        with lock:
            running[example] = running.get(example, 0) + 1
            overlaps.append(running[example] > 1)
        time.sleep(0.05)
        with lock:
            running[example] -= 1
        return interpreter.label

    pythons = list(example_runner.interpreters()) * 3  # as if three more Pythons were found
    monkeypatch.setattr(example_runner, "interpreters_for", lambda meta: pythons)
    monkeypatch.setattr(example_runner, "cached_run", fake_run)
    results, failures = example_runner.run_many([name], workers=4)
    assert not failures and len(results) == len(pythons)
    assert not any(overlaps)
