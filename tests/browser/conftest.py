"""Fixtures for the browser tests: the built site served locally, and headless Chromium.

Run by `nox -s browser` (which builds the site first, or reuses it with `-- --reuse`).
Needs: a built site/ (or PYCONC_SITE), Playwright for Python, and a Chromium binary
(CHROME_PATH, default /usr/bin/chromium, Debian's `chromium` package; no browser download).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from browser_settings import CHROMIUM, CHROMIUM_FLAGS, SITE
from site_server import SiteServer


def pytest_configure(config):
    if not (SITE / "index.html").is_file() or not (SITE / "en" / "index.html").is_file():
        pytest.exit(f"no built site in {SITE}: run `nox -s docs` first", returncode=2)


@pytest.fixture(scope="session")
def server():
    with SiteServer(SITE) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class Watched:
    """A page plus what it did: console errors, uncaught exceptions, requests to other hosts."""

    def __init__(self, page, origin: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))

        def route(r) -> None:
            url = r.request.url
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and not url.startswith(
                origin + "/"
            ):
                self.foreign.append(url)
                r.abort()
            else:
                r.continue_()

        page.route("**/*", route)


@pytest.fixture
def context(browser, server):
    ctx = browser.new_context(
        viewport={"width": 1280, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
        base_url=server.origin,
    )
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def watched(context, server) -> Watched:
    return Watched(context.new_page(), server.origin)


_STARTED = time.perf_counter()


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(
        f"browser session: {time.perf_counter() - _STARTED:.1f} s (Chromium at {CHROMIUM})"
    )
