"""The seed's three listings of a reconciliation session (L5), a page at a time, by barcode:

- not scanned: the original listing (the scope frozen at the start) less every barcode scanned;
- not in listing: inventory scanned in the session that the original listing does not have;
- listing: the whole original listing, with where each item was found.

Their sizes come from the session's totals (no count over the scope), and each page is read in barcode order
off a primary key, so the first page of a 100,000-item scope costs what a page of ten does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from scanapp.domain.catalog import InventoryItem
from scanapp.domain.lab_rows import ListingRow, ScopeRecheck, View
from scanapp.store.lab_repo import filter_sql
from scanapp.store.queries.lab import listing_config

_ITEM = (
    "coalesce(i.ingredient, '') AS ingredient, coalesce(i.lab, c.lab, '') AS i_lab, coalesce(i.location, '') AS"
    " location, coalesce(i.quantity, 0) AS quantity, coalesce(i.unit, '') AS unit, coalesce(i.status, '') AS status"
)
_SCOPE = (
    f"SELECT e.item_key AS barcode, {_ITEM}, f.item_key IS NOT NULL AS found, f.location AS found_at,"
    " r.resolution AS resolution, sc.location AS scope_location, 1 AS in_scope"
    " FROM sessions s JOIN counts c ON c.id = s.count_id JOIN expected_items e ON e.count_id = c.id"
    " LEFT JOIN inventory_items i ON i.barcode = e.item_key"
    " LEFT JOIN lab_found f ON f.session_id = s.id AND f.item_key = e.item_key"
    " LEFT JOIN lab_resolutions r ON r.session_id = s.id AND r.item_key = e.item_key"
    " LEFT JOIN lab_scope sc ON sc.count_id = c.id AND sc.barcode = e.item_key"
    " WHERE s.id = :s"
)
_NOT_SCANNED = (
    " AND NOT EXISTS (SELECT 1 FROM session_items si WHERE si.session_id = s.id AND si.item_key = e.item_key"
    " AND si.units > 0)"
)
_NOT_IN_LISTING = (
    f"SELECT si.item_key AS barcode, {_ITEM}, 1 AS found, f.location AS found_at, NULL AS resolution,"
    " NULL AS scope_location, 0 AS in_scope"
    " FROM sessions s JOIN counts c ON c.id = s.count_id JOIN session_items si ON si.session_id = s.id"
    " LEFT JOIN inventory_items i ON i.barcode = si.item_key"
    " LEFT JOIN lab_found f ON f.session_id = s.id AND f.item_key = si.item_key"
    " WHERE s.id = :s AND si.category = 'Undirected' AND si.units > 0"
)
_SQL = {
    View.NOT_SCANNED: (_SCOPE + _NOT_SCANNED, "e.item_key"),
    View.NOT_IN_LISTING: (_NOT_IN_LISTING, "si.item_key"),
    View.LISTING: (_SCOPE, "e.item_key"),
}


def view_count(conn: Connection, session_id: str, view: View) -> int:
    """How many rows the view has, from the session's totals."""
    row = conn.execute(
        text(
            "SELECT c.expected_total AS listing, t.expected_scanned AS found, t.unique_items AS items"
            " FROM sessions s JOIN counts c ON c.id = s.count_id JOIN session_totals t ON t.session_id = s.id"
            " WHERE s.id = :s"
        ),
        {"s": session_id},
    ).first()
    if row is None:
        return 0
    if view is View.LISTING:
        return int(row.listing)
    if view is View.NOT_SCANNED:
        return int(row.listing - row.found)
    return int(row.items - row.found)


def view_rows(
    conn: Connection, session_id: str, view: View, offset: int = 0, limit: int | None = None
) -> list[ListingRow]:
    sql, order = _SQL[view]
    rows = conn.execute(
        text(f"{sql} ORDER BY {order} LIMIT :limit OFFSET :offset"),
        {"s": session_id, "limit": -1 if limit is None else limit, "offset": offset},
    ).fetchall()
    return [_row(r) for r in rows]


def _row(r: Any) -> ListingRow:
    item = InventoryItem(
        barcode=r.barcode,
        ingredient=r.ingredient,
        lab=r.i_lab,
        location=r.location,
        quantity=float(r.quantity),
        unit=r.unit,
        status=r.status,
    )
    found_at = (r.found_at or "") if r.found else None
    return ListingRow(item, bool(r.in_scope), found_at, r.resolution, r.scope_location)


def recheck(conn: Connection, session_id: str, limit: int = 50) -> ScopeRecheck:
    """The listing config evaluated over the inventory now, against the scope frozen at the start (B6)."""
    c = conn.execute(
        text(
            "SELECT c.id, c.lab, c.listing_config_id FROM sessions s JOIN counts c ON c.id = s.count_id WHERE s.id = :s"
        ),
        {"s": session_id},
    ).one()
    config = listing_config(conn, c.listing_config_id)
    where, params = filter_sql((*config.filters, ("lab", (c.lab,))))
    params["c"] = c.id
    now = f"SELECT barcode FROM inventory_items WHERE {where}"
    then = "SELECT item_key FROM expected_items WHERE count_id = :c"
    added = [str(r[0]) for r in conn.execute(text(f"{now} EXCEPT {then} ORDER BY 1"), params)]
    removed = [str(r[0]) for r in conn.execute(text(f"{then} EXCEPT {now} ORDER BY 1"), params)]
    return ScopeRecheck(config, added[:limit], removed[:limit], len(added), len(removed))
