"""Read-side queries for screens, reports and exports: plain rows, paged where lists can be long.

Reads never change anything, so they run outside a unit of work on their own connection.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from scanapp.domain.classification import Category
from scanapp.domain.counts import Count, CountState, Session, SessionState, count_state
from scanapp.domain.permissions import Permission, parse_permissions
from scanapp.domain.tally import Line, Totals
from scanapp.store.repositories import count_from_row, line_from_row, session_from_row, totals_for


@dataclass(frozen=True)
class CountRow:
    count: Count
    state: CountState
    sessions: int
    units: int


@dataclass(frozen=True)
class SessionRow:
    session: Session
    totals: Totals


@dataclass(frozen=True)
class ItemRow:
    item_key: str
    name: str
    parent_name: str
    units: int
    expected_qty: float | None


@dataclass(frozen=True)
class ProductHit:
    sku: str
    name: str
    parent_name: str
    code: str | None


@dataclass(frozen=True)
class UnmatchedContext:
    line: Line
    scans_ago: int
    before: Line | None
    after: Line | None


def counts_overview(conn: Connection) -> list[CountRow]:
    rows = conn.execute(text("SELECT * FROM counts ORDER BY planned_start, name")).fetchall()
    result = []
    for row in rows:
        count = count_from_row(row)
        sessions = sessions_of(conn, count.id)
        result.append(
            CountRow(
                count=count,
                state=count_state([s.session for s in sessions]),
                sessions=len(sessions),
                units=sum(s.totals.units for s in sessions if s.session.state is not SessionState.DISCARDED),
            )
        )
    return result


def count(conn: Connection, count_id: str) -> Count:
    row = conn.execute(text("SELECT * FROM counts WHERE id = :id"), {"id": count_id}).first()
    if row is None:
        raise LookupError(count_id)
    return count_from_row(row)


def sessions_of(conn: Connection, count_id: str) -> list[SessionRow]:
    rows = conn.execute(
        text("SELECT * FROM sessions WHERE count_id = :c ORDER BY is_default DESC, created_at"), {"c": count_id}
    ).fetchall()
    return [SessionRow(session_from_row(r), totals_for(conn, r.id)) for r in rows]


def session(conn: Connection, session_id: str) -> Session:
    row = conn.execute(text("SELECT * FROM sessions WHERE id = :id"), {"id": session_id}).first()
    if row is None:
        raise LookupError(session_id)
    return session_from_row(row)


def totals(conn: Connection, session_id: str) -> Totals:
    return totals_for(conn, session_id)


def line_count(conn: Connection, session_id: str, category: Category | None = None) -> int:
    """Lines shown in the scan list (category None: every line that was not removed)."""
    if category is None:
        sql = "SELECT count(*) FROM scan_lines WHERE session_id = :s AND NOT removed"
    else:
        sql = "SELECT count(*) FROM scan_lines WHERE session_id = :s AND category = :c AND NOT removed"
    return int(conn.execute(text(sql), {"s": session_id, "c": category and category.value}).scalar_one())


def lines(
    conn: Connection, session_id: str, category: Category | None = None, offset: int = 0, limit: int = 200
) -> list[Line]:
    """A page of the scan list, newest first."""
    where = "session_id = :s AND NOT removed" + (" AND category = :c" if category else "")
    rows = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {where} ORDER BY ordinal DESC LIMIT :limit OFFSET :offset"),
        {"s": session_id, "c": category and category.value, "limit": limit, "offset": offset},
    ).fetchall()
    return [line_from_row(r) for r in rows]


def line_ordinals(conn: Connection, session_id: str, category: Category | None = None, after: int = 0) -> list[int]:
    """The ordinals of the scan list's lines (not removed; one category, if given), newest first; only those
    after `after` when given. A long list's model keeps these and reads rows by them (`lines_at`), so any page
    costs the same however deep it is, and new scans are found without counting the whole session."""
    where = "session_id = :s AND ordinal > :after AND NOT removed" + (" AND category = :c" if category else "")
    rows = conn.execute(
        text(f"SELECT ordinal FROM scan_lines WHERE {where} ORDER BY ordinal DESC"),
        {"s": session_id, "after": after, "c": category and category.value},
    )
    return [int(r[0]) for r in rows]


def lines_at(conn: Connection, session_id: str, ordinals: list[int]) -> list[Line]:
    """The lines with these ordinals, in the order given (missing ones are left out)."""
    if not ordinals:
        return []
    marks = ",".join(f":o{i}" for i in range(len(ordinals)))
    params: dict[str, object] = {f"o{i}": o for i, o in enumerate(ordinals)}
    params["s"] = session_id
    rows = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE session_id = :s AND ordinal IN ({marks})"), params
    ).fetchall()
    by_ordinal = {r.ordinal: line_from_row(r) for r in rows}
    return [by_ordinal[o] for o in ordinals if o in by_ordinal]


def items(
    conn: Connection, session_id: str, category: Category, offset: int = 0, limit: int | None = None
) -> list[ItemRow]:
    """Per-product units of a session in one category (Counted, Undirected), by name; a page of them when
    `limit` is given."""
    rows = conn.execute(
        text(
            "SELECT si.item_key, coalesce(p.name, i.ingredient, si.item_key) AS name,"
            " coalesce(p.parent_name, i.location, '') AS parent_name, si.units, e.expected_qty"
            " FROM session_items si JOIN sessions s ON s.id = si.session_id"
            " LEFT JOIN products p ON p.sku = si.item_key"
            " LEFT JOIN inventory_items i ON i.barcode = si.item_key"
            " LEFT JOIN expected_items e ON e.count_id = s.count_id AND e.item_key = si.item_key"
            " WHERE si.session_id = :s AND si.category = :c AND si.units > 0 ORDER BY name, si.item_key"
            " LIMIT :limit OFFSET :offset"
        ),
        {"s": session_id, "c": category.value, "limit": -1 if limit is None else limit, "offset": offset},
    ).fetchall()
    return [ItemRow(r.item_key, r.name, r.parent_name, r.units, r.expected_qty) for r in rows]


def item_count(conn: Connection, session_id: str, category: Category) -> int:
    """How many rows `items` has for this category."""
    return int(
        conn.execute(
            text("SELECT count(*) FROM session_items WHERE session_id = :s AND category = :c AND units > 0"),
            {"s": session_id, "c": category.value},
        ).scalar_one()
    )


_UNCOUNTED = (
    " FROM sessions s JOIN expected_items e ON e.count_id = s.count_id"
    " LEFT JOIN session_items si ON si.session_id = s.id AND si.item_key = e.item_key"
    " WHERE s.id = :s AND coalesce(si.units, 0) <= 0"
)


def uncounted(conn: Connection, session_id: str, offset: int = 0, limit: int | None = None) -> list[ItemRow]:
    """Expected items not yet scanned in this session, by name; a page of them when `limit` is given."""
    rows = conn.execute(
        text(
            "SELECT e.item_key, coalesce(p.name, i.ingredient, e.item_key) AS name,"
            " coalesce(p.parent_name, i.location, '') AS parent_name, e.expected_qty"
            " FROM sessions s JOIN expected_items e ON e.count_id = s.count_id"
            " LEFT JOIN products p ON p.sku = e.item_key"
            " LEFT JOIN inventory_items i ON i.barcode = e.item_key"
            " LEFT JOIN session_items si ON si.session_id = s.id AND si.item_key = e.item_key"
            " WHERE s.id = :s AND coalesce(si.units, 0) <= 0 ORDER BY name, e.item_key"
            " LIMIT :limit OFFSET :offset"
        ),
        {"s": session_id, "limit": -1 if limit is None else limit, "offset": offset},
    ).fetchall()
    return [ItemRow(r.item_key, r.name, r.parent_name, 0, r.expected_qty) for r in rows]


def uncounted_count(conn: Connection, session_id: str) -> int:
    """How many rows `uncounted` has."""
    return int(conn.execute(text("SELECT count(*)" + _UNCOUNTED), {"s": session_id}).scalar_one())


def unmatched_context(conn: Connection, line: Line) -> UnmatchedContext:
    """Where an unmatched scan happened: how many scans ago, and the matched scans around it (C8)."""
    params = {"s": line.session_id, "o": line.ordinal}
    scans_ago = conn.execute(
        text("SELECT count(*) FROM scan_lines WHERE session_id = :s AND ordinal > :o AND kind = 'scan'"), params
    ).scalar_one()
    matched = "session_id = :s AND kind = 'scan' AND NOT removed AND item_key IS NOT NULL"
    before = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {matched} AND ordinal < :o ORDER BY ordinal DESC LIMIT 1"), params
    ).first()
    after = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE {matched} AND ordinal > :o ORDER BY ordinal LIMIT 1"), params
    ).first()
    return UnmatchedContext(
        line=line,
        scans_ago=int(scans_ago),
        before=line_from_row(before) if before else None,
        after=line_from_row(after) if after else None,
    )


def product_names(conn: Connection, skus: list[str]) -> dict[str, str]:
    if not skus:
        return {}
    marks = ",".join(f":k{i}" for i in range(len(skus)))
    rows = conn.execute(
        text(f"SELECT sku, name FROM products WHERE sku IN ({marks})"), {f"k{i}": k for i, k in enumerate(skus)}
    )
    return {r.sku: r.name for r in rows}


def search_products(conn: Connection, query: str, limit: int = 50, only_count: str | None = None) -> list[ProductHit]:
    """Products by code, SKU or (parent) product name; exact code and SKU hits first.

    `only_count` restricts the result to a count's directed list (hand counts in directed counts, C9)."""
    query = query.strip()
    if not query:
        return []
    scope = ""
    params: dict[str, object] = {"q": query, "prefix": query.upper() + "%", "like": f"%{query}%", "limit": limit}
    if only_count:
        scope = " AND p.sku IN (SELECT item_key FROM expected_items WHERE count_id = :count)"
        params["count"] = only_count
    rows = conn.execute(
        text(
            "SELECT p.sku, p.name, p.parent_name, (SELECT min(code) FROM product_codes c WHERE c.sku = p.sku) AS code,"
            " CASE WHEN p.sku = :q OR EXISTS (SELECT 1 FROM product_codes c WHERE c.code = :q AND c.sku = p.sku)"
            " THEN 0 WHEN upper(p.sku) LIKE :prefix THEN 1 ELSE 2 END AS rank"
            " FROM products p WHERE (p.sku = :q OR upper(p.sku) LIKE :prefix OR p.name LIKE :like"
            " OR p.parent_name LIKE :like OR p.sku IN (SELECT sku FROM product_codes WHERE code = :q))"
            f"{scope} ORDER BY rank, p.parent_name, p.name LIMIT :limit"
        ),
        params,
    ).fetchall()
    return [ProductHit(r.sku, r.name, r.parent_name, r.code) for r in rows]


def expected_among(conn: Connection, count_id: str, item_keys: list[str]) -> set[str]:
    """Which of these items are on the count's expected (directed) list."""
    if not item_keys:
        return set()
    marks = ",".join(f":k{i}" for i in range(len(item_keys)))
    params: dict[str, object] = {f"k{i}": k for i, k in enumerate(item_keys)}
    params["count"] = count_id
    rows = conn.execute(
        text(f"SELECT item_key FROM expected_items WHERE count_id = :count AND item_key IN ({marks})"), params
    )
    return {str(r[0]) for r in rows}


def products_for_codes(conn: Connection, codes: list[str]) -> list[ProductHit]:
    """Products owning any of the given codes (likely-match candidates, B2), in the order of `codes`."""
    if not codes:
        return []
    marks = ",".join(f":c{i}" for i in range(len(codes)))
    rows = conn.execute(
        text(
            "SELECT c.code, p.sku, p.name, p.parent_name FROM product_codes c JOIN products p ON p.sku = c.sku"
            f" WHERE c.code IN ({marks})"
        ),
        {f"c{i}": c for i, c in enumerate(codes)},
    ).fetchall()
    by_code = {r.code: ProductHit(r.sku, r.name, r.parent_name, r.code) for r in rows}
    return [by_code[c] for c in codes if c in by_code]


@dataclass(frozen=True)
class UserRow:
    user_id: str
    display_name: str
    permissions: frozenset[Permission]


def users(conn: Connection) -> list[UserRow]:
    """The local users (until the sync server provides them), by display name."""
    rows = conn.execute(text("SELECT id, display_name, permissions FROM users ORDER BY display_name, id")).fetchall()
    return [UserRow(r.id, r.display_name, parse_permissions(r.permissions)) for r in rows]


def setting(conn: Connection, key: str, default: object = None) -> object:
    """One value of this device's settings (stored as JSON)."""
    value = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).scalar()
    return json.loads(value) if value is not None else default


def areas(conn: Connection) -> list[str]:
    """The configured areas a session can be assigned to (Backstock, Display, …)."""
    return [str(r[0]) for r in conn.execute(text("SELECT name FROM areas ORDER BY name"))]


@dataclass(frozen=True)
class ReportLine:
    item_key: str
    name: str
    expected: float | None
    counted: int
    variance: float | None


@dataclass(frozen=True)
class CountReport:
    count: Count
    state: CountState
    lines: list[ReportLine]
    unmatched: list[Line]
    units: int
    unique_items: int
    generated_at: datetime


def count_report(conn: Connection, count_id: str, now: datetime) -> CountReport:
    """Per product: expected, counted over every session not discarded, and the variance."""
    c = count(conn, count_id)
    sessions = sessions_of(conn, count_id)
    live = [s.session.id for s in sessions if s.session.state is not SessionState.DISCARDED]
    marks = ",".join(f":s{i}" for i in range(len(live))) or "NULL"
    params: dict[str, object] = {f"s{i}": sid for i, sid in enumerate(live)}
    params["count"] = count_id
    counted = {
        r.item_key: int(r.units)
        for r in conn.execute(
            text(
                f"SELECT item_key, sum(units) AS units FROM session_items WHERE session_id IN ({marks})"
                " GROUP BY item_key HAVING sum(units) > 0"
            ),
            params,
        )
    }
    expected = {
        r.item_key: float(r.expected_qty)
        for r in conn.execute(text("SELECT item_key, expected_qty FROM expected_items WHERE count_id = :count"), params)
    }
    keys = sorted(set(counted) | set(expected))
    names = product_names(conn, keys)
    report_lines = []
    for key in keys:
        exp = expected.get(key)
        got = counted.get(key, 0)
        report_lines.append(ReportLine(key, names.get(key, key), exp, got, None if exp is None else got - exp))
    unmatched_rows = conn.execute(
        text(f"SELECT * FROM scan_lines WHERE session_id IN ({marks}) AND category = :cat AND NOT removed ORDER BY at"),
        {**params, "cat": Category.UNMATCHED.value},
    ).fetchall()
    unmatched = [line_from_row(r) for r in unmatched_rows]
    return CountReport(
        count=c,
        state=count_state([s.session for s in sessions]),
        lines=report_lines,
        unmatched=unmatched,
        units=sum(counted.values()) + sum(u.units for u in unmatched),
        unique_items=len(counted),
        generated_at=now,
    )


def find_session_or_count(conn: Connection, ref: str) -> tuple[str, str]:
    """Resolve an id, id prefix or exact name to ("session"|"count", id)."""
    for kind, table in (("session", "sessions"), ("count", "counts")):
        rows = conn.execute(
            text(f"SELECT id FROM {table} WHERE id = :r OR id LIKE :p OR name = :r"), {"r": ref, "p": ref + "%"}
        ).fetchall()
        if len(rows) == 1:
            return kind, rows[0].id
        if len(rows) > 1:
            raise LookupError(f"{ref!r} names {len(rows)} {table}; use the full id.")
    raise LookupError(f"No session or count {ref!r}.")


@dataclass(frozen=True)
class HistoryRow:
    event_id: str
    item_barcode: str
    action: str
    detail: str
    session_id: str | None
    user_id: str
    at: datetime


def inventory_history(conn: Connection, barcode: str | None = None, session_id: str | None = None) -> list[HistoryRow]:
    """An item's inventory history (L4), or every action recorded in one reconciliation session."""
    if (barcode is None) == (session_id is None):
        raise ValueError("give a barcode or a session id")
    column, value = ("item_barcode", barcode) if barcode is not None else ("session_id", session_id)
    rows = conn.execute(
        text(f"SELECT * FROM inventory_history WHERE {column} = :v ORDER BY at, event_id"), {"v": value}
    ).fetchall()
    return [
        HistoryRow(
            r.event_id, r.item_barcode, r.action, r.detail, r.session_id, r.user_id, datetime.fromisoformat(r.at)
        )
        for r in rows
    ]
