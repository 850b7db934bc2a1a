# /// script
# requires-python = ">=3.10"
# dependencies = []
#
# [tool.pyconc]
# per-interpreter = true
# ///
"""An asyncio service stopped by SIGTERM; what asyncio.run() does on Ctrl-C.

The example starts itself twice as a real child process (this file, run with an
argument) and signals it, as systemd, Docker or Kubernetes would (SIGTERM), or
a terminal (SIGINT):

- `service`: loop.add_signal_handler() turns SIGTERM into an Event; the service
  stops taking work, waits for its in-flight jobs up to a deadline, then
  cancels what is left and exits 0.
- `ctrl-c`: no handler of our own. On Python 3.11+ asyncio.run() cancels the
  main task (the CancelledError arrives at the next await), then raises
  KeyboardInterrupt; on 3.10 the KeyboardInterrupt is raised wherever the main
  thread happens to be, mid-statement. POSIX only: on Windows there is no
  SIGTERM to catch and add_signal_handler() does not exist.
"""

import asyncio
import json
import os
import select
import signal
import subprocess
import sys
import time

# Seconds: the short jobs finish while draining, the long ones cannot.
SHORT, LONG = 0.3, 60.0
DRAIN = 1.5  # seconds the service gives its in-flight jobs after SIGTERM
TIMEOUT = 30.0  # no wait in this file lasts longer


async def service() -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        # Runs in the loop: safe to touch asyncio.
        loop.add_signal_handler(sig, stop.set)
    cleaned_up = 0

    async def job(seconds: float) -> None:
        nonlocal cleaned_up
        try:
            await asyncio.sleep(seconds)  # a request being served
        except asyncio.CancelledError:
            cleaned_up += 1  # roll back, release the connection, ...
            raise

    in_flight = {asyncio.create_task(job(s)) for s in [SHORT] * 3 + [LONG] * 2}
    print("ready", flush=True)
    await asyncio.wait_for(stop.wait(), TIMEOUT)
    # 1. Stop taking work (a server would close its listening socket here).
    # 2. Drain: let in-flight jobs finish, up to a deadline.
    started = time.monotonic()
    done, pending = await asyncio.wait(in_flight, timeout=DRAIN)
    # 3. Cancel what is left, and wait for the cancellations (their cleanup) to
    # run.
    for task in pending:
        task.cancel()
    await asyncio.wait_for(
        asyncio.gather(*pending, return_exceptions=True), TIMEOUT
    )
    report = {
        "drained": len(done),
        "abandoned": len(pending),
        "cleaned_up": cleaned_up,
    }
    report["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(report), flush=True)


def ctrl_c() -> None:
    # What a terminal gives a program; a parent started in the background may
    # have set SIGINT to "ignore", and children inherit that.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    events: list[str] = []

    async def main() -> None:
        task = asyncio.current_task()
        cancelling = getattr(task, "cancelling", None)  # Python 3.11+
        try:
            deadline = time.monotonic() + TIMEOUT
            try:
                # The parent signals once it reads this line: on 3.10 the
                # KeyboardInterrupt may land anywhere from here on.
                print("busy", flush=True)
                # Synchronous work, no await.
                while time.monotonic() < deadline:
                    if cancelling and cancelling():
                        break
            except KeyboardInterrupt:
                events.append(
                    "KeyboardInterrupt raised in the middle of sync code"
                )
                raise
            events.append("sync code ran to its end (a cancel was requested)")
            try:
                await asyncio.sleep(TIMEOUT)
            except asyncio.CancelledError:
                events.append("CancelledError at the next await")
                raise
        finally:
            events.append("main()'s finally: blocks ran")

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        events.append("asyncio.run() raised KeyboardInterrupt")
        print(json.dumps(events), flush=True)
        raise  # uncaught: Python then ends by SIGINT, so a shell sees 130


def start(mode: str) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, __file__, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready, _, _ = select.select([child.stdout], [], [], TIMEOUT)
    line = child.stdout.readline().strip() if ready else ""
    if line not in ("ready", "busy"):
        child.kill()
        child.wait(timeout=TIMEOUT)
        raise RuntimeError(f"the {mode} child did not start: {line!r}")
    return child


def parent() -> None:
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    child = start("service")
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=TIMEOUT)
    report = json.loads(out)
    print(
        f"service: 3 short jobs, 2 long ones; SIGTERM; drain up to {DRAIN} s"
    )
    print(
        f"  exit code {child.returncode}, drained {report['drained']},",
        end=" ",
    )
    print(
        f"abandoned {report['abandoned']} (cancelled, cleanup ran for", end=" "
    )
    print(f"{report['cleaned_up']})")
    print(f"  shutdown took {report['seconds']:.1f} s (deadline {DRAIN} s)")
    assert child.returncode == 0, err
    assert (report["drained"], report["abandoned"], report["cleaned_up"]) == (
        3,
        2,
        2,
    )

    child = start("ctrl-c")
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=TIMEOUT)
    events = json.loads(out)
    print(
        "Ctrl-C (SIGINT) while main() runs synchronous code, "
        "no handler of ours:"
    )
    for event in events:
        print(f"  {event}")
    last = err.strip().splitlines()[-1]
    print(f"  exit code {child.returncode} (= -SIGINT), stderr ends: {last}")
    assert child.returncode == -signal.SIGINT
    assert last == "KeyboardInterrupt"
    if sys.version_info >= (3, 11):
        assert events == [
            "sync code ran to its end (a cancel was requested)",
            "CancelledError at the next await",
            "main()'s finally: blocks ran",
            "asyncio.run() raised KeyboardInterrupt",
        ], events
    else:
        assert events == [
            "KeyboardInterrupt raised in the middle of sync code",
            "main()'s finally: blocks ran",
            "asyncio.run() raised KeyboardInterrupt",
        ], events


if __name__ == "__main__":
    if os.name != "posix":
        print(
            "Skipped on Windows: no SIGTERM handler to install (terminate() is"
        )
        print("TerminateProcess, which no program can catch) and no")
        print("loop.add_signal_handler(); stop a service through a message.")
    elif sys.argv[1:] == ["service"]:
        asyncio.run(service())
    elif sys.argv[1:] == ["ctrl-c"]:
        ctrl_c()
    else:
        parent()
