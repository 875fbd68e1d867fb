"""The rows the supervisor's station computes from (domain.variance): a count's sessions with their counter,
units and last activity, each item's units and lines per session, the expected list, the decisions and the
count's threshold. Each takes the item keys to read only some items (one item's line after a decision).

A count can list 50,000 items: the bulk reads go straight to the driver cursor (plain tuples), since building
SQLAlchemy rows for them costs several times the query. They run in the caller's connection and transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection

from scanapp.domain.counts import SessionState
from scanapp.domain.variance import Decision, DecisionRecord, ItemCount, SessionInfo, Threshold, ThresholdKind

_IN = "IN (SELECT value FROM json_each(?))"


def cursor(conn: Connection) -> sqlite3.Cursor:
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver.cursor()


def _keys(sql: str, params: list[object], column: str, item_keys: Sequence[str] | None) -> tuple[str, list[object]]:
    if item_keys is None:
        return sql, params
    return f"{sql} AND {column} {_IN}", [*params, json.dumps(list(item_keys))]


def session_infos(conn: Connection, count_id: str) -> list[SessionInfo]:
    """The count's sessions (discarded ones too: the domain leaves them out), oldest first. Counter: who
    started it, else who made it; last activity: the time of its latest line (one index lookup each)."""
    cur = cursor(conn)
    rows = cur.execute(
        "SELECT s.id, s.name, s.area, s.state, s.created_at, coalesce(s.started_by, s.created_by),"
        " coalesce(t.units, 0),"
        " (SELECT l.at FROM scan_lines l WHERE l.session_id = s.id ORDER BY l.ordinal DESC LIMIT 1)"
        " FROM sessions s LEFT JOIN session_totals t ON t.session_id = s.id"
        " WHERE s.count_id = ? ORDER BY s.created_at, s.id",
        (count_id,),
    ).fetchall()
    targets: dict[str, set[str]] = {}
    for sid, key in cur.execute(
        "SELECT t.session_id, t.item_key FROM session_targets t JOIN sessions s ON s.id = t.session_id"
        " WHERE s.count_id = ?",
        (count_id,),
    ):
        targets.setdefault(str(sid), set()).add(str(key))
    return [
        SessionInfo(
            id=sid,
            name=name,
            area=area,
            counter=counter,
            state=SessionState(state),
            created_at=datetime.fromisoformat(created),
            units=int(units),
            last_activity=datetime.fromisoformat(last) if last else None,
            recount_items=frozenset(targets.get(sid, ())),
        )
        for sid, name, area, state, created, counter, units, last in rows
    ]


def item_counts(
    conn: Connection, session_ids: Sequence[str], item_keys: Sequence[str] | None = None
) -> list[ItemCount]:
    """Units and counting lines per item of these sessions (lines > 0 only: an item with lines and 0 units
    was counted as 0)."""
    if not session_ids:
        return []
    sql, params = _keys(
        f"SELECT session_id, item_key, units, lines FROM session_items WHERE session_id {_IN} AND lines > 0",
        [json.dumps(list(session_ids))],
        "item_key",
        item_keys,
    )
    return [ItemCount(*row) for row in cursor(conn).execute(sql, params)]


def expected_of(conn: Connection, count_id: str, item_keys: Sequence[str] | None = None) -> dict[str, float]:
    sql, params = _keys(
        "SELECT item_key, expected_qty FROM expected_items WHERE count_id = ?", [count_id], "item_key", item_keys
    )
    return dict(cursor(conn).execute(sql, params).fetchall())


def names_of(conn: Connection, item_keys: Sequence[str]) -> dict[str, str]:
    """Product names of these items (an item that is no product is left out)."""
    if not item_keys:
        return {}
    rows = cursor(conn).execute(f"SELECT sku, name FROM products WHERE sku {_IN}", (json.dumps(list(item_keys)),))
    return dict(rows.fetchall())


def listed_with_names(conn: Connection, count_id: str) -> tuple[dict[str, float], dict[str, str]]:
    """The count's expected quantities and the names of its listed products, in one pass over its list."""
    expected: dict[str, float] = {}
    names: dict[str, str] = {}
    for key, qty, name in cursor(conn).execute(
        "SELECT e.item_key, e.expected_qty, p.name FROM expected_items e LEFT JOIN products p ON p.sku = e.item_key"
        " WHERE e.count_id = ?",
        (count_id,),
    ):
        expected[key] = qty
        if name is not None:
            names[key] = name
    return expected, names


def item_keys_page(conn: Connection, count_id: str, session_ids: Sequence[str], offset: int, limit: int) -> list[str]:
    """A page of the item keys the count's variance lists (listed, or counted in one of these sessions), in
    order; the lines of a page need only their own items' rows."""
    rows = cursor(conn).execute(
        "SELECT item_key FROM expected_items WHERE count_id = ?"
        f" UNION SELECT item_key FROM session_items WHERE session_id {_IN} AND lines > 0"
        " ORDER BY 1 LIMIT ? OFFSET ?",
        (count_id, json.dumps(list(session_ids)), limit, offset),
    )
    return [str(r[0]) for r in rows]


def item_keys_total(conn: Connection, count_id: str, session_ids: Sequence[str]) -> int:
    row = (
        cursor(conn)
        .execute(
            "SELECT count(*) FROM (SELECT item_key FROM expected_items WHERE count_id = ?"
            f" UNION SELECT item_key FROM session_items WHERE session_id {_IN} AND lines > 0)",
            (count_id, json.dumps(list(session_ids))),
        )
        .fetchone()
    )
    return int(row[0])


def decisions_of(conn: Connection, count_id: str, item_keys: Sequence[str] | None = None) -> dict[str, DecisionRecord]:
    sql, params = _keys(
        "SELECT item_key, decision, reason, counted, decided_by, decided_at FROM variance_decisions WHERE count_id = ?",
        [count_id],
        "item_key",
        item_keys,
    )
    return {
        str(key): DecisionRecord(str(key), Decision(decision), reason, counted, by, datetime.fromisoformat(at))
        for key, decision, reason, counted, by, at in cursor(conn).execute(sql, params)
    }


def count_threshold(conn: Connection, count_id: str) -> Threshold | None:
    """The count's own threshold (None: it has none; the device default applies)."""
    row = cursor(conn).execute("SELECT kind, value FROM count_thresholds WHERE count_id = ?", (count_id,)).fetchone()
    return None if row is None else Threshold(ThresholdKind(row[0]), float(row[1]))


def sessions_moved(conn: Connection, session_ids: Sequence[str], after_event: int) -> set[str]:
    """Which of these sessions have journal events after local id `after_event` (reads only the newer ones)."""
    rows = cursor(conn).execute(
        f"SELECT DISTINCT session_id FROM events WHERE local_id > ? AND session_id {_IN}",
        (after_event, json.dumps(list(session_ids))),
    )
    return {str(r[0]) for r in rows}


def change_marks(conn: Connection, count_id: str) -> tuple[dict[str, tuple[int, ...]], tuple[object, ...], int]:
    """What says the count's counted items may have moved: each session's totals, the counts' change counter
    with the reviews and recount targets, and the newest journal event."""
    cur = cursor(conn)
    totals = {
        str(r[0]): tuple(r[1:])
        for r in cur.execute(
            "SELECT t.session_id, t.lines, t.units, t.unique_items, t.rejected, t.units_counted,"
            " t.units_undirected, t.units_unmatched FROM session_totals t JOIN sessions s ON s.id = t.session_id"
            " WHERE s.count_id = ?",
            (count_id,),
        )
    }
    counts = cur.execute("SELECT value FROM change_counters WHERE name = 'counts'").fetchone()
    reviews = cur.execute("SELECT count(*) FROM event_reviews").fetchone()
    targets = cur.execute("SELECT count(*) FROM session_targets").fetchone()
    last = cur.execute("SELECT coalesce(max(local_id), 0) FROM events").fetchone()
    return totals, (counts[0] if counts else None, reviews[0], targets[0]), int(last[0])
