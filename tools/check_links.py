"""Fail if a built page links to something the site does not have.

MkDocs (`validation:` and `--strict`) checks the links written in the Markdown. This checks
what the browser gets: every `href`/`src`/`srcset` of every HTML page in both languages,
including those the theme and our templates add (navigation, language switcher, 404 page,
canonical URLs), must resolve to a file in site/, and a `#fragment` to an id on that page.
"Edit this page" links must point at a file that exists in docs/.
Usage: python tools/check_links.py site
"""

from __future__ import annotations

import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import site_config

ROOT = site_config.ROOT
_CONFIG = site_config.load()
# e.g. https://pythonconcurrent.github.io/PythonConcurrent/
SITE_URL = _CONFIG.get("site_url") or ""
PREFIX = urlsplit(SITE_URL).path or "/"
EDIT = (_CONFIG.get("repo_url") or "").rstrip("/") + "/edit/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in ("href", "src"):
                self.links.append(value)
            elif name == "srcset":
                self.links += [part.split()[0] for part in value.split(",") if part.strip()]


@cache
def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target(site: Path, page: Path, link: str) -> tuple[Path | None, str] | None:
    """The file and fragment a link points to, or None when it is not ours to check."""
    if SITE_URL and link.startswith(SITE_URL):
        link = PREFIX + link[len(SITE_URL) :]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        if not path.startswith(PREFIX):
            return (None, f"absolute path outside {PREFIX}")
        url = PurePosixPath(path[len(PREFIX) :])
    else:
        url = PurePosixPath(page.parent.relative_to(site).as_posix()) / path
    resolved = Path(site, *[p for p in url.parts if p not in ("", ".")]).resolve()
    if resolved != site and site not in resolved.parents:
        return (None, "points outside the site")
    if resolved.is_dir() or path.endswith("/"):
        resolved = resolved / "index.html"
    return resolved, parts.fragment


def problems(site: Path) -> tuple[list[str], int]:
    site = site.resolve()
    found: list[str] = []
    checked = 0
    for page in sorted(site.rglob("*.html")):
        where = page.relative_to(site).as_posix()
        for link in _parse(page).links:
            if link.startswith(EDIT):
                source = ROOT / link[len(EDIT) :].split("/", 1)[-1]
                if not source.is_file():
                    found.append(f"{where}: edit link to a missing file: {link}")
                checked += 1
                continue
            target = _target(site, page, link)
            if target is None:
                continue
            checked += 1
            file, fragment = target
            if file is None:
                found.append(f"{where}: {link}: {fragment}")
            elif not file.is_file():
                found.append(f"{where}: broken link {link} (no {file.relative_to(site)})")
            elif fragment and file.suffix == ".html" and unquote(fragment) not in _parse(file).ids:
                found.append(f"{where}: {link}: no id {unquote(fragment)!r} there")
    return found, checked


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not (site / "index.html").is_file() or not (site / "en" / "index.html").is_file():
        sys.exit(f"{site} is not a built site with both languages (run `nox -s docs`)")
    issues, checked = problems(site)
    for line in issues:
        print(line)
    if issues:
        sys.exit(f"check_links: {len(issues)} broken link(s) in {site}/")
    pages = len(list(site.rglob("*.html")))
    print(f"check_links: {checked} internal links in {pages} HTML pages, all resolve")
