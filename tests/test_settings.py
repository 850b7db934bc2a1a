"""Settings that have one home, and the copies that cannot import it stay equal to it.

GitHub's workflow cannot import Python, so its test matrix and the Pythons its docs job
installs repeat noxfile.py's PYTHONS; the runner names them too (for "not run here"). These
tests are what keep them the same.
"""

import ast
from pathlib import Path

import example_runner
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


def test_the_docs_job_installs_every_python_of_the_noxfile() -> None:
    workflow = site_config.load(ROOT / ".github" / "workflows" / "ci.yml")
    installed = [
        step["with"]["python-version"]
        for step in workflow["jobs"]["docs"]["steps"]
        if step.get("uses", "").startswith("actions/setup-python")
    ]
    assert installed, "the docs job installs no Python"
    assert sorted(installed[0].split()) == sorted(noxfile_pythons())


def test_the_runner_knows_the_pythons_of_the_noxfile() -> None:
    assert sorted(example_runner.KNOWN_PYTHONS) == sorted(noxfile_pythons())
