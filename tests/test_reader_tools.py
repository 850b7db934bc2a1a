"""How charts are embedded (tools/example_figures.py), what search indexes
(tools/reader_hooks.py) and when Material's script starts (tools/first_paint_hooks.py); the
browser tests check the same in the built site."""

import re
import xml.etree.ElementTree as ET

import pytest
from example_figures import figure_html
from first_paint_hooks import FALLBACK_MS, after_first_paint
from pyconc.timeline import RUN, WAIT, Span, timeline_svg
from reader_hooks import identifiers, searchable

SPANS = [
    Span("main", 0, "job 1", 1.0, 1.2, RUN, group="sequential"),
    Span("thread", 11, "job 2", 1.1, 1.3, WAIT, "sleep", "4 threads"),
]


def test_figure_is_inline_named_by_its_title_and_styled_by_the_page():
    svg = timeline_svg(SPANS, "Four waits & more", lang="en")
    out = figure_html("timeline_io.svg", svg, "en")
    assert out.startswith('<span class="pyconc-figure"') and "\n" not in out
    assert "<style" not in out  # the page's CSS colours it (dark mode), not the system's
    assert "timeline_io" not in re.sub(r'id="[^"]*"|aria-[a-z]+="[^"]*"', "", out)
    root = ET.fromstring(out)
    svg_el = root.find(".//{http://www.w3.org/2000/svg}svg")
    assert svg_el.get("role") == "img"
    title = svg_el.find("{http://www.w3.org/2000/svg}title")
    desc = svg_el.find("{http://www.w3.org/2000/svg}desc")
    assert title.text == "Four waits & more" and svg_el.get("aria-labelledby") == title.get("id")
    assert svg_el.get("aria-describedby") == desc.get("id")
    assert "min-width:646px" in svg_el.get("style")  # 85 % of 760: text stays legible
    frame = root.find("span")
    assert frame.get("tabindex") == "0" and "scrolls" in frame.get("aria-label")


def test_two_figures_on_a_page_have_distinct_ids():
    a = figure_html("a.svg", timeline_svg(SPANS, "A"), "zh")
    b = figure_html("b.svg", timeline_svg(SPANS, "A"), "zh")
    ids = re.findall(r' id="([^"]+)"', a + b)
    assert len(ids) == len(set(ids)) == 6
    assert "可左右滑动" in a


def test_figure_passes_through_markdown_untouched_inside_a_tab():
    import markdown

    fig = figure_html("x.zh.svg", timeline_svg(SPANS, "标题 *不是强调*", lang="zh"), "zh")
    indented = "\n".join("    " + line for line in fig.splitlines())
    html = markdown.markdown(
        f'=== "运行结果"\n\n{indented}\n', extensions=["pymdownx.tabbed", "pymdownx.superfences"]
    )
    assert "<em>" not in html and "标题 &#42;不是强调&#42;" in html and "<svg" in html
    # Only elements allowed inside the <p> Markdown wraps it in.
    assert not re.search(r"<(figure|div)\b", fig)


def test_figure_without_title_gets_a_generic_name_not_the_file_name():
    out = figure_html("chart.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10"/>', "en")
    assert 'aria-label="Chart"' in out
    with pytest.raises(ValueError):
        figure_html("x.svg", "<html/>", "en")


def test_search_skips_tab_labels_and_long_blocks_but_keeps_identifiers():
    code = "\n".join(f"lock_{i} = threading.Lock()" for i in range(12))
    page = (
        '<div class="tabbed-labels"><label>Source</label><label>Output</label></div>'
        f"<pre><code>{code}</code></pre><pre><code>x = 1\nprint(x)</code></pre>"
    )
    out = searchable(page)
    assert '<div class="tabbed-labels" data-search-exclude>' in out
    assert out.count("<pre data-search-exclude>") == 1  # the short one stays as it is
    terms = re.search(r'<span hidden class="pyconc-terms">([^<]*)</span>', out).group(1)
    assert "threading.Lock" in terms and "lock_11" in terms and terms.count("threading.Lock") == 1
    assert identifiers("def f(self): return None") == []


def test_material_bundle_is_preloaded_and_started_after_the_first_paint():
    page = (
        "<html><head><title>t</title></head><body><p>x</p>"
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body></html>'
    )
    out = after_first_paint(page)
    head, body = out.split("</head>")
    assert '<link rel="preload" as="script" href="../assets/javascripts/bundle.a5f9d56c' in head
    assert '<script src="' not in out  # no parser-inserted bundle left to run before painting
    assert 's.src="../assets/javascripts/bundle.a5f9d56c.min.js"' in body
    assert "requestAnimationFrame" in body and f"setTimeout(start,{FALLBACK_MS})" in body
    assert after_first_paint("<html><head></head><body>no bundle</body></html>").count("<") == 6
