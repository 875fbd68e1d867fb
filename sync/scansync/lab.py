"""Lab inventory and listing configs (L1, L5): stored and published so the lab screens can rely on them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from scanapp.domain.permissions import Actor
from scanapp.sync.wire import InventoryItemIn, ListingConfigIn
from scansync import tables as t
from scansync.accounts import Conflict
from scansync.db import Tx, dumps
from scansync.views import inventory_view, listing_view


def upsert_inventory(tx: Tx, items: list[InventoryItemIn]) -> int:
    conn = tx.conn
    for item in items:
        values = item.model_dump()
        if conn.execute(select(t.inventory_items.c.barcode).where(t.inventory_items.c.barcode == item.barcode)).first():
            conn.execute(update(t.inventory_items).where(t.inventory_items.c.barcode == item.barcode).values(**values))
        else:
            conn.execute(insert(t.inventory_items).values(**values))
        tx.publish("inventory_item", item.barcode, values)
    return len(items)


def list_inventory(conn: Connection, lab: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    stmt = select(t.inventory_items).order_by(t.inventory_items.c.barcode).limit(limit).offset(offset)
    if lab is not None:
        stmt = stmt.where(t.inventory_items.c.lab == lab)
    return [inventory_view(r) for r in conn.execute(stmt)]


def create_listing(tx: Tx, actor: Actor, body: ListingConfigIn) -> dict[str, Any]:
    conn = tx.conn
    if conn.execute(select(t.listing_configs.c.id).where(t.listing_configs.c.id == body.id)).first() is not None:
        raise Conflict(f"Listing config {body.id} exists already.")
    values = {
        "id": body.id,
        "name": body.name.strip(),
        "columns": dumps(list(body.columns)),
        "filters": dumps({k: list(v) for k, v in body.filters.items()}),
        "created_by": actor.user_id,
    }
    conn.execute(insert(t.listing_configs).values(**values))
    view = {**values, "columns": json.loads(values["columns"]), "filters": json.loads(values["filters"])}
    tx.publish("listing_config", body.id, view)
    return view


def list_listings(conn: Connection) -> list[dict[str, Any]]:
    return [listing_view(r) for r in conn.execute(select(t.listing_configs).order_by(t.listing_configs.c.name))]
