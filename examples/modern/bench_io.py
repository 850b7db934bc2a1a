# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Waiting, measured: N jobs that each wait 40 ms, run by 1, 2 and 4 workers in
four models.

Two kinds of waiting: `time.sleep()` and a real request over a loopback socket
to a local server that answers after 40 ms. Waiting needs no CPU, so the ideal
speed-up with N workers is N, whatever the number of cores. Pools are started
(and warmed) before timing: this measures running jobs, not starting workers.
Writes one chart per workload.
"""

import asyncio
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from pyconc.bench import chart, compare, machine, report
from pyconc.workloads import SlowServer, ask, ask_async, wait

DELAY, WORKERS, REPEAT = 0.040, (1, 2, 4), 3


def ideal(n: int) -> float:
    return n  # waits overlap perfectly: N at once take as long as one


async def gather(coros: list, timeout: float = 30) -> list:
    return await asyncio.wait_for(asyncio.gather(*coros), timeout)


if __name__ == "__main__":
    print(machine())
    print(f"each job waits {DELAY * 1000:.0f} ms; median of {REPEAT} runs")
    # Processes first, before any thread exists
    # (fork in a threaded process is unsafe).
    with ProcessPoolExecutor(max(WORKERS)) as processes:
        assert list(
            processes.map(wait, [0.05] * max(WORKERS), timeout=60)
        ) == [0.05] * max(WORKERS)
        with (
            ThreadPoolExecutor(max(WORKERS)) as threads,
            SlowServer(DELAY) as server,
        ):
            workloads = {
                "sleep": {
                    "sequential": lambda n: [wait(DELAY) for _ in range(n)],
                    "threads": lambda n: list(
                        threads.map(wait, [DELAY] * n, timeout=30)
                    ),
                    "processes": lambda n: list(
                        processes.map(wait, [DELAY] * n, timeout=30)
                    ),
                    "asyncio": lambda n: asyncio.run(
                        gather([asyncio.sleep(DELAY, DELAY) for _ in range(n)])
                    ),
                },
                "socket": {
                    "sequential": lambda n: [
                        ask(server.address) for _ in range(n)
                    ],
                    "threads": lambda n: list(
                        threads.map(ask, [server.address] * n, timeout=30)
                    ),
                    "processes": lambda n: list(
                        processes.map(ask, [server.address] * n, timeout=30)
                    ),
                    "asyncio": lambda n: asyncio.run(
                        gather([ask_async(server.address) for _ in range(n)])
                    ),
                },
            }
            checks = {
                "sleep": lambda results: all(r == DELAY for r in results),
                "socket": lambda results: all(
                    r == "re: ping" for r in results
                ),
            }
            for name, models in workloads.items():

                def check(results, name=name):
                    assert checks[name](results), results

                points = compare(models, WORKERS, check, REPEAT)
                print(f"\n{name}: ideal speed-up = N (waits overlap)")
                print(report(points, ideal))
                svg = chart(
                    points,
                    ideal,
                    f"Waiting ({name}): speed-up over sequential",
                )
                Path(f"bench_io_{name}.svg").write_text(svg, encoding="utf-8")
                # The same chart in Chinese, for the site's Chinese pages.
                zh = chart(
                    points,
                    ideal,
                    f"等待（{name}）：相对顺序执行的加速比",
                    lang="zh",
                )
                Path(f"bench_io_{name}.zh.svg").write_text(
                    zh, encoding="utf-8"
                )
