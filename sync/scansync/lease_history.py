"""The epoch history of session leases: each grant (and each force-release) with how it ended. Fencing
is judged on it (scanapp.domain.leases.fencing_reason)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select, update

from scanapp.domain.leases import Grant, LeaseEnd
from scansync import tables as t


def close_grant(conn: Connection, session_id: str, epoch: int, at: datetime, reason: str) -> None:
    conn.execute(
        update(t.lease_history)
        .where(
            t.lease_history.c.session_id == session_id,
            t.lease_history.c.epoch == epoch,
            t.lease_history.c.ended_at.is_(None),
        )
        .values(ended_at=at, end_reason=reason)
    )


def history(conn: Connection, session_ids: list[str]) -> dict[str, list[Grant]]:
    out: dict[str, list[Grant]] = {sid: [] for sid in session_ids}
    if not session_ids:
        return out
    rows = conn.execute(select(t.lease_history).where(t.lease_history.c.session_id.in_(session_ids)))
    for r in rows:
        ended = LeaseEnd(r.end_reason) if r.end_reason else None
        out[r.session_id].append(Grant(r.epoch, r.user_id, r.device_id, ended))
    return out
