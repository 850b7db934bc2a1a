# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""How many CPUs may this process use; what does each pool pick by default?

os.cpu_count() counts the machine's CPUs. os.process_cpu_count() (3.13+)
counts those this process may run on (its affinity). Neither reads the
container's CPU quota (cgroup cpu.max): usable_cpus() does; copy it.
"""

import asyncio
import math
import multiprocessing
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path


def cgroup_cpu_limit(root: str = "/") -> float | None:
    """This process's cgroup CPU quota in CPUs (1.5 = 150 ms per 100 ms).

    None if there is no quota. cgroup v2: cpu.max holds "max 100000" or
    "200000 100000". cgroup v1: cpu.cfs_quota_us (-1 = none) and
    cpu.cfs_period_us. A parent group's limit applies too: walk up to the
    root and keep the smallest.
    """
    base = Path(root)
    try:
        lines = (base / "proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None  # not Linux, or no /proc
    limits = []
    for line in lines:
        _, controllers, group = line.split(":", 2)
        if controllers == "":  # v2: "0::/group"
            mount = base / "sys/fs/cgroup"
            files = ("cpu.max", None)
        elif "cpu" in controllers.split(","):  # v1: "4:cpu,cpuacct:/g"
            mount = base / "sys/fs/cgroup" / controllers
            if not mount.is_dir():
                mount = base / "sys/fs/cgroup/cpu"
            files = ("cpu.cfs_quota_us", "cpu.cfs_period_us")
        else:
            continue
        path = Path(group.lstrip("/"))
        for folder in [mount / p for p in [path, *path.parents]]:
            try:
                if files[1] is None:
                    quota, period = (folder / files[0]).read_text().split()
                else:
                    quota = (folder / files[0]).read_text().strip()
                    period = (folder / files[1]).read_text().strip()
            except (OSError, ValueError):
                continue
            if quota not in ("max", "-1"):
                limits.append(int(quota) / int(period))
    return min(limits) if limits else None


def usable_cpus(root: str = "/") -> int:
    """CPUs worth one CPU-bound worker each: affinity, then the quota."""
    if hasattr(os, "process_cpu_count"):  # 3.13+: honours -X cpu_count
        cpus = os.process_cpu_count() or 1
    elif hasattr(os, "sched_getaffinity"):  # Linux, some Unixes
        cpus = len(os.sched_getaffinity(0))
    else:  # macOS, Windows before 3.13
        cpus = os.cpu_count() or 1
    quota = cgroup_cpu_limit(root)
    if quota is not None:  # round down: 1.5 CPUs -> 1 worker, not throttled
        cpus = min(cpus, max(1, math.floor(quota)))
    return cpus


def pool_defaults() -> dict[str, int]:
    """What each pool picks when given no size. _max_workers, _processes
    and _default_executor are private: read only to show the choice."""
    with ThreadPoolExecutor() as pool:
        threads = pool._max_workers
    with ProcessPoolExecutor() as pool:  # no process until a submit()
        processes = pool._max_workers

    async def default_executor_size() -> int:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, int)  # creates the executor
        return loop._default_executor._max_workers

    asyncio_threads = asyncio.run(default_executor_size())
    with multiprocessing.Pool() as pool:  # starts its workers at once
        mp_pool = pool._processes
    return {
        "ThreadPoolExecutor()": threads,
        "asyncio default executor": asyncio_threads,
        "ProcessPoolExecutor()": processes,
        "multiprocessing.Pool()": mp_pool,
    }


def expected_defaults() -> dict[str, int]:
    """The documented formulas, per version."""
    if sys.version_info >= (3, 13):
        cpus = os.process_cpu_count() or 1
    else:
        cpus = os.cpu_count() or 1
    procs = min(cpus, 61) if sys.platform == "win32" else cpus
    return {
        "ThreadPoolExecutor()": min(32, cpus + 4),
        "asyncio default executor": min(32, cpus + 4),
        "ProcessPoolExecutor()": procs,
        "multiprocessing.Pool()": cpus,
    }


def report(title: str) -> dict[str, int]:
    process = getattr(os, "process_cpu_count", None)
    affinity = getattr(os, "sched_getaffinity", None)
    rows = {
        "os.cpu_count()": os.cpu_count(),
        "os.process_cpu_count()": process() if process else "n/a (3.13+)",
        "len(sched_getaffinity(0))": len(affinity(0)) if affinity else "n/a",
        "cgroup CPU quota": cgroup_cpu_limit() or "none",
        "usable_cpus()": usable_cpus(),
    }
    defaults = pool_defaults()
    print(title)
    for name, value in {**rows, **defaults}.items():
        print(f"  {name:<26}{value}")
    assert defaults == expected_defaults(), (defaults, expected_defaults())
    return defaults


def cgroup_files() -> list[str]:
    """The CPU quota files this machine has, with what they hold."""
    names = ["cpu.max", "cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us"]
    found = []
    for name in names:
        path = Path("/sys/fs/cgroup") / name
        if path.is_file():
            found.append(f"{path} = {path.read_text().strip()}")
    return found or ["none (not Linux, or no cgroup mounted)"]


def fake_container(tmp: str, cpu_max: str) -> str:
    """A folder laid out like / in a cgroup v2 container."""
    (Path(tmp) / "proc/self").mkdir(parents=True)
    (Path(tmp) / "proc/self/cgroup").write_text("0::/\n")
    (Path(tmp) / "sys/fs/cgroup").mkdir(parents=True)
    (Path(tmp) / "sys/fs/cgroup/cpu.max").write_text(cpu_max + "\n")
    return tmp


CHILD = "import os; print(os.cpu_count(), os.process_cpu_count())"
CHILD_OLD = "import os; print(os.cpu_count(), len(os.sched_getaffinity(0)))"


def child_counts(*options: str, env: dict | None = None) -> tuple[int, ...]:
    """(cpu_count, process CPUs) seen by a child interpreter."""
    code = CHILD if sys.version_info >= (3, 13) else CHILD_OLD
    out = subprocess.run(
        [sys.executable, *options, "-c", code],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    return tuple(map(int, out.split()))


def one_cpu_child() -> None:
    """In a child process pinned to one CPU, as `taskset -c 0` does."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    defaults = report("a child pinned to one CPU (sched_setaffinity):")
    if sys.version_info >= (3, 13):  # 3.13+ sees the affinity
        assert defaults["ProcessPoolExecutor()"] == 1
    else:  # before 3.13 it starts one process per CPU of the machine
        assert defaults["ProcessPoolExecutor()"] == os.cpu_count()


if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    report("this process:")
    print("cgroup CPU files here:")
    for line in cgroup_files():
        print(f"  {line}")

    # A container limited to 2 CPUs (docker run --cpus=2) on a big machine:
    # cpu.max says "200000 100000"; both counts still see every CPU.
    print("usable_cpus() on a copy of a container's files (cgroup v2):")
    cases = [
        ("max 100000", None),
        ("200000 100000", 2.0),
        ("150000 100000", 1.5),
        ("50000 100000", 0.5),
    ]
    for cpu_max, quota in cases:
        with tempfile.TemporaryDirectory() as tmp:
            root = fake_container(tmp, cpu_max)
            usable = usable_cpus(root)
        print(
            f"  cpu.max {cpu_max!r:<16}-> {quota!s:<5} CPUs, usable {usable}"
        )
        cap = math.floor(quota) if quota else usable_cpus()
        assert usable == min(usable_cpus(), max(1, cap))

    # PYTHON_CPU_COUNT and -X cpu_count (3.13+) override BOTH counts.
    plain = child_counts()
    forced_x = child_counts("-X", "cpu_count=7")
    forced_env = child_counts(env={"PYTHON_CPU_COUNT": "3"})
    print(f"child, no option:       {plain}")
    print(f"child, -X cpu_count=7:  {forced_x}")
    print(f"child, PYTHON_CPU_COUNT=3: {forced_env}")
    if sys.version_info >= (3, 13):
        assert forced_x == (7, 7) and forced_env == (3, 3)
    else:  # unknown -X options are accepted and ignored
        print("  (ignored before 3.13)")
        assert forced_x == forced_env == plain

    cpus = os.cpu_count() or 1
    if hasattr(os, "sched_setaffinity") and cpus > 1:
        child = multiprocessing.Process(target=one_cpu_child)
        child.start()
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
            child.join(timeout=5)
        assert child.exitcode == 0, child.exitcode
    else:
        print("no sched_setaffinity() or one CPU: no pinned child")
