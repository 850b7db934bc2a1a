"""Every page of both languages loads cleanly and asks nothing of any other host."""

from __future__ import annotations

import pytest
from browser_settings import SITE
from site_server import pages

PAGES = pages(SITE)


def test_both_languages_are_there() -> None:
    zh = [p for p in PAGES if not p.startswith("en/")]
    en = [p for p in PAGES if p.startswith("en/")]
    assert zh and len(zh) == len(en), f"zh pages {len(zh)}, en pages {len(en)}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "(home)")
def test_page_loads_cleanly(watched, server, path: str) -> None:
    response = watched.page.goto(server.url + path, wait_until="load")
    assert response is not None and response.status == 200, f"{path}: HTTP {response.status}"
    # Late requests (the search index, lazy scripts) happen after "load": wait for quiet.
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("h1").first.is_visible()
    assert not watched.foreign, f"{path}: requests to other hosts: {watched.foreign}"
    assert not watched.errors, f"{path}: console errors: {watched.errors}"
