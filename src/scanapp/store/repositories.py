"""Repositories over one write connection. They translate between rows and domain objects (row_mapping)
and keep the session projections (scan lines, per-item units, totals) in step with the journal; the catalog's
repository is in catalog_repo."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import ClassVar, TypeVar

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from scanapp.domain.classification import Category
from scanapp.domain.counts import Count, Session
from scanapp.domain.errors import NotFound
from scanapp.domain.journal import Event
from scanapp.domain.messages import Message
from scanapp.domain.permissions import Actor, parse_permissions
from scanapp.domain.tally import Line, LineKind, Totals
from scanapp.store import schema as t
from scanapp.store.row_mapping import (
    count_from_row,
    event_from_row,
    iso,
    line_from_row,
    session_from_row,
    session_values,
)

# store.queries reads rows through these too.
__all__ = [
    "CATEGORY_COLUMNS",
    "CountRepo",
    "JournalRepo",
    "LineRepo",
    "Repo",
    "SessionRepo",
    "SettingsRepo",
    "UserRepo",
    "count_from_row",
    "line_from_row",
    "session_from_row",
    "totals_for",
]

_CATEGORY_COLUMN = {
    Category.COUNTED: "units_counted",
    Category.UNMATCHED: "units_unmatched",
    Category.UNDIRECTED: "units_undirected",
}
CATEGORY_COLUMNS = _CATEGORY_COLUMN
"""The session_totals column of each category's units."""


T = TypeVar("T")
RowCache = dict[tuple[str, str], tuple[int, object]]


class Repo:
    """Per-scan statements go straight to the driver cursor, inside the same transaction SQLAlchemy
    began: building Core statements costs more than the SQL itself on this path (see tests/bench)."""

    def __init__(self, conn: Connection, cur: sqlite3.Cursor, cache: RowCache | None = None) -> None:
        self.conn = conn
        self.cur = cur
        self.cache: RowCache = {} if cache is None else cache

    def cached(self, table: str, key: str, load: Callable[[str], T]) -> T:
        """Sessions and counts are read on every scan but rarely written: keep them while the table's
        change counter (moved by triggers on any write, by any connection) stays where it was."""
        row = self.one("SELECT value FROM change_counters WHERE name = ?", (table,))
        version = int(row[0]) if row else -1
        hit = self.cache.get((table, key))
        if hit is not None and hit[0] == version:
            return hit[1]  # type: ignore[return-value]
        value = load(key)
        if len(self.cache) > 10_000:
            self.cache.clear()
        self.cache[(table, key)] = (version, value)
        return value

    def cached_by_id(self, table: str, key: str, convert: Callable[[sqlite3.Row], T], missing: Message) -> T:
        """The row of `table` with this id, converted, through the cache; NotFound(`missing`) without one."""

        def load(key: str) -> T:
            row = self.one(f"SELECT * FROM {table} WHERE id = ?", (key,))
            if row is None:
                raise NotFound(missing, id=key)
            return convert(row)

        return self.cached(table, key, load)

    def one(self, sql: str, params: tuple[object, ...]) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.cur.execute(sql, params).fetchone()
        return row


class JournalRepo(Repo):
    _INSERT = (
        "INSERT {verb} INTO events (id, device_id, seq, kind, session_id, user_id, wall_time, mono_ns, lock_epoch,"
        " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def append(self, event: Event) -> Event:
        """Number this device's event with its next sequence and store it, in the caller's transaction."""
        # Safe without a counter row: units of work hold SQLite's write lock from BEGIN IMMEDIATE on.
        row = self.one("SELECT coalesce(max(seq), 0) + 1 FROM events WHERE device_id = ?", (event.device_id,))
        event = replace(event, seq=int(row[0]) if row else 1)
        self._insert(event, "")
        return event

    def receive(self, event: Event) -> bool:
        """Keep another device's event (pulled from the server) as numbered there; False if already here."""
        return self._insert(event, "OR IGNORE") > 0

    def _insert(self, event: Event, verb: str) -> int:
        self.cur.execute(
            self._INSERT.format(verb=verb),
            (
                event.id,
                event.device_id,
                event.seq,
                event.kind.value,
                event.session_id,
                event.user_id,
                event.wall_time.isoformat(),
                event.mono_ns,
                event.lock_epoch,
                event.payload_json(),
            ),
        )
        return self.cur.rowcount

    def by_local_ids(self, local_ids: list[int]) -> Iterator[Event]:
        """These events, in the order given."""
        for start in range(0, len(local_ids), 500):
            chunk = local_ids[start : start + 500]
            rows = self.conn.execute(
                select(t.events).where(t.events.c.local_id.in_(chunk)).order_by(t.events.c.local_id)
            )
            for row in rows:
                yield event_from_row(row)

    def for_session(self, session_id: str) -> Iterator[Event]:
        rows = self.conn.execute(
            select(t.events).where(t.events.c.session_id == session_id).order_by(t.events.c.local_id)
        )
        for row in rows:
            yield event_from_row(row)


class CountRepo(Repo):
    def get(self, count_id: str) -> Count:
        return self.cached_by_id("counts", count_id, count_from_row, Message.NO_COUNT)

    def add(self, count: Count, expected: Iterable[tuple[str, float]] = ()) -> None:
        self.conn.execute(
            insert(t.counts).values(
                id=count.id,
                name=count.name,
                kind=count.kind.value,
                planned_start=iso(count.planned_start),
                created_at=iso(count.created_at),
                created_by=count.created_by,
                lab=count.lab,
                listing_config_id=count.listing_config_id,
                expected_total=0,
            )
        )
        rows = [{"count_id": count.id, "item_key": k, "expected_qty": q} for k, q in expected]
        if rows:
            self.conn.execute(insert(t.expected_items), rows)
        self.conn.execute(update(t.counts).where(t.counts.c.id == count.id).values(expected_total=len(rows)))

    def is_expected(self, count_id: str, item_key: str) -> bool:
        return (
            self.one("SELECT 1 FROM expected_items WHERE count_id = ? AND item_key = ?", (count_id, item_key))
            is not None
        )

    def expected_keys(self, count_id: str) -> list[str]:
        return list(
            self.conn.execute(
                select(t.expected_items.c.item_key).where(t.expected_items.c.count_id == count_id)
            ).scalars()
        )


class SessionRepo(Repo):
    def get(self, session_id: str) -> Session:
        return self.cached_by_id("sessions", session_id, session_from_row, Message.NO_SESSION)

    def for_count(self, count_id: str) -> list[Session]:
        rows = self.conn.execute(
            select(t.sessions)
            .where(t.sessions.c.count_id == count_id)
            .order_by(t.sessions.c.is_default.desc(), t.sessions.c.created_at)
        )
        return [session_from_row(r) for r in rows]

    def add(self, session: Session) -> None:
        self.conn.execute(insert(t.sessions).values(**session_values(session)))
        self.conn.execute(insert(t.session_totals).values(session_id=session.id))

    def save(self, session: Session) -> None:
        self.conn.execute(update(t.sessions).where(t.sessions.c.id == session.id).values(**session_values(session)))


class LineRepo(Repo):
    """The session projections. A new line takes the next ordinal in the same statement that moves the
    totals; a changed line is applied as (before, after) so the totals move by exactly the difference."""

    _INSERT = (
        "INSERT INTO scan_lines (event_id, session_id, ordinal, kind, raw, code, item_key, units, category,"
        " source, manual, at, reason, removed, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    _UPSERT_ITEM = (
        "INSERT INTO session_items (session_id, item_key, units, category, lines) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (session_id, item_key) DO UPDATE SET units = units + excluded.units,"
        " lines = lines + excluded.lines RETURNING units"
    )
    _TOTALS_BY_COLUMN: ClassVar[dict[str, str]] = {
        column: (
            f"UPDATE session_totals SET lines = lines + ?, units = units + ?, {column} = {column} + ?,"
            " unique_items = unique_items + ?, expected_scanned = expected_scanned + ?, rejected = rejected + ?"
            " WHERE session_id = ? RETURNING lines"
        )
        for column in _CATEGORY_COLUMN.values()
    }

    def add(self, line: Line, expected: bool) -> Line:
        """Store a new line; returns it with its ordinal (its place in the session's scan order)."""
        ordinal = self._account(line, +1, expected, new_line=True)
        line = replace(line, ordinal=ordinal)
        self.cur.execute(
            self._INSERT,
            (
                line.event_id,
                line.session_id,
                line.ordinal,
                line.kind.value,
                line.raw,
                line.code,
                line.item_key,
                line.units,
                line.category.value if line.category else None,
                line.source,
                line.manual,
                line.at.isoformat(),
                line.reason,
                line.removed,
                line.review,
            ),
        )
        return line

    def replace(self, before: Line, after: Line, expected_before: bool, expected_after: bool) -> None:
        self._account(before, -1, expected_before)
        self.cur.execute(
            "UPDATE scan_lines SET item_key = ?, category = ?, removed = ?, review = ? WHERE event_id = ?",
            (
                after.item_key,
                after.category.value if after.category else None,
                after.removed,
                after.review,
                after.event_id,
            ),
        )
        self._account(after, +1, expected_after)

    def _account(self, line: Line, sign: int, expected: bool, new_line: bool = False) -> int:
        units = sign * line.units if line.counts else 0
        unique = 0
        if line.counts and line.item_key is not None:  # a hand count of 0 too: the item was counted (C10)
            assert line.category is not None
            row = self.one(self._UPSERT_ITEM, (line.session_id, line.item_key, units, line.category.value, sign))
            now_units = int(row[0]) if row else 0
            before_units = now_units - units
            if before_units <= 0 < now_units:
                unique = 1
            elif now_units <= 0 < before_units:
                unique = -1
        # A line that does not count (rejected, removed) still takes an ordinal; it moves no units.
        column = _CATEGORY_COLUMN[line.category or Category.COUNTED]
        rejected = 1 if new_line and line.kind is LineKind.REJECTED else 0
        row = self.one(
            self._TOTALS_BY_COLUMN[column],
            (
                1 if new_line else 0,
                units,
                units,
                unique,
                unique if expected else 0,
                rejected,
                line.session_id,
            ),
        )
        if row is None:
            raise NotFound(Message.NO_SESSION, id=line.session_id)
        return int(row[0])

    def get(self, event_id: str) -> Line:
        row = self.one("SELECT * FROM scan_lines WHERE event_id = ?", (event_id,))
        if row is None:
            raise NotFound(Message.NO_LINE, id=event_id)
        return line_from_row(row)

    def totals(self, session_id: str) -> Totals:
        return totals_for(self.conn, session_id)

    def unmatched(self, session_id: str) -> int:
        """Unmatched scans still in the list: each is one unit, so the totals already hold the number."""
        row = self.one("SELECT units_unmatched FROM session_totals WHERE session_id = ?", (session_id,))
        return int(row[0]) if row else 0

    def clear(self, session_id: str) -> None:
        """Drop a session's projections so they can be rebuilt from the journal."""
        for table in (t.scan_lines, t.session_items):
            self.conn.execute(delete(table).where(table.c.session_id == session_id))
        self.conn.execute(
            update(t.session_totals)
            .where(t.session_totals.c.session_id == session_id)
            .values(
                lines=0,
                units=0,
                unique_items=0,
                expected_scanned=0,
                rejected=0,
                units_counted=0,
                units_unmatched=0,
                units_undirected=0,
            )
        )


def totals_for(conn: Connection, session_id: str) -> Totals:
    row = conn.execute(select(t.session_totals).where(t.session_totals.c.session_id == session_id)).first()
    if row is None:
        raise NotFound(Message.NO_SESSION, id=session_id)
    by_category = {c: getattr(row, col) for c, col in _CATEGORY_COLUMN.items() if getattr(row, col)}
    return Totals(
        units=row.units,
        unique_items=row.unique_items,
        lines=row.lines,
        rejected=row.rejected,
        expected_scanned=row.expected_scanned,
        by_category=by_category,
    )


class UserRepo(Repo):
    def get(self, user_id: str, device_id: str) -> Actor:
        row = self.conn.execute(select(t.users).where(t.users.c.id == user_id)).first()
        if row is None:
            raise NotFound(Message.NO_USER, id=user_id)
        return Actor(
            user_id=row.id,
            device_id=device_id,
            permissions=parse_permissions(row.permissions),
            display_name=row.display_name,
        )

    def upsert(self, user_id: str, display_name: str, permissions: Iterable[str]) -> None:
        perms = ",".join(sorted(str(p) for p in permissions))
        stmt = sqlite_insert(t.users).values(id=user_id, display_name=display_name, permissions=perms)
        self.conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[t.users.c.id], set_={"display_name": display_name, "permissions": perms}
            )
        )


class SettingsRepo(Repo):
    """Straight to the driver: sync reads and writes its cursor and times with every pulled page."""

    def get(self, key: str, default: object = None) -> object:
        row = self.one("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(row[0]) if row is not None else default

    def put(self, key: str, value: object) -> None:
        self.cur.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )
