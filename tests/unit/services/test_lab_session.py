"""A reconciliation at the bench, through the service and the lab read port: location first, tags, progress per
location, the three views, unknown codes with notes, moves, resolutions, the re-check of the scope, the end;
and every kind of bad input refused whole."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scanapp.domain.catalog import InventoryItem
from scanapp.domain.counts import Session, SessionState
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.lab import Location, Resolution, Tag, location_code
from scanapp.domain.lab_rows import View
from scanapp.services.counting import Counting
from scanapp.services.lab import Reconciliation
from scanapp.services.lab_reads import LabReads
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import FixedClock, actor

FREEZER = Location("Lab A", "Freezer 1")
SHELF = Location("Lab A", "Shelf 1")


def stock(store: Store) -> None:
    items = [InventoryItem(f"A-{i}", "Ethanol", "Lab A", "Freezer 1", 10.0, "ml") for i in range(1, 4)]
    items += [InventoryItem(f"A-{i}", "Agarose", "Lab A", "Shelf 1", 5.0, "g") for i in range(4, 6)]
    items += [InventoryItem("B-1", "PBS", "Lab B", "Cold room", 1.0, "l")]
    items += [InventoryItem("A-9", "DMSO", "Lab A", "Shelf 1", 1.0, "ml", status="archived")]
    with SqlUnitOfWork(store) as uow:
        for item in items:
            uow.catalog.add_inventory(item)
        uow.commit()


@pytest.fixture
def lab(counting: Counting) -> Reconciliation:
    return Reconciliation(counting)


@pytest.fixture
def reads(store: Store) -> LabReads:
    return LabReads(store)


@pytest.fixture
def started(store: Store, lab: Reconciliation) -> Session:
    stock(store)
    lee = actor(store, "lab_tech", "lee")
    config = lab.create_listing_config(lee, "Available", {"status": ["available"]})
    _count, session = lab.start(lee, "Weekly", "Lab A", config.id)
    return session


def test_location_first_scans_are_tagged_and_progress_follows(
    store: Store, lab: Reconciliation, reads: LabReads, started: Session
) -> None:
    lee = actor(store, "lab_tech", "lee")
    here = lab.scan(lee, started.id, location_code("Lab A", "Freezer 1"), "wedge")
    assert here.kind == "location" and here.location == FREEZER
    assert lab.scan(lee, started.id, "A-1", "wedge", here=FREEZER).tag is Tag.IN_SCOPE
    wrong = lab.scan(lee, started.id, "A-4", "wedge", here=FREEZER)
    assert wrong.tag is Tag.WRONG_LOCATION and "recorded at Shelf 1, found at Freezer 1" in wrong.message
    other = lab.scan(lee, started.id, "B-1", "wedge", here=FREEZER)
    assert other.tag is Tag.NOT_IN_SCOPE and "belongs to Lab B" in other.message
    archived = lab.scan(lee, started.id, "A-9", "wedge", here=FREEZER)
    assert archived.tag is Tag.NOT_IN_SCOPE and "archived" in archived.message
    unknown = lab.scan(lee, started.id, "ZZ-404", "wedge", here=FREEZER)
    assert unknown.kind == "unknown" and unknown.status == "unmatched"

    progress = {p.location: (p.expected, p.found, p.missing) for p in reads.progress(started.id)}
    assert progress == {"Freezer 1": (3, 1, 2), "Shelf 1": (2, 1, 1)}
    assert [r.item.barcode for r in reads.view_rows(started.id, View.NOT_SCANNED)] == ["A-2", "A-3", "A-5"]
    assert [r.item.barcode for r in reads.view_rows(started.id, View.NOT_IN_LISTING)] == ["A-9", "B-1"]
    listing = reads.view_rows(started.id, View.LISTING)
    assert [(r.item.barcode, r.found_at) for r in listing] == [
        ("A-1", "Freezer 1"),
        ("A-2", None),
        ("A-3", None),
        ("A-4", "Freezer 1"),
        ("A-5", None),
    ]
    for view in View:
        assert reads.view_count(started.id, view) == len(reads.view_rows(started.id, view))
    assert reads.view_rows(started.id, View.LISTING, offset=1, limit=2)[0].item.barcode == "A-2"
    tags = {r.item.barcode if r.item else r.line.code: r.tag for r in reads.scan_rows(started.id, [1, 2, 3, 4, 5])}
    assert tags == {
        "A-1": Tag.IN_SCOPE,
        "A-4": Tag.WRONG_LOCATION,
        "B-1": Tag.NOT_IN_SCOPE,
        "A-9": Tag.NOT_IN_SCOPE,
        "ZZ-404": Tag.NOT_IN_SCOPE,
    }

    # Move all found here: the wrong-location item moves, and is In Scope from then on.
    assert reads.wrong_location_at(started.id, "Freezer 1") == ["A-4"]
    assert lab.move_all_here(lee, started.id, "Freezer 1") == ["A-4"]
    assert reads.item("A-4").location == "Freezer 1"  # type: ignore[union-attr]
    assert [r.tag for r in reads.scan_rows(started.id, [2])] == [Tag.IN_SCOPE]
    assert reads.history("A-4")[0].detail == "moved from Shelf 1 to Freezer 1"
    assert reads.history("A-4")[0].session_id == started.id

    lab.note_code(lee, started.id, "ZZ-404", "  sticker from the supplier  ")
    assert [(u.code, u.scans, u.note) for u in reads.unknown_codes(started.id)] == [
        ("ZZ-404", 1, "sticker from the supplier")
    ]


def test_the_end_needs_a_resolution_for_each_item_nobody_found(
    store: Store, lab: Reconciliation, reads: LabReads, started: Session, clock: FixedClock
) -> None:
    lee = actor(store, "lab_tech", "lee")
    lab.scan(lee, started.id, "A-1", "wedge", here=FREEZER)
    assert reads.unresolved(started.id) == 4
    with pytest.raises(InvalidTransition, match="4 expected items not found yet"):
        lab.end(lee, started.id)
    lab.resolve(lee, started.id, ["A-2"], Resolution.ARCHIVED)
    lab.resolve(lee, started.id, ["A-3"], Resolution.MOVED, to="Shelf 1")
    lab.resolve(lee, started.id, ["A-4", "A-5"], Resolution.STILL_MISSING, note="ask Kim")
    assert reads.item("A-2").status == "archived"  # type: ignore[union-attr]
    assert reads.item("A-3").location == "Shelf 1"  # type: ignore[union-attr]
    assert reads.history("A-5")[-1].detail == "resolved as still missing: ask Kim"
    assert {r.item.barcode: r.resolution for r in reads.view_rows(started.id, View.NOT_SCANNED)} == {
        "A-2": "archived",
        "A-3": "moved elsewhere",
        "A-4": "still missing",
        "A-5": "still missing",
    }
    # The live re-check: A-2 was archived and A-3 moved; the listing (status available) no longer has A-2.
    recheck = reads.recheck(started.id)
    assert (recheck.added, recheck.removed) == ([], ["A-2"])
    clock.advance(timedelta(hours=1))
    ended = lab.end(lee, started.id)
    assert ended.ended_at == clock.now() and ended.state is SessionState.SUBMITTED
    assert reads.session(started.id).ended
    assert [r.session.id for r in reads.sessions(past=True)] == [started.id]
    with pytest.raises(InvalidTransition, match="already ended"):
        lab.end(lee, started.id)  # a second station ending it too: told plainly, nothing written


def test_bad_input_is_refused_whole(store: Store, lab: Reconciliation, reads: LabReads, started: Session) -> None:
    lee = actor(store, "lab_tech", "lee")
    kim = actor(store, "lab_tech", "kim")
    lab.scan(lee, started.id, "A-1", "wedge", here=FREEZER)
    refused = {
        "archived": lambda: lab.move(lee, started.id, "A-9", "Freezer 1"),
        "belongs to Lab B": lambda: lab.move(lee, started.id, "B-1", "Freezer 1"),
        "not an item label": lambda: lab.split(lee, started.id, "A-1", 1, location_code("Lab A", "Shelf 1")),
        "location label": lambda: lab.move(lee, started.id, "A-1", location_code("Lab A", "Shelf 1")),
        "less than 10": lambda: lab.split(lee, started.id, "A-1", 25, "A-1-B"),
        "cannot be negative": lambda: lab.set_quantity(lee, started.id, "A-1", -2),
        "place in Lab B": lambda: lab.scan(lee, started.id, location_code("Lab B", "Cold room"), "wedge"),
        "does not say": lambda: lab.scan(lee, started.id, "LOC:Lab A", "wedge"),
        "found in this session": lambda: lab.resolve(lee, started.id, ["A-1"], Resolution.STILL_MISSING),
        "not in this session's listing": lambda: lab.resolve(lee, started.id, ["B-1"], Resolution.STILL_MISSING),
        "say where": lambda: lab.resolve(lee, started.id, ["A-2"], Resolution.MOVED),
        "Only lee": lambda: lab.end(kim, started.id),
    }
    for words, bad in refused.items():
        with pytest.raises(InvalidTransition, match=words):
            bad()
    assert reads.history("A-1") == [] and reads.history("A-9") == [] and reads.history("B-1") == []
    assert reads.item("A-1").quantity == 10.0  # type: ignore[union-attr]
    assert reads.item("A-1-B") is None
    assert reads.unresolved(started.id) == 4
