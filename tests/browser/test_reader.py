"""What a reader does on the site: switch language, search, read an example, copy it, toggle
the colour scheme, hit a missing page. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

import pytest
from browser_settings import ARTIFACTS, ROOT

DEEP = "intro/isolation/"  # a page two levels down, present in both languages
EXAMPLE_PAGE = "pitfalls/"  # a chapter page that shows examples


def open_page(watched, server, path: str):
    page = watched.page
    page.goto(server.url + path, wait_until="load")
    return page


# --- language switcher ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "lang", "target"),
    [(DEEP, "en", "en/" + DEEP), ("en/" + DEEP, "zh", DEEP)],
    ids=["zh->en", "en->zh"],
)
def test_language_switcher_lands_on_the_twin(watched, server, start, lang, target) -> None:
    page = open_page(watched, server, start)
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation(wait_until="load"):
        page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    assert page.url == server.url + target
    assert page.locator("html").get_attribute("lang") == lang
    assert not watched.errors and not watched.foreign


# --- search ----------------------------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result URLs, best first."""
    page.wait_for_load_state("networkidle")  # the search worker has its index
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on key events; fill() alone (and CJK input) sends none
    results = page.locator(".md-search-result__item > .md-search-result__link")
    try:
        results.first.wait_for(state="attached", timeout=10_000)
    except Exception:
        return []
    return [a.evaluate("a => a.href") for a in results.all()]


@pytest.mark.parametrize("path", ["", "en/" + EXAMPLE_PAGE])
def test_search_index_loads_when_the_reader_reaches_for_search(watched, server, path) -> None:
    # Material fetches the whole index as a page loads; overrides/partials/search.html holds
    # that request until search is pointed at, tapped or focused (Lighthouse: page weight and
    # blocking time). Material's bundle itself starts after the first paint
    # (tools/first_paint_hooks.py), and mounts a code block as it comes into view
    # (`content.lazy`): a copy button on the first code block shows that it ran.
    page = watched.page
    index = []
    page.on("request", lambda r: index.append(r.url) if "search_index" in r.url else None)
    page.goto(server.url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.locator(".md-content pre > code:visible").first.scroll_into_view_if_needed()
    page.locator(".md-code__nav").first.wait_for(state="attached", timeout=5_000)
    assert index == [], f"the search index was requested on load: {index}"
    with page.expect_response(lambda r: r.url.endswith("/search/search_index.json")) as reply:
        page.locator("input.md-search__input").focus()
    assert reply.value.ok
    assert search(page, "GIL"), "no result once the index arrived"
    assert not watched.errors and not watched.foreign


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [("zh", "死锁", "threads/locks/"), ("en", "deadlock", "threads/locks/")],
)
def test_search_puts_the_deadlock_page_first(watched, server, lang, query, expected) -> None:
    page = open_page(watched, server, "" if lang == "zh" else "en/")
    urls = search(page, query)
    base = server.url + ("" if lang == "zh" else "en/")
    assert urls, f"no result for {query!r}"
    assert urls[0].startswith(base + expected), f"{query!r}: first result {urls[0]}"


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [("zh", "多进程", "processes/"), ("en", "shared memory", "processes/shared-state/")],
)
def test_search_finds_chapter_pages(watched, server, lang, query, expected) -> None:
    page = open_page(watched, server, "" if lang == "zh" else "en/")
    base = server.url + ("" if lang == "zh" else "en/")
    urls = search(page, query)
    assert any(u.startswith(base + expected) for u in urls), f"{query!r}: {urls}"


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("zh", "竞态条件", "pitfalls/"),  # a word jieba must find inside a sentence
        ("en", "fire-and-forget", "pitfalls/"),
        ("zh", "崩溃", "seed-map/"),
        ("en", "crash", "intro/isolation/"),
    ],
)
def test_search_works_in_each_language(watched, server, lang, query, expected) -> None:
    # The same mechanics as the chapter searches above, on the reader guides.
    page = open_page(watched, server, "" if lang == "zh" else "en/")
    base = server.url + ("" if lang == "zh" else "en/")
    urls = search(page, query)
    assert urls, f"no result for {query!r}"
    assert all(u.startswith(base) for u in urls), "results from the other language"
    assert any(u.startswith(base + expected) for u in urls), f"{query!r}: {urls}"
    assert not watched.errors and not watched.foreign


# --- examples: tabs and copy -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "source", "output"), [("zh", "源代码", "运行结果"), ("en", "Source", "Output")]
)
def test_output_shows_first_and_source_is_one_tab_away(watched, server, lang, source, output):
    page = open_page(watched, server, ("" if lang == "zh" else "en/") + EXAMPLE_PAGE)
    tabs = page.locator(".pyconc-example .tabbed-set").first
    blocks = tabs.locator(".tabbed-content > .tabbed-block")
    # The result is what the reader sees without a click, with where it came from.
    assert blocks.nth(0).is_visible() and not blocks.last.is_visible()
    assert "pyconc-provenance" in blocks.nth(0).inner_html()
    tabs.locator(".tabbed-labels > label", has_text=source).click()
    assert blocks.last.is_visible() and not blocks.nth(0).is_visible()
    tabs.locator(".tabbed-labels > label", has_text=output).click()
    assert blocks.nth(0).is_visible()


def test_copy_button_copies_the_exact_source(watched, server) -> None:
    page = open_page(watched, server, EXAMPLE_PAGE)
    page.locator(".pyconc-example .tabbed-labels > label").filter(has_text="源代码").first.click()
    block = page.locator(".pyconc-example .tabbed-set").first.locator(".tabbed-block").last
    shown_as = block.locator(".filename").first.inner_text().strip()  # examples/<chapter>/<x>.py
    block.hover()
    block.locator('button.md-code__button[data-md-type="copy"]').first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    on_disk = (ROOT / shown_as).read_text(encoding="utf-8")
    # The code block holds the file without its final newline; nothing else may differ.
    assert copied.rstrip("\n") == on_disk.rstrip("\n")
    assert not watched.errors


# --- colour scheme -----------------------------------------------------------------------------


def test_dark_light_toggle(watched, server) -> None:
    page = open_page(watched, server, "")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.reload(wait_until="load")  # the choice is remembered
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert body.get_attribute("data-md-color-scheme") == "default"


# --- 404 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "home_text"),
    [("no-such-page/", "返回首页"), ("en/no-such-page/", "Go to its home page")],
)
def test_missing_page_shows_the_404(watched, server, path, home_text) -> None:
    page = watched.page
    response = page.goto(server.url + path, wait_until="load")
    assert response.status == 404
    assert "404" in page.locator("h1").first.inner_text()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name=home_text).click()
    assert page.url in (server.url, server.url + "en/")
    # The browser reports the 404 of the page itself; nothing else may fail.
    assert all(re.search(r"status of 404", e) for e in watched.errors), watched.errors
    assert not watched.foreign


# --- screenshots ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", EXAMPLE_PAGE, "en/", "en/" + EXAMPLE_PAGE])
def test_screenshot(watched, server, path) -> None:
    page = open_page(watched, server, path)
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    lang, rest = ("en", path[3:]) if path.startswith("en/") else ("zh", path)
    name = f"{lang}-{rest.strip('/').replace('/', '-') or 'home'}"
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
