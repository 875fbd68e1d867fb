"""What a device reports whenever it tries to sync (S5): when it tried, its wall clock against the server's, and
who was signed in. Recorded for every push and pull, also when the push is then refused (a malformed body, a
gap, a database error): "last attempt" tells a supervisor the device is alive even when its sync fails.

The device sends its wall clock (its injected Clock) in the X-Device-Time header; the offset is that time minus
the server's clock at the request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, case, update

from scanapp.sync.wire_reports import DEVICE_SEQ_HEADER, DEVICE_TIME_HEADER
from scansync import tables as t

HEADER = DEVICE_TIME_HEADER
SEQ_HEADER = DEVICE_SEQ_HEADER
# A long pull writes the attempt at most this often (and always with its last page).
PULL_NOTE_EVERY = timedelta(seconds=10)
MAX_OFFSET_S = 10 * 365 * 86400.0


def device_time(value: str | None) -> datetime | None:
    """The header's time (ISO 8601; naive = UTC), or None when absent or unreadable (never refused for it)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def attempt_values(now: datetime, user_id: str, reported: datetime | None) -> dict[str, Any]:
    values: dict[str, Any] = {"last_attempt_at": now, "signed_in_user": user_id}
    if reported is not None:
        offset = (reported - now).total_seconds()
        values["clock_offset_s"] = max(-MAX_OFFSET_S, min(MAX_OFFSET_S, round(offset, 3)))
    return values


def device_seq(value: str | None) -> int | None:
    """The header's sequence number, or None when absent or not a plausible one."""
    if not value or not value.strip().isdigit():
        return None
    seq = int(value.strip())
    return seq if seq <= 2**53 else None


def note_attempt(
    conn: Connection, device_id: str, now: datetime, user_id: str, reported: datetime | None, seq: int | None = None
) -> None:
    values = attempt_values(now, user_id, reported)
    if seq is not None:
        column = t.devices.c.reported_seq
        values["reported_seq"] = case((column < seq, seq), else_=column)
    conn.execute(update(t.devices).where(t.devices.c.id == device_id).values(**values))


def stale(row: Any, now: datetime, after: timedelta) -> bool:
    if row.revoked_at is not None:
        return False
    last = last_sync(row)
    return last is None or now - last > after


def last_sync(row: Any) -> datetime | None:
    times = [x for x in (row.last_push_at, row.last_pull_at) if x is not None]
    return max(times) if times else None
