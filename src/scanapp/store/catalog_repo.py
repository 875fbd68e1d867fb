"""The catalog on the write connection: products and their codes, lab inventory, listing configs."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import insert, select

from scanapp.domain.catalog import InventoryItem, ListingConfig, Product
from scanapp.domain.errors import NotFound
from scanapp.domain.journal import Event
from scanapp.domain.messages import Message
from scanapp.store import schema as t
from scanapp.store.repositories import Repo
from scanapp.store.row_mapping import inventory_from_row


class CatalogRepo(Repo):
    def sku_for_code(self, code: str) -> str | None:
        row = self.one("SELECT sku FROM product_codes WHERE code = ?", (code,))
        return str(row[0]) if row else None

    def inventory_barcode(self, code: str) -> str | None:
        row = self.one("SELECT barcode FROM inventory_items WHERE barcode = ?", (code,))
        return str(row[0]) if row else None

    def product_name(self, sku: str) -> str | None:
        row = self.one("SELECT name FROM products WHERE sku = ?", (sku,))
        return str(row[0]) if row else None

    def product(self, sku: str) -> Product | None:
        row = self.conn.execute(select(t.products).where(t.products.c.sku == sku)).first()
        if row is None:
            return None
        codes = self.conn.execute(
            select(t.product_codes.c.code).where(t.product_codes.c.sku == sku).order_by(t.product_codes.c.code)
        ).scalars()
        return Product(sku=row.sku, name=row.name, parent_name=row.parent_name, gtins=tuple(codes))

    _UPSERT_PRODUCT = (
        "INSERT INTO products (sku, name, parent_name) VALUES (?, ?, ?)"
        " ON CONFLICT (sku) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name"
    )

    def upsert_product(self, sku: str, name: str, parent_name: str) -> None:
        self.cur.execute(self._UPSERT_PRODUCT, (sku, name, parent_name))

    def add_code(self, code: str, sku: str, source: str = "catalog") -> None:
        if self.one("SELECT 1 FROM products WHERE sku = ?", (sku,)) is None:
            raise NotFound(Message.NO_PRODUCT, sku=sku)
        self.cur.execute(
            "INSERT INTO product_codes (code, sku, source) VALUES (?, ?, ?)"
            " ON CONFLICT (code) DO UPDATE SET sku = excluded.sku, source = excluded.source",
            (code, sku, source),
        )

    def import_batch(self, products: list[tuple[str, str, str]], codes: list[tuple[str, str]]) -> dict[str, str]:
        """Upsert products and add their catalog codes, first owner wins. When some code was already taken
        the owners of all the batch's codes are returned (code -> SKU), so the caller can refuse each row
        whose GTIN belongs to another product; an empty result means every code went in as given."""
        self.cur.executemany(self._UPSERT_PRODUCT, products)
        self.cur.executemany("INSERT OR IGNORE INTO product_codes (code, sku, source) VALUES (?, ?, 'catalog')", codes)
        if self.cur.rowcount == len(codes):
            return {}
        owners: dict[str, str] = {}
        unique = list(dict.fromkeys(c for c, _ in codes))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            owners.update(self.cur.execute(f"SELECT code, sku FROM product_codes WHERE code IN ({marks})", chunk))
        return owners

    def inventory_item(self, barcode: str) -> InventoryItem | None:
        row = self.conn.execute(select(t.inventory_items).where(t.inventory_items.c.barcode == barcode)).first()
        return inventory_from_row(row) if row else None

    def add_inventory(self, item: InventoryItem) -> None:
        self.conn.execute(
            insert(t.inventory_items).values(
                barcode=item.barcode,
                ingredient=item.ingredient,
                lab=item.lab,
                location=item.location,
                quantity=item.quantity,
                unit=item.unit,
                status=item.status,
            )
        )

    def save_inventory(self, item: InventoryItem) -> None:
        self.cur.execute(
            "UPDATE inventory_items SET ingredient = ?, lab = ?, location = ?, quantity = ?, unit = ?, status = ?"
            " WHERE barcode = ?",
            (item.ingredient, item.lab, item.location, item.quantity, item.unit, item.status, item.barcode),
        )

    def inventory_matching(self, filters: Iterable[tuple[str, tuple[str, ...]]]) -> list[str]:
        """Barcodes of the inventory items a listing config selects (every filter must match)."""
        where, params = ["1 = 1"], []
        for column, allowed in filters:
            if column not in ListingConfig.FILTERABLE:
                raise ValueError(f"cannot filter inventory on {column!r}")
            where.append(f"{column} IN ({','.join('?' * len(allowed))})" if allowed else "0 = 1")
            params += list(allowed)
        sql = f"SELECT barcode FROM inventory_items WHERE {' AND '.join(where)} ORDER BY barcode"
        return [str(r[0]) for r in self.cur.execute(sql, params)]

    def add_history(self, event: Event, barcode: str, action: str, detail: str) -> None:
        self.cur.execute(
            "INSERT OR IGNORE INTO inventory_history (event_id, item_barcode, action, detail, session_id, user_id, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event.id, barcode, action, detail, event.session_id, event.user_id, event.wall_time.isoformat()),
        )

    def listing_config(self, config_id: str) -> ListingConfig:
        row = self.one("SELECT * FROM listing_configs WHERE id = ?", (config_id,))
        if row is None:
            raise NotFound(f"No listing config {config_id}.")
        filters = json.loads(row["filters"])
        return ListingConfig(
            id=row["id"],
            name=row["name"],
            columns=tuple(json.loads(row["columns"])),
            filters=tuple((k, tuple(v)) for k, v in sorted(filters.items())),
        )

    def add_listing_config(self, config: ListingConfig, created_by: str) -> None:
        self.cur.execute(
            "INSERT INTO listing_configs (id, name, columns, filters, created_by) VALUES (?, ?, ?, ?, ?)",
            (
                config.id,
                config.name,
                json.dumps(list(config.columns)),
                json.dumps({k: list(v) for k, v in config.filters}),
                created_by,
            ),
        )
