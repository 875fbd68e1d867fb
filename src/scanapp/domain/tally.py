"""A session's scan lines and totals, folded from its journal events.

The store keeps the same figures incrementally in SQL, using the line rules below; `SessionTally`
is the reference fold that a rebuild is compared against (B1: the journal is the truth).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from scanapp.domain.classification import Category, classify
from scanapp.domain.counts import CountKind
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import Event, EventKind


class LineKind(StrEnum):
    SCAN = "scan"
    HAND = "hand"
    REJECTED = "rejected"


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

    @property
    def counts(self) -> bool:
        """Whether this line contributes to the totals."""
        return not self.removed and self.category is not None


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
        raise InvalidTransition("This scan was removed; there is nothing to match.")
    if line.category is not Category.UNMATCHED:
        raise InvalidTransition("Only unmatched items can be matched to a product.")
    return replace(line, item_key=item_key, category=classify(kind, item_key, is_expected(item_key)))


def removed(line: Line) -> Line:
    if line.removed:
        raise InvalidTransition("This line was already removed.")
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


class SessionTally:
    """The reference fold of one session's events."""

    def __init__(self, kind: CountKind, expected: Iterable[str] = ()) -> None:
        self.kind = kind
        self.expected = frozenset(expected)
        self.lines: dict[str, Line] = {}
        self.item_units: dict[str, int] = defaultdict(int)
        self.next_ordinal = 0
        self.rejected = 0

    def is_expected(self, item_key: str) -> bool:
        return item_key in self.expected

    def apply(self, event: Event) -> Line | None:
        if event.kind in (EventKind.SCAN_RECORDED, EventKind.HAND_COUNTED, EventKind.SCAN_REJECTED):
            self.next_ordinal += 1
            line = line_from_event(event, self.next_ordinal, self.kind, self.is_expected)
            self.rejected += line.kind is LineKind.REJECTED
            return self._put(None, line)
        if event.kind is EventKind.LINE_REMOVED:
            before = self._line(str(event.payload["line_id"]))
            return self._put(before, removed(before))
        if event.kind is EventKind.LINE_MATCHED:
            before = self._line(str(event.payload["line_id"]))
            return self._put(before, matched(before, str(event.payload["item_key"]), self.kind, self.is_expected))
        return None

    def _line(self, line_id: str) -> Line:
        try:
            return self.lines[line_id]
        except KeyError:
            raise NotFound(f"No scan line {line_id} in this session.") from None

    def _put(self, before: Line | None, after: Line) -> Line:
        for line, sign in ((before, -1), (after, 1)):
            if line is not None and line.counts and line.item_key is not None:
                self.item_units[line.item_key] += sign * line.units
        self.lines[after.event_id] = after
        return after

    def totals(self) -> Totals:
        t = Totals(lines=self.next_ordinal, rejected=self.rejected)
        for line in self.lines.values():
            if line.counts:
                assert line.category is not None
                t.units += line.units
                t.by_category[line.category] = t.by_category.get(line.category, 0) + line.units
        t.unique_items = sum(1 for units in self.item_units.values() if units > 0)
        t.expected_scanned = sum(1 for k, u in self.item_units.items() if u > 0 and k in self.expected)
        return t

    def active_lines(self) -> list[Line]:
        """Newest first, as the scan list shows them."""
        return sorted((ln for ln in self.lines.values() if not ln.removed), key=lambda ln: -ln.ordinal)

    def uncounted(self) -> frozenset[str]:
        return frozenset(k for k in self.expected if self.item_units.get(k, 0) <= 0)
