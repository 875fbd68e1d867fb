"""The plain rows the read side hands out: what screens, reports and exports show.

The store builds them (store.queries), the read port in services passes them on, the screens' models show
them; none of those layers needs another's types to use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scanapp.domain.counts import Count, CountState, Session
from scanapp.domain.permissions import Permission
from scanapp.domain.refusals import RefusedScan, log_key
from scanapp.domain.suggestions import ON_THE_LIST, Params, Why, reason_text
from scanapp.domain.tally import Line, LineKind, Totals


@dataclass(frozen=True)
class UserRow:
    user_id: str
    display_name: str
    permissions: frozenset[Permission]


@dataclass(frozen=True)
class CountRow:
    count: Count
    state: CountState
    sessions: int
    units: int


@dataclass(frozen=True)
class SessionRow:
    session: Session
    totals: Totals


@dataclass(frozen=True)
class ItemRow:
    item_key: str
    name: str
    parent_name: str
    units: int
    expected_qty: float | None


@dataclass(frozen=True)
class ProductHit:
    sku: str
    name: str
    parent_name: str
    code: str | None


@dataclass(frozen=True)
class Candidate:
    """A product offered to match a scan or to add by hand, and why it is offered."""

    sku: str
    name: str
    parent_name: str
    code: str | None
    why: Why
    params: Params = ()
    listed: bool = False
    """On the count's directed list."""

    @property
    def reason(self) -> str:
        """Why it is offered, in English (the screens translate `why`)."""
        text = reason_text(self.why, self.params)
        return ON_THE_LIST.format(reason=text) if self.listed else text


@dataclass(frozen=True)
class ScanRow:
    """A line of the scan list with its matched product's name, if any; or a refused scan (`refused`), shown
    in the list through a stand-in line that counts nowhere."""

    line: Line
    name: str | None
    refused: RefusedScan | None = None

    @property
    def key(self) -> int:
        """Its place in the scan log (domain.refusals.log_key)."""
        return self.refused.key if self.refused is not None else log_key(self.line.ordinal)

    @property
    def status(self) -> str:
        """ "Counted", "Unmatched", "Undirected", "Rejected", "Refused", or "In review" (the sync server sent its
        event to a supervisor's review: it counts in no total)."""
        if self.line.review is not None:
            return "In review"
        if self.refused is not None:
            return "Refused"
        if self.line.kind is LineKind.REJECTED or self.line.category is None:
            return "Rejected"
        return self.line.category.value


@dataclass(frozen=True)
class CatchUp:
    """What a session screen showing the scan log up to some place needs after scans, read at once: the
    session, its totals, the log's rows since (newest first), and the units and counting lines of the items
    those rows count for."""

    session: Session
    totals: Totals
    rows: list[ScanRow]
    item_units: dict[str, tuple[int, int]]


@dataclass(frozen=True)
class UnmatchedScan:
    """One scan of an unknown code: how many scans ago, and the names of the matched scans around it."""

    line: Line
    scans_ago: int
    before: str | None
    after: str | None


@dataclass(frozen=True)
class UnmatchedCode:
    """An unknown code of a session, once (C11): every scan of it still unmatched, newest first."""

    code: str
    scans: tuple[UnmatchedScan, ...]

    @property
    def quantity(self) -> int:
        return len(self.scans)

    @property
    def line(self) -> Line:
        """The newest scan of the code."""
        return self.scans[0].line


@dataclass(frozen=True)
class ReportLine:
    item_key: str
    name: str
    expected: float | None
    counted: int
    variance: float | None


@dataclass(frozen=True)
class CountReport:
    count: Count
    state: CountState
    lines: list[ReportLine]
    unmatched: list[Line]
    units: int
    unique_items: int
    generated_at: datetime


@dataclass(frozen=True)
class HistoryRow:
    event_id: str
    item_barcode: str
    action: str
    detail: str
    session_id: str | None
    user_id: str
    at: datetime
