"""Per-product units of a session (the Counted and Undirected tabs) and what is expected but not yet
counted (Uncounted), by name, a page at a time. An item is counted once a line counts for it, even with 0
units (a hand count of 0, C10); it goes back to Uncounted when its last line is removed."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.classification import Category
from scanapp.domain.rows import ItemRow


def items(
    conn: Connection, session_id: str, category: Category, offset: int = 0, limit: int | None = None
) -> list[ItemRow]:
    """Per-product units of a session in one category (Counted, Undirected), by name, those counted as 0
    included; a page of them when `limit` is given."""
    rows = conn.execute(
        text(
            "SELECT si.item_key, coalesce(p.name, i.ingredient, si.item_key) AS name,"
            " coalesce(p.parent_name, i.location, '') AS parent_name, si.units, e.expected_qty"
            " FROM session_items si JOIN sessions s ON s.id = si.session_id"
            " LEFT JOIN products p ON p.sku = si.item_key"
            " LEFT JOIN inventory_items i ON i.barcode = si.item_key"
            " LEFT JOIN expected_items e ON e.count_id = s.count_id AND e.item_key = si.item_key"
            " WHERE si.session_id = :s AND si.category = :c AND si.lines > 0 ORDER BY name, si.item_key"
            " LIMIT :limit OFFSET :offset"
        ),
        {"s": session_id, "c": category.value, "limit": -1 if limit is None else limit, "offset": offset},
    ).fetchall()
    return [ItemRow(r.item_key, r.name, r.parent_name, r.units, r.expected_qty) for r in rows]


def item_count(conn: Connection, session_id: str, category: Category) -> int:
    """How many rows `items` has for this category."""
    return int(
        conn.execute(
            text("SELECT count(*) FROM session_items WHERE session_id = :s AND category = :c AND lines > 0"),
            {"s": session_id, "c": category.value},
        ).scalar_one()
    )


_UNCOUNTED = (
    " FROM sessions s JOIN expected_items e ON e.count_id = s.count_id"
    " LEFT JOIN session_items si ON si.session_id = s.id AND si.item_key = e.item_key"
    " WHERE s.id = :s AND coalesce(si.lines, 0) = 0"
)
# A directed recount (a session with targets, S10): exactly its targets not counted in it yet, listed or not.
_UNCOUNTED_TARGETS = (
    " FROM session_targets e JOIN sessions s ON s.id = e.session_id"
    " LEFT JOIN expected_items x ON x.count_id = s.count_id AND x.item_key = e.item_key"
    " LEFT JOIN session_items si ON si.session_id = e.session_id AND si.item_key = e.item_key"
    " WHERE e.session_id = :s AND coalesce(si.lines, 0) = 0"
)
_NAMES = " LEFT JOIN products p ON p.sku = e.item_key LEFT JOIN inventory_items i ON i.barcode = e.item_key"


def _uncounted_source(conn: Connection, session_id: str) -> tuple[str, str]:
    """The FROM … WHERE of a session's uncounted items (`e.item_key` their key) and their expected quantity."""
    found = conn.execute(text("SELECT 1 FROM session_targets WHERE session_id = :s LIMIT 1"), {"s": session_id})
    if found.first() is not None:
        return _UNCOUNTED_TARGETS, "x.expected_qty"
    return _UNCOUNTED, "e.expected_qty"


def uncounted(conn: Connection, session_id: str, offset: int = 0, limit: int | None = None) -> list[ItemRow]:
    """Expected items not yet counted in this session (a recount session: its targets not yet counted), by
    name; a page of them when `limit` is given."""
    source, expected = _uncounted_source(conn, session_id)
    joined = source.replace(" WHERE ", _NAMES + " WHERE ", 1)
    rows = conn.execute(
        text(
            "SELECT e.item_key, coalesce(p.name, i.ingredient, e.item_key) AS name,"
            f" coalesce(p.parent_name, i.location, '') AS parent_name, {expected} AS expected_qty{joined}"
            " ORDER BY name, e.item_key LIMIT :limit OFFSET :offset"
        ),
        {"s": session_id, "limit": -1 if limit is None else limit, "offset": offset},
    ).fetchall()
    return [ItemRow(r.item_key, r.name, r.parent_name, 0, r.expected_qty) for r in rows]


def uncounted_count(conn: Connection, session_id: str) -> int:
    """How many rows `uncounted` has."""
    source, _ = _uncounted_source(conn, session_id)
    return int(conn.execute(text("SELECT count(*)" + source), {"s": session_id}).scalar_one())


def units_of(conn: Connection, session_id: str, item_keys: list[str]) -> dict[str, tuple[int, int]]:
    """The units and the lines that count these items have in the session now (one key lookup each; items
    never counted left out)."""
    if not item_keys:
        return {}
    rows = conn.execute(
        text("SELECT item_key, units, lines FROM session_items WHERE session_id = :s AND item_key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        ),
        {"s": session_id, "keys": item_keys},
    )
    return {str(r.item_key): (int(r.units), int(r.lines)) for r in rows}
