"""How times, counts and lock holders read on screen (translated in the "Formatting" context)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject

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
        day = QCoreApplication.translate("Formatting", "today")
    elif days == 1:
        day = QCoreApplication.translate("Formatting", "tomorrow")
    elif days == -1:
        day = QCoreApplication.translate("Formatting", "yesterday")
    else:
        day = dt.strftime("%a %d %b")
    return QCoreApplication.translate("Formatting", "{day} {time}").format(day=day, time=f"{dt:%H:%M}")


def scans_ago(n: int) -> str:
    if n <= 0:
        return QCoreApplication.translate("Formatting", "the latest scan")
    return _plurals.scans_ago(n)


def holder(session: Session, me: Actor | None, names: dict[str, str]) -> str:
    """Who holds a session's lock, in words: "you", "Pat (associate) on this device", "… on device 1a2b3c4d"."""
    lock = session.lock
    if lock is None:
        return ""
    if me is not None and lock.held_by(me):
        return QCoreApplication.translate("Formatting", "you")
    who = names.get(lock.user_id, lock.user_id)
    if me is not None and lock.device_id == me.device_id:
        return QCoreApplication.translate("Formatting", "{who} on this device").format(who=who)
    return QCoreApplication.translate("Formatting", "{who} on device {device}").format(
        who=who, device=lock.device_id[:8]
    )


class Formatting(QObject):
    """Plural forms: lupdate sees a plural only in a tr() call with a count inside a class (not in translate()),
    and the class name is the context, the same one the functions above use."""

    def scans_ago(self, n: int) -> str:
        return self.tr("%n scans ago", "", n)


_plurals = Formatting()
