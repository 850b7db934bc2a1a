"""MkDocs hook: Material's JavaScript starts after the page's first paint, not before it.

Material's bundle mounts everything (palette, tabs, copy buttons, table of contents, search)
in one task, and its first steps read computed styles and sizes. Run before the first paint,
that task also pays for the page's first style and layout: on the home page about 80 % of
its time, measured with the CPU profiler under Lighthouse's 4x slowdown. The result was a
300-650 ms task after the first contentful paint, and Lighthouse's Total Blocking Time of
250-530 ms (performance 78-89, `nox -s lighthouse`). Started after the first paint, the same
code finds style and layout done: home 89 -> 99, pitfalls 87 -> 94 (median of 5 or 6 runs).

How: the bundle is preloaded from <head> (fetched as early as before), and its <script> is
added once the first frame has been painted (a timer queued from requestAnimationFrame runs
after that frame), or after `FALLBACK_MS` in a tab that paints nothing (a background tab
pauses requestAnimationFrame). Without JavaScript the page reads as before: content tabs,
navigation and the drawer are CSS.

Pages keep working with the hook removed; Zensical builds (which run no hooks) get
Material's plain <script>. tools/check_site.py checks every page of the MkDocs build.
"""

from __future__ import annotations

import html
import json
import re

#: Material's own tag for its bundle (base.html, `{% block scripts %}`); the hash changes
#: with every Material release, so it is matched, not written down.
BUNDLE_TAG = re.compile(
    r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>'
)
FALLBACK_MS = 1000
MARK = "data-pyconc-after-paint"


def loader(src: str) -> str:
    """The inline script that adds Material's bundle after the first paint."""
    return (
        f"<script {MARK}>(function(){{var done=false;function start(){{if(done)return;"
        f'done=true;var s=document.createElement("script");s.src={json.dumps(src)};'
        f"s.onload=function(){{if(document.readyState!=='loading')"
        f"document.dispatchEvent(new Event('DOMContentLoaded'))}};"
        f"document.body.appendChild(s)}}"
        f"requestAnimationFrame(function(){{setTimeout(start)}});"
        f"setTimeout(start,{FALLBACK_MS})}})()</script>"
    )


def after_first_paint(output: str) -> str:
    """Page HTML with Material's bundle preloaded in <head> and started after first paint."""
    match = BUNDLE_TAG.search(output)
    if not match:
        return output
    src = html.unescape(match.group("src"))
    preload = f'<link rel="preload" as="script" href="{match.group("src")}">'
    output = output[: match.start()] + loader(src) + output[match.end() :]
    return output.replace("</head>", preload + "</head>", 1)


def on_post_page(output: str, **kwargs) -> str:
    return after_first_paint(output)
