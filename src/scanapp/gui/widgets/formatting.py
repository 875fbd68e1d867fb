"""How times, counts and lock holders read on screen (translated in the "Formatting" context)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QObject

from scanapp.domain.catalog import InventoryStatus
from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind, CountState, Session, SessionState
from scanapp.domain.lab import Resolution
from scanapp.domain.permissions import Actor

# The domain's states, kinds and statuses are stored and exported in English; the screens show these.
KIND_NAMES = {
    CountKind.DIRECTED: QT_TRANSLATE_NOOP("Formatting", "Directed count"),
    CountKind.HARD: QT_TRANSLATE_NOOP("Formatting", "Hard count"),
    CountKind.SCOPED: QT_TRANSLATE_NOOP("Formatting", "Reconciliation"),
}
STATE_NAMES = {
    CountState.SCHEDULED: QT_TRANSLATE_NOOP("Formatting", "Scheduled"),
    CountState.IN_PROGRESS: QT_TRANSLATE_NOOP("Formatting", "In progress"),  # a session's In progress too
    CountState.COMPLETED: QT_TRANSLATE_NOOP("Formatting", "Completed"),
    SessionState.NOT_STARTED: QT_TRANSLATE_NOOP("Formatting", "Not started"),
    SessionState.SUBMITTED: QT_TRANSLATE_NOOP("Formatting", "Submitted"),
    SessionState.DISCARDED: QT_TRANSLATE_NOOP("Formatting", "Discarded"),
}
LINE_STATUS_NAMES = {
    Category.COUNTED: QT_TRANSLATE_NOOP("Formatting", "Counted"),
    Category.UNMATCHED: QT_TRANSLATE_NOOP("Formatting", "Unmatched"),
    Category.UNDIRECTED: QT_TRANSLATE_NOOP("Formatting", "Undirected"),
    Category.UNCOUNTED: QT_TRANSLATE_NOOP("Formatting", "Uncounted"),
    "Rejected": QT_TRANSLATE_NOOP("Formatting", "Rejected"),
    "Refused": QT_TRANSLATE_NOOP("Formatting", "Refused"),
    "In review": QT_TRANSLATE_NOOP("Formatting", "In supervisor review"),
}
RESOLUTION_NAMES = {
    Resolution.STILL_MISSING: QT_TRANSLATE_NOOP("Formatting", "Still missing"),
    Resolution.ARCHIVED: QT_TRANSLATE_NOOP("Formatting", "Archived"),
    Resolution.MOVED: QT_TRANSLATE_NOOP("Formatting", "Moved elsewhere"),
    Resolution.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Formatting", "Not applicable"),
}
LAB_ACTION_NAMES = {  # an item history line's action (services.lab_projection)
    "move": QT_TRANSLATE_NOOP("Formatting", "move"),
    "split": QT_TRANSLATE_NOOP("Formatting", "split"),
    "set": QT_TRANSLATE_NOOP("Formatting", "set"),
    "archive": QT_TRANSLATE_NOOP("Formatting", "archive"),
    "resolved": QT_TRANSLATE_NOOP("Formatting", "resolved"),
}
INVENTORY_STATUS_NAMES = {
    InventoryStatus.AVAILABLE: QT_TRANSLATE_NOOP("Formatting", "available"),
    InventoryStatus.IN_USE: QT_TRANSLATE_NOOP("Formatting", "in use"),
    InventoryStatus.QUARANTINED: QT_TRANSLATE_NOOP("Formatting", "quarantined"),
    InventoryStatus.ARCHIVED: QT_TRANSLATE_NOOP("Formatting", "archived"),
}


def _named(names: Mapping[Any, object], value: str) -> str:
    """`value`'s name on screen; a value the screens do not know (from a newer server) as it is."""
    name = names.get(value)
    return QCoreApplication.translate("Formatting", str(name)) if name is not None else value


def kind_name(kind: CountKind) -> str:
    return _named(KIND_NAMES, kind)


def state_name(state: CountState | SessionState) -> str:
    return _named(STATE_NAMES, state)


def line_status_name(status: str) -> str:
    """A scan line's status ("Counted", "Rejected" …, see ScanRow.status)."""
    return _named(LINE_STATUS_NAMES, status)


def inventory_status_name(status: str) -> str:
    return _named(INVENTORY_STATUS_NAMES, status)


def resolution_name(resolution: str) -> str:
    return _named(RESOLUTION_NAMES, resolution)


def lab_action_name(action: str) -> str:
    return _named(LAB_ACTION_NAMES, action)


def grouped(n: int) -> str:
    """A count with the language's digit grouping: 1,234 in English, 1.234 in German (English without one)."""
    locale = QLocale()
    return f"{n:,}" if locale.language() == QLocale.Language.C else locale.toString(n)


def amount(x: float) -> str:
    """A lab quantity as short as it goes (2.5; 2,5 in German), like format(x, "g")."""
    locale = QLocale()
    return f"{x:g}" if locale.language() == QLocale.Language.C else locale.toString(x, "g", 6)


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
        pattern = QCoreApplication.translate("Formatting", "ddd d MMM", "a QDate format: weekday, day, month")
        day = QLocale().toString(QDate(dt.year, dt.month, dt.day), pattern)  # names in the screens' language
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
