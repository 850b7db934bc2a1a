"""MkDocs hooks for what a reader sees around the examples: UI words and the search index.

- Headings' permalink tooltip in the page's language (toc's `permalink_title`: 永久链接 on
  Chinese pages, not "Permanent link").
- The search index: tab labels ("Source", "Output" / 源代码, 运行结果) are not indexed as words,
  and a long code or output block is not shown in search previews (Material puts whole
  listings in its result teasers). Its identifiers stay findable: they are indexed as one
  hidden line of words (`<span hidden class="pyconc-terms">`), each name once.

Kept apart from tools/mkdocs_hooks.py (which runs the examples) so that the two can change
independently; both are listed under `hooks:` in mkdocs.yml.
"""

from __future__ import annotations

import html
import keyword
import re

PERMALINK_TITLE = {"zh": "永久链接", "en": "Permanent link"}

#: A code block with more lines than this is left out of search previews.
LONG_BLOCK = 8

_TAB_LABELS = re.compile(r'<div class="tabbed-labels"')
_PRE = re.compile(r"<pre\b([^>]*)>(.*?)</pre>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_DULL = set(keyword.kwlist) | {"self", "cls", "print", "None", "True", "False"}


def on_config(config, **kwargs):
    lang = config["theme"]["language"].split("_")[0].split("-")[0]
    toc = config["mdx_configs"].setdefault("toc", {})
    toc["permalink_title"] = PERMALINK_TITLE.get(lang, PERMALINK_TITLE["en"])
    return config


def identifiers(code: str) -> list[str]:
    """The names in a block of code or output, each once, in order of first appearance."""
    seen: dict[str, None] = {}
    for name in _NAME.findall(code):
        if len(name) > 2 and name not in _DULL:
            seen.setdefault(name)
    return list(seen)


def _long_block(match: re.Match[str]) -> str:
    attrs, body = match.group(1), match.group(2)
    text = html.unescape(_TAG.sub("", body))
    if "data-search-exclude" in attrs or text.count("\n") < LONG_BLOCK:
        return match.group(0)
    terms = html.escape(" ".join(identifiers(text)), quote=False)
    hidden = f'<span hidden class="pyconc-terms">{terms}</span>' if terms else ""
    return f"<pre data-search-exclude{attrs}>{body}</pre>{hidden}"


def searchable(content: str) -> str:
    """Page HTML with tab labels and long code blocks kept out of search previews."""
    content = _TAB_LABELS.sub('<div class="tabbed-labels" data-search-exclude', content)
    return _PRE.sub(_long_block, content)


def on_page_content(html_text, page, **kwargs):
    # Runs before Material's search plugin reads page.content (in on_page_context).
    return searchable(html_text)
