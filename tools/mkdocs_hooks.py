"""MkDocs glue: run every example the pages show before they render, and keep builds honest.

The work itself is in `example_runner` (running, caching) and `example_render` (the Markdown);
this file only decides *when* it happens during a build.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Pages import these by name in their markdown-exec blocks. Importing them here puts them in
# sys.modules, so the import works even after a plugin (mkdocstrings) has reset sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import example_render
import example_runner
import glossary
import toolkit_zip
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.pyconc")
_state = {"building": False, "results": []}

# A Python block on a page that calls sys.exit() would end MkDocs with status 0 and no site.
# If the process exits while a build is still under way, make that a failure.


@atexit.register
def _fail_if_build_did_not_finish() -> None:
    if _state["building"]:
        sys.stderr.write(
            "ERROR: the MkDocs build exited before it finished (sys.exit in a page?)\n"
        )
        sys.stderr.flush()
        os._exit(1)


def _lang(config) -> str:
    lang = config["theme"]["language"].split("_")[0].split("-")[0]
    if lang not in example_render.LABELS:
        raise PluginError(f"no example labels for language {lang!r}")
    return lang


def on_config(config, **kwargs):
    _lang(config)  # fail early on a language the examples have no words for
    return config


def on_files(files, config, **kwargs):
    # Readers who copy an example that imports the toolkit download it from every page.
    files.append(File.generated(config, example_render.TOOLKIT_ZIP, content=toolkit_zip.build()))
    return files


def on_pre_build(config, **kwargs):
    _state["building"] = True
    docs = Path(config["docs_dir"])
    pages = example_runner.pages_by_example([docs])
    results, failures = example_runner.run_many(pages)
    _state["results"] = results
    if failures:
        for name, message in sorted(failures.items()):
            log.error("%s (shown on %s)\n%s", name, ", ".join(pages[name]), message)
        raise PluginError(f"{len(failures)} example(s) failed: {', '.join(sorted(failures))}")


def on_page_markdown(markdown, page, config, **kwargs):
    # The glossary is real Markdown (not a markdown-exec block) so that its headings get
    # anchors that MkDocs validates when other pages link to a term.
    lang = _lang(config)
    if glossary.MARKER in markdown:
        markdown = markdown.replace(glossary.MARKER, glossary.render(lang))
    return example_render.with_page_arguments(markdown, lang, page.file.src_uri)


def on_post_build(config, **kwargs):
    _strip_third_party_fallbacks(Path(config["site_dir"]))
    log.info(example_runner.summary(_state["results"]))
    _state["building"] = False


def on_build_error(error, **kwargs):
    _state["building"] = False


# Material's bundle lazy-loads two scripts from unpkg.com: mermaid (only for pages that draw a
# mermaid diagram; ours do not) and a ResizeObserver polyfill (only for browsers that lack it).
# Point both at our own site so that no code path can reach a third-party host, and drop the
# source maps, which only repeat the bundle.
_UNPKG = {
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': '__md_scope.href+"assets/javascripts/vendor/mermaid.min.js"',
    '"https://unpkg.com/resize-observer-polyfill"': '__md_scope.href+"assets/javascripts/vendor/resize-observer.js"',
}


def _strip_third_party_fallbacks(site: Path) -> None:
    for bundle in (site / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        for old, new in _UNPKG.items():
            text = text.replace(old, new)
        bundle.write_text(text, encoding="utf-8")
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
