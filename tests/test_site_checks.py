"""The built-site checkers on a tiny site made here: each must find what it exists to find.

tools/check_links.py (links and anchors resolve) and tools/check_site.py (nothing loads from
another host) run on the real site in `nox -s docs`; there they normally find nothing, which
would also be what a broken checker finds. These fixtures have one fault each.
"""

from __future__ import annotations

from pathlib import Path

import check_links
import check_site
import pytest

PREFIX = check_links.PREFIX  # the path of site_url, e.g. /PythonConcurrent/


def _page(site: Path, path: str, body: str) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two languages, a page with a heading anchor, and links between them that resolve."""
    _page(tmp_path, "index.html", '<a href="intro/#why">why</a> <a href="en/">English</a>')
    _page(tmp_path, "intro/index.html", '<h2 id="why">Why</h2><a href="../">home</a>')
    _page(tmp_path, "en/index.html", f'<a href="{PREFIX}intro/">zh intro</a>')
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("body { color: black }", encoding="utf-8")
    return tmp_path


def test_links_of_a_sound_site_resolve(site: Path) -> None:
    found, checked = check_links.problems(site)
    assert found == [] and checked == 4


def test_a_link_to_a_missing_anchor_is_reported(site: Path) -> None:
    _page(site, "en/intro/index.html", '<a href="../../intro/#no-such-heading">x</a>')
    found, _ = check_links.problems(site)
    assert found == [
        "en/intro/index.html: ../../intro/#no-such-heading: no id 'no-such-heading' there"
    ]


def test_a_link_to_a_missing_page_is_reported(site: Path) -> None:
    _page(site, "intro/index.html", '<h2 id="why">Why</h2><a href="../gone/">gone</a>')
    found, _ = check_links.problems(site)
    assert found == ["intro/index.html: broken link ../gone/ (no gone/index.html)"]


def test_an_absolute_link_outside_the_site_path_is_reported(site: Path) -> None:
    _page(site, "intro/index.html", '<h2 id="why">Why</h2><img src="/elsewhere/logo.png">')
    found, _ = check_links.problems(site)
    assert found == [f"intro/index.html: /elsewhere/logo.png: absolute path outside {PREFIX}"]


def test_a_sound_site_asks_nothing_of_other_hosts(site: Path) -> None:
    _page(site, "intro/index.html", '<a href="https://docs.python.org/3/">a plain link</a>')
    assert check_site.problems(site) == []


@pytest.mark.parametrize(
    ("file", "text", "kind"),
    [
        ("index.html", '<script src="https://cdn.example.org/x.js"></script>', "loads from"),
        ("index.html", '<link rel="stylesheet" href="//cdn.example.org/x.css">', "loads from"),
        ("assets/site.css", '@import url("https://example.org/font.css");', "loads from"),
        ("en/index.html", "<p>see cdn.jsdelivr.net</p>", "names a third-party host"),
    ],
    ids=["script", "stylesheet", "css-import", "cdn-named"],
)
def test_a_request_to_another_host_is_reported(site: Path, file: str, text: str, kind: str) -> None:
    (site / file).write_text(text, encoding="utf-8")
    found = check_site.problems(site)
    assert found and all(line.startswith(f"{file}: {kind}") for line in found), found
