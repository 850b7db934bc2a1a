# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""An event loop in a background thread, used from ordinary (synchronous)
threads.

Useful when sync code (a Flask view, a GUI callback, a worker thread) needs a
long-lived async client. The loop's objects belong to its thread: other threads
talk to it only through run_coroutine_threadsafe() and call_soon_threadsafe(),
and stop it by asking it to stop.
"""

import asyncio
import concurrent.futures
import threading

TIMEOUT = 10.0


class BackgroundLoop:
    """Runs asyncio.run() in a daemon thread until stop() is called."""

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="asyncio-loop", daemon=True
        )
        self.loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None

    def _run(self) -> None:
        asyncio.run(
            self._main()
        )  # asyncio.run also cancels leftover tasks and closes the loop

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._ready.set()
        await self._stop.wait()

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(TIMEOUT):
            raise RuntimeError("the event loop thread did not start")

    def submit(self, coro) -> concurrent.futures.Future:
        # Thread-safe: schedules the coroutine on the loop, returns a
        # concurrent.futures.Future.
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(
            self._stop.set
        )  # never call loop methods directly
        self._thread.join(TIMEOUT)
        assert not self.alive, "the event loop thread did not stop"

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()


async def lookup(key: str) -> str:
    await asyncio.sleep(0.05)  # stands in for an async client call
    return f"{key}={len(key)} (computed in {threading.current_thread().name})"


cleaned = threading.Event()


async def hang() -> None:
    try:
        await asyncio.sleep(3600)
    finally:
        cleaned.set()


def sync_worker(bg: BackgroundLoop, key: str, out: dict) -> None:
    # A plain thread: it blocks on the future (with a timeout), the loop keeps
    # running.
    out[key] = bg.submit(lookup(key)).result(timeout=TIMEOUT)


if __name__ == "__main__":
    bg = BackgroundLoop()
    bg.start()

    print("1. From the main thread:")
    print(f"  {bg.submit(lookup('alpha')).result(timeout=TIMEOUT)}")

    print("2. From four plain threads at once:")
    out: dict[str, str] = {}
    workers = [
        threading.Thread(target=sync_worker, args=(bg, k, out))
        for k in ("b", "cc", "ddd", "e")
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(TIMEOUT)
    for key in sorted(out):
        print(f"  {out[key]}")
    assert len(out) == 4

    print("3. A result that does not come in time:")
    future = bg.submit(hang())
    try:
        future.result(timeout=0.1)
    except concurrent.futures.TimeoutError:
        # cancels the task inside the loop, which runs its finally
        future.cancel()
        print(
            "  timed out; cancel() reached the task, its finally ran: "
            f"{cleaned.wait(TIMEOUT)}"
        )

    bg.stop()
    print(
        f"4. Stopped: thread alive {bg.alive}, loop closed "
        f"{bg.loop.is_closed()}"
    )
    assert bg.loop.is_closed()
