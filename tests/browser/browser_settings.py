"""Where the browser tests find the site, the browser, and where they leave screenshots."""

import os
from pathlib import Path

import chromium

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("PYCONC_SITE", ROOT / "site")).resolve()
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMIUM_FLAGS = chromium.PATH, chromium.FLAGS
