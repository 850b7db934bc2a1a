# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# benchmark = true
# ///
"""Who holds the GIL, and for how long? A heartbeat thread measures it, on any
number of cores.

The main thread wakes every millisecond while a worker thread runs one kind of
work, and records the longest gap between its heartbeats. If the worker holds
the GIL, the heartbeat must wait for it; if the worker releases it, the
heartbeat keeps its rhythm.

- A pure-Python loop holds the GIL, but the interpreter makes it hand the GIL
  over when another thread has asked for it for sys.getswitchinterval()
  seconds: gaps of a few ms.
- One long C call that does not release the GIL (sum() over a big range) blocks
  everyone until it returns: the gap is the whole call.
- hashlib, zlib and time.sleep release the GIL while they work: the heartbeat
  barely notices.
"""

import hashlib
import sys
import threading
import time
import zlib

BLOB = b"\x5a" * (8 << 20)  # 8 MiB
TEXT = b"The quick brown fox jumps over the lazy dog. " * 20_000


def pure_python() -> None:
    total = 0
    for i in range(2_000_000):
        total += i
    assert total == 1_999_999_000_000


def c_call_holding_gil() -> None:
    assert (
        sum(range(15_000_000)) == 15_000_000 * 14_999_999 // 2
    )  # one call, all in C


def hashlib_work() -> None:
    for _ in range(16):
        hashlib.sha256(BLOB).digest()


def zlib_work() -> None:
    for _ in range(20):
        zlib.compress(TEXT, 9)


def sleeping() -> None:
    time.sleep(0.2)


def longest_gap(work) -> tuple[float, float]:
    """Run work() in a thread; return (its duration, the longest heartbeat gap)
    in seconds."""
    worker = threading.Thread(target=work)
    gaps = []
    start = last = time.perf_counter()
    worker.start()
    while worker.is_alive():
        time.sleep(
            0.001
        )  # heartbeat: needs the GIL back to continue after each sleep
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join(timeout=30)
    return time.perf_counter() - start, max(gaps)


if __name__ == "__main__":
    check = getattr(sys, "_is_gil_enabled", None)  # 3.13+
    gil = (
        "yes"
        if check is None
        else ("yes" if check() else "no (free-threaded)")
    )
    interval = sys.getswitchinterval()
    print(
        f"GIL enabled: {gil}; sys.getswitchinterval() "
        f"= {interval * 1000:.0f} ms"
    )
    print(
        f"{'worker thread runs':<34}{'took':>7}{'longest heartbeat gap':>24}"
    )
    gaps = {}
    for label, work in [
        ("pure-Python loop", pure_python),
        ("sum(range(15M)): one C call", c_call_holding_gil),
        ("hashlib.sha256, 16 x 8 MiB", hashlib_work),
        ("zlib.compress, 20 x 0.9 MB", zlib_work),
        ("time.sleep(0.2)", sleeping),
    ]:
        took, gaps[label] = longest_gap(work)
        print(f"{label:<34}{took:>6.2f}s{gaps[label] * 1000:>20.0f} ms")
    print(
        "(a heartbeat never waiting would show ~1 ms; "
        f"the switch interval is {interval * 1000:.0f} ms)"
    )
