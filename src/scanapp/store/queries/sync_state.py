"""What the device's sync state is made of, read without the write lock: the newest event this device wrote,
the sessions it holds, the events waiting in supervisor review."""

from __future__ import annotations

from sqlalchemy import Connection, text

from scanapp.domain.counts import Session
from scanapp.store.repositories import session_from_row


def last_own_seq(conn: Connection, device_id: str) -> int:
    """The sequence number of the newest event this device wrote (0: none yet)."""
    row = conn.execute(text("SELECT coalesce(max(seq), 0) FROM events WHERE device_id = :d"), {"d": device_id})
    return int(row.scalar_one())


def held_sessions(conn: Connection, device_id: str) -> list[tuple[Session, str]]:
    """The sessions whose lock this device holds (a server lease or a claim made here), with their count's
    name, by count and session name."""
    rows = conn.execute(
        text(
            "SELECT s.*, c.name AS count_name FROM sessions s JOIN counts c ON c.id = s.count_id"
            " WHERE s.lock_device = :d AND s.lock_user IS NOT NULL ORDER BY c.name, s.name, s.id"
        ),
        {"d": device_id},
    ).fetchall()
    return [(session_from_row(r), str(r.count_name)) for r in rows]


def in_review(conn: Connection) -> int:
    """This device's events the sync server stored but did not apply, waiting for a supervisor."""
    return int(conn.execute(text("SELECT count(*) FROM event_reviews")).scalar_one())
