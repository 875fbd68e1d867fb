"""Lab reads: labs, places and listing configs for the start modal (with the live count), reconciliation
sessions, the tracking list's rows with their tags, progress per location and unknown codes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.catalog import InventoryItem, ListingConfig
from scanapp.domain.counts import Count, CountKind
from scanapp.domain.lab_rows import LabScanRow, LabSessionRow, ProgressRow, UnknownCode
from scanapp.store.lab_repo import Filters, filter_sql
from scanapp.store.queries.scan_lines import lines_at
from scanapp.store.repositories import session_from_row
from scanapp.store.row_mapping import from_iso, inventory_from_row


def labs(conn: Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute(text("SELECT DISTINCT lab FROM inventory_items ORDER BY lab"))]


def filter_values(conn: Connection, column: str, lab: str | None = None) -> list[str]:
    """The values a filter on `column` can take (in one lab, when given), for the listing-config editor."""
    if column not in ListingConfig.FILTERABLE:
        raise ValueError(f"cannot filter inventory on {column!r}")
    where = " WHERE lab = :lab" if lab else ""
    rows = conn.execute(text(f"SELECT DISTINCT {column} FROM inventory_items{where} ORDER BY 1"), {"lab": lab})
    return [str(r[0]) for r in rows]


def matching_count(conn: Connection, filters: Filters) -> int:
    """How many inventory items these filters select: the start modal's live count."""
    where, params = filter_sql(filters)
    return int(conn.execute(text(f"SELECT count(*) FROM inventory_items WHERE {where}"), params).scalar_one())


def listing_configs(conn: Connection) -> list[ListingConfig]:
    rows = conn.execute(text("SELECT * FROM listing_configs ORDER BY name, id")).fetchall()
    return [_config(r) for r in rows]


def listing_config(conn: Connection, config_id: str) -> ListingConfig:
    row = conn.execute(text("SELECT * FROM listing_configs WHERE id = :id"), {"id": config_id}).first()
    if row is None:
        raise LookupError(f"No listing config {config_id}.")
    return _config(row)


def _config(row: Any) -> ListingConfig:
    filters = json.loads(row.filters)
    return ListingConfig(
        id=row.id,
        name=row.name,
        columns=tuple(json.loads(row.columns)),
        filters=tuple((k, tuple(v)) for k, v in sorted(filters.items())),
    )


_SESSIONS = (
    "SELECT s.*, c.id AS c_id, c.name AS c_name, c.kind AS c_kind, c.planned_start AS c_planned_start,"
    " c.created_at AS c_created_at, c.created_by AS c_created_by, c.lab AS c_lab,"
    " c.listing_config_id AS c_listing_config_id, c.expected_total AS c_expected_total,"
    " coalesce(l.name, '') AS config_name, t.lines AS t_lines, t.expected_scanned AS t_found,"
    " t.unique_items - t.expected_scanned AS t_not_in_scope,"
    " (SELECT count(DISTINCT code) FROM scan_lines u WHERE u.session_id = s.id AND u.category = 'Unmatched'"
    " AND NOT u.removed) AS t_unknown"
    " FROM sessions s JOIN counts c ON c.id = s.count_id JOIN session_totals t ON t.session_id = s.id"
    " LEFT JOIN listing_configs l ON l.id = c.listing_config_id WHERE c.kind = 'scoped'"
)


def reconciliations(conn: Connection, past: bool | None = None) -> list[LabSessionRow]:
    """Reconciliation sessions, the latest started first: active ones (past False), ended ones (True) or all."""
    where = {None: "", False: " AND s.ended_at IS NULL", True: " AND s.ended_at IS NOT NULL"}[past]
    rows = conn.execute(text(f"{_SESSIONS}{where} ORDER BY coalesce(s.started_at, s.created_at) DESC, s.id")).all()
    return [_session_row(r) for r in rows]


def reconciliation(conn: Connection, session_id: str) -> LabSessionRow:
    row = conn.execute(text(f"{_SESSIONS} AND s.id = :s"), {"s": session_id}).first()
    if row is None:
        raise LookupError(f"No reconciliation session {session_id}.")
    return _session_row(row)


def find_reconciliation(conn: Connection, ref: str) -> str:
    """A reconciliation session by id, unique id prefix or exact name (its own or its count's)."""
    rows = conn.execute(
        text(
            "SELECT s.id FROM sessions s JOIN counts c ON c.id = s.count_id WHERE c.kind = 'scoped'"
            " AND (s.id = :r OR s.id LIKE :p OR s.name = :r OR c.name = :r)"
        ),
        {"r": ref, "p": ref + "%"},
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0].id)
    if rows:
        raise LookupError(f"{ref!r} names {len(rows)} reconciliation sessions; use the full id.")
    raise LookupError(f"No reconciliation session {ref!r}.")


def _session_row(r: Any) -> LabSessionRow:
    m = r._mapping
    count = Count(
        id=m["c_id"],
        name=m["c_name"],
        kind=CountKind(m["c_kind"]),
        planned_start=datetime.fromisoformat(m["c_planned_start"]),
        created_at=datetime.fromisoformat(m["c_created_at"]),
        created_by=m["c_created_by"],
        lab=m["c_lab"],
        listing_config_id=m["c_listing_config_id"],
        expected_total=m["c_expected_total"],
    )
    return LabSessionRow(
        session=session_from_row(r),
        count=count,
        config_name=str(m["config_name"]),
        expected=int(count.expected_total),
        found=int(m["t_found"]),
        not_in_scope=int(m["t_not_in_scope"]),
        unknown=int(m["t_unknown"]),
        scans=int(m["t_lines"]),
    )


def inventory_items(conn: Connection, barcodes: list[str]) -> dict[str, InventoryItem]:
    if not barcodes:
        return {}
    rows = conn.execute(
        text("SELECT * FROM inventory_items WHERE barcode IN :b").bindparams(bindparam("b", expanding=True)),
        {"b": barcodes},
    )
    return {r.barcode: inventory_from_row(r) for r in rows}


def scan_rows(conn: Connection, session_id: str, ordinals: list[int]) -> list[LabScanRow]:
    """The tracking list's rows at these ordinals: each line with its item, whether it is in the scope, where it
    was found and the note on an unknown code."""
    page = lines_at(conn, session_id, ordinals)
    keys = sorted({ln.item_key for ln in page if ln.item_key})
    items = inventory_items(conn, keys)
    found: dict[str, str | None] = {}
    in_scope: set[str] = set()
    if keys:
        params = {"s": session_id, "k": keys}
        found = {
            r.item_key: r.location
            for r in conn.execute(
                text("SELECT item_key, location FROM lab_found WHERE session_id = :s AND item_key IN :k").bindparams(
                    bindparam("k", expanding=True)
                ),
                params,
            )
        }
        in_scope = {
            str(r[0])
            for r in conn.execute(
                text(
                    "SELECT e.item_key FROM sessions s JOIN expected_items e ON e.count_id = s.count_id"
                    " WHERE s.id = :s AND e.item_key IN :k"
                ).bindparams(bindparam("k", expanding=True)),
                params,
            )
        }
    notes = _notes(conn, session_id, sorted({ln.code for ln in page if ln.item_key is None and ln.code}))
    return [
        LabScanRow(
            line=ln,
            item=items.get(ln.item_key) if ln.item_key else None,
            in_scope=ln.item_key in in_scope,
            found_at=found.get(ln.item_key) if ln.item_key else None,
            note=notes.get(ln.code or "", ""),
        )
        for ln in page
    ]


def _notes(conn: Connection, session_id: str, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = conn.execute(
        text("SELECT code, note FROM lab_notes WHERE session_id = :s AND code IN :c").bindparams(
            bindparam("c", expanding=True)
        ),
        {"s": session_id, "c": codes},
    )
    return {str(r.code): str(r.note) for r in rows}


def progress(conn: Connection, session_id: str) -> list[ProgressRow]:
    rows = conn.execute(
        text("SELECT location, expected, found FROM lab_progress WHERE session_id = :s ORDER BY location"),
        {"s": session_id},
    )
    return [ProgressRow(str(r.location), int(r.expected), int(r.found)) for r in rows]


def unknown_codes(conn: Connection, session_id: str) -> list[UnknownCode]:
    """Codes that matched no inventory item, once each, the latest scanned first (L12)."""
    rows = conn.execute(
        text(
            "SELECT l.code, count(*) AS n, max(l.at) AS last_at, coalesce(n.note, '') AS note FROM scan_lines l"
            " LEFT JOIN lab_notes n ON n.session_id = l.session_id AND n.code = l.code"
            " WHERE l.session_id = :s AND l.category = 'Unmatched' AND NOT l.removed"
            " GROUP BY l.code ORDER BY max(l.ordinal) DESC"
        ),
        {"s": session_id},
    )
    return [UnknownCode(str(r.code), int(r.n), from_iso(r.last_at), str(r.note)) for r in rows]  # type: ignore[arg-type]


def wrong_location_at(conn: Connection, session_id: str, here: str) -> list[str]:
    """Items of the scope found at `here` that the inventory records elsewhere (what "move all found here" moves)."""
    rows = conn.execute(
        text(
            "SELECT f.item_key FROM lab_found f JOIN sessions s ON s.id = f.session_id"
            " JOIN counts c ON c.id = s.count_id JOIN inventory_items i ON i.barcode = f.item_key"
            " JOIN expected_items e ON e.count_id = c.id AND e.item_key = f.item_key"
            " WHERE f.session_id = :s AND f.location = :here AND i.location != f.location AND i.lab = c.lab"
            " AND i.status != 'archived' ORDER BY f.item_key"
        ),
        {"s": session_id, "here": here},
    )
    return [str(r[0]) for r in rows]


def unresolved(conn: Connection, session_id: str) -> int:
    """Expected items nobody found and nobody resolved yet."""
    row = conn.execute(
        text(
            "SELECT c.expected_total - t.expected_scanned - (SELECT count(*) FROM lab_resolutions r"
            " WHERE r.session_id = s.id AND NOT EXISTS (SELECT 1 FROM session_items si WHERE si.session_id = s.id"
            " AND si.item_key = r.item_key AND si.units > 0))"
            " FROM sessions s JOIN counts c ON c.id = s.count_id JOIN session_totals t ON t.session_id = s.id"
            " WHERE s.id = :s"
        ),
        {"s": session_id},
    ).scalar()
    return int(row or 0)


def is_reconciliation(conn: Connection, session_id: str) -> bool:
    kind = conn.execute(
        text("SELECT c.kind FROM sessions s JOIN counts c ON c.id = s.count_id WHERE s.id = :s"), {"s": session_id}
    ).scalar()
    return kind == CountKind.SCOPED.value


def unresolved_items(conn: Connection, session_id: str) -> list[str]:
    """The barcodes of the expected items nobody found and nobody resolved yet, by barcode."""
    rows = conn.execute(
        text(
            "SELECT e.item_key FROM sessions s JOIN expected_items e ON e.count_id = s.count_id WHERE s.id = :s"
            " AND NOT EXISTS (SELECT 1 FROM session_items si WHERE si.session_id = s.id AND si.item_key = e.item_key"
            " AND si.units > 0) AND NOT EXISTS (SELECT 1 FROM lab_resolutions r WHERE r.session_id = s.id"
            " AND r.item_key = e.item_key) ORDER BY e.item_key"
        ),
        {"s": session_id},
    )
    return [str(r[0]) for r in rows]
