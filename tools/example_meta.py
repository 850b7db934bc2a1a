"""What an example declares about itself: its PEP 723 inline script metadata.

Every example starts with the standard block that `uv run`, `pipx run` and other tools read::

    # /// script
    # requires-python = ">=3.11"
    # dependencies = ["psutil==7.2.2"]
    #
    # [tool.pyconc]
    # timeout = 120          # seconds; the default is DEFAULT_TIMEOUT
    # benchmark = true       # the build runs it alone, after the others, so timings are honest
    # per-interpreter = true # its output differs by Python: the page shows one tab per Python
    # expected-warnings = ["DeprecationWarning"]  # warnings that are the example's lesson
    # ///

`requires-python` is a PEP 440 specifier set (`>=3.10,!=3.12.*` works); the block is parsed
with the reference regular expression from PEP 723 and TOML, never by hand.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from packaging.specifiers import SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10 runs the tests too
    import tomli as tomllib

DEFAULT_TIMEOUT = 60.0
# The regular expression PEP 723 gives for finding a metadata block.
_BLOCK = re.compile(r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$")
_TOOL_KEYS = {"timeout", "benchmark", "per-interpreter", "expected-warnings"}


class MetadataError(ValueError):
    """An example's `# /// script` block is missing or malformed."""


@dataclass(frozen=True)
class Meta:
    requires_python: SpecifierSet = field(default_factory=lambda: SpecifierSet(">=3.10"))
    dependencies: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    benchmark: bool = False
    per_interpreter: bool = False
    expected_warnings: tuple[str, ...] = ()

    def admits(self, version: str) -> bool:
        """Whether Python `version` ("3.13.0", "3.14") may run the example."""
        return self.requires_python.contains(version, prereleases=True)

    @property
    def runnable_here(self) -> bool:
        return self.admits(".".join(map(str, sys.version_info[:3])))

    @property
    def lowest_python(self) -> str:
        """The oldest minor version admitted, for messages ("3.11")."""
        for minor in range(10, 30):
            if self.admits(f"3.{minor}.0"):
                return f"3.{minor}"
        return str(self.requires_python)


def script_block(source: str) -> dict:
    """The parsed TOML of the `# /// script` block (PEP 723 reference implementation)."""
    matches = [m for m in _BLOCK.finditer(source) if m.group("type") == "script"]
    if len(matches) > 1:
        raise MetadataError("more than one `# /// script` block")
    if not matches:
        raise MetadataError("no `# /// script` block (PEP 723 inline metadata)")
    content = "".join(
        line[2:] if line.startswith("# ") else line[1:]
        for line in matches[0].group("content").splitlines(keepends=True)
    )
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        raise MetadataError(f"the `# /// script` block is not valid TOML: {error}") from None


def meta_of(source: str) -> Meta:
    """Read an example's metadata; raises MetadataError when it is missing or wrong."""
    data = script_block(source)
    if "requires-python" not in data:
        raise MetadataError("the `# /// script` block must say `requires-python`")
    tool = data.get("tool", {}).get("pyconc", {})
    unknown = set(tool) - _TOOL_KEYS
    if unknown:
        raise MetadataError(f"unknown [tool.pyconc] keys: {sorted(unknown)}")
    return Meta(
        requires_python=SpecifierSet(data["requires-python"]),
        dependencies=tuple(data.get("dependencies", ())),
        timeout=float(tool.get("timeout", DEFAULT_TIMEOUT)),
        benchmark=bool(tool.get("benchmark", False)),
        per_interpreter=bool(tool.get("per-interpreter", False)),
        expected_warnings=tuple(tool.get("expected-warnings", ())),
    )
