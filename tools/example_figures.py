"""How a figure an example wrote (an SVG file) is put on a page."""

from __future__ import annotations

import base64
import html
import re


def figure_html(name: str, svg: str, lang: str) -> str:
    """An <img> with the SVG inline as a data: URI (no extra file, no other host), its alt
    text taken from the SVG's own <title>, never the file name."""
    title = re.search(r"<title>(.*?)</title>", svg, re.DOTALL)
    alt = html.unescape(title.group(1)).strip() if title else name
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{alt}](data:image/svg+xml;base64,{data}){{ .pyconc-figure }}"
