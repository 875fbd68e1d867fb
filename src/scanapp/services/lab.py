"""Lab inventory reconciliation (second seed): sessions scoped by a listing config, and the inventory
actions (move, split, set, archive) done during one, each linked to the session and written to the
item's own history.

A reconciliation is a scoped count with one session. Its scope is frozen when it starts (B6): the
listing config is evaluated over inventory once, and that set is the session's expected set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from scanapp.domain.catalog import InventoryItem, InventoryStatus, ListingConfig
from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import Event, EventKind, new_event_id
from scanapp.domain.permissions import LAB, Actor, require
from scanapp.services.counting import Counting
from scanapp.store.uow import SqlUnitOfWork

# An action's effect on one item: the item after it, a line for its history, the event's details.
Change = Callable[[InventoryItem], tuple[InventoryItem, str, dict[str, Any]]]


class Reconciliation:
    def __init__(self, counting: Counting) -> None:
        self.counting = counting
        self.clock = counting.clock

    def _uow(self) -> SqlUnitOfWork:
        uow = self.counting.uow_factory()
        assert isinstance(uow, SqlUnitOfWork)
        return uow

    def create_listing_config(
        self, actor: Actor, name: str, filters: dict[str, list[str]], columns: tuple[str, ...] | None = None
    ) -> ListingConfig:
        require(actor, LAB, "create a listing config")
        if not name.strip():
            raise InvalidTransition("A listing config needs a name.")
        unknown = set(filters) - set(ListingConfig.FILTERABLE)
        if unknown:
            raise InvalidTransition(
                f"Cannot filter on {', '.join(sorted(unknown))}; filters: {', '.join(ListingConfig.FILTERABLE)}."
            )
        config = ListingConfig(
            id=new_event_id(),
            name=name.strip(),
            filters=tuple((k, tuple(v)) for k, v in sorted(filters.items())),
            **({"columns": columns} if columns else {}),
        )
        with self._uow() as uow:
            uow.catalog.add_listing_config(config, actor.user_id)
            uow.commit()
        return config

    def start(self, actor: Actor, name: str, lab: str, listing_config_id: str) -> tuple[Count, Session]:
        """Start a reconciliation session now; records who started it and when (L1)."""
        require(actor, LAB, "start a reconciliation session")
        with self._uow() as uow:
            config = uow.catalog.listing_config(listing_config_id)
            scope = uow.catalog.inventory_matching((*config.filters, ("lab", (lab,))))
        count, session = self.counting.create_count(
            actor,
            name,
            CountKind.SCOPED,
            self.clock.now(),
            [(barcode, 1.0) for barcode in scope],
            lab=lab,
            listing_config_id=listing_config_id,
        )
        return count, self.counting.start(actor, session.id)

    def end(self, actor: Actor, session_id: str) -> Session:
        """Only the user who started the session can end it; ending sets the end time (L6)."""
        return self.counting.end(actor, session_id)

    # -- inventory actions (L4) ------------------------------------------------------------------------

    def move(self, actor: Actor, session_id: str | None, barcode: str, location: str) -> InventoryItem:
        if not location.strip():
            raise InvalidTransition("Say where the item goes.")

        def change(item: InventoryItem) -> tuple[InventoryItem, str, dict[str, Any]]:
            return (
                replace(item, location=location.strip()),
                f"moved from {item.location} to {location.strip()}",
                {"from": item.location, "to": location.strip()},
            )

        return self._act(actor, session_id, barcode, EventKind.INVENTORY_MOVED, "move", change)

    def set_quantity(self, actor: Actor, session_id: str | None, barcode: str, quantity: float) -> InventoryItem:
        if quantity < 0:
            raise InvalidTransition("A quantity cannot be negative.")

        def change(item: InventoryItem) -> tuple[InventoryItem, str, dict[str, Any]]:
            return (
                replace(item, quantity=quantity),
                f"quantity set from {item.quantity:g} to {quantity:g} {item.unit}".rstrip(),
                {"from": item.quantity, "to": quantity},
            )

        return self._act(actor, session_id, barcode, EventKind.INVENTORY_SET, "set", change)

    def archive(self, actor: Actor, session_id: str | None, barcode: str) -> InventoryItem:
        def change(item: InventoryItem) -> tuple[InventoryItem, str, dict[str, Any]]:
            if item.status == InventoryStatus.ARCHIVED:
                raise InvalidTransition(f"{item.barcode} is already archived.")
            return (
                replace(item, status=InventoryStatus.ARCHIVED.value),
                f"archived (was {item.status})",
                {"from": item.status},
            )

        return self._act(actor, session_id, barcode, EventKind.INVENTORY_ARCHIVED, "archive", change)

    def split(
        self, actor: Actor, session_id: str | None, barcode: str, quantity: float, new_barcode: str
    ) -> InventoryItem:
        """Split `quantity` off into a new item with its own barcode; returns the new item."""
        require(actor, LAB, "split inventory")
        new_barcode = new_barcode.strip()
        with self._uow() as uow:
            item = self._item(uow, barcode)
            if not 0 < quantity < item.quantity:
                raise InvalidTransition(f"Split off more than 0 and less than {item.quantity:g} {item.unit}.")
            if not new_barcode or uow.catalog.inventory_item(new_barcode) is not None:
                raise InvalidTransition(f"Barcode {new_barcode!r} is empty or already in use.")
            part = replace(item, barcode=new_barcode, quantity=quantity)
            event = self._record(
                uow,
                actor,
                session_id,
                EventKind.INVENTORY_SPLIT,
                {"barcode": barcode, "new_barcode": new_barcode, "quantity": quantity},
            )
            uow.catalog.save_inventory(replace(item, quantity=item.quantity - quantity))
            uow.catalog.add_inventory(part)
            uow.catalog.add_history(event, barcode, "split", f"split {quantity:g} {item.unit} off into {new_barcode}")
            uow.catalog.add_history(event, new_barcode, "split", f"split from {barcode}")
            uow.commit()
        return part

    def _act(
        self, actor: Actor, session_id: str | None, barcode: str, kind: EventKind, action: str, change: Change
    ) -> InventoryItem:
        require(actor, LAB, f"{action} inventory")
        with self._uow() as uow:
            item = self._item(uow, barcode)
            changed, detail, payload = change(item)
            event = self._record(uow, actor, session_id, kind, {"barcode": barcode, **payload})
            uow.catalog.save_inventory(changed)
            uow.catalog.add_history(event, barcode, action, detail)
            uow.commit()
        return changed

    @staticmethod
    def _item(uow: SqlUnitOfWork, barcode: str) -> InventoryItem:
        item = uow.catalog.inventory_item(barcode)
        if item is None:
            raise NotFound(f"No inventory item {barcode}.")
        return item

    def _record(
        self, uow: SqlUnitOfWork, actor: Actor, session_id: str | None, kind: EventKind, payload: dict[str, Any]
    ) -> Event:
        session = None
        if session_id is not None:
            session = uow.sessions.get(session_id)
            if uow.counts.get(session.count_id).kind is not CountKind.SCOPED:
                raise InvalidTransition("Inventory actions belong to a reconciliation session.")
        return self.counting.record_event(uow, actor, kind, session, payload)
