# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Where am I running? The interpreter, the platform and the concurrency
defaults it has."""

import multiprocessing
import os
import platform
import sys
import threading

if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(
        f"Python {platform.python_version()} "
        f"({platform.python_implementation()})"
    )
    print(f"platform: {platform.system()} {platform.machine()}")
    print(f"CPUs: {os.cpu_count()}")
    print(f"GIL enabled: {gil}")
    print(
        "multiprocessing start methods: "
        f"{multiprocessing.get_all_start_methods()}"
    )
    print(f"default start method: {multiprocessing.get_start_method()}")
    print(f"thread switch interval: {sys.getswitchinterval() * 1000:g} ms")
    print(f"threads running now: {threading.active_count()}")
