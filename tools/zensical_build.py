"""Build one language of the site with Zensical instead of MkDocs (`nox -s docs-zensical`).

Zensical reads mkdocs.yml and runs the same Python-Markdown extensions (so markdown-exec
blocks call `example()` as under MkDocs), but it runs no MkDocs hooks. What
tools/mkdocs_hooks.py does during a MkDocs build is done here instead:

- the examples have run before (tools/run_examples.py): the pages only read the cache;
- each `example()` call gets its page's language and path, as the hook passes them
  (example_render.with_page_arguments). One difference: Zensical rewrites a relative link
  in the generated HTML (the pyconc.zip link) from the page's source folder, MkDocs leaves
  it as written (relative to the served URL), so the glue names the page as the index of
  its source folder: the link is then written relative to that folder;
- the toolkit download (pyconc.zip) the pages link to is put in each language's docs;
- the glossary marker is replaced by the glossary, before the page is rendered, so that its
  headings get the anchors other pages link to;
- the theme's bundle names unpkg.com and cdn.jsdelivr.net for scripts it loads only on demand
  (mermaid, ace, glightbox, pyodide, a ResizeObserver polyfill; no page of ours needs them):
  they are pointed at this site, so that no code path can reach a third-party host
  (tools/check_site.py).

Zensical keeps its own cache in `.cache/` next to the config, where ours holds the examples'
outputs (and may be a link shared between worktrees): its `--clean` deletes that folder.
So it builds a copy of the sources in build/zensical/ (docs, overrides, examples, configs),
with its cache and the site (build/zensical/site/) in there too. And INHERIT appends the
child's lists to the parent's (MkDocs replaces them: nav, palette and the language switcher
would be doubled): the glue makes it replace them, as MkDocs does.
Usage: python tools/zensical_build.py mkdocs.yml | mkdocs.en.yml
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path, PurePosixPath

import example_render
import example_runner
import glossary
import site_config
import toolkit_zip
import zensical
import zensical.config
import zensical.markdown.render
from deepmerge import Merger

# MkDocs' INHERIT: mappings merge, anything else (lists too) is replaced by the child's.
zensical.config.always_merger = Merger([(dict, ["merge"])], ["override"], ["override"])

_yaml_load = zensical.config._yaml_load
_render = zensical.markdown.render.render


_built = {"lang": "en"}  # the language of the config being built


def _load(source):
    config = _yaml_load(source)
    if "language" in config.get("theme", {}):
        _built["lang"] = config["theme"]["language"]
    return config


def _render_as_the_hook_does(content: str, path: str, *args, **kwargs) -> dict:
    lang = _built["lang"]
    if glossary.MARKER in content:
        content = content.replace(glossary.MARKER, glossary.render(lang))
    folder_index = str(PurePosixPath(path).parent / "index.md")
    content = example_render.with_page_arguments(content, lang, folder_index)
    return _render(content, path, *args, **kwargs)


zensical.config._yaml_load = _load
zensical.markdown.render.render = _render_as_the_hook_does

_CDN = re.compile(r'"https://(?:unpkg\.com|cdn\.jsdelivr\.net)/(?:[^"]*/)?([^"/]*)"')


def keep_scripts_on_site(site: Path) -> None:
    """Point the bundle's on-demand CDN scripts at this site (they are never needed)."""
    for bundle in site.glob("assets/javascripts/bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        bundle.write_text(_CDN.sub(r'"assets/javascripts/vendor/\1"', text), encoding="utf-8")


STAGE = example_runner.ROOT / "build" / "zensical"
SOURCES = ["docs", "overrides", "examples", "mkdocs.yml", "mkdocs.en.yml"]


def stage() -> None:
    """Copy what the site is built from into STAGE (its .cache/ and site/ are kept)."""
    for name in SOURCES:
        source, copy = example_runner.ROOT / name, STAGE / name
        if copy.is_dir():
            shutil.rmtree(copy)
        if source.is_dir():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            STAGE.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    for docs in (STAGE / "docs").iterdir():
        if docs.is_dir() and (docs / "index.md").is_file():
            (docs / example_render.TOOLKIT_ZIP).parent.mkdir(parents=True, exist_ok=True)
            (docs / example_render.TOOLKIT_ZIP).write_bytes(toolkit_zip.build())


if __name__ == "__main__":
    config = sys.argv[1] if len(sys.argv) > 1 else "mkdocs.yml"
    stage()
    zensical.build(str(STAGE / config), {"clean": False, "strict": True})
    keep_scripts_on_site(STAGE / site_config.load(STAGE / config).get("site_dir", "site"))
