"""The programs a reader copies from the built site: what the copy test runs.

For every example block on a built page (`div.pyconc-example`), this reads what the reader
sees: the source as the copy button copies it (the code cell of the highlighted table, line
numbers excluded), the file name from its title, the command from the run line under it,
and whether that line says to unzip the toolkit next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

_ENDS = {"filename": "span", "code": "code", "run-code": "code"}  # what closes each capture
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass(frozen=True)
class CopiedProgram:
    example: str  # data-example, e.g. "threads/race.py" (for test ids and messages only)
    page: str  # the built page, relative to the site
    file_name: str  # what the title bar says, e.g. "race.py"
    source: str
    command: str  # e.g. "uv run race.py"
    toolkit: str | None  # the href of pyconc.zip when the run line asks for it


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self._stack: list[tuple[str, set[str]]] = []
        self._depth_of_block: int | None = None
        self._current: dict | None = None
        self._in: str | None = None  # "filename", "code", "run-code"

    def _classes(self) -> set[str]:
        return set().union(*(c for _, c in self._stack)) if self._stack else set()

    def _in_source_cell(self) -> bool:
        """Inside the code cell of the titled, line-numbered table (not the line numbers)."""
        return bool(self._current["file"]) and any(
            tag == "td" and "code" in classes for tag, classes in self._stack
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag in VOID:
            if tag == "br" and self._in == "code":
                self._current["source"] += "\n"
            return
        self._stack.append((tag, classes))
        if tag == "div" and "pyconc-example" in classes and self._current is None:
            self._current = {"example": attrs.get("data-example", "?"), "source": "",
                             "file": "", "commands": [], "toolkit": None}  # fmt: skip
            self._depth_of_block = len(self._stack)
            return
        if self._current is None:
            return
        if tag == "span" and "filename" in classes:
            self._in = "filename"
        elif tag == "code" and self._in_source_cell() and not self._current["source"]:
            self._in = "code"
        elif tag == "code" and "pyconc-run" in self._classes():
            self._in = "run-code"
            self._current["commands"].append("")
        elif tag == "a" and "pyconc-run" in self._classes():
            href = attrs.get("href") or ""
            if href.endswith("pyconc.zip"):
                self._current["toolkit"] = href

    def handle_endtag(self, tag):
        if tag in VOID or not self._stack:
            return
        if self._in and tag == _ENDS[self._in]:
            self._in = None
        while self._stack and self._stack.pop()[0] != tag:
            pass
        if self._current is not None and len(self._stack) < (self._depth_of_block or 0):
            self.blocks.append(self._current)
            self._current, self._depth_of_block = None, None

    def handle_data(self, data):
        if self._current is None or self._in is None:
            return
        if self._in == "filename":
            self._current["file"] += data
        elif self._in == "code":
            self._current["source"] += data
        else:
            self._current["commands"][-1] += data


def programs_on(page: Path, site: Path) -> list[CopiedProgram]:
    """Every example program shown on one built page."""
    parser = _Blocks()
    parser.feed(page.read_text(encoding="utf-8"))
    found = []
    for block in parser.blocks:
        runs = [c for c in block["commands"] if c.startswith("uv run ")]
        found.append(
            CopiedProgram(
                example=block["example"],
                page=page.relative_to(site).as_posix(),
                file_name=PurePosixPath(block["file"].strip()).name,
                source=block["source"],
                command=runs[0] if runs else "",
                toolkit=block["toolkit"],
            )
        )
    return found


def programs(site: Path) -> list[CopiedProgram]:
    """Every example program on every page of one language's built site, in page order."""
    return [p for page in sorted(site.rglob("index.html")) for p in programs_on(page, site)]
