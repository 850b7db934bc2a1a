# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Lock, RLock and acquire(timeout=...): who may take a lock, and how to never
wait forever.

- A Lock is held by at most one thread. Taking it a second time, even from the
  thread that holds it, waits forever: a self-deadlock. acquire(timeout=...)
  turns that into False.
- An RLock may be taken again by the thread that owns it (it counts), and must
  be released as many times. Other threads still wait for it: re-entry is for
  the owner only.
"""

import threading

WAIT = 0.2  # seconds; every acquire below that could block has a timeout


def try_from_other_thread(lock) -> bool:
    """Whether another thread can take `lock` within WAIT seconds."""
    got: list[bool] = []

    def attempt() -> None:
        ok = lock.acquire(timeout=WAIT)
        got.append(ok)
        if ok:
            lock.release()

    t = threading.Thread(target=attempt)
    t.start()
    t.join(timeout=10)
    assert not t.is_alive()
    return got[0]


if __name__ == "__main__":
    lock = threading.Lock()
    with (
        lock
    ):  # acquire() on entry, release() on exit, even if the block raises
        print(f"Lock held with `with`: locked() = {lock.locked()}")
        print(
            "  another thread gets it within "
            f"{WAIT} s: {try_from_other_thread(lock)}"
        )
        # The same thread asks again: with a plain Lock this would wait
        # forever.
        again = lock.acquire(timeout=WAIT)
        print(
            "  the holder acquires it again: "
            f"{again} (a plain Lock is not re-entrant)"
        )
        assert again is False
    print(f"after the with block: locked() = {lock.locked()}")
    assert try_from_other_thread(lock) is True

    rlock = threading.RLock()
    with rlock:
        with (
            rlock
        ):  # the owner re-enters: no wait, an internal count goes to 2
            print("RLock entered twice by its owner: no deadlock")
            inside = try_from_other_thread(rlock)
            print(f"  another thread gets it within {WAIT} s: {inside}")
        after_one = try_from_other_thread(rlock)
        print(
            "  after one release (count 1, still "
            f"owned): another thread gets it: {after_one}"
        )
    after_both = try_from_other_thread(rlock)
    print(f"  after both releases: another thread gets it: {after_both}")
    assert (inside, after_one, after_both) == (False, False, True)

    # Releasing a lock you do not hold is an error, not a no-op.
    for name, unheld in (
        ("Lock", threading.Lock()),
        ("RLock", threading.RLock()),
    ):
        try:
            unheld.release()
        except RuntimeError as error:
            print(f"{name}.release() when not held -> RuntimeError: {error}")
        else:
            raise AssertionError("releasing an unheld lock should raise")
