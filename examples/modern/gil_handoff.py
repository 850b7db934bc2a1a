# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Two CPU-bound threads and one GIL: watch them take turns.

Each thread computes in pure Python and reads the clock every few microseconds.
A jump in its clock readings means it was not running in between: it was
waiting for the GIL (or the OS gave its core to another program). Each run of
uninterrupted readings is a slice. With a GIL the slices alternate, about one
switch interval long (sys.getswitchinterval(), 5 ms by default); on a
free-threaded build both threads run at the same time. Writes gil_handoff.svg
(and .zh.svg) and prints the slices as a table.
"""

import statistics
import sys
import threading
import time
from pathlib import Path

from pyconc.timeline import RUN, WAIT, Span, timeline_svg, timeline_table

RUN_FOR = 0.040  # each thread computes until it has run this long in total
# a pause longer than this between two clock readings: the thread was stopped
GAP = 0.0005


def spin(start: threading.Barrier, out: list[Span]) -> None:
    start.wait(timeout=10)
    ident = threading.get_ident()
    slices: list[tuple[float, float]] = []
    ran = 0.0
    begin = last = time.perf_counter()
    while ran + (last - begin) < RUN_FOR:
        for _ in range(
            100
        ):  # a few microseconds of pure-Python work between two readings
            pass
        now = time.perf_counter()
        if (
            now - last > GAP
        ):  # stopped since the last reading: close this slice
            slices.append((begin, last))
            ran += last - begin
            begin = now
        last = now
    slices.append((begin, last))
    for k, (s, e) in enumerate(slices):
        out.append(Span("thread", ident, f"{k}", s, e, RUN))
        if k + 1 < len(slices):
            out.append(
                Span(
                    "thread", ident, "", e, slices[k + 1][0], WAIT, "GIL or OS"
                )
            )


def overlap(a: list[Span], b: list[Span]) -> float:
    """Seconds during which a slice of `a` and
    a slice of `b` ran at the same time."""
    return sum(
        max(0.0, min(x.end, y.end) - max(x.start, y.start))
        for x in a
        for y in b
    )


if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    results: list[list[Span]] = [[], []]
    start = threading.Barrier(2)
    threads = [
        threading.Thread(target=spin, args=(start, out)) for out in results
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
        assert not t.is_alive()

    spans = results[0] + results[1]
    # The chart twice: gil_handoff.svg (English)
    # and gil_handoff.zh.svg (Chinese pages).
    for suffix, lang, title in [
        ("", "en", "Two CPU-bound threads taking turns"),
        (".zh", "zh", "两个 CPU 密集型线程轮流运行"),
    ]:
        svg = timeline_svg(spans, title, width=760, lang=lang)
        Path(f"gil_handoff{suffix}.svg").write_text(svg, encoding="utf-8")
    print(timeline_table([s for s in spans if s.state == RUN]))
    print()
    print(f"build: {'GIL' if gil else 'free-threaded, no GIL'}; ", end="")
    print(f"switch interval {sys.getswitchinterval() * 1000:.0f} ms")
    # Numbered like the rows of the figure and
    # the table: by which thread ran first.
    runs = sorted(
        ([s for s in r if s.state == RUN] for r in results),
        key=lambda r: r[0].start,
    )
    for k, slices in enumerate(runs, 1):
        assert slices, "every thread ran"
        lengths = [s.seconds * 1000 for s in slices]
        print(
            f"thread {k}: {len(slices)} slices, "
            f"median {statistics.median(lengths):.1f} ms, "
            f"ran {sum(lengths):.0f} ms"
        )
    both = overlap(runs[0], runs[1]) * 1000
    print(f"both threads computing at the same moment: {both:.0f} ms")
