"""What a lab event does to the device's lab tables: the scope with its places, notes on unknown codes,
resolutions, listing configs and each item's inventory history (L4, L9, L12).

One function for both ways an event arrives: recorded here (services.lab, after it changed the items) or
pulled from another station (sync.local; the changed items themselves arrive as inventory changes). Every
write is idempotent, so an event seen twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from scanapp.domain import stored_text as text
from scanapp.domain.catalog import ListingConfig
from scanapp.domain.counts import Count, CountKind
from scanapp.domain.journal import Event, EventKind
from scanapp.store.uow import SqlUnitOfWork

KINDS = frozenset(
    {
        EventKind.LISTING_CONFIG_CREATED,
        EventKind.RECONCILIATION_CREATED,
        EventKind.CODE_NOTED,
        EventKind.ITEMS_RESOLVED,
        EventKind.INVENTORY_MOVED,
        EventKind.INVENTORY_SET,
        EventKind.INVENTORY_SPLIT,
        EventKind.INVENTORY_ARCHIVED,
    }
)


def apply(uow: SqlUnitOfWork, event: Event) -> None:
    p = event.payload
    if event.kind is EventKind.LISTING_CONFIG_CREATED:
        _listing_config(uow, p, event.user_id)
    elif event.kind is EventKind.RECONCILIATION_CREATED:
        _reconciliation(uow, event)
    elif event.kind is EventKind.CODE_NOTED and event.session_id:
        uow.lab.note(event.session_id, str(p["code"]), str(p.get("note", "")).strip(), event.user_id, _at(event))
    elif event.kind is EventKind.ITEMS_RESOLVED and event.session_id:
        detail = resolution_detail(p)
        rows = [(str(b), str(p["resolution"]), detail) for b in p["barcodes"]]
        uow.lab.resolve(event.session_id, rows, event.id, event.user_id, _at(event))
        for barcode, _, _ in rows:
            uow.catalog.add_history(event, barcode, "resolved", detail)
    else:
        for barcode, action, detail in history_lines(event.kind, p):
            uow.catalog.add_history(event, barcode, action, detail)


def history_lines(kind: EventKind, p: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(item, action, detail) for each item history line an inventory action writes (in English, from the
    templates the screens translate: domain.stored_text)."""
    unit = f" {p['unit']}" if p.get("unit") else ""
    barcode = str(p.get("barcode", ""))
    if kind is EventKind.INVENTORY_MOVED:
        return [(barcode, "move", text.MOVED.format(old=p.get("from"), new=p.get("to")))]
    if kind is EventKind.INVENTORY_SET:
        quantities = {"old": f"{float(p['from']):g}", "new": f"{float(p['to']):g}{unit}"}
        return [(barcode, "set", text.QUANTITY_SET.format(**quantities))]
    if kind is EventKind.INVENTORY_ARCHIVED:
        return [(barcode, "archive", text.ARCHIVED.format(old=p.get("from")))]
    if kind is EventKind.INVENTORY_SPLIT:
        new = str(p["new_barcode"])
        return [
            (barcode, "split", text.SPLIT_OFF.format(quantity=f"{float(p['quantity']):g}{unit}", new=new)),
            (new, "split", text.SPLIT_FROM.format(old=barcode)),
        ]
    return []


def resolution_detail(p: Mapping[str, Any]) -> str:
    template = {
        (True, True): text.RESOLVED_TO_NOTE,
        (True, False): text.RESOLVED_TO,
        (False, True): text.RESOLVED_NOTE,
        (False, False): text.RESOLVED,
    }[(bool(p.get("to")), bool(p.get("note")))]
    return template.format(resolution=p["resolution"], place=p.get("to"), note=p.get("note"))


def _listing_config(uow: SqlUnitOfWork, p: Mapping[str, Any], user_id: str) -> None:
    if uow.lab.one("SELECT 1 FROM listing_configs WHERE id = ?", (str(p["id"]),)) is not None:
        return
    config = ListingConfig(
        id=str(p["id"]),
        name=str(p["name"]),
        columns=tuple(str(c) for c in p["columns"]),
        filters=tuple((str(k), tuple(str(x) for x in v)) for k, v in sorted(dict(p["filters"]).items())),
    )
    uow.catalog.add_listing_config(config, user_id)


def _reconciliation(uow: SqlUnitOfWork, event: Event) -> None:
    p = event.payload
    if p.get("listing_config"):
        _listing_config(uow, p["listing_config"], event.user_id)
    count_id = str(p["count_id"])
    scope = [(str(b), str(loc)) for b, loc in p["scope"]]
    if uow.lab.one("SELECT 1 FROM counts WHERE id = ?", (count_id,)) is None:  # pulled before its count
        count = Count(
            id=count_id,
            name=str(p["name"]),
            kind=CountKind.SCOPED,
            planned_start=event.wall_time,
            created_at=event.wall_time,
            created_by=event.user_id,
            lab=str(p["lab"]),
            listing_config_id=p.get("listing_config_id"),
        )
        uow.counts.add(count, [(barcode, 1.0) for barcode, _ in scope])
    assert event.session_id is not None
    uow.lab.add_scope(count_id, event.session_id, scope)


def _at(event: Event) -> str:
    at: datetime = event.wall_time
    return at.isoformat()
