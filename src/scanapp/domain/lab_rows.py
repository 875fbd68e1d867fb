"""The plain rows the lab screens, the lab commands and the reconciliation report show (as domain.rows does
for counts): built by store.queries.lab*, handed on by services.lab_reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from scanapp.domain.catalog import InventoryItem, ListingConfig
from scanapp.domain.counts import Count, Session
from scanapp.domain.lab import Tag, tag
from scanapp.domain.tally import Line


class View(StrEnum):
    """The seed's three listings of a session (L5), named as `scanapp lab view --view` names them."""

    NOT_SCANNED = "not-scanned"  # in the original listing, not scanned yet
    NOT_IN_LISTING = "not-in-listing"  # scanned, not in the original listing
    LISTING = "listing"  # the whole original listing


@dataclass(frozen=True)
class LabSessionRow:
    """A reconciliation session with its count (name, lab, scope size) and how far it got."""

    session: Session
    count: Count
    config_name: str
    expected: int
    found: int
    not_in_scope: int
    unknown: int
    scans: int

    @property
    def ended(self) -> bool:
        return self.session.ended_at is not None


@dataclass(frozen=True)
class LabScanRow:
    """One scan of the tracking list: the line, the item it found (None: an unknown code), whether the item is
    in the frozen scope, and where it was found (the location scanned before it)."""

    line: Line
    item: InventoryItem | None
    in_scope: bool
    found_at: str | None
    note: str = ""

    @property
    def tag(self) -> Tag:
        if self.item is None:
            return Tag.NOT_IN_SCOPE
        return tag(self.in_scope, self.found_at, self.item.location)


@dataclass(frozen=True)
class ListingRow:
    """An inventory item in one of the three views, with what the session knows of it."""

    item: InventoryItem
    in_scope: bool
    found_at: str | None
    """Where it was found in this session ("" when found before any location was scanned); None: not found."""
    resolution: str | None = None
    scope_location: str | None = None

    @property
    def found(self) -> bool:
        return self.found_at is not None

    @property
    def tag(self) -> Tag | None:
        if self.found_at is None:
            return None
        return tag(self.in_scope, self.found_at or None, self.item.location)


@dataclass(frozen=True)
class ProgressRow:
    """Expected, found and missing items of the scope at one location (L11)."""

    location: str
    expected: int
    found: int

    @property
    def missing(self) -> int:
        return self.expected - self.found


@dataclass(frozen=True)
class UnknownCode:
    """A code that matched no inventory item, once, with its scans and the note on it (L12)."""

    code: str
    scans: int
    last_at: datetime
    note: str


@dataclass(frozen=True)
class ScopeRecheck:
    """The listing config evaluated now against the scope frozen at the start (B6): what came in, what left."""

    config: ListingConfig
    added: list[str]
    removed: list[str]
    added_total: int
    removed_total: int
