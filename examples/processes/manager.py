# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Manager().dict() and .list(): shared through a server process — slow, not
atomic, and shallow."""

import multiprocessing

WORKERS, INCREMENTS = 4, 300


def add_unlocked(shared) -> None:
    for _ in range(INCREMENTS):
        shared["n"] += (
            # a get, then a set: two round trips to the manager, not one
            # operation
            1
        )


def add_locked(shared, lock) -> None:
    for _ in range(INCREMENTS):
        with lock:
            shared["n"] += 1


def run(target, *args) -> None:
    workers = [
        multiprocessing.Process(target=target, args=args)
        for _ in range(WORKERS)
    ]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=60)
    assert all(p.exitcode == 0 for p in workers)


if __name__ == "__main__":
    with (
        multiprocessing.Manager() as manager
    ):  # starts the server process; stops it on exit
        expected = WORKERS * INCREMENTS
        print(
            f"{WORKERS} processes each do shared['n'] += 1 {INCREMENTS} times "
            f"(expected {expected:,}):"
        )
        shared = manager.dict(n=0)
        run(add_unlocked, shared)
        print(
            f"  no lock:         {shared['n']:,} ({expected - shared['n']:,} "
            "updates lost)"
        )
        assert shared["n"] <= expected
        shared["n"] = 0
        run(add_locked, shared, manager.Lock())
        print(
            f"  manager.Lock():  {shared['n']:,} ({expected - shared['n']:,} "
            "updates lost)"
        )
        assert shared["n"] == expected

        print("The nested-mutation pitfall:")
        config = manager.dict(tags=[])
        config["tags"].append(
            "lost"
        )  # gets a COPY of the list, appends to the copy
        print(
            "  config['tags'].append('lost')       -> config['tags'] == "
            f"{config['tags']}"
        )
        assert config["tags"] == []
        tags = config["tags"]
        tags.append("kept")
        config["tags"] = (
            tags  # read, change, write back: the proxy sees the assignment
        )
        print(
            "  copy, append, assign back           -> config['tags'] == "
            f"{config['tags']}"
        )
        config["shared_list"] = (
            manager.list()
        )  # or store a proxy: then nested changes stick
        config["shared_list"].append("kept too")
        print(
            "  a manager.list() stored in the dict -> "
            f"{list(config['shared_list'])}"
        )
        assert config["tags"] == ["kept"] and list(config["shared_list"]) == [
            "kept too"
        ]
