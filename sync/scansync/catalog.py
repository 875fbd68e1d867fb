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
from scansync.db import Tx, chunks, plan_with_values


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
    plan_with_values(tx.conn)  # its lookups of up to 500 keys, on tables that may have been empty when planned
    batch = _Import()
    rows: list[tuple[int, ProductIn, list[str]]] = []
    for index, p in enumerate(products):
        try:
            rows.append((index, p, list(dict.fromkeys(gtin14_of(g) for g in p.gtins))))
        except BarcodeError as err:
            batch.refuse(index, p, f"GTIN refused: {err.reason}")
    batch.load(tx.conn, sorted({p.sku for _, p, _ in rows}), sorted({c for _, _, codes in rows for c in codes}))
    for index, p, codes in rows:
        batch.take(index, p, codes)
    batch.write(tx)
    return {"imported": batch.accepted, "unchanged": batch.unchanged, "rejected": batch.rejected}


class _Import:
    """One import batch: the products and code owners it found stored, and what it adds or changes."""

    def __init__(self) -> None:
        self.existing: dict[str, tuple[str, str]] = {}
        self.owners: dict[str, str] = {}
        self.new_products: dict[str, dict[str, str]] = {}
        self.updated: dict[str, dict[str, str]] = {}
        self.new_codes: list[dict[str, str]] = []
        self.changed: set[str] = set()
        self.rejected: list[dict[str, Any]] = []
        self.accepted = self.unchanged = 0

    def refuse(self, index: int, p: ProductIn, reason: str) -> None:
        self.rejected.append({"index": index, "sku": p.sku, "reason": reason})

    def load(self, conn: Connection, skus: list[str], codes: list[str]) -> None:
        for chunk in chunks(skus):
            for r in conn.execute(select(t.products).where(t.products.c.sku.in_(chunk))):
                self.existing[r.sku] = (r.name, r.parent_name)
        for chunk in chunks(codes):
            found = select(t.product_codes.c.code, t.product_codes.c.sku).where(t.product_codes.c.code.in_(chunk))
            self.owners.update({r.code: r.sku for r in conn.execute(found)})

    def take(self, index: int, p: ProductIn, codes: list[str]) -> None:
        taken = next((c for c in codes if self.owners.get(c, p.sku) != p.sku), None)
        if taken is not None:
            self.refuse(index, p, f"GTIN {taken} already belongs to SKU {self.owners[taken]}")
            return
        self.accepted += 1
        values = {"sku": p.sku, "name": p.name.strip(), "parent_name": p.parent_name.strip()}
        before = self.existing.get(p.sku)
        if before != (values["name"], values["parent_name"]):
            fresh = before is None or p.sku in self.new_products
            (self.new_products if fresh else self.updated)[p.sku] = values
            self.existing[p.sku] = (values["name"], values["parent_name"])
            self.changed.add(p.sku)
        for c in codes:
            if c not in self.owners:
                self.owners[c] = p.sku
                self.new_codes.append({"code": c, "sku": p.sku, "source": "catalog"})
                self.changed.add(p.sku)
        if p.sku not in self.changed:
            self.unchanged += 1

    def write(self, tx: Tx) -> None:
        conn = tx.conn
        if self.new_products:
            conn.execute(insert(t.products), list(self.new_products.values()))
        if self.updated:
            conn.execute(
                update(t.products)
                .where(t.products.c.sku == bindparam("b_sku"))
                .values(name=bindparam("b_name"), parent_name=bindparam("b_parent")),
                [{"b_sku": v["sku"], "b_name": v["name"], "b_parent": v["parent_name"]} for v in self.updated.values()],
            )
        if self.new_codes:
            conn.execute(insert(t.product_codes), self.new_codes)
        if self.changed:
            data = product_data(conn, sorted(self.changed))
            for sku in sorted(self.changed):
                tx.publish("product", sku, data[sku])


def delete_product(tx: Tx, sku: str) -> None:
    conn = tx.conn
    if conn.execute(select(t.products.c.sku).where(t.products.c.sku == sku)).first() is None:
        raise NotFound(f"No product with SKU {sku}.")
    conn.execute(delete(t.product_codes).where(t.product_codes.c.sku == sku))
    conn.execute(delete(t.products).where(t.products.c.sku == sku))
    tx.publish("product", sku, {"sku": sku, "name": "", "parent_name": "", "gtins": [], "deleted": True})
