"""How a chart an example wrote (an SVG file) is put on a page: `figure_html()`.

The renderer (example_runner) decides *which* file a page shows (`name.zh.svg` on Chinese
pages when the example wrote one, else `name.svg`); this module decides *how*:

- Inline, not an `<img>`: the page's stylesheet (docs/*/assets/pyconc.css) colours the chart's
  `pc-*` classes from Material's palette, so in dark mode the chart is dark too. The SVG's own
  `<style>` (its palette when opened alone, following the *system's* scheme) is dropped: inline,
  it would apply to the whole page and could contradict the scheme the reader picked.
- Named by its own words: the accessible name is the SVG's `<title>`, its description the
  `<desc>` (never the file name), wired with `aria-labelledby` / `aria-describedby`.
- Legible on a phone: the chart never shrinks below ~85 % of its drawn size (text stays about
  10 px); on a narrower screen it scrolls sideways inside its frame, which is focusable (so
  keyboards can scroll it) and says that it scrolls.

Only standard library. The output survives Markdown wherever the renderer puts it: inside an
indented tab Python-Markdown does not see raw HTML blocks, it parses the lines as a paragraph
with inline HTML. So the output is one line (no line can start a heading or a list), made of
elements allowed inside a `<p>` (spans and the svg: a `<figure>` would split the paragraph),
and the characters Markdown reads as syntax in its text are written as character references.
"""

from __future__ import annotations

import hashlib
import html
import re

__all__ = ["MIN_SCALE", "figure_html"]

#: The smallest scale a chart is shown at: 12 px text stays >= 10 px.
MIN_SCALE = 0.85

_WORDS = {
    "zh": {"chart": "图表", "scroll": "可左右滑动查看整张图"},
    "en": {"chart": "Chart", "scroll": "scrolls sideways"},
}
_STYLE = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.DOTALL | re.IGNORECASE)
_PROLOGUE = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_ROOT = re.compile(r"<svg\b([^>]*)>", re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)<")
# Emphasis, code, links, escapes, strike-through/sub/superscript: what inline Markdown reads.
_MARKDOWN = {c: f"&#{ord(c)};" for c in "*_`[]\\~^"}
_ENTITY = re.compile(r"(&#?\w+;)")


def _first(tag: str, svg: str) -> re.Match[str] | None:
    """The first `<tag>` that is a direct child of the root (before any nested element)."""
    return re.search(rf"<{tag}\b([^>]*)>(.*?)</{tag}>", svg, re.DOTALL | re.IGNORECASE)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\s{name}="([^"]*)"', attrs)
    return m.group(1) if m else None


def _set_attr(attrs: str, name: str, value: str) -> str:
    value = html.escape(value, quote=True)
    if _attr(attrs, name) is not None:
        return re.sub(rf'\s{name}="[^"]*"', f' {name}="{value}"', attrs, count=1)
    return f'{attrs} {name}="{value}"'


def figure_html(name: str, svg: str, lang: str) -> str:
    """One chart as HTML: the SVG inline, named by its title, legible on a phone.

    Args:
        name: The file the example wrote (e.g. "timeline_io.zh.svg"): only used to make ids
            unique on the page, never shown or read out.
        svg: The file's text, a standalone SVG document.
        lang: The page's language, "zh" or "en" (for the words this adds around the chart).

    Returns:
        Raw HTML on one line: `<span class="pyconc-figure">` around the frame and the SVG.
    """
    words = _WORDS.get(lang, _WORDS["en"])
    svg = _PROLOGUE.sub("", svg, count=1)
    svg = _STYLE.sub("", svg)
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError(f"{name}: not an SVG document")
    digest = hashlib.sha1(f"{name}\0{svg}".encode()).hexdigest()[:8]
    stem = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    uid = f"pc-fig-{stem}-{digest}"

    title = _first("title", svg[root.end() :])
    desc = _first("desc", svg[root.end() :])
    label = _text(title.group(2)) if title else ""
    attrs = root.group(1)
    attrs = _set_attr(attrs, "role", "img")
    attrs = _set_attr(attrs, "focusable", "false")
    body = svg[root.end() :]
    if title:
        body = body.replace(title.group(0), f'<title id="{uid}-t">{title.group(2)}</title>', 1)
        attrs = _set_attr(attrs, "aria-labelledby", f"{uid}-t")
    else:
        attrs = _set_attr(attrs, "aria-label", words["chart"])
    if desc:
        body = body.replace(desc.group(0), f'<desc id="{uid}-d">{desc.group(2)}</desc>', 1)
        attrs = _set_attr(attrs, "aria-describedby", f"{uid}-d")
    classes = " ".join(filter(None, [_attr(attrs, "class"), "pyconc-figure__svg"]))
    attrs = _set_attr(attrs, "class", classes)

    width = _attr(attrs, "width")
    size = ""
    if width and re.fullmatch(r"\d+(\.\d+)?", width):
        w = float(width)
        # Never wider than drawn, never narrower than legible: below that, the frame scrolls.
        size = f' style="max-width:{w:g}px;min-width:{w * MIN_SCALE:.0f}px"'
    inline = svg[: root.start()] + f"<svg{attrs}{size}>" + body
    inline = "".join(line.strip() for line in inline.splitlines())
    inline = _TEXT.sub(lambda m: ">" + _unmarkdown(m.group(1)) + "<", inline)

    region = html.escape(f"{label or words['chart']} ({words['scroll']})", quote=True)
    return (
        f'<span class="pyconc-figure" id="{uid}">'
        f'<span class="pyconc-figure__frame" tabindex="0" role="region" aria-label="{region}">'
        f"{inline}</span></span>"
    )


def _unmarkdown(text: str) -> str:
    """Text with Markdown's syntax characters as character references (entities kept)."""
    parts = _ENTITY.split(text)
    return "".join(
        part if i % 2 else "".join(_MARKDOWN.get(c, c) for c in part)
        for i, part in enumerate(parts)
    )
