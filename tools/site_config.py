"""Settings read from mkdocs.yml / mkdocs.en.yml, for the tools and tests outside MkDocs.

The link checker needs `site_url` and `repo_url`, the local server the path of `site_url`, the
docs tests each language's `nav`: they all read the YAML here rather than with a regex each.
MkDocs' own loader needs MkDocs; this needs only PyYAML. `!!python/...` tags (which make MkDocs
call pymdownx's slugify) and MkDocs' `!ENV`/`!relative` tags load as None: nothing outside
MkDocs needs their values. `INHERIT` is not followed: ask the file that sets what you need.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    """A safe loader that reads tags it does not know as None instead of failing."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def load(config: str | Path = "mkdocs.yml") -> dict[str, Any]:
    """The config file (relative to the repository's root, or a path) as a dict."""
    return yaml.load((ROOT / config).read_text(encoding="utf-8"), Loader=_Loader)


def nav_pages(config: str | Path = "mkdocs.yml") -> list[str]:
    """The Markdown files its `nav:` lists, in order (titles and sections dropped)."""

    def walk(item: Any) -> list[str]:
        if isinstance(item, str):
            return [item]
        if isinstance(item, dict):
            return [page for value in item.values() for page in walk(value)]
        return [page for entry in item or [] for page in walk(entry)]

    return walk(load(config).get("nav"))
