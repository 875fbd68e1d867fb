"""A count's report: per item expected, counted (every session not discarded) and variance; unmatched
scans; totals; and how many events of the count still wait in the review queue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, select

from scanapp.domain.counts import CountKind, SessionState, count_state
from scanapp.domain.tally import LineKind
from scansync import tables as t
from scansync.db import chunks
from scansync.sessions import expected_of, get_count, sessions_of
from scansync.views import iso

COUNTED, NOT_COUNTED = "counted", "not counted"


def count_report(conn: Connection, count_id: str, now: datetime) -> dict[str, Any]:
    count = get_count(conn, count_id)
    sessions = sessions_of(conn, count_id)
    live = [s.id for s in sessions if s.state is not SessionState.DISCARDED]
    counted = _counted(conn, live) if live else {}
    unmatched = _unmatched(conn, live) if live else []
    expected = {e["item_key"]: float(e["expected_qty"]) for e in expected_of(conn, count_id)}
    return {
        "count": {
            "id": count.id,
            "name": count.name,
            "type": count.kind.value,
            "state": count_state(sessions).value,
            "planned_start": iso(count.planned_start),
        },
        "generated_at": iso(now),
        "totals": {
            "units": sum(counted.values()),
            "unique_products": sum(1 for units in counted.values() if units > 0),
            "unmatched_scans": len(unmatched),
            "in_review": _in_review(conn, count_id),
        },
        "lines": _lines(conn, count.kind, counted, expected),
        "unmatched": unmatched,
    }


def _still_listed(session_ids: list[str], matched: bool) -> ColumnElement[bool]:
    """Lines of these sessions that count: not removed, not rejected; matched to an item or not."""
    item_key = t.lines.c.item_key
    return and_(
        t.lines.c.session_id.in_(session_ids),
        t.lines.c.removed.is_(False),
        t.lines.c.kind != LineKind.REJECTED.value,
        item_key.is_not(None) if matched else item_key.is_(None),
    )


def _counted(conn: Connection, session_ids: list[str]) -> dict[str, int]:
    """Per item with a line: its units (0 for an item counted as 0, C10)."""
    rows = conn.execute(
        select(t.lines.c.item_key, func.sum(t.lines.c.units).label("units"))
        .where(_still_listed(session_ids, matched=True))
        .group_by(t.lines.c.item_key)
    )
    return {r.item_key: int(r.units) for r in rows}


def _unmatched(conn: Connection, session_ids: list[str]) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(t.lines).where(_still_listed(session_ids, matched=False)).order_by(t.lines.c.at, t.lines.c.event_id)
    )
    return [
        {"id": r.event_id, "session_id": r.session_id, "code": r.code, "raw": r.raw, "units": r.units, "at": iso(r.at)}
        for r in rows
    ]


def _lines(conn: Connection, kind: CountKind, counted: dict[str, int], expected: dict[str, float]) -> list[Any]:
    """Per item, listed or counted: expected, counted and the variance (None for an item not on the list)."""
    keys = sorted(set(counted) | set(expected))
    names = _names(conn, keys, kind)
    lines = []
    for key in keys:
        exp = expected.get(key)
        got = counted.get(key, 0)
        variance = None if exp is None else got - exp
        status = COUNTED if key in counted else NOT_COUNTED  # counted 0 is counted (C10)
        lines.append(
            {
                "item_key": key,
                "name": names.get(key, key),
                "expected": exp,
                "counted": got,
                "variance": variance,
                "status": status,
            }
        )
    return lines


def _in_review(conn: Connection, count_id: str) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(t.review_items)
            .where(t.review_items.c.count_id == count_id, t.review_items.c.status == "open")
        ).scalar_one()
    )


def _names(conn: Connection, keys: list[str], kind: CountKind) -> dict[str, str]:
    out: dict[str, str] = {}
    key_col, name_col = (
        (t.inventory_items.c.barcode, t.inventory_items.c.ingredient)
        if kind is CountKind.SCOPED
        else (t.products.c.sku, t.products.c.name)
    )
    for chunk in chunks(keys):
        out.update({r[0]: r[1] for r in conn.execute(select(key_col, name_col).where(key_col.in_(chunk)))})
    return out
