"""HTTP exchanges with a deadline on the whole of each one, the deadlines a device syncs by, and the pull
page size that adapts to a slow link.

Why not httpx's timeouts alone: they bound each network operation, not the exchange. A reply that trickles
a few bytes per read never trips the read timeout, and an upload the peer reads slowly never trips the write
timeout (httpx's sync backend restarts it on every send). The one honest bound on the whole exchange is
cancellation: each request runs on this object's own asyncio loop (in its own thread) under
`asyncio.timeout(seconds)`, which stops it wherever it is (connecting, sending, waiting, reading) and closes
its connection. The caller decides `seconds` from the injected clock's monotonic time; the loop enforces it.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

T = TypeVar("T")

# Settings keys (the local settings table), in seconds.
CONNECT_KEY = "sync.connect_deadline_s"
REQUEST_KEY = "sync.request_deadline_s"
ROUND_KEY = "sync.round_deadline_s"


@dataclass(frozen=True)
class Deadlines:
    """How long a sync may take, for store Wi-Fi (the back room at the edge of coverage, ~1 Mbit/s).

    connect_s: a TCP connect on a LAN takes milliseconds; a weak access point with SYN retries connects in
      ~3 s. No connection by 5 s means the server or the network is not there.
    request_s: a pull starts with pages of 1,000 changes (~500 KB) and a push sends 500 events: ~4 s at
      1 Mbit/s, so 30 s leaves room for retransmits and a busy server. A page slower than that is asked again
      in smaller pages; pages grow only while each takes under a quarter of it (PageSize).
    round_s: push and pull together. Five minutes bounds how long the app can show "Syncing"; a round that
      ran out (a first pull of a very large catalog) keeps every page it got and the next round continues.
    """

    connect_s: float = 5.0
    request_s: float = 30.0
    round_s: float = 300.0

    @classmethod
    def stored(cls, get: Callable[[str, Any], Any]) -> Deadlines:
        """From the device's settings (`get(key, default)`); a missing or unusable value keeps its default."""
        default = cls()
        return cls(
            connect_s=_seconds(get(CONNECT_KEY, None), default.connect_s),
            request_s=_seconds(get(REQUEST_KEY, None), default.request_s),
            round_s=_seconds(get(ROUND_KEY, None), default.round_s),
        )

    def as_settings(self) -> dict[str, float]:
        return {CONNECT_KEY: self.connect_s, REQUEST_KEY: self.request_s, ROUND_KEY: self.round_s}


def _seconds(value: object, default: float) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0:
        return float(value)
    return default


class Expired(Exception):
    """The exchange did not end within its time."""


class Exchanges:
    """One server's HTTP connections, each request bounded as a whole. Callable from any thread, at the same
    time too (a lease heartbeat is not queued behind a slow pull): the loop runs in a thread of its own."""

    def __init__(self, base_url: str, deadlines: Deadlines, http: httpx.AsyncClient | None = None) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="sync-http", daemon=True)
        self._thread.start()
        # The per-operation limits stay as a first line (a connect that cannot happen fails in connect_s).
        timeout = httpx.Timeout(deadlines.request_s, connect=deadlines.connect_s)
        self.http = http or httpx.AsyncClient(base_url=base_url, timeout=timeout)

    def request(self, method: str, url: str, seconds: float, **kw: Any) -> httpx.Response:
        """The whole response (body read) if it all arrives within `seconds`, else Expired."""
        return self.start(method, url, seconds, **kw).result()

    def start(self, method: str, url: str, seconds: float, **kw: Any) -> Future[httpx.Response]:
        """The same exchange, under way while the caller goes on: its result is request()'s answer (or raises
        what request() raises). Cancel the future to drop the exchange."""
        if seconds <= 0:
            failed: Future[httpx.Response] = Future()
            failed.set_exception(Expired())
            return failed
        return asyncio.run_coroutine_threadsafe(self._within(seconds, self.http.request(method, url, **kw)), self._loop)

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._run(self.http.aclose())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def _run(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result()

    @staticmethod
    async def _within(seconds: float, work: Awaitable[T]) -> T:
        try:
            async with asyncio.timeout(seconds):
                return await work
        except TimeoutError as err:
            raise Expired from err
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout) as err:
            raise Expired from err  # one operation's limit (request_s) was reached: the same verdict


MIN_PULL_PAGE = 50
GROW_AFTER = 3


@dataclass
class PageSize:
    """The pull page size. A page that missed its deadline is asked again at half the size (down to
    MIN_PULL_PAGE: at 50 changes, ~25 KB, a link that cannot make the deadline is too slow to sync). After
    GROW_AFTER pages in a row that each came in under a quarter of the deadline it doubles, up to `top`.
    """

    top: int
    size: int = 0
    _fast: int = 0

    def __post_init__(self) -> None:
        self.size = self.size or self.top

    def shrink(self) -> bool:
        """Halve for the retry; False when already at the smallest page (nothing left to try)."""
        self._fast = 0
        if self.size <= min(MIN_PULL_PAGE, self.top):
            return False
        self.size = max(min(MIN_PULL_PAGE, self.top), self.size // 2)
        return True

    def took(self, seconds: float, deadline_s: float) -> None:
        self._fast = self._fast + 1 if seconds < deadline_s / 4 else 0
        if self._fast >= GROW_AFTER and self.size < self.top:
            self.size, self._fast = min(self.top, self.size * 2), 0
