"""Inventory actions (L4, L8, L10): move, split, set and archive an item, linked to the reconciliation session
they are done in and written to the item's own history, and "move all found here" for wrong-location items.

Each runs in one unit of work: the rules decide first (domain.lab), so a refused action writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from scanapp.domain import counts as rules
from scanapp.domain import lab as lab_rules
from scanapp.domain.catalog import InventoryItem, InventoryStatus
from scanapp.domain.counts import CountKind, Session
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import EventKind
from scanapp.domain.messages import Message
from scanapp.domain.permissions import LAB, Actor, require
from scanapp.services import lab_projection
from scanapp.services.counting import Counting
from scanapp.store.uow import SqlUnitOfWork

# An action's effect on one item: the item after it and the event's details.
Change = Callable[[InventoryItem], tuple[InventoryItem, dict[str, Any]]]


class InventoryActions:
    def __init__(self, counting: Counting) -> None:
        self.counting = counting
        self.clock = counting.clock

    def _uow(self) -> SqlUnitOfWork:
        uow = self.counting.uow_factory()
        assert isinstance(uow, SqlUnitOfWork)
        return uow

    def move(self, actor: Actor, session_id: str | None, barcode: str, location: str) -> InventoryItem:
        place = location.strip()
        if not place:
            raise InvalidTransition(Message.LAB_SAY_WHERE_ITEM_GOES)
        if lab_rules.parse_location(place) is not None:
            raise InvalidTransition(Message.LAB_PLACE_IS_LABEL, place=place)

        def change(item: InventoryItem) -> tuple[InventoryItem, dict[str, Any]]:
            if item.location == place:
                raise InvalidTransition(Message.LAB_ALREADY_THERE, item=item.barcode, place=place)
            return replace(item, location=place), {"from": item.location, "to": place}

        return self._act(actor, session_id, barcode, EventKind.INVENTORY_MOVED, change)

    def set_quantity(self, actor: Actor, session_id: str | None, barcode: str, quantity: float) -> InventoryItem:
        if not quantity >= 0:  # NaN too
            raise InvalidTransition(Message.LAB_QUANTITY_NEGATIVE)

        def change(item: InventoryItem) -> tuple[InventoryItem, dict[str, Any]]:
            return replace(item, quantity=quantity), {"from": item.quantity, "to": quantity, "unit": item.unit}

        return self._act(actor, session_id, barcode, EventKind.INVENTORY_SET, change)

    def archive(self, actor: Actor, session_id: str | None, barcode: str) -> InventoryItem:
        def change(item: InventoryItem) -> tuple[InventoryItem, dict[str, Any]]:
            if item.status == InventoryStatus.ARCHIVED:
                raise InvalidTransition(Message.LAB_ALREADY_ARCHIVED, item=item.barcode)
            return replace(item, status=InventoryStatus.ARCHIVED.value), {"from": item.status}

        return self._act(actor, session_id, barcode, EventKind.INVENTORY_ARCHIVED, change)

    def split(
        self, actor: Actor, session_id: str | None, barcode: str, quantity: float, new_barcode: str
    ) -> InventoryItem:
        """Split `quantity` off into a new item with its own barcode; returns the new item."""
        require(actor, LAB, "split inventory")
        new_barcode = new_barcode.strip()
        lab_rules.ensure_item_code(new_barcode)
        with self._uow() as uow:
            session = self._session(uow, actor, session_id)
            item = self._item(uow, barcode)
            lab_rules.ensure_actionable(item, self._lab(uow, session))
            if not 0 < quantity < item.quantity:
                most = f"{item.quantity:g} {item.unit}".rstrip()
                raise InvalidTransition(Message.LAB_SPLIT_RANGE, most=most, item=barcode, quantity=f"{quantity:g}")
            if not new_barcode or uow.catalog.inventory_item(new_barcode) is not None:
                raise InvalidTransition(Message.LAB_BARCODE_IN_USE, barcode=repr(new_barcode))
            payload = {"barcode": barcode, "new_barcode": new_barcode, "quantity": quantity, "unit": item.unit}
            event = self.counting.record_event(uow, actor, EventKind.INVENTORY_SPLIT, session, payload)
            part = replace(item, barcode=new_barcode, quantity=quantity)
            uow.catalog.save_inventory(replace(item, quantity=item.quantity - quantity))
            uow.catalog.add_inventory(part)
            lab_projection.apply(uow, event)
            uow.commit()
        return part

    def move_all_here(self, actor: Actor, session_id: str, here: str) -> list[str]:
        """Every item of the scope found at `here` that the inventory records elsewhere, moved here (L10), in
        one transaction: all of them or none."""
        require(actor, LAB, "move inventory")
        moved: list[str] = []
        with self._uow() as uow:
            session = self._session(uow, actor, session_id)
            assert session is not None
            count = uow.counts.get(session.count_id)
            for barcode in uow.lab.wrong_location_at(session.id, count.id, count.lab or "", here):
                item = self._item(uow, barcode)
                payload = {"barcode": barcode, "from": item.location, "to": here}
                event = self.counting.record_event(uow, actor, EventKind.INVENTORY_MOVED, session, payload)
                uow.catalog.save_inventory(replace(item, location=here))
                lab_projection.apply(uow, event)
                moved.append(barcode)
            uow.commit()
        return moved

    def _act(
        self, actor: Actor, session_id: str | None, barcode: str, kind: EventKind, change: Change
    ) -> InventoryItem:
        require(actor, LAB, "change inventory")
        with self._uow() as uow:
            session = self._session(uow, actor, session_id)
            item = self._item(uow, barcode)
            if kind is EventKind.INVENTORY_ARCHIVED:
                changed, payload = change(item)  # "already archived" says more than "archived: cannot be"
            lab_rules.ensure_actionable(item, self._lab(uow, session))
            if kind is not EventKind.INVENTORY_ARCHIVED:
                changed, payload = change(item)
            event = self.counting.record_event(uow, actor, kind, session, {"barcode": barcode, **payload})
            uow.catalog.save_inventory(changed)
            lab_projection.apply(uow, event)
            uow.commit()
        return changed

    @staticmethod
    def _item(uow: SqlUnitOfWork, barcode: str) -> InventoryItem:
        item = uow.catalog.inventory_item(barcode)
        if item is None:
            raise NotFound(Message.LAB_NO_ITEM, barcode=barcode)
        return item

    def _session(self, uow: SqlUnitOfWork, actor: Actor, session_id: str | None) -> Session | None:
        """The reconciliation session the action is linked to: it must be one, and still in progress."""
        if session_id is None:
            return None
        session = uow.sessions.get(session_id)
        count = uow.counts.get(session.count_id)
        if count.kind is not CountKind.SCOPED:
            raise InvalidTransition(Message.LAB_ACTIONS_NEED_SESSION)
        rules.ensure_can_scan(session, count, actor, self.clock.now())
        return session

    @staticmethod
    def _lab(uow: SqlUnitOfWork, session: Session | None) -> str | None:
        return uow.counts.get(session.count_id).lab if session is not None else None
