"""Lab actions pushed by devices (L4), as scanapp.services.lab records them: each changes an inventory item and
adds to its history, linked to the session when there is one. Decided in memory, written in bulk."""

from __future__ import annotations

from datetime import datetime
from math import isfinite
from typing import Any

from sqlalchemy import Connection, insert, select, update

from scanapp.domain.catalog import InventoryStatus
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import EventKind
from scanapp.sync.wire import WireEvent
from scansync import tables as t
from scansync.db import Tx, dumps
from scansync.views import clean, inventory_view

KINDS = frozenset(
    {EventKind.INVENTORY_MOVED, EventKind.INVENTORY_SPLIT, EventKind.INVENTORY_SET, EventKind.INVENTORY_ARCHIVED}
)


class InventoryChanges:
    """The inventory items a batch read or changed, and the history rows it adds."""

    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self.items: dict[str, dict[str, Any] | None] = {}
        self.new: set[str] = set()
        self.dirty: set[str] = set()
        self.history: list[dict[str, Any]] = []

    def item(self, barcode: str) -> dict[str, Any] | None:
        if barcode not in self.items:
            row = self.conn.execute(select(t.inventory_items).where(t.inventory_items.c.barcode == barcode)).first()
            self.items[barcode] = inventory_view(row) if row else None
        return self.items[barcode]

    def decide(self, ev: WireEvent, kind: EventKind, session_id: str | None) -> None:
        """Record the action, or raise a DomainError and record nothing."""
        p = ev.payload
        barcode = clean(str(p["barcode"]))
        found = self.item(barcode)
        if found is None:
            raise NotFound(f"No inventory item {barcode}.")
        item = dict(found)
        if kind is EventKind.INVENTORY_MOVED:
            item["location"] = clean(str(p["to"])).strip()[:512]
            if not item["location"]:
                raise InvalidTransition("A move needs the place the item goes.")
        elif kind is EventKind.INVENTORY_SET:
            item["quantity"] = _quantity(p["to"])
        elif kind is EventKind.INVENTORY_ARCHIVED:
            item["status"] = InventoryStatus.ARCHIVED.value
        else:
            self._split(item, clean(str(p["new_barcode"]))[:128], _quantity(p["quantity"]))
        self.items[barcode] = item
        self.dirty.add(barcode)
        self.history.append(
            {
                "event_id": ev.id,
                "item_barcode": barcode,
                "action": kind.value,
                "detail": dumps(p),
                "session_id": session_id,
                "user_id": ev.user_id,
                "at": min(ev.wall_time, self.now),
            }
        )

    def _split(self, item: dict[str, Any], new_barcode: str, part: float) -> None:
        if not 0 < part < item["quantity"]:
            raise InvalidTransition(f"A split must take between 0 and {item['quantity']}; got {part}.")
        if not new_barcode or self.item(new_barcode) is not None:
            raise InvalidTransition(f"The new barcode {new_barcode!r} is empty or in use.")
        self.items[new_barcode] = {**item, "barcode": new_barcode, "quantity": part}
        self.new.add(new_barcode)
        item["quantity"] = item["quantity"] - part

    def write(self, tx: Tx) -> None:
        conn = tx.conn
        for barcode in sorted(self.new | self.dirty):
            item = self.items[barcode]
            assert item is not None
            if barcode in self.new:
                conn.execute(insert(t.inventory_items).values(**item))
            else:
                conn.execute(update(t.inventory_items).where(t.inventory_items.c.barcode == barcode).values(**item))
            tx.publish("inventory_item", barcode, item)
        if self.history:
            conn.execute(insert(t.inventory_history), self.history)


def _quantity(value: Any) -> float:
    q = float(value)
    if not isfinite(q) or q < 0 or q > 1e12:
        raise InvalidTransition(f"Quantity {value!r} is out of range.")
    return q


def apply_resolution(changes: InventoryChanges, barcodes: list[str], archived: bool, to: str | None) -> None:
    """A resolution's effect on the items: archived ones are archived, moved ones moved (the event itself is the
    record; the server keeps one history row per event, the device one per item)."""
    for barcode in barcodes:
        found = changes.item(barcode)
        if found is None:
            raise NotFound(f"No inventory item {barcode}.")
        item = dict(found)
        if archived:
            item["status"] = InventoryStatus.ARCHIVED.value
        elif to is not None:
            item["location"] = to
        else:
            continue
        changes.items[barcode] = item
        changes.dirty.add(barcode)
