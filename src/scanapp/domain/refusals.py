"""Scans the app refused (SPEC H6): where nothing could take them, each is kept in a device-only log with why,
so the session's scan log shows it (refused, red) and the export lists it, while no total ever counts it.

They are not journal events: the server refuses or fences events into a submitted, discarded or foreign
session, so a refused scan recorded as one would make the device and the server disagree.

A refused scan sits in its session's scan log right after the line it followed: `after_ordinal` is that
line's ordinal (0 before the first), `position` its place among the scans refused there. `log_key` orders
lines and refused scans in one sequence of integers, so one paged list shows both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from scanapp.domain.messages import QT_TRANSLATE_NOOP
from scanapp.domain.tally import Line, LineKind

POSITION_BITS = 32
"""A line's ordinal is shifted this far in its log key; the bits below number the scans refused after it."""


def log_key(ordinal: int, position: int = 0) -> int:
    """Where a line (position 0) or a refused scan (position 1, 2, … after line `ordinal`) is in a scan log."""
    return (ordinal << POSITION_BITS) | position


def key_ordinal(key: int) -> int:
    """The ordinal of the line at `key`, or of the line a refused scan at `key` followed."""
    return key >> POSITION_BITS


def is_refused_key(key: int) -> bool:
    return bool(key & ((1 << POSITION_BITS) - 1))


class RefusalReason(StrEnum):
    """Why a scan was refused (stored as its value; the text below is what a person reads)."""

    NO_SESSION = "no session"
    MAY_NOT_COUNT = "may not count"
    HELD_ELSEWHERE = "held elsewhere"
    NOT_STARTED = "not started"
    SUBMITTED = "submitted"
    DISCARDED = "discarded"
    NOT_HERE = "not here"
    DIALOG_OPEN = "dialog open"
    APP_LOCKED = "app locked"
    LAB_PAGE_HIDDEN = "lab page hidden"
    MAY_NOT_RECONCILE = "may not reconcile"
    NO_LAB_SESSION = "no lab session"
    LAB_SESSION_ENDED = "lab session ended"
    LEASE_LOST = "lease lost"
    """The sync server's lease on the session went to another device or a supervisor released it ({title}: why)."""
    LEASE_PENDING = "lease pending"
    """The session was just opened and the sync server's answer about its lease is awaited (a few seconds)."""


REFUSAL_TEXT: Mapping[RefusalReason, str] = {
    RefusalReason.NO_SESSION: QT_TRANSLATE_NOOP("Messages", "No session is open here: open a session to scan."),
    RefusalReason.MAY_NOT_COUNT: QT_TRANSLATE_NOOP(
        "Messages", "You may not count: sign in as a user who counts to scan."
    ),
    RefusalReason.HELD_ELSEWHERE: QT_TRANSLATE_NOOP(
        "Messages",
        "Another user or device holds this session: scan in a session of your own, or ask a supervisor to "
        "release this one.",
    ),
    RefusalReason.NOT_STARTED: QT_TRANSLATE_NOOP(
        "Messages", "This session is not started: press Start counting, then scan."
    ),
    RefusalReason.SUBMITTED: QT_TRANSLATE_NOOP("Messages", "This session is submitted: Re-open session to scan more."),
    RefusalReason.DISCARDED: QT_TRANSLATE_NOOP("Messages", "This session is discarded: open another session to scan."),
    RefusalReason.NOT_HERE: QT_TRANSLATE_NOOP(
        "Messages", "This session cannot be counted here: go back to the counts list."
    ),
    RefusalReason.DIALOG_OPEN: QT_TRANSLATE_NOOP(
        "Messages", "Scans are not taken while “{title}” is open: close it, then scan again."
    ),
    RefusalReason.APP_LOCKED: QT_TRANSLATE_NOOP("Messages", "ScanApp is locked: enter your PIN, then scan."),
    RefusalReason.LAB_PAGE_HIDDEN: QT_TRANSLATE_NOOP(
        "Messages", "The Barcode Tracking page is not shown: open it to scan."
    ),
    RefusalReason.MAY_NOT_RECONCILE: QT_TRANSLATE_NOOP(
        "Messages", "You may not reconcile lab inventory: sign in as a lab user to scan."
    ),
    RefusalReason.NO_LAB_SESSION: QT_TRANSLATE_NOOP(
        "Messages", "No reconciliation session is active: ⚙ → Start Inventory Reconciliation Session, then scan."
    ),
    RefusalReason.LAB_SESSION_ENDED: QT_TRANSLATE_NOOP(
        "Messages", "This reconciliation session has ended: start a new one (⚙) to scan."
    ),
    RefusalReason.LEASE_LOST: QT_TRANSLATE_NOOP(
        "Messages",
        "This device lost the session: {title}. It is read-only here: go back to the counts list. Anything "
        "scanned here after the loss waits for a supervisor's review.",
    ),
    RefusalReason.LEASE_PENDING: QT_TRANSLATE_NOOP(
        "Messages", "This session is being taken from the sync server: scan again in a moment."
    ),
}
"""Each says why and what to do; {title} is the dialog's title (the refused scan's `detail`)."""

REFUSAL_SHORT: Mapping[RefusalReason, str] = {
    RefusalReason.NO_SESSION: QT_TRANSLATE_NOOP("Messages", "no session open"),
    RefusalReason.MAY_NOT_COUNT: QT_TRANSLATE_NOOP("Messages", "this user may not count"),
    RefusalReason.HELD_ELSEWHERE: QT_TRANSLATE_NOOP("Messages", "held by another user or device"),
    RefusalReason.NOT_STARTED: QT_TRANSLATE_NOOP("Messages", "session not started"),
    RefusalReason.SUBMITTED: QT_TRANSLATE_NOOP("Messages", "session submitted"),
    RefusalReason.DISCARDED: QT_TRANSLATE_NOOP("Messages", "session discarded"),
    RefusalReason.NOT_HERE: QT_TRANSLATE_NOOP("Messages", "not countable here"),
    RefusalReason.DIALOG_OPEN: QT_TRANSLATE_NOOP("Messages", "“{title}” was open"),
    RefusalReason.APP_LOCKED: QT_TRANSLATE_NOOP("Messages", "ScanApp was locked"),
    RefusalReason.LAB_PAGE_HIDDEN: QT_TRANSLATE_NOOP("Messages", "Barcode Tracking not shown"),
    RefusalReason.MAY_NOT_RECONCILE: QT_TRANSLATE_NOOP("Messages", "this user may not reconcile"),
    RefusalReason.NO_LAB_SESSION: QT_TRANSLATE_NOOP("Messages", "no reconciliation session"),
    RefusalReason.LAB_SESSION_ENDED: QT_TRANSLATE_NOOP("Messages", "reconciliation ended"),
    RefusalReason.LEASE_LOST: QT_TRANSLATE_NOOP("Messages", "this device lost the session"),
    RefusalReason.LEASE_PENDING: QT_TRANSLATE_NOOP("Messages", "the session was being taken"),
}
"""The same, in a few words: a scan log line's second line."""


@dataclass(frozen=True)
class RefusedScan:
    id: str
    session_id: str | None
    after_ordinal: int
    position: int
    at: datetime
    user_id: str | None
    raw: str
    """The read as the pipeline cleaned it (prefix, suffix and control characters as the settings say)."""
    code: str | None
    """The decoded code, when the read decodes."""
    reading: Mapping[str, Any] = field(default_factory=dict)
    """How the read decodes: `scanapp decode --json`'s fields, or ok false with the error."""
    source: str = ""
    manual: bool = False
    reason: RefusalReason = RefusalReason.NO_SESSION
    detail: str = ""
    """The dialog's title for DIALOG_OPEN; empty otherwise."""

    @property
    def key(self) -> int:
        return log_key(self.after_ordinal, self.position)

    @property
    def why(self) -> str:
        """The reason in English (exports, logs)."""
        return REFUSAL_TEXT[self.reason].format(title=self.detail)

    def as_line(self) -> Line:
        """A stand-in line for the scan log: no category, no units, so it counts nowhere."""
        return Line(
            event_id=self.id,
            session_id=self.session_id or "",
            ordinal=self.after_ordinal,
            kind=LineKind.REFUSED,
            raw=self.raw,
            code=self.code,
            item_key=None,
            units=0,
            category=None,
            source=self.source,
            manual=self.manual,
            at=self.at,
            reason=self.why,
        )
