"""The glossary: one TOML file per chapter in docs/glossary/, rendered on both glossary pages.

Each term is written once with its Chinese and English name and definition, so the zh and en
glossaries cannot drift apart, and every chapter adds its terms in its own file.
"""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # the tests run on 3.10 too (tomli is in the test group there)
    import tomli as tomllib

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary"
MARKER = "<!-- glossary: generated from docs/glossary/*.toml -->"
REQUIRED = ("id", "zh", "en", "zh_def", "en_def")
# Sections in reading order; a file not listed here comes last.
ORDER = [
    "intro",
    "processes",
    "threads",
    "coroutines",
    "production",
    "modern",
    "distributed",
    "pitfalls",
]
TITLES = {
    "intro": ("基本概念", "Basic concepts"),
    "processes": ("进程", "Processes"),
    "threads": ("线程", "Threads"),
    "coroutines": ("协程与 asyncio", "Coroutines and asyncio"),
    "production": ("生产实战", "In production"),
    "modern": ("实测与现代 CPython", "Measurements and modern CPython"),
    "distributed": ("跨越单机", "Beyond one machine"),
    "pitfalls": ("常见陷阱", "Pitfalls"),
}


def load() -> dict[str, list[dict]]:
    """All terms by chapter; raises ValueError on a missing field or a duplicate id."""
    files = sorted(GLOSSARY.glob("*.toml"), key=lambda p: ([*ORDER, p.stem]).index(p.stem))
    seen: set[str] = set()
    chapters: dict[str, list[dict]] = {}
    for file in files:
        terms = tomllib.loads(file.read_text(encoding="utf-8")).get("term", [])
        for term in terms:
            missing = [k for k in REQUIRED if not term.get(k)]
            if missing:
                raise ValueError(f"{file.name}: term {term.get('id')!r} lacks {missing}")
            if term["id"] in seen:
                raise ValueError(f"{file.name}: term id {term['id']!r} is defined twice")
            seen.add(term["id"])
        chapters[file.stem] = terms
    return chapters


def avoid_map() -> dict[str, str]:
    """{variant: term} for every `zh_avoid` variant: what the zh pages must not say instead.

    A term may also list `zh_aliases`: other names a Chinese reader meets elsewhere (启动方法
    for 启动方式), shown on the glossary page and allowed in prose.
    """
    return {
        variant: term["zh"]
        for terms in load().values()
        for term in terms
        for variant in term.get("zh_avoid", [])
    }


def render(lang: str) -> str:
    """Markdown for the glossary page in `lang` ("zh" or "en")."""
    other = "en" if lang == "zh" else "zh"
    out = []
    for chapter, terms in load().items():
        zh_title, en_title = TITLES.get(chapter, (chapter, chapter))
        out.append(f"## {zh_title if lang == 'zh' else en_title}\n")
        for term in sorted(terms, key=lambda t: t[lang].lower()):
            out.append(f"### {term[lang]} {{#{term['id']}}}\n")
            label = "English" if lang == "zh" else "中文"
            out.append(f"*{label}*: {term[other]}\n")
            if lang == "zh" and term.get("zh_aliases"):
                out.append(f"*也称*：{'、'.join(term['zh_aliases'])}\n")
            out.append(term[f"{lang}_def"].strip() + "\n")
            if term.get("see"):
                more = "详见正文" if lang == "zh" else "Read more"
                out.append(f"[{more}]({term['see']})\n")
    return "\n".join(out)
