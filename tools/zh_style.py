"""Checks of the Chinese pages' form: what a native reader notices at a glance.

Each check takes a page's Markdown and returns what it found, as short excerpts. Code (fenced
blocks and inline `code`), HTML comments and link targets are never checked: they are not prose.

- hard_wraps: a line break between two Chinese characters renders as a stray space.
- padded_emphasis: `是 **协作式** 的` shows spaces Chinese does not use around bold/italic.
- straight_quotes: "中文" in ASCII quotes instead of “中文”.
- avoided_terms: a variant the glossary lists under `zh_avoid`, instead of its term (a Latin
  variant such as `socket` counts only as a whole word outside code).
"""

from __future__ import annotations

import itertools
import re

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK = re.compile(f"[{CJK}]")
_FENCE = re.compile(r"^[ \t]*(```+|~~~+)")
# Lines that start a new block, so the line before them may end a paragraph anywhere.
_BLOCK_START = re.compile(r"^(\||#{1,6} |[-+*] |!!!|\?\?\?|>|<|=== |```|~~~|\d+\. |\[\^)")
_OPENERS = "*_`[(“‘「"
_CLOSERS = "*_`])”’」"


def _prose_lines(text: str) -> list[str]:
    """The page's lines with fenced code blanked out and inline code, comments, link targets
    removed, so that checks see only what a reader reads as prose."""
    out, fenced = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        if fenced:  # indented lines are prose of an admonition or tab: checked like any other
            out.append("")
            continue
        line = re.sub(r"`[^`\n]*`", "code", line)
        line = re.sub(r"<!--.*?-->", "", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)
        out.append(line)
    return out


def hard_wraps(text: str) -> list[str]:
    """Lines of a Chinese paragraph broken between two Chinese characters (or quotes/emphasis
    around them): Markdown turns that break into a space."""
    found = []
    for here, after in itertools.pairwise(_prose_lines(text)):
        end, start = here.rstrip().rstrip(_CLOSERS), after.strip()
        if not end or not start or _BLOCK_START.match(start) or not _CJK.match(end[-1]):
            continue
        first = start.lstrip(_OPENERS)[:1]
        if first and _CJK.match(first):
            found.append(f"{here.strip()[-20:]}⏎{start[:20]}")
    return found


# A space between a Chinese character and emphasis that starts (or ends) with one. Around a
# Latin word (`在 *fork* 下`) the space is the usual CJK-Latin spacing, and stays.
_PADDED = re.compile(
    rf"[{CJK}] +(?:\*\*|\*|__)[{CJK}“]"  # ... 是 **协作式
    rf"|[{CJK}”](?:\*\*|\*|__) +[{CJK}]"  # 协作式** 的 ...
)


def padded_emphasis(text: str) -> list[str]:
    """Bold or italic phrases set off by spaces between Chinese characters."""
    return [m.group(0) for line in _prose_lines(text) for m in _PADDED.finditer(line)]


_STRAIGHT = re.compile(rf'"[^"\n]*[{CJK}][^"\n]*"')


def straight_quotes(text: str) -> list[str]:
    """Chinese text in ASCII double quotes (Chinese pages use “”)."""
    syntax = ("<", "===", "!!!", "???")  # tab and admonition titles are quoted by syntax
    lines = [line for line in _prose_lines(text) if not line.lstrip().startswith(syntax)]
    return [m.group(0) for line in lines for m in _STRAIGHT.finditer(line)]


def _variant(variant: str) -> re.Pattern[str]:
    """A Chinese variant matches anywhere; a Latin word (`socket`) only as a whole word, so
    that `sockets` in a title or `concurrent.futures` in a link's text is not taken for it."""
    if re.fullmatch(r"[A-Za-z][A-Za-z ]*", variant):
        return re.compile(rf"(?<![A-Za-z_.]){re.escape(variant)}(?![A-Za-z_.(])")
    return re.compile(re.escape(variant))


def avoided_terms(text: str, avoid: dict[str, str]) -> list[str]:
    """Each `variant → term` where the page uses a variant the glossary says to avoid."""
    prose = "\n".join(_prose_lines(text))
    return [
        f"{variant} → {term}" for variant, term in avoid.items() if _variant(variant).search(prose)
    ]
