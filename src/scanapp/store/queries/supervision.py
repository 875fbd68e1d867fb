"""The rows the supervisor's station computes from (domain.variance): a count's sessions with their counter,
units and last activity, each item's units and lines per session, the expected list, the decisions and the
count's threshold. Each takes the item keys to read only some items (one item's line after a decision)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, text

from scanapp.domain.counts import SessionState
from scanapp.domain.variance import Decision, DecisionRecord, ItemCount, SessionInfo, Threshold, ThresholdKind


def session_infos(conn: Connection, count_id: str) -> list[SessionInfo]:
    """The count's sessions (discarded ones too: the domain leaves them out), oldest first. Counter: who
    started it, else who made it; last activity: the time of its latest line (one index lookup each)."""
    rows = conn.execute(
        text(
            "SELECT s.id, s.name, s.area, s.state, s.created_at, coalesce(s.started_by, s.created_by) AS counter,"
            " coalesce(t.units, 0) AS units,"
            " (SELECT l.at FROM scan_lines l WHERE l.session_id = s.id ORDER BY l.ordinal DESC LIMIT 1) AS last_at"
            " FROM sessions s LEFT JOIN session_totals t ON t.session_id = s.id"
            " WHERE s.count_id = :c ORDER BY s.created_at, s.id"
        ),
        {"c": count_id},
    ).fetchall()
    targets: dict[str, set[str]] = {}
    for sid, key in conn.execute(
        text(
            "SELECT t.session_id, t.item_key FROM session_targets t JOIN sessions s ON s.id = t.session_id"
            " WHERE s.count_id = :c"
        ),
        {"c": count_id},
    ):
        targets.setdefault(str(sid), set()).add(str(key))
    return [
        SessionInfo(
            id=r.id,
            name=r.name,
            area=r.area,
            counter=r.counter,
            state=SessionState(r.state),
            created_at=datetime.fromisoformat(r.created_at),
            units=int(r.units),
            last_activity=datetime.fromisoformat(r.last_at) if r.last_at else None,
            recount_items=frozenset(targets.get(r.id, ())),
        )
        for r in rows
    ]


def item_counts(
    conn: Connection, session_ids: Sequence[str], item_keys: Sequence[str] | None = None
) -> list[ItemCount]:
    """Units and counting lines per item of these sessions (lines > 0 only: an item with lines and 0 units
    was counted as 0)."""
    if not session_ids:
        return []
    sql = "SELECT session_id, item_key, units, lines FROM session_items WHERE session_id IN :s AND lines > 0"
    params: dict[str, object] = {"s": list(session_ids)}
    binds: list[BindParameter[Any]] = [bindparam("s", expanding=True)]
    if item_keys is not None:
        sql += " AND item_key IN :k"
        params["k"] = list(item_keys)
        binds.append(bindparam("k", expanding=True))
    rows = conn.execute(text(sql).bindparams(*binds), params)
    return [ItemCount(sid, key, int(units), int(lines)) for sid, key, units, lines in rows]


def expected_of(conn: Connection, count_id: str, item_keys: Sequence[str] | None = None) -> dict[str, float]:
    sql = "SELECT item_key, expected_qty FROM expected_items WHERE count_id = :c"
    params: dict[str, object] = {"c": count_id}
    stmt = text(sql)
    if item_keys is not None:
        stmt = text(sql + " AND item_key IN :k").bindparams(bindparam("k", expanding=True))
        params["k"] = list(item_keys)
    return {str(k): float(q) for k, q in conn.execute(stmt, params)}


def names_of(
    conn: Connection, count_id: str, session_ids: Sequence[str], item_keys: Sequence[str] | None = None
) -> dict[str, str]:
    """Product names of the count's listed and counted items."""
    if item_keys is not None:
        if not item_keys:
            return {}
        stmt = text("SELECT sku, name FROM products WHERE sku IN :k").bindparams(bindparam("k", expanding=True))
        return {str(k): str(n) for k, n in conn.execute(stmt, {"k": list(item_keys)})}
    stmt = text(
        "SELECT p.sku, p.name FROM products p WHERE p.sku IN (SELECT item_key FROM expected_items WHERE count_id = :c"
        " UNION SELECT item_key FROM session_items WHERE session_id IN :s)"
    ).bindparams(bindparam("s", expanding=True))
    return {str(k): str(n) for k, n in conn.execute(stmt, {"c": count_id, "s": list(session_ids)})}


def decisions_of(conn: Connection, count_id: str, item_keys: Sequence[str] | None = None) -> dict[str, DecisionRecord]:
    sql = (
        "SELECT item_key, decision, reason, counted, decided_by, decided_at FROM variance_decisions WHERE count_id = :c"
    )
    params: dict[str, object] = {"c": count_id}
    stmt = text(sql)
    if item_keys is not None:
        stmt = text(sql + " AND item_key IN :k").bindparams(bindparam("k", expanding=True))
        params["k"] = list(item_keys)
    return {
        str(r.item_key): DecisionRecord(
            item_key=str(r.item_key),
            decision=Decision(r.decision),
            reason=r.reason,
            counted=r.counted,
            decided_by=r.decided_by,
            decided_at=datetime.fromisoformat(r.decided_at),
        )
        for r in conn.execute(stmt, params)
    }


def count_threshold(conn: Connection, count_id: str) -> Threshold | None:
    """The count's own threshold (None: it has none; the device default applies)."""
    row = conn.execute(text("SELECT kind, value FROM count_thresholds WHERE count_id = :c"), {"c": count_id}).first()
    return None if row is None else Threshold(ThresholdKind(row.kind), float(row.value))
