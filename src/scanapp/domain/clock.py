"""Time, passed in so that rules about planned starts and leases can be tested at any hour."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def mono_ns(self) -> int: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def mono_ns(self) -> int:
        return time.monotonic_ns()
