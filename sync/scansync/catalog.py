"""The server's product catalog: batch upserts (REST and CLI import) that publish only what changed, so
devices pull the catalog incrementally; and the codes (GTIN-14s and reviewed aliases) of each product."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from scanapp.domain.barcodes import BarcodeError, gtin14_of
from scanapp.domain.errors import NotFound
from scanapp.sync.wire import ProductIn
from scansync import tables as t
from scansync.db import Tx, chunks


def product_data(conn: Connection, skus: list[str]) -> dict[str, dict[str, Any]]:
    """Products as the change log carries them, with all their codes."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks(skus):
        codes: dict[str, list[str]] = defaultdict(list)
        for r in conn.execute(
            select(t.product_codes.c.sku, t.product_codes.c.code)
            .where(t.product_codes.c.sku.in_(chunk))
            .order_by(t.product_codes.c.code)
        ):
            codes[r.sku].append(r.code)
        for r in conn.execute(select(t.products).where(t.products.c.sku.in_(chunk))):
            out[r.sku] = {"sku": r.sku, "name": r.name, "parent_name": r.parent_name, "gtins": codes[r.sku]}
    return out


def get_product(conn: Connection, sku: str) -> dict[str, Any]:
    found = product_data(conn, [sku])
    if sku not in found:
        raise NotFound(f"No product with SKU {sku}.")
    return found[sku]


def import_products(tx: Tx, products: list[ProductIn]) -> dict[str, Any]:
    """Upsert products and their GTINs. A row is refused whole (with its reason) when a GTIN is invalid or
    already belongs to another product; only products that really changed go to the change log."""
    conn = tx.conn
    rejected: list[dict[str, Any]] = []
    rows: list[tuple[int, ProductIn, list[str]]] = []
    for index, p in enumerate(products):
        try:
            codes = list(dict.fromkeys(gtin14_of(g) for g in p.gtins))
        except BarcodeError as err:
            rejected.append({"index": index, "sku": p.sku, "reason": f"GTIN refused: {err.reason}"})
            continue
        rows.append((index, p, codes))
    skus = sorted({p.sku for _, p, _ in rows})
    existing: dict[str, tuple[str, str]] = {}
    for chunk in chunks(skus):
        for r in conn.execute(select(t.products).where(t.products.c.sku.in_(chunk))):
            existing[r.sku] = (r.name, r.parent_name)
    owners: dict[str, str] = {}
    all_codes = sorted({c for _, _, codes in rows for c in codes})
    for chunk in chunks(all_codes):
        for r in conn.execute(
            select(t.product_codes.c.code, t.product_codes.c.sku).where(t.product_codes.c.code.in_(chunk))
        ):
            owners[r.code] = r.sku
    new_products: dict[str, dict[str, str]] = {}
    updated: dict[str, dict[str, str]] = {}
    new_codes: list[dict[str, str]] = []
    changed: set[str] = set()
    unchanged = accepted = 0
    for index, p, codes in rows:
        taken = next((c for c in codes if owners.get(c, p.sku) != p.sku), None)
        if taken is not None:
            rejected.append(
                {"index": index, "sku": p.sku, "reason": f"GTIN {taken} already belongs to SKU {owners[taken]}"}
            )
            continue
        accepted += 1
        values = {"sku": p.sku, "name": p.name.strip(), "parent_name": p.parent_name.strip()}
        before = existing.get(p.sku)
        if before is None:
            new_products[p.sku] = values
            existing[p.sku] = (values["name"], values["parent_name"])
            changed.add(p.sku)
        elif before != (values["name"], values["parent_name"]):
            (new_products if p.sku in new_products else updated)[p.sku] = values
            existing[p.sku] = (values["name"], values["parent_name"])
            changed.add(p.sku)
        fresh = [c for c in codes if c not in owners]
        for c in fresh:
            owners[c] = p.sku
            new_codes.append({"code": c, "sku": p.sku, "source": "catalog"})
        if fresh:
            changed.add(p.sku)
        if p.sku not in changed:
            unchanged += 1
    if new_products:
        conn.execute(insert(t.products), list(new_products.values()))
    if updated:
        conn.execute(
            update(t.products)
            .where(t.products.c.sku == bindparam("b_sku"))
            .values(name=bindparam("b_name"), parent_name=bindparam("b_parent")),
            [{"b_sku": v["sku"], "b_name": v["name"], "b_parent": v["parent_name"]} for v in updated.values()],
        )
    if new_codes:
        conn.execute(insert(t.product_codes), new_codes)
    if changed:
        data = product_data(conn, sorted(changed))
        for sku in sorted(changed):
            tx.publish("product", sku, data[sku])
    return {"imported": accepted, "unchanged": unchanged, "rejected": rejected}


def delete_product(tx: Tx, sku: str) -> None:
    conn = tx.conn
    if conn.execute(select(t.products.c.sku).where(t.products.c.sku == sku)).first() is None:
        raise NotFound(f"No product with SKU {sku}.")
    conn.execute(delete(t.product_codes).where(t.product_codes.c.sku == sku))
    conn.execute(delete(t.products).where(t.products.c.sku == sku))
    tx.publish("product", sku, {"sku": sku, "name": "", "parent_name": "", "gtins": [], "deleted": True})
