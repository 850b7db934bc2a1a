"""Run every example the pages show, once each, and fill the cache the pages read.

MkDocs does this in its `on_pre_build` hook (tools/mkdocs_hooks.py). A build without MkDocs'
hooks (Zensical: `nox -s docs-zensical`) runs this first, so that each example still runs once
(not once per page or per language) and a failing example stops the build before it starts.
Usage: python tools/run_examples.py [docs/zh docs/en]
"""

from __future__ import annotations

import sys
from pathlib import Path

import example_runner


def main(argv: list[str]) -> int:
    docs = [Path(d) for d in argv] or [
        example_runner.ROOT / "docs" / "zh",
        example_runner.ROOT / "docs" / "en",
    ]
    pages = example_runner.pages_by_example(docs)
    results, failures = example_runner.run_many(pages)
    for name, message in sorted(failures.items()):
        shown = pages.get(name, [])
        print(f"{name} (shown on {', '.join(shown)}):\n{message}", file=sys.stderr)
    print(example_runner.summary(results))
    if failures:
        print(f"{len(failures)} example(s) failed: {', '.join(sorted(failures))}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
