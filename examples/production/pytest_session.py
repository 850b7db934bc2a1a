# /// script
# requires-python = ">=3.10"
# dependencies = [
#     "pytest==9.2.0",
#     "pytest-asyncio==1.5.0",
#     "pytest-timeout==2.4.0",
# ]
#
# [tool.pyconc]
# timeout = 120
# ///
"""Testing concurrent code: a real pytest session, and what its report says.

The example writes a small test suite into a temporary folder and runs
`python -m pytest` on it. The suite shows the habits that keep concurrent
tests honest:

- async tests with pytest-asyncio (a fresh event loop per test);
- a per-test timeout (pytest-timeout): a test that hangs FAILS after 1 s
  instead of stalling the whole CI job;
- fixtures that fail a test which leaves a thread, a task or a child
  process behind;
- an interleaving forced with a Barrier and an Event, not with sleeps: the
  lost update happens on every run, so the test can assert it;
- a process pool under spawn, the start method of macOS and Windows (and
  the default on Linux from Python 3.14).

Some tests fail or error on purpose; the example asserts exactly which.
"""

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PYTEST_INI = """\
[pytest]
asyncio_mode = strict
asyncio_default_fixture_loop_scope = function
# Every test gets 10 s unless it says otherwise: a hang fails, CI goes on.
timeout = 10
"""

CONFTEST = """\
import asyncio
import multiprocessing
import threading

import pytest
import pytest_asyncio


@pytest.fixture(autouse=True)
def no_leaked_threads_or_processes():
    before = set(threading.enumerate())
    yield
    threads = [t.name for t in threading.enumerate()
               if t not in before and t.is_alive()]
    children = multiprocessing.active_children()
    for child in children:  # clean up, then report
        child.terminate()
        child.join(timeout=5)
    if threads:
        pytest.fail(f"leaked threads {threads}")
    if children:
        pytest.fail(f"leaked processes {[c.name for c in children]}")


@pytest_asyncio.fixture
async def no_leaked_tasks():
    before = asyncio.all_tasks()
    yield
    leaked = asyncio.all_tasks() - before - {asyncio.current_task()}
    for task in leaked:  # clean up, then report
        task.cancel()
    await asyncio.gather(*leaked, return_exceptions=True)
    if leaked:
        pytest.fail(f"leaked tasks {sorted(t.get_name() for t in leaked)}")
"""

TEST_ASYNC = """\
import asyncio

import pytest

pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("no_leaked_tasks")]


async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x


async def test_gather_keeps_order():
    assert await asyncio.gather(*(double(i) for i in range(5))) == [
        0, 2, 4, 6, 8]


async def test_timeout_inside_async_code():
    # asyncio.TimeoutError is the built-in TimeoutError from 3.11 on.
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.sleep(10), 0.05)


async def test_forgets_a_task():
    asyncio.create_task(asyncio.sleep(10), name="forgotten")
"""

TEST_THREADS = """\
import threading

import pytest


def test_lost_update_forced_with_a_barrier():
    counter = {"n": 0}
    both_read = threading.Barrier(2, timeout=5)

    def increment():
        seen = counter["n"]  # read
        both_read.wait()  # both threads have read: the race, every time
        counter["n"] = seen + 1  # write

    threads = [threading.Thread(target=increment) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    assert counter["n"] == 1  # one update lost, deterministically


def test_handoff_with_an_event():
    ready, box = threading.Event(), []

    def producer():
        box.append("data")
        ready.set()

    t = threading.Thread(target=producer)
    t.start()
    assert ready.wait(timeout=5)  # no sleep(0.1) and hope
    assert box == ["data"]
    t.join(timeout=5)


@pytest.mark.timeout(1)
def test_hangs():
    threading.Event().wait(30)  # waits for an event nobody sets


def test_forgets_a_thread():
    stop = threading.Event()
    threading.Thread(target=stop.wait, args=(2,), name="forgotten",
                     daemon=True).start()
"""

# Functions for worker processes live in a small module of their own: a
# spawned worker imports the function's module, and a test module would
# make every worker import pytest too.
WORK = """\
def square(x):
    return x * x
"""

TEST_PROCESSES = """\
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest

from work import square

SPAWN = multiprocessing.get_context("spawn")


def test_pool_under_spawn():
    with ProcessPoolExecutor(2, mp_context=SPAWN) as pool:
        assert list(pool.map(square, range(5), timeout=30)) == [
            0, 1, 4, 9, 16]


def test_local_function_cannot_go_to_spawn():
    def cube(x):
        return x ** 3

    with ProcessPoolExecutor(1, mp_context=SPAWN) as pool:
        # AttributeError up to 3.13, PicklingError from 3.14: same words.
        with pytest.raises(Exception, match="local object"):
            pool.submit(cube, 2).result(timeout=30)


def test_forgets_a_process():
    SPAWN.Process(target=square, args=(3,), name="forgotten").start()
"""

# What each test must end as: the report is the lesson.
EXPECTED = {
    "test_gather_keeps_order": "passed",
    "test_timeout_inside_async_code": "passed",
    "test_forgets_a_task": "error",
    "test_lost_update_forced_with_a_barrier": "passed",
    "test_handoff_with_an_event": "passed",
    "test_hangs": "failed",
    "test_forgets_a_thread": "error",
    "test_pool_under_spawn": "passed",
    "test_local_function_cannot_go_to_spawn": "passed",
    "test_forgets_a_process": "error",
}


def outcomes(report: Path) -> dict[str, tuple[str, str]]:
    """Test name -> (outcome, first line of the message) from JUnit XML."""
    found = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        outcome, message = "passed", ""
        for kind in ("failure", "error", "skipped"):
            node = case.find(kind)
            if node is not None:
                outcome = {"failure": "failed"}.get(kind, kind)
                message = (node.get("message") or "").splitlines()[0]
                break
        found[case.get("name")] = (outcome, message)
    return found


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in [
            ("pytest.ini", PYTEST_INI),
            ("conftest.py", CONFTEST),
            ("work.py", WORK),
            ("test_async.py", TEST_ASYNC),
            ("test_threads.py", TEST_THREADS),
            ("test_processes.py", TEST_PROCESSES),
        ]:
            (root / name).write_text(text)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "--junit-xml=report.xml",
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=100,
        )
        found = outcomes(root / "report.xml")
    summary = done.stdout.strip().splitlines()[-1]
    summary = summary.strip("= ").rsplit(" in ", 1)[0]  # drop the time

    print(f"python -m pytest: exit code {done.returncode}, {summary}")
    for name, (outcome, message) in found.items():
        print(f"  {outcome:<6} {name}")
        if message:
            message = message.replace("failed on teardown with ", "")
            print(f"         {message[:68]}")
    assert found.keys() == EXPECTED.keys(), sorted(found)
    wrong = {n: o for n, (o, _) in found.items() if o != EXPECTED[n]}
    assert not wrong, (wrong, done.stdout[-3000:])
    assert "Timeout" in found["test_hangs"][1]
    assert "forgotten" in found["test_forgets_a_task"][1]
    assert done.returncode == 1  # pytest's code for "some tests failed"


if __name__ == "__main__":
    main()
