"""A proxy on loopback that makes a healthy server look like store Wi-Fi at its worst, one request at a time.

It speaks just enough HTTP/1.1 to find each request and each reply on a kept-alive connection (the sync server
sends Content-Length on every answer; the proxy refuses anything else) and asks `fault(method, target)`
what to do with that exchange:

- PASS: forward both ways.
- Trickle(n, every_s): forward the request, then hand the reply back n bytes at a time, one slice every
  `every_s` seconds (the pacing is the fault being simulated, like a weak link, not a wait in a test).
- SWALLOW: take the request, forward nothing, answer nothing (a blackhole).
- HOLD: forward the request (the server applies it), then keep the reply (a reply lost after the work was done).

Bounded in time: an exchange still running after `max_hold_s` is cut (the connection closed), and `stop()` closes all,
so a client that never gives up cannot keep a test running. Runs its own asyncio loop in a thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Literal


@dataclass(frozen=True)
class Trickle:
    size: int = 16
    every_s: float = 0.05


Fault = Literal["pass", "swallow", "hold"] | Trickle
PASS: Fault = "pass"
SWALLOW: Fault = "swallow"
HOLD: Fault = "hold"


class SlowProxy:
    def __init__(self, upstream: str, max_hold_s: float = 30.0) -> None:
        host, port = upstream.removeprefix("http://").rsplit(":", 1)
        self.upstream = (host, int(port))
        self.max_hold_s = max_hold_s
        self.fault: Callable[[str, str], Fault] = lambda _method, _target: PASS
        self.seen: list[tuple[str, str, Fault]] = []
        """Every request (method, target, what was done to it), in order."""
        self.faulted = threading.Event()
        """Set once a request got anything but PASS."""
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def __enter__(self) -> SlowProxy:
        self._thread.start()
        if not self._ready.wait(10) or not self.url:
            raise RuntimeError("the slow proxy did not start")
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()

    def stop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._shutdown)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._connection, "127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in self._tasks:
            task.cancel()
        self._loop.call_soon(self._loop.stop)

    async def _connection(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            while await self._exchange(client_r, client_w):
                pass
        except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client gave up, the server went away, or the proxy's bound or stop ended it
        finally:
            self._tasks.discard(task)
            client_w.close()

    async def _exchange(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> bool:
        """One request and its reply; False when the client closed the connection between requests."""
        try:
            request = await _message(client_r)  # an idle kept-alive connection waits here, unbounded
        except asyncio.IncompleteReadError as err:
            if err.partial:
                raise
            return False
        method, target = (part.decode() for part in request.split(b" ", 2)[:2])
        fault = self.fault(method, target)
        self.seen.append((method, target, fault))
        if fault != PASS:
            self.faulted.set()
        async with asyncio.timeout(self.max_hold_s):
            await self._answer(request, fault, client_w)
        return True

    async def _answer(self, request: bytes, fault: Fault, client_w: asyncio.StreamWriter) -> None:
        if fault == SWALLOW:
            await asyncio.Event().wait()  # until the client gives up or the proxy's bound
        # A connection to the server per request: the server's keep-alive limit (5 s) must not close it while
        # a reply is trickled to the client for longer than that.
        server_r, server_w = await asyncio.open_connection(*self.upstream)
        try:
            server_w.write(request)
            await server_w.drain()
            reply = await _message(server_r)
        finally:
            server_w.close()
        if fault == HOLD:
            await asyncio.Event().wait()
        if isinstance(fault, Trickle):
            for at in range(0, len(reply), fault.size):
                client_w.write(reply[at : at + fault.size])
                await client_w.drain()
                await asyncio.sleep(fault.every_s)
        else:
            client_w.write(reply)
            await client_w.drain()


async def _message(reader: asyncio.StreamReader) -> bytes:
    """One HTTP/1.1 message, head and body (Content-Length framing only)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"transfer-encoding":
            raise AssertionError("the slow proxy frames by Content-Length only")
        if name == b"content-length":
            length = int(value)
    return head + (await reader.readexactly(length) if length else b"")
