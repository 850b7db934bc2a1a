# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Pipe(): duplex and one-way ends, and closing unused ends so recv() raises
EOFError."""

import multiprocessing
import os
import stat
import sys


def os_object(conn) -> str:
    """What the operating system has behind a Connection's file descriptor."""
    mode = os.fstat(conn.fileno()).st_mode
    if stat.S_ISSOCK(mode):
        return "a socket (socket.socketpair())"
    if stat.S_ISFIFO(mode):
        return "a pipe (os.pipe())"
    return "something else"


def recv_within(conn, timeout: float = 30):
    """recv() has no timeout; poll() first so a silent peer cannot hang us
    forever."""
    if not conn.poll(timeout):
        raise TimeoutError(f"nothing received within {timeout} s")
    return conn.recv()


def echo(conn) -> None:
    """Duplex: the same end both receives and sends."""
    while (msg := recv_within(conn)) != "bye":
        conn.send(msg.upper())
    conn.close()


def produce(send_end, recv_end) -> None:
    # the child does not read: close its copy (inherited under fork)
    recv_end.close()
    for n in range(3):
        send_end.send(n)
    send_end.close()  # this process will send nothing more


if __name__ == "__main__":
    print("Duplex pipe (the default): both ends send and receive")
    here, there = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(there,))
    p.start()
    replies = []
    for word in ("ping", "pong"):
        here.send(word)
        replies.append(recv_within(here))
    here.send("bye")
    p.join(timeout=30)
    print(f"  sent ['ping', 'pong'], received {replies}")
    assert replies == ["PING", "PONG"]

    print(
        "One-way pipe: Pipe(duplex=False) returns (receive end, send end), "
        "in that order"
    )
    recv_end, send_end = multiprocessing.Pipe(duplex=False)
    if sys.platform != "win32":  # Windows uses named pipes for both
        print(f"  on POSIX, Pipe() ends are {os_object(here)};")
        print(f"  Pipe(duplex=False) ends are {os_object(recv_end)}")
        assert stat.S_ISSOCK(os.fstat(here.fileno()).st_mode)
        assert stat.S_ISFIFO(os.fstat(recv_end.fileno()).st_mode)
    here.close()
    try:
        recv_end.send("hello")
    except OSError as error:
        print(f"  recv_end.send() -> OSError: {error}")
    try:
        send_end.recv()
    except OSError as error:
        print(f"  send_end.recv() -> OSError: {error}")

    print(
        "recv() raises EOFError only when EVERY copy of the send end is closed"
    )
    p = multiprocessing.Process(target=produce, args=(send_end, recv_end))
    p.start()
    received = [recv_within(recv_end) for _ in range(3)]
    p.join(timeout=30)
    print(
        f"  received {received}; the child has exited (exit code {p.exitcode})"
    )
    # The parent still holds its own copy of send_end, so the pipe is not at
    # EOF: a plain recv() here would block forever. poll() with a timeout shows
    # it without hanging.
    print(
        "  parent still holds send_end: poll(0.5) "
        f"-> {recv_end.poll(0.5)} (recv() would hang)"
    )
    send_end.close()
    try:
        recv_within(
            recv_end
        )  # poll() reports EOF as "readable"; recv() then raises
    except EOFError:
        print("  after the parent closes its send_end too: recv() -> EOFError")
    recv_end.close()
    assert received == [0, 1, 2] and p.exitcode == 0
