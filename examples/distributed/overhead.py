# /// script
# requires-python = ">=3.10"
# dependencies = ["distributed==2026.8.0", "dask==2026.8.0"]
#
# [tool.pyconc]
# timeout = 300
# benchmark = true
# ///
"""What a task costs on a Dask LocalCluster, next to a ProcessPoolExecutor.

Both run 2 worker processes on this machine. Each task burns a fixed amount of
CPU time (measured with time.thread_time(), so other programs on the machine do
not stretch it). Empty tasks give the cost per task; growing tasks show from
which size on the cluster's extra cost stops mattering. Cluster start-up is
excluded (printed apart). Writes overhead.svg: efficiency (ideal time /
measured time) against task size."""

import logging
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from html import escape
from pathlib import Path

from distributed import Client, LocalCluster, wait

WORKERS = 2
REPEAT = 3
# task size (CPU seconds) -> number of tasks: 0.005 to 0.4 s of ideal wall time
SIZES = {0.0001: 100, 0.001: 100, 0.01: 40, 0.1: 8}
NOOPS = 100
WITHIN = 1.10  # "no slower": the cluster within 10 % of the pool


def burn(cpu_seconds: float) -> float:
    """Spin until this thread has used `cpu_seconds` of CPU time."""
    end = time.thread_time() + cpu_seconds
    while time.thread_time() < end:
        pass
    return cpu_seconds


def timed(run, n: int) -> float:
    """Median wall time of `run(n)` over REPEAT rounds."""
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        run(n)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def label(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.1f} ms" if ms < 1 else f"{ms:.0f} ms"


def chart(rows: list[tuple[float, float, float]]) -> str:
    """SVG: efficiency (%) of both executors against task size (log steps)."""
    w, h, left, right, top, bottom = 560, 300, 56, 150, 44, 50
    pw, ph = w - left - right, h - top - bottom

    def x(i: int) -> float:
        return left + (i + 0.5) / len(rows) * pw

    def y(pct: float) -> float:
        return top + ph - min(pct, 100) / 100 * ph

    title = "Efficiency against task size, 2 worker processes"
    desc = "; ".join(
        f"{label(s)} tasks: ProcessPoolExecutor {p:.0f} %, Dask {d:.0f} %"
        for s, p, d in rows
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" font-size="13" '
        f'font-family="system-ui, sans-serif">',
        f"<title>{escape(title)}</title>",
        "<desc>Efficiency = ideal time / measured time. "
        f"{escape(desc)}.</desc>",
        "<style>.fg{fill:#1f2328}.ax{stroke:#8c959f}"
        "@media (prefers-color-scheme: dark){.fg{fill:#e6edf3}}</style>",
        f'<text class="fg" x="12" y="24" font-size="15" font-weight="600">'
        f"{escape(title)}</text>",
    ]
    for pct in range(0, 101, 25):
        out.append(
            f'<line class="ax" x1="{left}" x2="{left + pw}" y1="{y(pct)}" '
            f'y2="{y(pct)}" stroke-width="0.5"/>'
        )
        out.append(
            f'<text class="fg" x="{left - 6}" y="{y(pct) + 4}" '
            f'text-anchor="end">{pct} %</text>'
        )
    for i, (size, _, _) in enumerate(rows):
        out.append(
            f'<text class="fg" x="{x(i):.0f}" y="{top + ph + 18}" '
            f'text-anchor="middle">{label(size)}</text>'
        )
    out.append(
        f'<text class="fg" x="{left + pw / 2}" y="{h - 8}" '
        f'text-anchor="middle">CPU time per task</text>'
    )
    series = [("ProcessPool", "#3f6fd8", 1), ("Dask", "#d9480f", 2)]
    for k, (name, color, col) in enumerate(series):
        pts = " ".join(
            f"{x(i):.0f},{y(r[col]):.0f}" for i, r in enumerate(rows)
        )
        out.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" '
            f'stroke-width="2.5"/>'
        )
        for i, r in enumerate(rows):
            out.append(
                f'<circle cx="{x(i):.0f}" cy="{y(r[col]):.0f}" r="4" '
                f'fill="{color}"/>'
            )
        ly = top + 10 + 22 * k
        out.append(
            f'<line x1="{left + pw + 14}" x2="{left + pw + 36}" y1="{ly}" '
            f'y2="{ly}" stroke="{color}" stroke-width="2.5"/>'
        )
        out.append(
            f'<text class="fg" x="{left + pw + 42}" y="{ly + 4}">{name}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def quiet_asyncio() -> None:
    """Under `python -X dev` asyncio logs every callback slower than 0.1 s,
    which Dask's event loops exceed on a busy machine. Silence that here and,
    through Dask's config in the environment, in the workers started later."""
    logging.getLogger("asyncio").setLevel(logging.ERROR)
    os.environ["DASK_LOGGING__ASYNCIO"] = "error"


if __name__ == "__main__":
    quiet_asyncio()
    print(
        f"cores: {os.cpu_count()}; each executor: {WORKERS} worker processes; "
        f"median of {REPEAT}"
    )
    with ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(burn, [0.0] * WORKERS * 4, timeout=60))  # warm up

        def on_pool(size: float, n: int) -> None:
            assert list(pool.map(burn, [size] * n, timeout=60)) == [size] * n

        pool_noop = timed(lambda n: on_pool(0.0, n), NOOPS) / NOOPS
        pool_times = {
            s: timed(lambda n, s=s: on_pool(s, n), n) for s, n in SIZES.items()
        }

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=WORKERS,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster, timeout=60) as client,
    ):
        startup = time.perf_counter() - started

        def on_dask(size: float, n: int) -> None:
            # pure=False: n identical calls are n tasks, not one.
            futures = client.map(burn, [size] * n, pure=False)
            wait(futures, timeout=60)
            assert client.gather(futures) == [size] * n

        on_dask(0.0, WORKERS * 4)  # warm up
        dask_noop = timed(lambda n: on_dask(0.0, n), NOOPS) / NOOPS
        dask_times = {
            s: timed(lambda n, s=s: on_dask(s, n), n) for s, n in SIZES.items()
        }

    print(f"cluster start-up (not in the times): {startup:.1f} s")
    print(
        f"empty task, wall time per task: ProcessPoolExecutor "
        f"{pool_noop * 1e6:.0f} us, Dask {dask_noop * 1e6:.0f} us"
    )
    extra = dask_noop - pool_noop
    print(f"Dask's extra cost per task: {extra * 1e6:.0f} us")
    print()
    print(
        f"{'task':>8} {'tasks':>6} {'ideal':>8} {'pool':>8} {'dask':>8} "
        f"{'dask/pool':>10} {'pool eff':>9} {'dask eff':>9}"
    )
    rows, crossover = [], None
    for size, n in SIZES.items():
        ideal = size * n / WORKERS
        p, d = pool_times[size], dask_times[size]
        rows.append((size, 100 * ideal / p, 100 * ideal / d))
        print(
            f"{label(size):>8} {n:>6} {ideal:>7.2f}s {p:>7.2f}s {d:>7.2f}s "
            f"{d / p:>9.1f}x {100 * ideal / p:>8.0f}% {100 * ideal / d:>8.0f}%"
        )
        if crossover is None and d <= WITHIN * p:
            crossover = size
    print()
    if crossover is None:
        print(f"Dask was more than {WITHIN - 1:.0%} slower at every size")
    else:
        print(
            f"crossover: from {label(crossover)} of CPU per task on, Dask is "
            f"within {WITHIN - 1:.0%} of the pool"
        )
    # time per task ~ size / WORKERS + cost, so the extra cost is below 10 %
    # of the pool's time once size >= 10 * WORKERS * extra (roughly).
    print(
        f"model: extra cost < 10 % from "
        f"~{label(10 * WORKERS * max(extra, 0))} "
        f"per task"
    )
    Path("overhead.svg").write_text(chart(rows), encoding="utf-8")
