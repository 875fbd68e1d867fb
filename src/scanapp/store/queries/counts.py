"""Counts, their sessions and the configured areas, for the counts list and the session header."""

from __future__ import annotations

from sqlalchemy import Connection, text

from scanapp.domain.counts import Count, Session, SessionState, count_state
from scanapp.domain.rows import CountRow, SessionRow
from scanapp.domain.tally import Totals
from scanapp.store.repositories import count_from_row, session_from_row, totals_for


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


def areas(conn: Connection) -> list[str]:
    """The configured areas a session can be assigned to (Backstock, Display, …)."""
    return [str(r[0]) for r in conn.execute(text("SELECT name FROM areas ORDER BY name"))]


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
