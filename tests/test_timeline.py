"""The timeline toolkit (examples/pyconc/timeline.py): recording in threads, tasks, processes,
and SVG that is well-formed, self-contained and labelled."""

import asyncio
import multiprocessing
import threading
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor

import pytest
from pyconc.timeline import (
    RUN,
    WAIT,
    Recorder,
    Span,
    recorded,
    speedup_svg,
    timeline_svg,
    timeline_table,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_threads_get_one_row_each():
    rec = Recorder(group="threads")
    # No thread ends before all have recorded: a thread that ended could hand its ident to
    # the next one started (a busy machine starts them slowly), and two rows would be one.
    all_recorded = threading.Barrier(3)

    def job(i: int) -> None:
        time.sleep(0.01 * i)
        with rec.span(f"job {i}", WAIT, "sleep"):
            time.sleep(0.01)
        all_recorded.wait(timeout=10)

    threads = [threading.Thread(target=job, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    table = timeline_table(rec.spans)
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["group", "worker", "work"]
    assert [line.split()[1:4] for line in lines[1:]] == [
        ["thread", "1", "job"],
        ["thread", "2", "job"],
        ["thread", "3", "job"],
    ]
    assert all(s.kind == "thread" and s.group == "threads" for s in rec.spans)


def test_rows_are_in_order_of_first_start():
    # Given in the order they ended (as a Recorder holds them), with worker ids in the reverse
    # order of their starts: neither the input order nor the ids give the order of first start.
    spans = [
        Span("thread", 100, "c", 0.20, 0.25, WAIT, group="threads"),
        Span("thread", 200, "b", 0.10, 0.30, WAIT, group="threads"),
        Span("thread", 300, "a", 0.00, 0.40, WAIT, group="threads"),
        Span("thread", 100, "c2", 0.26, 0.45, WAIT, group="threads"),
    ]
    rows = [line.split()[1:4] for line in timeline_table(spans).splitlines()[1:]]
    assert rows == [
        ["thread", "1", "a"],
        ["thread", "2", "b"],
        ["thread", "3", "c"],
        ["thread", "3", "c2"],
    ]
    svg_rows = [t.text for t in ET.fromstring(timeline_svg(spans, "t")).iter(f"{SVG}text")]
    assert [t for t in svg_rows if t.startswith("thread ")] == ["thread 1", "thread 2", "thread 3"]


def test_asyncio_tasks_are_tasks():
    rec = Recorder()

    async def job(i: int) -> None:
        with rec.span(f"job {i}", WAIT):
            await asyncio.sleep(0.01)

    async def main() -> None:
        await asyncio.gather(*(job(i) for i in range(2)))

    asyncio.run(main())
    assert sorted(s.kind for s in rec.spans) == ["task", "task"]
    assert len({s.worker for s in rec.spans}) == 2


def _square(x: int) -> int:
    return x * x


# pytest-xdist runs tests in a process with helper threads; fork then warns (3.12+). The examples
# themselves are tested under fork in fresh processes (tests/test_examples.py).
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_processes_return_spans_on_the_parents_clock(method):
    before = time.perf_counter()
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        results = [f.result(timeout=60) for f in [pool.submit(recorded, _square, 3, label="sq")]]
    after = time.perf_counter()
    ((value, span),) = results
    assert value == 9 and span.kind == "process" and span.label == "sq"
    assert before <= span.start <= span.end <= after  # perf_counter is system-wide


def test_svg_is_well_formed_and_self_contained():
    spans = [
        Span("main", 0, "a & b", 1.0, 1.2, RUN, group="sequential"),
        Span("thread", 11, "job <2>", 1.1, 1.3, WAIT, "sleep", "threads"),
    ]
    svg = timeline_svg(spans, "Title <x>")
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Title <x>"
    assert root.find(f"{SVG}rect").get("fill") == "#ffffff"  # explicit background
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "sequential" in texts and "threads" in texts and "thread 1" in texts
    assert "<script" not in svg and "href" not in svg


def test_group_is_filled_in_by_the_recorder():
    rec = Recorder(group="processes")
    rec.add(Span("process", 123, "x", 0.0, 1.0))
    assert rec.spans[0].group == "processes"


def test_speedup_chart_is_well_formed():
    svg = speedup_svg(
        "Speed-up", [1, 2, 4], {"threads": [(1, 0.9, 1.1), (1.9, 1.8, 2), (3.5, 3, 3.9)]}, [1, 2, 4]
    )
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Speed-up"
    assert len(root.findall(f"{SVG}circle")) == 3


def test_empty_timeline_is_an_error():
    with pytest.raises(ValueError):
        timeline_svg([], "nothing")
