# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Mutating a plain list or dict *inside* a Manager dict changes a copy; the
change is lost.

`d["jobs"]` on a `Manager().dict()` proxy asks the manager process for the
value and returns a pickled *copy*; `.append()` changes that local copy and
nothing tells the manager. Either store a nested proxy (`manager.list()`), or
read, modify and write the value back - under a lock when several processes do
it.
"""

import multiprocessing


def add_jobs_in_place(shared, lock, n: int) -> None:
    for i in range(n):
        shared["plain"].append(i)  # appends to a temporary copy: lost
        shared["proxy"].append(
            i
        )  # a nested proxy forwards the call to the manager
        with (
            lock
        ):  # read-modify-write must not interleave with another process's
            jobs = shared["copied"]
            jobs.append(i)
            shared["copied"] = jobs  # assignment goes through the proxy


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        shared = manager.dict(plain=[], proxy=manager.list(), copied=[])
        lock = manager.Lock()
        workers = [
            multiprocessing.Process(
                target=add_jobs_in_place, args=(shared, lock, 50)
            )
            for _ in range(2)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=30)
            assert w.exitcode == 0
        plain, proxy, copied = (
            len(shared[k]) for k in ("plain", "proxy", "copied")
        )
        print(
            "Two processes each append 50 items "
            "to a list stored in a Manager dict:"
        )
        print(
            "  shared['plain'].append(x):        "
            f"{plain:3d} of 100 items arrived"
        )
        print(f"  nested manager.list():            {proxy:3d} of 100")
        print(f"  read, append, write back (lock):  {copied:3d} of 100")
        assert (plain, proxy, copied) == (0, 100, 100)
