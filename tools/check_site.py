"""Fail if the built site would make a browser contact any host but its own.

Readers offline or in mainland China get a broken page when a font, script or stylesheet
comes from a third-party host. Plain links (`<a href>`) are fine: nothing loads until clicked.
Usage: python tools/check_site.py site
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# Attributes and CSS that make the browser fetch something by itself.
_FETCHES = [
    re.compile(
        r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']?(https?:)?//""", re.I
    ),
    re.compile(
        r"""<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|modulepreload|manifest))[^>]*\bhref=["']?(https?:)?//""",
        re.I,
    ),
    re.compile(r"""@import\s+(?:url\()?["']?(https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?(https?:)?//""", re.I),
]
_KNOWN_HOSTS = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs\.cloudflare|googletagmanager|google-analytics"
)


def problems(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".css", ".js", ".json", ".xml", ".svg", ".map"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in _FETCHES:
            for m in pattern.finditer(text):
                found.append(
                    f"{path.relative_to(site)}: loads from another host: {m.group(0)[:120]}"
                )
        if path.suffix != ".xml" and (m := _KNOWN_HOSTS.search(text)):
            found.append(f"{path.relative_to(site)}: names a third-party host: {m.group(0)}")
    return found


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not (site / "index.html").is_file() or not (site / "en" / "index.html").is_file():
        sys.exit(f"{site} is not a built site with both languages (run `nox -s docs`)")
    issues = problems(site)
    for line in issues:
        print(line)
    pages = len(list(site.rglob("*.html")))
    if issues:
        sys.exit(f"{len(issues)} third-party reference(s) in {site}/")
    print(f"check_site: {pages} HTML pages, no request to any third-party host")
