"""The demo's lab (second seed): a few hundred inventory items over several places in two labs, a listing
config, and one reconciliation Lee did last week: scans at two places (one item in the wrong place, moved),
one found from another lab, an unknown code with a note, the rest resolved, ended."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from scanapp.domain.catalog import InventoryItem, InventoryStatus
from scanapp.domain.clock import Clock
from scanapp.domain.lab import Location, Resolution
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.services.lab import Reconciliation
from scanapp.store.uow import SqlUnitOfWork

LABS = {
    "Lab A": ["Freezer 1", "Freezer 2", "Fridge 1", "Shelf 1", "Shelf 2", "Cabinet 1"],
    "Lab B": ["Cold room", "Cabinet 3", "Shelf 4"],
}
INGREDIENTS = [
    "Ethanol 96%",
    "Sodium chloride",
    "Agarose",
    "Tris buffer",
    "Glycerol",
    "PBS 10x",
    "DMSO",
    "Acetonitrile",
    "Methanol",
    "Trypsin",
    "BSA",
    "EDTA 0.5 M",
    "HEPES",
    "Glucose",
]
ITEMS = 360
CONFIG_NAME = "Lab A – freezers"
PAST_SESSION = "Lab B monthly check"


class _Earlier:
    """The demo clock moved back: the past session happened last week."""

    def __init__(self, clock: Clock, by: timedelta) -> None:
        self.clock, self.by = clock, by

    def now(self) -> datetime:
        return self.clock.now() - self.by

    def mono_ns(self) -> int:
        return self.clock.mono_ns()


def inventory() -> list[InventoryItem]:
    rng = random.Random(11)
    items = []
    for i in range(ITEMS):
        lab = "Lab A" if i % 3 else "Lab B"
        items.append(
            InventoryItem(
                barcode=f"LAB-{i + 1:06d}",
                ingredient=rng.choice(INGREDIENTS),
                lab=lab,
                location=rng.choice(LABS[lab]),
                quantity=float(rng.choice([1, 5, 10, 25, 100, 500])),
                unit=rng.choice(["ml", "g", "vials"]),
                status=InventoryStatus.AVAILABLE.value if i % 17 else InventoryStatus.IN_USE.value,
            )
        )
    return items


def seed_lab(counting: Counting, device_id: str, clock: Clock) -> None:
    """The inventory, a listing config, and last week's session."""
    with counting.uow_factory() as uow:
        assert isinstance(uow, SqlUnitOfWork)
        for item in inventory():
            uow.catalog.add_inventory(item)
        uow.commit()
    lee = Actor("lee", device_id, ROLES["lab_tech"], "Lee (lab tech)")
    lab = Reconciliation(counting)
    lab.create_listing_config(lee, CONFIG_NAME, {"location": ["Freezer 1", "Freezer 2"]})
    week_ago = Reconciliation(Counting(counting.uow_factory, _Earlier(clock, timedelta(days=6, hours=2))))
    session_id = _past_session(week_ago, lee)
    # Resolved and ended two hours after the start.
    later = Reconciliation(Counting(counting.uow_factory, _Earlier(clock, timedelta(days=6))))
    _resolve_and_end(later, lee, session_id)


def _past_session(lab: Reconciliation, lee: Actor) -> str:
    everything = lab.create_listing_config(lee, "Lab B – everything", {})
    _count, session = lab.start(lee, PAST_SESSION, "Lab B", everything.id)
    items = [i for i in inventory() if i.lab == "Lab B"]
    for place in LABS["Lab B"][:2]:
        here = Location("Lab B", place)
        for item in [i for i in items if i.location == place][:-2]:
            lab.scan(lee, session.id, item.barcode, "demo", here=here)
    stray = next(i for i in items if i.location == "Shelf 4")
    here = Location("Lab B", "Cabinet 3")
    lab.scan(lee, session.id, stray.barcode, "demo", here=here)  # in the wrong place
    lab.move_all_here(lee, session.id, here.name)
    lab.scan(lee, session.id, "LAB-000002", "demo", here=here)  # an item of Lab A
    lab.scan(lee, session.id, "SUPPLIER-7731", "demo", here=here)
    lab.note_code(lee, session.id, "SUPPLIER-7731", "Supplier sticker on a new box of pipette tips")
    return session.id


def _resolve_and_end(lab: Reconciliation, lee: Actor, session_id: str) -> None:
    items = [i for i in inventory() if i.lab == "Lab B"]
    with lab.counting.uow_factory() as uow:
        assert isinstance(uow, SqlUnitOfWork)
        scanned = {
            str(r[0])
            for r in uow.lab.cur.execute(
                "SELECT item_key FROM session_items WHERE session_id = ? AND units > 0", (session_id,)
            )
        }
    missing = [i.barcode for i in items if i.barcode not in scanned]
    lab.resolve(lee, session_id, missing[:2], Resolution.ARCHIVED, note="used up")
    lab.resolve(lee, session_id, missing[2:], Resolution.STILL_MISSING)
    lab.end(lee, session_id)
