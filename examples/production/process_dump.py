# /// script
# requires-python = ">=3.10"
# dependencies = ["py-spy==0.4.3"]
#
# [tool.pyconc]
# per-interpreter = true
# timeout = 90
# ///
"""Look inside a stuck process from outside: SIGUSR1 + faulthandler, py-spy.

A child program hangs on purpose (one thread waits for a lock nobody
releases, an asyncio task awaits a reply that never comes; it gives up by
itself after LIFETIME seconds). The parent looks at it in three ways:

1. faulthandler.register(SIGUSR1) in the child: `kill -USR1 PID` makes it
   write every thread's stack to its stderr. Needs that one line in the
   program, no permission beyond sending a signal.
2. `py-spy dump --pid PID` (from PyPI): reads the stacks from outside,
   without any change to the program. It needs the right to attach
   (ptrace); where the OS refuses, its message is printed instead.
3. `python -m asyncio ps PID` (Python 3.14+): the child's asyncio tasks.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIFETIME = 30  # seconds: the child ends itself after this, whatever happens
WAIT = 20  # seconds: the bound on each tool

CHILD = f"""\
import asyncio, faulthandler, functools, signal, threading

faulthandler.register(signal.SIGUSR1, all_threads=True)  # kill -USR1 PID


def wait_for_lock(lock, started):
    started.set()  # from here on, this thread is inside wait_for_lock
    lock.acquire(timeout={LIFETIME})  # nobody ever releases it


async def fetch_user(reply):
    return await reply  # the reply never comes


async def main():
    lock, started = threading.Lock(), threading.Event()
    lock.acquire()
    threading.Thread(target=wait_for_lock, args=(lock, started),
                     name="db-writer", daemon=True).start()
    started.wait({LIFETIME})
    reply = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(fetch_user(reply), name="fetch-user")
    # Say "ready" from the loop, once main() is suspended in its await.
    asyncio.get_running_loop().call_soon(
        functools.partial(print, "ready", flush=True))
    try:
        await asyncio.wait_for(task, {LIFETIME})
    except asyncio.TimeoutError:
        pass


asyncio.run(main())
"""
FRAME = re.compile(r"(\S+) \([^()]*stuck\.py:(\d+)\)")  # py-spy's frames


def find_py_spy() -> str | None:
    here = Path(sys.executable).parent / "py-spy"  # installed with Python
    return str(here) if here.exists() else shutil.which("py-spy")


def usr1_dump(pid: int, stderr: Path) -> list[str]:
    """Each thread's frames in stuck.py, innermost first."""
    os.kill(pid, signal.SIGUSR1)  # what `kill -USR1 PID` does
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        text = stderr.read_text()
        if text.count("File ") >= 3 and text.endswith("\n"):
            time.sleep(0.1)  # let it finish writing every thread
            text = stderr.read_text()
            break
        time.sleep(0.05)
    # One block per thread; lines look like:
    #   File "/tmp/.../stuck.py", line 7 in wait_for_lock
    stacks = []
    for block in text.split("\n\n"):
        names = [
            ln.rsplit(" in ", 1)[1]
            for ln in block.splitlines()
            if "stuck.py" in ln
        ]
        if names:
            stacks.append(" < ".join(names))
    return sorted(stacks)


def py_spy_dump(pid: int) -> tuple[str, list[str]]:
    exe = find_py_spy()
    if exe is None:
        return "py-spy is not installed", []
    done = subprocess.run(
        [exe, "dump", "--pid", str(pid)],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip().splitlines()
        return f"could not attach: {why[0][:55] if why else '?'}", []
    threads = []
    for block in done.stdout.split("\nThread ")[1:]:
        name = block.split('"')[1]
        frames = [fn for fn, _ in FRAME.findall(block)]
        threads.append(f"{name}: {' < '.join(frames)}")
    return f"attached, {len(threads)} threads", sorted(threads)


def asyncio_ps(pid: int) -> str:
    if sys.version_info < (3, 14):
        v = f"{sys.version_info[0]}.{sys.version_info[1]}"
        return f"python -m asyncio ps: new in 3.14, not in {v}"
    done = subprocess.run(
        [sys.executable, "-m", "asyncio", "ps", str(pid)],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip().splitlines()
        return f"python -m asyncio ps failed: {why[-1][:45] if why else '?'}"
    assert "fetch-user" in done.stdout
    return "python -m asyncio ps: lists the task 'fetch-user'"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        script, stderr = Path(folder, "stuck.py"), Path(folder, "err.txt")
        script.write_text(CHILD)
        with open(stderr, "w") as err:
            child = subprocess.Popen(
                [sys.executable, str(script)],
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
            )
        try:
            assert child.stdout.readline() == "ready\n"
            frames = usr1_dump(child.pid, stderr)
            spy, threads = py_spy_dump(child.pid)
            ps = asyncio_ps(child.pid)
            alive = child.poll() is None
        finally:
            child.kill()
            child.wait(timeout=WAIT)
            child.stdout.close()

    print("1. kill -USR1 -> faulthandler in the child, one line per thread:")
    for stack in frames:
        print(f"   {stack}")
    assert frames == ["<module>", "wait_for_lock"]
    # The suspended coroutines are on no thread's stack: the main thread
    # is inside the event loop, waiting in select().
    print(f"2. py-spy dump: {spy}")
    for line in threads:
        print(f"   {line}")
    if spy.startswith("attached"):
        assert "db-writer: wait_for_lock" in threads
        assert not any("fetch_user" in t for t in threads)
    print(f"3. {ps}")
    print(f"The child was still stuck after all three looks: {alive}")
    assert alive  # looking did not unstick or kill it


if __name__ == "__main__":
    main()
