"""How times, counts and lock holders read on screen."""

from __future__ import annotations

from datetime import datetime

from scanapp.domain.counts import Session
from scanapp.domain.permissions import Actor


def local(dt: datetime) -> datetime:
    return dt.astimezone() if dt.tzinfo is not None else dt


def clock_time(dt: datetime) -> str:
    return local(dt).strftime("%H:%M:%S")


def day_and_time(dt: datetime, now: datetime) -> str:
    """ "today 06:00", "tomorrow 06:00", or "Mon 24 Nov 06:00"."""
    dt, today = local(dt), local(now).date()
    days = (dt.date() - today).days
    if days == 0:
        day = "today"
    elif days == 1:
        day = "tomorrow"
    elif days == -1:
        day = "yesterday"
    else:
        day = dt.strftime("%a %d %b")
    return f"{day} {dt:%H:%M}"


def scans_ago(n: int) -> str:
    if n <= 0:
        return "the latest scan"
    return "1 scan ago" if n == 1 else f"{n:,} scans ago"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def holder(session: Session, me: Actor | None, names: dict[str, str]) -> str:
    """Who holds a session's lock, in words: "you", "Pat (associate) on this device", "… on device 1a2b3c4d"."""
    lock = session.lock
    if lock is None:
        return ""
    if me is not None and lock.held_by(me):
        return "you"
    who = names.get(lock.user_id, lock.user_id)
    if me is not None and lock.device_id == me.device_id:
        return f"{who} on this device"
    return f"{who} on device {lock.device_id[:8]}"
