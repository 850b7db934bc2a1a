"""Settings that have one home, and the copies that cannot import it stay equal to it.

GitHub's workflow cannot import Python, so its test matrix repeats noxfile.py's PYTHONS: this
test is what keeps the two the same.
"""

import ast
from pathlib import Path

import site_config

ROOT = Path(__file__).resolve().parent.parent


def noxfile_pythons(noxfile: Path = ROOT / "noxfile.py") -> list[str]:
    """PYTHONS as noxfile.py assigns it (read without importing nox)."""
    for node in ast.parse(noxfile.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "PYTHONS" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError("noxfile.py assigns no PYTHONS")


def test_the_workflow_tests_the_pythons_of_the_noxfile() -> None:
    workflow = site_config.load(ROOT / ".github" / "workflows" / "ci.yml")
    matrix = workflow["jobs"]["tests"]["strategy"]["matrix"]["python"]
    assert matrix == noxfile_pythons(), (
        "the Python list lives in noxfile.py (PYTHONS); make the workflow's matrix the same"
    )
