import os

# The browser tests need a built site and Chromium; `nox -s browser` runs them (and sets this).
collect_ignore = [] if os.environ.get("PYCONC_BROWSER_TESTS") else ["browser"]
