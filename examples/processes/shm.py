# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""multiprocessing.shared_memory: one block of bytes, many processes; close()
and unlink()."""

import multiprocessing
import struct
from multiprocessing import shared_memory

COUNT = 5
LAYOUT = f"{COUNT}q"  # five signed 64-bit integers, native byte order


def square_in_place(name: str) -> None:
    block = shared_memory.SharedMemory(
        name=name
    )  # attach to the existing block by name
    try:
        numbers = struct.unpack_from(LAYOUT, block.buf)
        struct.pack_into(LAYOUT, block.buf, 0, *(n * n for n in numbers))
    finally:
        block.close()  # this process is done with it; the block itself stays


def edit_list(items: shared_memory.ShareableList) -> None:
    try:
        items[0] = items[0].upper()
        items[1] += 1
        try:
            items[0] = "a string longer than the slot it was created with"
        except ValueError as error:
            items[2] = f"ValueError: {error}"[
                :64
            ]  # each slot has a fixed size
    finally:
        items.shm.close()


if __name__ == "__main__":
    size = struct.calcsize(LAYOUT)
    block = shared_memory.SharedMemory(create=True, size=size)
    try:
        struct.pack_into(LAYOUT, block.buf, 0, *range(1, COUNT + 1))
        p = multiprocessing.Process(target=square_in_place, args=(block.name,))
        p.start()
        p.join(timeout=30)
        assert p.exitcode == 0
        result = list(struct.unpack_from(LAYOUT, block.buf))
        print(f"SharedMemory(create=True, size={size}): five 64-bit integers")
        print(
            f"  the parent wrote [1..{COUNT}], a child squared them in place: "
            f"{result}"
        )
        assert result == [n * n for n in range(1, COUNT + 1)]
    finally:
        block.close()  # every process closes its own view...
        # ...and exactly one process frees the block, once everyone is done
        block.unlink()
    try:
        shared_memory.SharedMemory(name=block.name)
    except FileNotFoundError:
        print(
            "  after unlink(), attaching by its name -> FileNotFoundError: "
            "it is gone"
        )

    items = shared_memory.ShareableList(
        ["spawn", 41, " " * 64]
    )  # str, int, a 64-char slot
    try:
        p = multiprocessing.Process(target=edit_list, args=(items,))
        p.start()
        p.join(timeout=30)
        assert p.exitcode == 0
        print("ShareableList edited by a child:")
        print(f"  ['spawn', 41] -> {list(items)[:2]}")
        print("  writing a longer string into slot 0 ->")
        print(f"    {items[2]}")
        assert list(items)[:2] == ["SPAWN", 42]
    finally:
        items.shm.close()
        items.shm.unlink()
