"""Execution timelines: record when each piece of work ran, where, and draw it
as plain SVG.

A timeline answers the question a single total time cannot: *what was running
when*. Each piece of work becomes a `Span` (which worker ran it, from when to
when, and whether it was computing or waiting); `timeline_svg()` draws one row
per thread, process or task with time on the x axis, and `timeline_table()`
prints the same numbers as text (the figure's text alternative).
`speedup_svg()` draws benchmark results against their ideal.

Recording works the same way for every kind of worker:

- threads and asyncio tasks share one `Recorder`
  (`with recorder.span("job 1"): ...`);
- processes cannot append to the parent's list, so they run the work through
  `recorded()`, which returns the result together with its `Span` (both
  picklable), and the parent adds it.

Times are `time.perf_counter()` readings. On Linux, macOS and Windows that
clock is system-wide (CLOCK_MONOTONIC, mach_absolute_time,
QueryPerformanceCounter), so stamps taken in child processes line up with the
parent's. The SVG is self-contained: no script, no external font or stylesheet.
Colours are CSS classes (`pc-*`) with a light and a dark palette in the SVG's
own `<style>` (it follows the viewer's colour scheme when opened on its own); a
page that inlines the SVG can drop that `<style>` and colour the classes from
its own theme. `lang="zh"` draws the fixed words (axes, legend, row names) in
Chinese; titles and group names are the caller's, so pass them in the
same language.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar
from xml.sax.saxutils import escape

T = TypeVar("T")

# Where 0 ms is: one perf_counter() reading, one
# per group, or None (each group's first start).
Origin = float | dict[str, float] | None

RUN = "run"  # the worker was computing (holding a CPU)
WAIT = "wait"  # the worker was waiting (sleep, socket, lock, GIL...)
# the worker was stuck in a blocking call that others needed it back from
BLOCKED = "blocked"


@dataclass(frozen=True)
class Span:
    """One piece of work on one worker.

    Attributes:
        kind: What ran it: "main", "thread",
            "process", "task" or "interpreter".
        worker: An id of that worker (thread ident, pid, task name). Rows are
            renumbered when drawn ("thread 1", "thread 2" in order of first
            appearance), so ids never show; only a task named on purpose
            (`create_task(..., name="heartbeat")`) keeps its name.
        label: What the work was, e.g. "job 3".
        start: `time.perf_counter()` when it started.
        end: `time.perf_counter()` when it ended.
        state: `RUN` (computing), `WAIT` (waiting on something) or `BLOCKED`
            (stuck in a blocking call while others needed this worker, e.g.
            `time.sleep()` on an event loop).
        waited: What it waited on, if it waited ("sleep", "socket", "GIL"...).
        group: Which run it belongs to ("sequential", "threads"...): one panel
            per group.
    """

    kind: str
    worker: int | str
    label: str
    start: float
    end: float
    state: str = RUN
    waited: str = ""
    group: str = ""

    @property
    def seconds(self) -> float:
        """How long the span lasted."""
        return self.end - self.start


def current_worker() -> tuple[str, int | str]:
    """Where the caller runs: ("task", name), ("process", pid),
    ("thread", ident) or ("main", 0).

    An asyncio task is reported as a task even in the main thread; a pool
    worker process as a process even when the pool runs it in a helper thread.
    """
    with contextlib.suppress(RuntimeError):
        asyncio.get_running_loop()
        task = asyncio.current_task()
        if task is not None:
            return "task", task.get_name()
    if multiprocessing.parent_process() is not None:
        return "process", os.getpid()
    if threading.current_thread() is not threading.main_thread():
        return "thread", threading.get_ident()
    return "main", 0


class Recorder:
    """Collects spans from any number of
    threads and asyncio tasks of one process.

    Example:
        >>> rec = Recorder(group="demo")
        >>> with rec.span("job 1"):
        ...     total = sum(range(1000))
        >>> span = rec.spans[0]
        >>> span.kind, span.label, span.state
        ('main', 'job 1', 'run')
    """

    def __init__(self, group: str = "") -> None:
        self.group = group
        #: `perf_counter()` when the recorder was made: pass it as
        #: the `origin` of a drawing to count time from there
        #: (e.g. to show a pool's start-up before the first span).
        self.origin = time.perf_counter()
        self._spans: list[Span] = []
        self._lock = threading.Lock()

    @property
    def spans(self) -> list[Span]:
        """The spans recorded so far, in the order they ended."""
        with self._lock:
            return list(self._spans)

    def add(self, *spans: Span) -> None:
        """Add spans recorded elsewhere (e.g.
        returned by `recorded()` from a process)."""
        with self._lock:
            self._spans.extend(
                s
                if s.group or not self.group
                else dataclasses.replace(s, group=self.group)
                for s in spans
            )

    @contextlib.contextmanager
    def span(
        self, label: str, state: str = RUN, waited: str = ""
    ) -> Iterator[None]:
        """Record the `with` block as one span
        of the current thread or task."""
        kind, worker = current_worker()
        start = time.perf_counter()
        try:
            yield
        finally:
            end = time.perf_counter()
            self.add(
                Span(
                    kind, worker, label, start, end, state, waited, self.group
                )
            )


def recorded(
    fn: Callable[..., T],
    *args: object,
    label: str = "",
    state: str = RUN,
    waited: str = "",
) -> tuple[T, Span]:
    """Run `fn(*args)` here and return its result with the span it took.

    Submit it to any executor, e.g.
    `pool.submit(recorded, work, 3, label="job 3")`: it is a module-level
    function, so it pickles for process pools (if `fn` and its arguments do).

    Returns:
        `(result, span)`; add the span to a `Recorder` in the parent.
    """
    kind, worker = current_worker()
    start = time.perf_counter()
    result = fn(*args)
    end = time.perf_counter()
    return result, Span(
        kind,
        worker,
        label or getattr(fn, "__name__", "work"),
        start,
        end,
        state,
        waited,
    )


# --- drawing -----------------------------------------------------------------

_DEFAULT_TASK = re.compile(r"Task-\d+")
_FONT = (
    "system-ui, -apple-system, 'Segoe UI', "
    "'Noto Sans', 'PingFang SC', sans-serif"
)
_WORDS = {
    RUN: "computing",
    WAIT: "waiting",
    BLOCKED: "blocked (holding the thread)",
}
# The words a chart draws itself, by language; everything else (titles,
# groups, labels) is the caller's text, passed in the language wanted.
_ZH = {
    "computing": "计算",
    "waiting": "等待",
    "blocked (holding the thread)": "阻塞（占着线程）",
    "time (ms)": "时间（毫秒）",
    "workers": "并发数",
    "ideal": "理想值",
    "main": "主线程",
    "thread": "线程",
    "process": "进程",
    "task": "任务",
    "interpreter": "解释器",
}
LANGS = ("en", "zh")

# Classes instead of colours: the light palette, then the
# dark one. Pages that inline the SVG style the same classes
# from their own palette (docs/*/assets/pyconc.css).
_STYLE = """
.pc-bg{fill:#fff;stroke:#d8dee4}
.pc-fg{fill:#1f2328}
.pc-muted{fill:#57606a}
.pc-grid{stroke:#d8dee4}
.pc-ideal{stroke:#1f2328}
.pc-run{fill:#3f6fd8;stroke:#2b4fa3}
.pc-wait{fill:#f5c26b;stroke:#b7791f}
.pc-blocked{fill:#d64545;stroke:#9b2c2c}
.pc-run-t,.pc-blocked-t{fill:#fff}
.pc-wait-t{fill:#3d2c00}
.pc-s0{color:#3f6fd8}.pc-s1{color:#d9480f}.pc-s2{color:#2f9e44}
.pc-s3{color:#ae3ec9}.pc-s4{color:#1098ad}.pc-s5{color:#e8590c}
@media (prefers-color-scheme: dark){
.pc-bg{fill:#1e2129;stroke:#3d4451}
.pc-fg{fill:#e2e4e9}
.pc-ideal{stroke:#e2e4e9}
.pc-muted{fill:#aab1bd}
.pc-grid{stroke:#3d4451}
.pc-run{fill:#5b87ea;stroke:#9db8f5}
.pc-blocked{fill:#e05d5d;stroke:#f2a5a5}
.pc-s0{color:#7ea2f0}.pc-s1{color:#ff8a50}.pc-s2{color:#5fcf75}
.pc-s3{color:#d27be5}.pc-s4{color:#3bc9db}.pc-s5{color:#ffa94d}
}
""".strip()
_SERIES = 6  # distinct series colours, pc-s0 .. pc-s5


def _t(words: str, lang: str) -> str:
    return _ZH.get(words, words) if lang == "zh" else words


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")


def _svg_open(width: int, height: int, title: str, lang: str) -> list[str]:
    return [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" '
        f'role="img" lang="{lang}" class="pc-chart" '
        f'font-family="{escape(_FONT)}" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]


def _svg_frame(width: int, height: int) -> list[str]:
    return [
        f"<style>{_STYLE}</style>",
        f'<rect class="pc-bg" width="{width}" height="{height}"/>',
    ]


def _rows(
    spans: Sequence[Span], lang: str = "en"
) -> list[tuple[str, tuple[str, int | str], str]]:
    """(group, (kind, worker), row name),
    grouped in order of first appearance."""
    groups: list[str] = []
    first: dict[tuple[str, tuple[str, int | str]], float] = {}
    for s in spans:
        if s.group not in groups:
            groups.append(s.group)
        key = (s.group, (s.kind, s.worker))
        first[key] = min(first.get(key, s.start), s.start)
    rows = []
    for group in groups:
        keys = sorted(
            (k for k in first if k[0] == group),
            key=lambda k: (first[k], str(k[1])),
        )
        counts: dict[str, int] = {}
        for key in keys:
            kind, worker = key[1]
            if (
                kind == "task"
                and isinstance(worker, str)
                and not _DEFAULT_TASK.match(worker)
            ):
                # a name given on purpose
                rows.append((group, key[1], f"{_t('task', lang)} {worker}"))
                continue
            counts[kind] = counts.get(kind, 0) + 1
            word = _t(kind, lang)
            name = word if kind == "main" else f"{word} {counts[kind]}"
            rows.append((group, key[1], name))
    return rows


def _nice_step(span: float, target: int = 8) -> float:
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def timeline_svg(
    spans: Sequence[Span],
    title: str,
    width: int = 760,
    origin: Origin = None,
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> str:
    """Draw spans as an SVG timeline: one row per worker, one panel per group.

    Args:
        spans: What to draw (from a `Recorder` and/or `recorded()`).
        title: The figure's title, also its accessible name (`<title>`).
        width: Width in pixels; the height follows from the number of rows.
        origin: The `perf_counter()` reading drawn as 0 ms: one for all groups,
            one per group (a dict), or by default each group's earliest start,
            so that the panels of runs made one after the other line up and
            compare at a glance.
        lang: "en" or "zh": the language of the words the chart draws itself
            (axis, legend, row names, description). Pass `title` in the
            same language.
        names: Group names and span labels to draw differently, e.g.
            `{"4 threads": "4 个线程"}` for a Chinese chart; the spans keep
            their own.

    Returns:
        A standalone SVG document (no script, no external resource).
    """
    _check_lang(lang)
    names = names or {}
    if not spans:
        raise ValueError("nothing to draw: no spans")
    spans = _shifted(spans, origin)
    total = max(max(s.end for s in spans), 1e-6)
    rows = _rows(spans, lang)
    groups = list(dict.fromkeys(g for g, _, _ in rows))
    named_groups = any(groups)
    height = (
        _TOP
        + len(rows) * _ROW_H
        + (len(groups) * _GROUP_H if named_groups else 0)
        + 62
    )
    plot = _Plot(width - _LEFT - _RIGHT, total, height - 46)
    out = [
        *_svg_open(width, height, title, lang),
        f"<desc>{escape(_describe(spans, rows, lang))}</desc>",
        *_svg_frame(width, height),
        f'<text x="12" y="24" font-size="15" font-weight="600" class="pc-fg">'
        f"{escape(title)}</text>",
        *_time_axis(plot, lang),
    ]
    labels, row_y = _row_labels(rows, named_groups, names)
    out += labels
    out += _bars(spans, row_y, plot, lang, names)
    out += _legend(spans, height, lang)
    out.append("</svg>")
    return "\n".join(out) + "\n"


# Layout of a timeline, in pixels: margins, row
# and bar heights, the height of a group's title.
_LEFT, _RIGHT, _TOP, _ROW_H, _BAR_H, _GROUP_H = 132, 16, 46, 24, 16, 22


@dataclasses.dataclass(frozen=True)
class _Plot:
    """Where time is drawn: `width` pixels for
    `total` seconds, the axis at `bottom`."""

    width: int
    total: float
    bottom: int

    def x(self, t: float) -> float:
        return _LEFT + t / self.total * self.width


def _time_axis(plot: _Plot, lang: str) -> list[str]:
    """Vertical grid lines at round milliseconds,
    their labels, and the axis title."""
    out = []
    step = _nice_step(plot.total)
    tick = 0.0
    while tick <= plot.total + 1e-9:
        tx = plot.x(tick)
        out.append(
            f'<line x1="{tx:.1f}" y1="{_TOP - 6}" '
            f'x2="{tx:.1f}" y2="{plot.bottom}" '
            f'class="pc-grid" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{tx:.1f}" y="{plot.bottom + 16}" '
            'text-anchor="middle" class="pc-muted">'
            f"{_ms(tick)}</text>"
        )
        tick += step
    out.append(
        f'<text x="{_LEFT + plot.width / 2:.1f}" '
        f'y="{plot.bottom + 34}" text-anchor="middle" '
        f'class="pc-muted">{_t("time (ms)", lang)}</text>'
    )
    return out


def _row_labels(
    rows: Sequence[tuple[str, tuple[str, int | str], str]],
    named_groups: bool,
    names: dict[str, str],
) -> tuple[list[str], dict[tuple[str, tuple[str, int | str]], float]]:
    """The group titles and row names, and each row's top y."""
    out = []
    y = _TOP
    row_y: dict[tuple[str, tuple[str, int | str]], float] = {}
    current = None
    for group, key, name in rows:
        if named_groups and group != current:
            current = group
            out.append(
                f'<text x="12" y="{y + 15}" font-weight="600" class="pc-fg">'
                f"{escape(names.get(group, group))}</text>"
            )
            y += _GROUP_H
        row_y[(group, key)] = y
        out.append(
            f'<text x="24" y="{y + 16}" class="pc-muted">{escape(name)}</text>'
        )
        y += _ROW_H
    return out, row_y


def _bars(
    spans: Sequence[Span],
    row_y: dict[tuple[str, tuple[str, int | str]], float],
    plot: _Plot,
    lang: str,
    names: dict[str, str],
) -> list[str]:
    """One bar per span on its worker's row, with a tooltip, labelled when the
    label fits."""
    out = []
    for s in sorted(spans, key=lambda s: s.start):
        y0 = row_y[(s.group, (s.kind, s.worker))] + (_ROW_H - _BAR_H) / 2
        x0, x1 = plot.x(s.start), max(plot.x(s.end), plot.x(s.start) + 1.0)
        label = names.get(s.label, s.label)
        unit = "毫秒" if lang == "zh" else " ms"
        state = _t(_WORDS[s.state], lang) if lang == "zh" else s.state
        tip = f"{label}: {_ms(s.start)}-{_ms(s.end)}{unit}, {state}"
        if s.waited:
            tip += f" ({s.waited})"
        out.append(
            f'<rect x="{x0:.1f}" y="{y0:.1f}" '
            f'width="{x1 - x0:.1f}" height="{_BAR_H}" rx="2" '
            f'class="pc-{s.state}" stroke-width="1">'
            f"<title>{escape(tip)}</title></rect>"
        )
        if (x1 - x0) > 7 * _columns(label) + 6:
            out.append(
                f'<text x="{(x0 + x1) / 2:.1f}" '
                f'y="{y0 + 12}" text-anchor="middle" '
                f'font-size="11" class="pc-{s.state}-t">{escape(label)}</text>'
            )
    return out


def _legend(spans: Sequence[Span], height: int, lang: str) -> list[str]:
    """A swatch and its meaning for each state the spans use."""
    out = []
    states = [
        st for st in (RUN, WAIT, BLOCKED) if any(s.state == st for s in spans)
    ]
    lx = _LEFT
    for st in states:
        words = _t(_WORDS[st], lang)
        out.append(
            f'<rect x="{lx}" y="{height - 16}" '
            f'width="14" height="10" class="pc-{st}"/>'
        )
        out.append(
            f'<text x="{lx + 20}" y="{height - 7}" '
            f'class="pc-fg">{words}</text>'
        )
        lx += 28 + 7 * _columns(words)
    return out


def _origins(spans: Sequence[Span], origin: Origin) -> dict[str, float]:
    groups = {s.group for s in spans}
    if isinstance(origin, dict):
        return {
            g: origin.get(g, min(s.start for s in spans if s.group == g))
            for g in groups
        }
    if origin is not None:
        return dict.fromkeys(groups, origin)
    return {g: min(s.start for s in spans if s.group == g) for g in groups}


def _shifted(spans: Sequence[Span], origin: Origin) -> list[Span]:
    """The spans with times counted from their group's origin (0 ms)."""
    zero = _origins(spans, origin)
    return [
        dataclasses.replace(
            s, start=s.start - zero[s.group], end=s.end - zero[s.group]
        )
        for s in spans
    ]


def _columns(text: str) -> int:
    """How many Latin-letter widths the text
    takes (a CJK character takes about two)."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _describe(spans: Sequence[Span], rows: Sequence[tuple], lang: str) -> str:
    end = max(s.end for s in spans)
    if lang == "zh":
        return (
            f"{len(rows)} 行共 {len(spans)} 段，"
            f"历时 {_ms(end)} 毫秒；"
            "具体数字见同时打印的表格。"
        )
    return (
        f"{len(spans)} spans on {len(rows)} rows over {_ms(end)} ms; "
        "the table printed with it has the numbers."
    )


def timeline_table(spans: Sequence[Span], origin: Origin = None) -> str:
    """The spans as a text table (start and end in ms), in the rows
    `timeline_svg()` draws.

    `origin` is as for `timeline_svg()`: by default each group starts at 0 ms.

    Example:
        >>> s = [Span("thread", 7, "job 1", 10.0, 10.25, WAIT, "sleep",
        ...           "threads")]
        >>> print(timeline_table(s))
        group    worker    work   start ms  end ms  state
        threads  thread 1  job 1         0     250  wait (sleep)
    """
    if not spans:
        return "(no spans)"
    spans = _shifted(spans, origin)
    names = {(g, key): name for g, key, name in _rows(spans)}
    order = {k: i for i, k in enumerate(names)}
    lines = [
        (
            s.group,
            names[(s.group, (s.kind, s.worker))],
            s.label,
            _ms(s.start),
            _ms(s.end),
            s.state + (f" ({s.waited})" if s.waited else ""),
        )
        for s in sorted(
            spans,
            key=lambda s: (order[(s.group, (s.kind, s.worker))], s.start),
        )
    ]
    header = ("group", "worker", "work", "start ms", "end ms", "state")
    if not any(s.group for s in spans):  # one unnamed group: no group column
        header, lines = header[1:], [line[1:] for line in lines]
    widths = [
        max(len(r[i]) for r in [header, *lines]) for i in range(len(header))
    ]
    right = {len(header) - 3, len(header) - 2}

    def fmt(row: Sequence[str]) -> str:
        cells = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i])
            for i, c in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    return "\n".join(fmt(r) for r in [header, *lines])


# --- speed-up charts ---------------------------------------------------------


def speedup_svg(
    title: str,
    workers: Sequence[int],
    series: dict[str, Sequence[tuple[float, float, float]]],
    ideal: Sequence[float],
    width: int = 560,
    height: int = 320,
    lang: str = "en",
) -> str:
    """Draw speed-up against worker count:
    one line per model, the ideal dashed.

    Args:
        title: The chart's title, also its accessible name.
        workers: The worker counts on the x axis, e.g. `[1, 2, 4]`.
        series: For each model, one `(median, low, high)` speed-up per worker
            count; the low and high values are drawn as a vertical error bar.
        ideal: The ideal speed-up per worker count (N for waiting,
            min(N, cores) for computing).
        width: Width in pixels.
        height: Height in pixels.
        lang: "en" or "zh": the language of the
            axis and legend words it draws itself.

    Returns:
        A standalone SVG document.
    """
    _check_lang(lang)
    left, right, top, bottom = 52, 150, 40, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    y_max = (
        max([*ideal, *(hi for pts in series.values() for _, _, hi in pts)])
        * 1.1
    )
    y_max = max(y_max, 1.5)

    def px(i: int) -> float:
        return left + (i + 0.5) / len(workers) * plot_w

    def py(v: float) -> float:
        return top + plot_h - v / y_max * plot_h

    out = [
        *_svg_open(width, height, title, lang),
        *_svg_frame(width, height),
        f'<text x="12" y="24" font-size="14" font-weight="600" class="pc-fg">'
        f"{escape(title)}</text>",
    ]
    step = _nice_step(y_max, 5)
    v = 0.0
    while v <= y_max + 1e-9:
        out.append(
            f'<line x1="{left}" y1="{py(v):.1f}" '
            f'x2="{left + plot_w}" y2="{py(v):.1f}" '
            f'class="pc-grid"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{py(v) + 4:.1f}" '
            'text-anchor="end" class="pc-muted">'
            f"{v:g}x</text>"
        )
        v += step
    for i, n in enumerate(workers):
        out.append(
            f'<text x="{px(i):.1f}" '
            f'y="{top + plot_h + 16}" text-anchor="middle" '
            f'class="pc-muted">{n}</text>'
        )
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" '
        f'y="{height - 10}" text-anchor="middle" '
        f'class="pc-muted">{_t("workers", lang)}</text>'
    )
    ideal_pts = " ".join(
        f"{px(i):.1f},{py(v):.1f}" for i, v in enumerate(ideal)
    )
    out.append(
        f'<polyline points="{ideal_pts}" fill="none" '
        'class="pc-ideal" stroke-width="1.5" '
        f'stroke-dasharray="5 4"/>'
    )
    legend_y = top + 6
    out.append(
        f'<line x1="{left + plot_w + 14}" '
        f'y1="{legend_y}" x2="{left + plot_w + 36}" '
        f'y2="{legend_y}" class="pc-ideal" '
        'stroke-dasharray="5 4" stroke-width="1.5"/>'
    )
    out.append(
        f'<text x="{left + plot_w + 42}" y="{legend_y + 4}" class="pc-fg">'
        f"{_t('ideal', lang)}</text>"
    )
    for k, (name, pts) in enumerate(series.items()):
        # The series colour is the element's CSS
        # `color`: strokes and fills use currentColor.
        color = f'class="pc-s{k % _SERIES}"'
        line = " ".join(
            f"{px(i):.1f},{py(med):.1f}" for i, (med, _, _) in enumerate(pts)
        )
        out.append(
            f'<polyline points="{line}" fill="none" '
            f'{color} stroke="currentColor" '
            f'stroke-width="2"/>'
        )
        for i, (med, lo, hi) in enumerate(pts):
            out.append(
                f'<line x1="{px(i):.1f}" y1="{py(lo):.1f}" '
                f'x2="{px(i):.1f}" y2="{py(hi):.1f}" '
                f'{color} stroke="currentColor" stroke-width="1.5"/>'
            )
            out.append(
                f'<circle cx="{px(i):.1f}" cy="{py(med):.1f}" r="3.5" {color} '
                f'fill="currentColor">'
                f"<title>{escape(name)}, {workers[i]} "
                f"{_t('workers', lang)}: {med:.1f}x</title>"
                "</circle>"
            )
        ly = legend_y + 20 * (k + 1)
        out.append(
            f'<line x1="{left + plot_w + 14}" y1="{ly}" '
            f'x2="{left + plot_w + 36}" y2="{ly}" '
            f'{color} stroke="currentColor" stroke-width="2"/>'
        )
        out.append(
            f'<text x="{left + plot_w + 42}" y="{ly + 4}" '
            f'class="pc-fg">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
