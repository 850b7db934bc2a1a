"""The headless Chromium the browser tests and Lighthouse drive, and how it is started.

Debian's `chromium` package by default; CHROME_PATH points elsewhere (CI's runner image has
Google Chrome). No browser is ever downloaded. `noxfile.py` reads this file too (run_path).
"""

import os

PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
