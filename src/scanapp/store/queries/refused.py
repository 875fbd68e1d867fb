"""The refused scans of a session's scan log, and of the whole device (domain.refusals): by their place in the
log, what came after a given place, and all of them for an export."""

from __future__ import annotations

import json

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.refusals import RefusalReason, RefusedScan, key_ordinal, log_key
from scanapp.store.row_mapping import Row, as_mapping, from_iso

_COLUMNS = "id, session_id, after_ordinal, position, at, user_id, raw, code, reading, source, manual, reason, detail"


def refused_from_row(row: Row) -> RefusedScan:
    r = as_mapping(row)
    at = from_iso(r["at"])
    assert at is not None
    return RefusedScan(
        id=r["id"],
        session_id=r["session_id"],
        after_ordinal=int(r["after_ordinal"]),
        position=int(r["position"]),
        at=at,
        user_id=r["user_id"],
        raw=r["raw"],
        code=r["code"],
        reading=json.loads(r["reading"]),
        source=r["source"],
        manual=bool(r["manual"]),
        reason=RefusalReason(r["reason"]),
        detail=r["detail"],
    )


def refused_keys(conn: Connection, session_id: str, after: int = 0) -> list[int]:
    """The places (log keys) of the session's refused scans after place `after`, newest first."""
    rows = conn.execute(
        text(
            "SELECT after_ordinal, position FROM refused_scans WHERE session_id = :s AND after_ordinal >= :o"
            " ORDER BY after_ordinal DESC, position DESC"
        ),
        {"s": session_id, "o": key_ordinal(after)},
    )
    keys = (log_key(int(r.after_ordinal), int(r.position)) for r in rows)
    return [k for k in keys if k > after]


def refused_at(conn: Connection, session_id: str, keys: list[int]) -> dict[int, RefusedScan]:
    """The session's refused scans at these places, by place."""
    if not keys:
        return {}
    rows = conn.execute(
        text(f"SELECT {_COLUMNS} FROM refused_scans WHERE session_id = :s AND after_ordinal IN :ordinals").bindparams(
            bindparam("ordinals", expanding=True)
        ),
        {"s": session_id, "ordinals": sorted({key_ordinal(k) for k in keys})},
    )
    wanted = set(keys)
    scans = (refused_from_row(r) for r in rows)
    return {s.key: s for s in scans if s.key in wanted}


def refused_scans(conn: Connection, session_id: str | None) -> list[RefusedScan]:
    """Every refused scan of a session in the order they were refused (None: those refused with no session)."""
    where = "session_id IS NULL" if session_id is None else "session_id = :s"
    rows = conn.execute(
        text(f"SELECT {_COLUMNS} FROM refused_scans WHERE {where} ORDER BY after_ordinal, position"),
        {"s": session_id},
    )
    return [refused_from_row(r) for r in rows]


def refused_count(conn: Connection, session_id: str) -> int:
    return int(
        conn.execute(text("SELECT count(*) FROM refused_scans WHERE session_id = :s"), {"s": session_id}).scalar_one()
    )
