"""A session's scan lines and totals, and the rules for one line: made from an event, matched, removed.

domain.projection says which event does what with these rules; the device's store and the server keep the
figures incrementally, and `projection.SessionTally` is the reference fold they are compared against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from scanapp.domain.classification import Category, classify
from scanapp.domain.counts import CountKind
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.journal import Event, EventKind
from scanapp.domain.messages import Message


class LineKind(StrEnum):
    SCAN = "scan"
    HAND = "hand"
    REJECTED = "rejected"
    REFUSED = "refused"
    """Never a stored line: a refused scan shown in the scan log (domain.refusals), counted nowhere."""


@dataclass(frozen=True)
class Line:
    event_id: str
    session_id: str
    ordinal: int
    kind: LineKind
    raw: str
    code: str | None
    item_key: str | None
    units: int
    category: Category | None
    source: str
    manual: bool
    at: datetime
    reason: str | None = None
    removed: bool = False
    review: str | None = None
    """Why the server sent this line's event to a supervisor's review instead of applying it (None: it did
    not). The line stays in the scan list, marked, and counts in no total until a supervisor decides."""

    @property
    def counts(self) -> bool:
        """Whether this line contributes to the totals."""
        return not self.removed and self.review is None and self.category is not None


Expected = Callable[[str], bool]


def line_from_event(event: Event, ordinal: int, kind: CountKind, is_expected: Expected) -> Line:
    p = event.payload
    assert event.session_id is not None
    if event.kind is EventKind.SCAN_REJECTED:
        return Line(
            event_id=event.id,
            session_id=event.session_id,
            ordinal=ordinal,
            kind=LineKind.REJECTED,
            raw=str(p.get("raw", "")),
            code=None,
            item_key=None,
            units=0,
            category=None,
            source=str(p.get("source", "")),
            manual=bool(p.get("manual", False)),
            at=event.wall_time,
            reason=str(p.get("reason", "")),
        )
    item_key = p.get("item_key")
    if event.kind is EventKind.HAND_COUNTED:
        line_kind, units = LineKind.HAND, int(p["qty"])
    elif event.kind is EventKind.SCAN_RECORDED:
        line_kind, units = LineKind.SCAN, 1
    else:
        raise ValueError(f"{event.kind} does not add a line")
    return Line(
        event_id=event.id,
        session_id=event.session_id,
        ordinal=ordinal,
        kind=line_kind,
        raw=str(p.get("raw", "")),
        code=p.get("code"),
        item_key=item_key,
        units=units,
        category=classify(kind, item_key, item_key is not None and is_expected(item_key)),
        source=str(p.get("source", "hand" if line_kind is LineKind.HAND else "")),
        manual=bool(p.get("manual", line_kind is LineKind.HAND)),
        at=event.wall_time,
    )


def matched(line: Line, item_key: str, kind: CountKind, is_expected: Expected) -> Line:
    if line.removed:
        raise InvalidTransition(Message.REMOVED_NOTHING_TO_MATCH)
    if line.category is not Category.UNMATCHED:
        raise InvalidTransition(Message.ONLY_UNMATCHED_MATCH)
    return replace(line, item_key=item_key, category=classify(kind, item_key, is_expected(item_key)))


def removed(line: Line) -> Line:
    if line.removed:
        raise InvalidTransition(Message.LINE_ALREADY_REMOVED)
    return replace(line, removed=True)


@dataclass
class Totals:
    units: int = 0
    unique_items: int = 0
    lines: int = 0
    rejected: int = 0
    expected_scanned: int = 0
    by_category: dict[Category, int] = field(default_factory=dict)

    def units_in(self, category: Category) -> int:
        return self.by_category.get(category, 0)
