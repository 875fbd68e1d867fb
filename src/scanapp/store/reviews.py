"""This device's events the sync server stored but did not apply (fenced by a lost lease, refused by a rule):
the marks that take them out of the device's totals while a supervisor reviews them (table event_reviews)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, bindparam, text

from scanapp.domain.journal import Event
from scanapp.store.repositories import Repo
from scanapp.store.row_mapping import event_from_row

# SQLite's limit on bound parameters is far above this; a chunk keeps each statement small.
_CHUNK = 500


class ReviewRepo(Repo):
    def in_review(self, session_id: str) -> dict[str, str]:
        """The session's events in review: event id -> the server's reason."""
        rows = self.cur.execute("SELECT event_id, reason FROM event_reviews WHERE session_id = ?", (session_id,))
        return {str(r[0]): str(r[1]) for r in rows}

    def mark(self, event: Event, reason: str, at: str) -> bool:
        """Record the server's verdict on one of this device's events; False if it was marked already."""
        self.cur.execute(
            "INSERT OR IGNORE INTO event_reviews (event_id, session_id, reason, marked_at) VALUES (?, ?, ?, ?)",
            (event.id, event.session_id, reason, at),
        )
        return self.cur.rowcount > 0

    def drop_alias(self, code: str, sku: str) -> None:
        """An alias the server did not take: the device stops reading `code` as `sku` (catalog codes stay)."""
        self.cur.execute("DELETE FROM product_codes WHERE code = ? AND sku = ? AND source = 'alias'", (code, sku))


def unmarked(conn: Connection, event_ids: Iterable[str]) -> set[str]:
    """Which of these event ids have no review mark yet."""
    wanted = set(event_ids)
    found: set[str] = set()
    ids = sorted(wanted)
    for start in range(0, len(ids), _CHUNK):
        found.update(
            conn.execute(
                text("SELECT event_id FROM event_reviews WHERE event_id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": ids[start : start + _CHUNK]},
            ).scalars()
        )
    return wanted - found


def own_events(conn: Connection, device_id: str, event_ids: Iterable[str]) -> list[Event]:
    """This device's events with these ids, in journal order. The journal has no index on the id (one index
    less per scan), so this reads the device's events once per chunk: it runs rarely, and without the lock."""
    ids = sorted(set(event_ids))
    out: list[Event] = []
    for start in range(0, len(ids), _CHUNK):
        rows = conn.execute(
            text("SELECT * FROM events WHERE device_id = :d AND id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"d": device_id, "ids": ids[start : start + _CHUNK]},
        )
        out.extend(event_from_row(r) for r in rows)
    return sorted(out, key=lambda e: e.seq)


def counts(conn: Connection) -> Mapping[str | None, int]:
    """Events in review per session (None: events of no session)."""
    rows = conn.execute(text("SELECT session_id, count(*) FROM event_reviews GROUP BY session_id"))
    return {r[0]: int(r[1]) for r in rows}
