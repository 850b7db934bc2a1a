# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""An asyncio TCP server and three concurrent clients, all on 127.0.0.1
(port 0: the OS picks).

start_server() calls handle() once per connection, each in its own task; the
clients use open_connection(). Everything runs in one thread, and the example
stops its own server.
"""

import asyncio
import threading


async def handle(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        while (
            line := await reader.readline()
        ):  # b"" when the client closes its side
            await asyncio.sleep(
                0.05
            )  # a slow backend: other connections proceed meanwhile
            writer.write(line.upper())
            await (
                writer.drain()
            )  # waits if the client reads slower than we write
    finally:
        writer.close()
        await writer.wait_closed()


async def client(port: int, name: str, count: int) -> list[str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    try:
        for i in range(count):
            writer.write(f"{name} message {i}\n".encode())
            await writer.drain()
            replies.append((await reader.readline()).decode().strip())
    finally:
        writer.close()
        await writer.wait_closed()
    return replies


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:  # closes the listening socket on exit
        loop = asyncio.get_running_loop()
        start = loop.time()
        replies = await asyncio.wait_for(  # never wait forever on a network
            asyncio.gather(
                *(client(port, name, 3) for name in ("alice", "bob", "carol"))
            ),
            timeout=10,
        )
        elapsed = loop.time() - start
    for name_replies in replies:
        print(f"  {name_replies}")
    print(
        "3 clients x 3 messages, each answered after 0.05 s: "
        f"{elapsed:.2f} s (ideal 0.15 s)"
    )
    print(f"threads in this process: {threading.active_count()}")
    assert replies[1] == ["BOB MESSAGE 0", "BOB MESSAGE 1", "BOB MESSAGE 2"]


if __name__ == "__main__":
    asyncio.run(main())
