"""A count's variance report (expected against counted, per product) and the lab's inventory history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountState, SessionState, count_state
from scanapp.domain.rows import CountReport, HistoryRow, ReportLine
from scanapp.domain.tally import Line
from scanapp.store.queries.catalog import product_names
from scanapp.store.queries.counts import count, sessions_of
from scanapp.store.repositories import line_from_row


def count_report(conn: Connection, count_id: str, now: datetime) -> CountReport:
    """Per product: expected, counted over every session not discarded, and the variance."""
    c = count(conn, count_id)
    sessions = sessions_of(conn, count_id)
    live = [s.session.id for s in sessions if s.session.state is not SessionState.DISCARDED]
    counted = {
        r.item_key: int(r.units)
        for r in conn.execute(
            text(
                "SELECT item_key, sum(units) AS units FROM session_items WHERE session_id IN :live"
                " GROUP BY item_key HAVING sum(units) > 0"
            ).bindparams(bindparam("live", expanding=True)),
            {"live": live},
        )
    }
    expected = {
        r.item_key: float(r.expected_qty)
        for r in conn.execute(
            text("SELECT item_key, expected_qty FROM expected_items WHERE count_id = :count"), {"count": count_id}
        )
    }
    keys = sorted(set(counted) | set(expected))
    names = product_names(conn, keys)
    report_lines = []
    for key in keys:
        exp = expected.get(key)
        got = counted.get(key, 0)
        report_lines.append(ReportLine(key, names.get(key, key), exp, got, None if exp is None else got - exp))
    unmatched = _unmatched(conn, live)
    return CountReport(
        count=c,
        state=count_state([s.session for s in sessions]),
        lines=report_lines,
        unmatched=unmatched,
        units=sum(counted.values()) + sum(u.units for u in unmatched),
        unique_items=len(counted),
        generated_at=now,
    )


def count_unmatched(conn: Connection, count_id: str) -> tuple[CountState, list[Line]]:
    """A count's state and the unmatched scans of its sessions not discarded (the variance report's rest)."""
    sessions = [s.session for s in sessions_of(conn, count_id)]
    live = [s.id for s in sessions if s.state is not SessionState.DISCARDED]
    return count_state(sessions), _unmatched(conn, live)


def _unmatched(conn: Connection, live: list[str]) -> list[Line]:
    rows = conn.execute(
        text(
            "SELECT * FROM scan_lines WHERE session_id IN :live AND category = :cat AND NOT removed ORDER BY at"
        ).bindparams(bindparam("live", expanding=True)),
        {"live": live, "cat": Category.UNMATCHED.value},
    ).fetchall()
    return [line_from_row(r) for r in rows]


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
