# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""An unrelated process that attaches to a SharedMemory block can destroy it
when it exits.

On POSIX, SharedMemory(name=...) registers the block with the resource tracker
of the process that attaches, even though it did not create it. A process
started by multiprocessing shares its parent's tracker, so nothing happens; an
*unrelated* Python process (started by subprocess, cron, another program) has
its own tracker, which unlinks the block when that process exits and warns
about a "leak". The creator then finds the name gone. The fix is in the process
that attaches: `track=False` (3.13+), or `resource_tracker.unregister()` right
after attaching (before 3.13). On Windows there is no tracker: a block lives
while any process holds a handle to it, and unlink() does nothing.
"""

import subprocess
import sys
from multiprocessing import resource_tracker, shared_memory

# The unrelated program: a separate Python interpreter that attaches by name,
# reads the first byte, closes its view and exits. {fix} is where it avoids
# registering the block with its own resource tracker.
ATTACH = """
import sys
from multiprocessing import resource_tracker, shared_memory
name, fix = sys.argv[1], sys.argv[2] == "fix"
if fix and sys.version_info >= (3, 13):
    block = shared_memory.SharedMemory(name=name, track=False)
else:
    block = shared_memory.SharedMemory(name=name)
    if fix and sys.platform != "win32":  # undo the registration attaching made
        resource_tracker.unregister(block._name, "shared_memory")
print(block.buf[0])
block.close()
"""


def run_unrelated(name: str, fix: bool) -> str:
    """Run the attaching program; return what its resource tracker said."""
    done = subprocess.run(
        [sys.executable, "-c", ATTACH, name, "fix" if fix else "plain"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "42"
    return done.stderr


def exists(name: str) -> bool:
    try:
        shared_memory.SharedMemory(name=name, create=False).close()
    except FileNotFoundError:
        return False
    return True


if __name__ == "__main__":
    posix = sys.platform != "win32"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"Python {version} on {'POSIX' if posix else 'Windows'}")

    # 1. The unrelated process attaches the plain way, then exits.
    block = shared_memory.SharedMemory(create=True, size=8)
    try:
        block.buf[0] = 42
        stderr = run_unrelated(block.name, fix=False)
        leak = "leaked shared_memory" in stderr
        alive = exists(block.name)
        print("plain SharedMemory(name=...) in an unrelated process:")
        print(f"  its resource tracker warned of a leak: {leak}")
        print(f"  the block still exists after it exited: {alive}")
        if posix:  # 3.10 to 3.13 at least: the attaching process unlinks it
            assert leak and not alive
            print(f"  creator's view still reads {block.buf[0]}, but the name")
            print("  is gone: no other process can attach any more")
        else:  # Windows: our handle keeps the block alive
            assert alive
    finally:
        block.close()
        try:
            block.unlink()
        except FileNotFoundError:
            print("  creator's unlink() -> FileNotFoundError")
            # Our own tracker still lists the block: forget it, or it warns at
            # exit.
            resource_tracker.unregister(block._name, "shared_memory")

    # 2. The same, with the attaching process not registering the block.
    how = "track=False" if sys.version_info >= (3, 13) else "unregister()"
    block = shared_memory.SharedMemory(create=True, size=8)
    try:
        block.buf[0] = 42
        stderr = run_unrelated(block.name, fix=True)
        leak = "leaked shared_memory" in stderr
        alive = exists(block.name)
        print(f"attaching with {how} in the unrelated process:")
        print(f"  its resource tracker warned of a leak: {leak}")
        print(f"  the block still exists after it exited: {alive}")
        assert alive and not leak
    finally:
        block.close()
        block.unlink()  # the creator unlinks, once, as it should
    assert not exists(block.name)
    print("  creator's close() + unlink(): block gone, nothing leaked")
