"""What a journal event does to a session's scan lines: the one rule the device and the server share.

`effect_of` decides, without touching storage, from the event and the line it names; each side applies the
effect to its own storage (the device's SQLite projections in services.projection, the server's batch in
scansync.line_events). `SessionTally` applies the same effects in memory: the reference fold that both
stores' totals are checked against (B1: the journal is the truth).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from scanapp.domain.counts import CountKind
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import LINE_KINDS, Event, EventKind
from scanapp.domain.messages import Message
from scanapp.domain.tally import Expected, Line, LineKind, Totals, line_from_event, matched, removed

# The event kinds `effect_of` has an effect for; any other kind leaves the lines alone.
PROJECTED = LINE_KINDS | {EventKind.LINE_REMOVED, EventKind.LINE_MATCHED, EventKind.ALIAS_ADDED}

# A hand count above this is a typing slip or junk from a device, not a quantity anyone counted.
MAX_UNITS = 1_000_000


@dataclass(frozen=True)
class LineAdded:
    """A new line; the store gives it its ordinal."""

    line: Line


@dataclass(frozen=True)
class LineChanged:
    """A line removed or matched: totals move by exactly the difference between before and after."""

    before: Line
    after: Line


@dataclass(frozen=True)
class AliasAdded:
    """The scanned code is remembered as another code of the product (B2)."""

    code: str
    sku: str


Effect = LineAdded | LineChanged | AliasAdded
LineLookup = Callable[[str], Line]
"""The stored line with this event id; raises NotFound when there is none."""


def effect_of(event: Event, kind: CountKind, line_of: LineLookup, is_expected: Expected) -> Effect | None:
    """The effect of one event on a session of a count of `kind`; None for kinds outside PROJECTED.

    Raises a DomainError when the event cannot apply (a line of another session, a second removal, a match
    of a line that is not unmatched, a quantity out of range): the caller keeps nothing of it.
    """
    p = event.payload
    if event.kind in LINE_KINDS:
        line = line_from_event(event, 0, kind, is_expected)
        if not 0 <= line.units <= MAX_UNITS:
            raise InvalidTransition(Message.QUANTITY_OUT_OF_RANGE, units=line.units)
        return LineAdded(line)
    if event.kind in (EventKind.LINE_REMOVED, EventKind.LINE_MATCHED):
        before = line_of(str(p["line_id"]))
        if before.session_id != event.session_id:
            raise NotFound(Message.LINE_OF_OTHER_SESSION)
        if event.kind is EventKind.LINE_REMOVED:
            return LineChanged(before, removed(before))
        return LineChanged(before, matched(before, str(p["item_key"]), kind, is_expected))
    if event.kind is EventKind.ALIAS_ADDED:
        return AliasAdded(str(p["code"]), str(p["sku"]))
    return None


class SessionTally:
    """The reference fold of one session's events, in memory."""

    def __init__(self, kind: CountKind, expected: Iterable[str] = ()) -> None:
        self.kind = kind
        self.expected = frozenset(expected)
        self.lines: dict[str, Line] = {}
        self.item_units: dict[str, int] = defaultdict(int)
        self.item_lines: dict[str, int] = defaultdict(int)
        """Lines that count per item: an item with lines but 0 units was counted as 0 (C10)."""
        self.aliases: dict[str, str] = {}
        self.next_ordinal = 0
        self.rejected = 0

    def is_expected(self, item_key: str) -> bool:
        return item_key in self.expected

    def apply(self, event: Event) -> Line | None:
        effect = effect_of(event, self.kind, self._line, self.is_expected)
        if isinstance(effect, LineAdded):
            self.next_ordinal += 1
            line = replace(effect.line, ordinal=self.next_ordinal)
            self.rejected += line.kind is LineKind.REJECTED
            return self._put(None, line)
        if isinstance(effect, LineChanged):
            return self._put(effect.before, effect.after)
        if isinstance(effect, AliasAdded):
            self.aliases[effect.code] = effect.sku
        return None

    def _line(self, line_id: str) -> Line:
        try:
            return self.lines[line_id]
        except KeyError:
            raise NotFound(Message.NO_LINE, id=line_id) from None

    def _put(self, before: Line | None, after: Line) -> Line:
        for line, sign in ((before, -1), (after, 1)):
            if line is not None and line.counts and line.item_key is not None:
                self.item_units[line.item_key] += sign * line.units
                self.item_lines[line.item_key] += sign
        self.lines[after.event_id] = after
        return after

    def totals(self) -> Totals:
        t = Totals(lines=self.next_ordinal, rejected=self.rejected)
        for line in self.lines.values():
            if line.counts and line.units:  # a count of 0 moves no total (the stores keep no 0 category either)
                assert line.category is not None
                t.units += line.units
                t.by_category[line.category] = t.by_category.get(line.category, 0) + line.units
        t.unique_items = sum(1 for units in self.item_units.values() if units > 0)
        t.expected_scanned = sum(1 for k, u in self.item_units.items() if u > 0 and k in self.expected)
        return t

    def counted(self) -> dict[str, int]:
        """Units per item, for the items that have any."""
        return {k: u for k, u in self.item_units.items() if u > 0}

    def active_lines(self) -> list[Line]:
        """Newest first, as the scan list shows them."""
        return sorted((ln for ln in self.lines.values() if not ln.removed), key=lambda ln: -ln.ordinal)

    def counted_items(self) -> dict[str, int]:
        """Units per item for every item counted, those counted as 0 included (C10)."""
        return {k: self.item_units[k] for k, n in self.item_lines.items() if n > 0}

    def uncounted(self) -> frozenset[str]:
        """The expected items no line counts for."""
        return frozenset(k for k in self.expected if self.item_lines.get(k, 0) <= 0)
