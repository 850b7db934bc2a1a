"""Audit the home page and the heaviest page with Lighthouse, over the local server.

Prints the performance, accessibility, best-practices and SEO scores, the page weight (what
the browser downloads, by type), and every audit that did not pass, so that it can be fixed.
Exits non-zero when performance or accessibility is below the target (95).
Usage: python tools/lighthouse.py site --cli path/to/lighthouse [--preset desktop]
Run by `nox -s lighthouse`, which installs the pinned Lighthouse with npm.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import chromium
from site_server import SiteServer, pages

TARGET = 95
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"  # full reports, gitignored
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def heaviest(site: Path) -> str:
    """The page whose HTML is largest (the assets are the same for every page)."""
    return max(pages(site), key=lambda p: (site / p / "index.html").stat().st_size)


def audit(cli: str, url: str, preset: str | None, report: Path) -> dict:
    command = [
        cli,
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(chromium.FLAGS)}",
        "--quiet",
    ]
    if preset:
        command.append(f"--preset={preset}")
    subprocess.run(command, check=True, timeout=300, env=os.environ.copy())
    return json.loads(report.read_text(encoding="utf-8"))


def describe(report: dict) -> tuple[dict[str, int], list[str]]:
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    lines = []
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    lines.append(f"  page weight: {weight / 1024:.0f} KiB transferred")
    summary = report["audits"].get("resource-summary", {}).get("details", {}).get("items", [])
    for item in summary:
        if item.get("resourceType") != "total" and item.get("transferSize"):
            lines.append(
                f"    {item['resourceType']:<12} {item['requestCount']:>3} requests "
                f"{item['transferSize'] / 1024:>7.1f} KiB"
            )
    metrics = report["audits"]
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift"):  # fmt: skip
        if key in metrics:
            lines.append(f"  {metrics[key]['title']}: {metrics[key]['displayValue']}")
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if result["score"] is not None and result["score"] < 1 and ref.get("weight", 0) > 0:
                lines.append(f"  not passed ({category}): {result['title']} [{result['score']}]")
    return scores, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--cli", required=True, help="the lighthouse executable")
    parser.add_argument("--preset", choices=["desktop", "perf", "experimental"], default=None)
    parser.add_argument(
        "--runs", type=int, default=3, help="audits per page; the median is reported (default 3)"
    )
    args = parser.parse_args()
    targets = {"home": "", "heaviest": heaviest(args.site)}
    ARTIFACTS.mkdir(exist_ok=True)
    failed = False
    with SiteServer(args.site) as server:
        for label, path in targets.items():
            url = server.url + path
            # Scores vary from run to run on a busy machine: report the run with the median
            # performance score, as Lighthouse's own documentation recommends.
            runs = []
            for n in range(args.runs):
                report = ARTIFACTS / f"lighthouse-{label}-{args.preset or 'mobile'}-{n + 1}.json"
                runs.append(describe(audit(args.cli, url, args.preset, report)))
            runs.sort(key=lambda run: run[0]["performance"])
            scores, lines = runs[len(runs) // 2]
            print(f"{label} ({path or '/'}), {args.preset or 'mobile'}, median of {args.runs}: "
                  + ", ".join(f"{c} {s}" for c, s in scores.items())
                  + f" (performance in each run: {[run[0]['performance'] for run in runs]})")  # fmt: skip
            print("\n".join(lines))
            failed |= scores["performance"] < TARGET or scores["accessibility"] < TARGET
    if failed:
        print(f"lighthouse: performance or accessibility below {TARGET}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
