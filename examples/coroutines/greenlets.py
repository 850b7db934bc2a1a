# /// script
# requires-python = ">=3.10,<3.15"
# dependencies = ["greenlet==3.5.6"]
# ///
"""greenlet: coroutines switched by hand, the building block under gevent.

A greenlet runs until it explicitly calls switch() to another one; nothing else
decides for it. The switches below are the only order there is, so the output
is deterministic.
"""

import greenlet  # pinned above, for the Pythons it has wheels for

trace: list[str] = []


def ping(n: int) -> str:
    for i in range(n):
        trace.append(f"ping {i}")
        pong_g.switch(i)  # pauses ping right here, resumes pong
    return "ping finished"


def pong(first: int) -> None:
    value = first
    while True:
        trace.append(f"pong {value}")
        value = (
            ping_g.switch()
        )  # back to ping; resumes here with what ping passes next


if __name__ == "__main__":
    ping_g = greenlet.greenlet(ping)
    pong_g = greenlet.greenlet(pong)
    result = ping_g.switch(
        3
    )  # start ping with n=3; returns when control comes back to main
    print(" -> ".join(trace))
    print(
        f"main got: {result!r}; ping dead: {ping_g.dead}, pong dead: "
        f"{pong_g.dead}"
    )
    assert trace == [
        "ping 0",
        "pong 0",
        "ping 1",
        "pong 1",
        "ping 2",
        "pong 2",
    ]
    # pong is still paused inside its loop. throw() raises GreenletExit at that
    # switch(), which ends it quietly (this is also what happens when an
    # unfinished greenlet is collected).
    pong_g.throw()
    print(f"after pong_g.throw(): pong dead: {pong_g.dead}")
    assert pong_g.dead
