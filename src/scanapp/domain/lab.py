"""Lab reconciliation's own rules (second seed, SPEC L1-L13): location labels, the tag a scan gets, how an
expected item that was not found is resolved, and what may be done to an item during a session.

Pure: the service decides with these, the store keeps what they say, the server applies the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from scanapp.domain.catalog import InventoryItem, InventoryStatus
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.messages import Message

# A location's label: the lab and the place, so every bench station reads the same label the same way
# without a registry to sync. Printed as Code 128, e.g. "LOC:Lab A:Freezer 1".
LOCATION_PREFIX = "LOC:"


@dataclass(frozen=True)
class Location:
    lab: str
    name: str

    @property
    def code(self) -> str:
        return location_code(self.lab, self.name)


def location_code(lab: str, name: str) -> str:
    return f"{LOCATION_PREFIX}{lab}:{name}"


def parse_location(code: str) -> Location | None:
    """The location a scanned code names, or None when it is not a location label."""
    if not code.upper().startswith(LOCATION_PREFIX):
        return None
    lab, sep, name = code[len(LOCATION_PREFIX) :].partition(":")
    if not sep or not lab.strip() or not name.strip():
        raise InvalidTransition(Message.LAB_BAD_LOCATION_LABEL, code=code)
    return Location(lab.strip(), name.strip())


class Tag(StrEnum):
    """The seed's two visual tags, and the wrong-location result of L8."""

    IN_SCOPE = "In Scope"  # green
    NOT_IN_SCOPE = "Not in Scope"  # red
    WRONG_LOCATION = "Wrong location"  # amber


def tag(in_scope: bool, found_at: str | None, recorded_at: str | None) -> Tag:
    """A scanned inventory item's tag: expected (in the frozen scope) or not, and for an expected one found
    somewhere a location was scanned, whether that is where the inventory says it is."""
    if not in_scope:
        return Tag.NOT_IN_SCOPE
    if found_at is not None and recorded_at is not None and found_at != recorded_at:
        return Tag.WRONG_LOCATION
    return Tag.IN_SCOPE


class Resolution(StrEnum):
    """What became of an expected item nobody found (L9)."""

    STILL_MISSING = "still missing"
    ARCHIVED = "archived"
    MOVED = "moved elsewhere"
    NOT_APPLICABLE = "not applicable"


def resolution_of(text: str) -> Resolution:
    try:
        return Resolution(text)
    except ValueError:
        names = ", ".join(r.value for r in Resolution)
        raise InvalidTransition(Message.LAB_NOT_A_RESOLUTION, text=repr(text), names=names) from None


def ensure_actionable(item: InventoryItem, lab: str | None) -> None:
    """Move, split and set need a live item of the session's lab: an archived item or another lab's item is
    refused whole, so nothing is half-written."""
    if item.status == InventoryStatus.ARCHIVED:
        raise InvalidTransition(Message.LAB_ITEM_ARCHIVED, item=item.barcode)
    if lab is not None and item.lab != lab:
        raise InvalidTransition(Message.LAB_ITEM_OF_OTHER_LAB, item=item.barcode, item_lab=item.lab, lab=lab)


def ensure_item_code(code: str) -> None:
    """Where an item's label is expected (a split's new label), a location label is refused."""
    location = parse_location(code)
    if location is not None:
        raise InvalidTransition(Message.LAB_LOCATION_NOT_ITEM, code=code, place=location.name, lab=location.lab)
