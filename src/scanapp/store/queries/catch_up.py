"""What a session screen reads after every scan (domain.rows.CatchUp): the session, its totals, the scan log's
rows since the newest shown and the units of the items they count for, in one snapshot.

This is the read on the path from a scan's Enter to its repaint, so it goes to the driver cursor like the
write path does (store.repositories): SQLAlchemy's statement handling cost more than these six indexed
lookups themselves. IN lists are one JSON array parameter (json_each), never hand-built placeholders.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from sqlalchemy import Connection

from scanapp.domain.errors import NotFound
from scanapp.domain.messages import Message
from scanapp.domain.refusals import key_ordinal
from scanapp.domain.rows import CatchUp, ScanRow
from scanapp.domain.tally import Totals
from scanapp.store.queries.refused import refused_from_row
from scanapp.store.repositories import CATEGORY_COLUMNS, line_from_row, session_from_row

_IN = "IN (SELECT value FROM json_each(?))"


def catch_up(conn: Connection, session_id: str, after: int) -> CatchUp:
    """See domain.rows.CatchUp; `after` is the newest place in the scan log shown (a log key)."""
    with conn.begin():  # one snapshot for all of it
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        cur = driver.cursor()
        cur.row_factory = sqlite3.Row
        try:
            return _read(cur, session_id, after)
        finally:
            cur.close()


def _read(cur: sqlite3.Cursor, session_id: str, after: int) -> CatchUp:
    session_row = cur.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    totals_row = cur.execute("SELECT * FROM session_totals WHERE session_id = ?", (session_id,)).fetchone()
    if session_row is None or totals_row is None:
        raise NotFound(Message.NO_SESSION, id=session_id)
    lines = [
        line_from_row(r)
        for r in cur.execute(
            "SELECT * FROM scan_lines WHERE session_id = ? AND ordinal > ? ORDER BY ordinal DESC",
            (session_id, key_ordinal(after)),
        )
    ]
    names = _pairs(cur, f"SELECT sku, name FROM products WHERE sku {_IN}", {ln.item_key for ln in lines})
    rows = [ScanRow(ln, names.get(ln.item_key) if ln.item_key else None) for ln in lines]
    refused = [
        refused_from_row(r)
        for r in cur.execute(
            "SELECT * FROM refused_scans WHERE session_id = ? AND after_ordinal >= ?", (session_id, key_ordinal(after))
        )
    ]
    refused = [r for r in refused if r.key > after]
    if refused:
        rows = sorted([*rows, *(ScanRow(r.as_line(), None, r) for r in refused)], key=lambda row: row.key, reverse=True)
    counted = {ln.item_key for ln in lines if ln.counts and ln.item_key}
    units = {
        str(r["item_key"]): (int(r["units"]), int(r["lines"]))
        for r in cur.execute(
            f"SELECT item_key, units, lines FROM session_items WHERE session_id = ? AND item_key {_IN}",
            (session_id, json.dumps(sorted(counted))),
        )
    }
    return CatchUp(session_from_row(session_row), _totals(totals_row), rows, units)


def _pairs(cur: sqlite3.Cursor, sql: str, keys: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted(k for k in keys if k)
    if not wanted:
        return {}
    return {str(a): str(b) for a, b in cur.execute(sql, (json.dumps(wanted),))}


def _totals(row: sqlite3.Row) -> Totals:
    return Totals(
        units=row["units"],
        unique_items=row["unique_items"],
        lines=row["lines"],
        rejected=row["rejected"],
        expected_scanned=row["expected_scanned"],
        by_category={c: row[col] for c, col in CATEGORY_COLUMNS.items() if row[col]},
    )
