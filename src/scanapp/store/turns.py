"""Whose turn it is to write: the main thread (the screen recording a scan) before a background thread (the
sync worker), within one process.

SQLite's busy handler makes a writer that finds the lock taken sleep and try again (1, 2, 5, 10, 15, 20,
25 ms…). A background thread that writes in a loop of short transactions takes the lock again within a
millisecond of each commit, so a scan waiting that way can miss every gap: measured here, a scan waited
330 ms behind a pull applied in 8 ms transactions. So a background thread about to begin a transaction first
waits while the main thread waits for the lock; the scan then waits at most for the one transaction under way.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

# A background writer gives way for at most this long (a main thread stuck elsewhere must not stop sync).
MAX_GIVE_WAY_S = 1.0


class WriteTurns:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiting = 0

    @staticmethod
    def on_main_thread() -> bool:
        return threading.current_thread() is threading.main_thread()

    @contextmanager
    def main_waits(self) -> Iterator[None]:
        """Around the main thread's wait for the write lock."""
        with self._cond:
            self._waiting += 1
        try:
            yield
        finally:
            with self._cond:
                self._waiting -= 1
                self._cond.notify_all()

    def give_way(self) -> None:
        """A background thread, before it begins a write transaction: after the main thread, if it waits."""
        with self._cond:
            self._cond.wait_for(lambda: self._waiting == 0, MAX_GIVE_WAY_S)
