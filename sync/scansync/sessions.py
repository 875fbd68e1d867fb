"""Counts and sessions on the server. Every transition runs the app's own rules (scanapp.domain.counts),
with the lease the server holds as the session's lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from scanapp.domain import counts as rules
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import new_event_id
from scanapp.domain.permissions import LAB, OPEN_COUNTS, SUPERVISE, Actor, require
from scanapp.sync.wire import CountIn, SessionIn
from scansync import tables as t
from scansync.accounts import Conflict
from scansync.db import Tx
from scansync.lease_history import close_grant
from scansync.line_events import unmatched_ids
from scansync.variance_events import targets_of
from scansync.views import count_of, count_values, count_view, session_of, session_values, session_view


def get_count(conn: Connection, count_id: str) -> Count:
    row = conn.execute(select(t.counts).where(t.counts.c.id == count_id)).first()
    if row is None:
        raise NotFound(f"No count {count_id}.")
    return count_of(row)


def get_session(conn: Connection, session_id: str, for_update: bool = False) -> Session:
    stmt = select(t.sessions).where(t.sessions.c.id == session_id)
    row = conn.execute(stmt.with_for_update() if for_update else stmt).first()
    if row is None:
        raise NotFound(f"No session {session_id}.")
    return session_of(row)


def sessions_of(conn: Connection, count_id: str) -> list[Session]:
    rows = conn.execute(
        select(t.sessions)
        .where(t.sessions.c.count_id == count_id)
        .order_by(t.sessions.c.is_default.desc(), t.sessions.c.created_at, t.sessions.c.id)
    )
    return [session_of(r) for r in rows]


def expected_of(conn: Connection, count_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(t.expected_items.c.item_key, t.expected_items.c.expected_qty)
        .where(t.expected_items.c.count_id == count_id)
        .order_by(t.expected_items.c.item_key)
    )
    return [{"item_key": r.item_key, "expected_qty": r.expected_qty} for r in rows]


def count_data(conn: Connection, count_id: str, with_sessions: bool = True) -> dict[str, Any]:
    count = get_count(conn, count_id)
    sessions = sessions_of(conn, count_id)
    view = count_view(count, expected_of(conn, count_id), sessions)
    if not with_sessions:
        view["sessions"] = []
    return view


def list_counts(conn: Connection, actor: Actor) -> list[dict[str, Any]]:
    kinds = [k.value for k in CountKind if _may_see(actor, k)]
    rows = conn.execute(select(t.counts.c.id).where(t.counts.c.kind.in_(kinds)).order_by(t.counts.c.planned_start))
    return [count_data(conn, r.id) for r in rows]


def _may_see(actor: Actor, kind: CountKind) -> bool:
    return actor.has_any(LAB if kind is CountKind.SCOPED else OPEN_COUNTS | SUPERVISE)


def create_count(tx: Tx, actor: Actor, now: datetime, body: CountIn) -> dict[str, Any]:
    """Same rules as the app's Counting.create_count: a count always comes with its default session."""
    kind = CountKind(body.kind)
    require(
        actor,
        LAB if kind is CountKind.SCOPED else SUPERVISE,
        "start a reconciliation session" if kind is CountKind.SCOPED else "create a count",
    )
    name = body.name.strip()
    if not name:
        raise InvalidTransition("A count needs a name.")
    if kind is CountKind.HARD and body.expected:
        raise InvalidTransition("A hard count has no directed list.")
    keys = [e.item_key for e in body.expected]
    if len(set(keys)) != len(keys):
        raise InvalidTransition("The directed list names an item more than once.")
    count_id = body.id or new_event_id()
    conn = tx.conn
    if conn.execute(select(t.counts.c.id).where(t.counts.c.id == count_id)).first() is not None:
        raise Conflict(f"Count {count_id} exists already.")
    if (
        body.listing_config_id is not None
        and conn.execute(select(t.listing_configs.c.id).where(t.listing_configs.c.id == body.listing_config_id)).first()
        is None
    ):
        raise NotFound(f"No listing config {body.listing_config_id}.")
    count = Count(
        id=count_id,
        name=name,
        kind=kind,
        planned_start=body.planned_start,
        created_at=now,
        created_by=actor.user_id,
        lab=body.lab,
        listing_config_id=body.listing_config_id,
    )
    conn.execute(insert(t.counts).values(**count_values(count)))
    expected = [{"count_id": count_id, "item_key": e.item_key, "expected_qty": e.expected_qty} for e in body.expected]
    if expected:
        conn.execute(insert(t.expected_items), expected)
    tx.publish("count", count_id, count_view(count, expected_of(conn, count_id), []))
    _add_session(tx, actor, now, count, new_event_id(), "Default session", body.default_area.strip(), True)
    return count_data(conn, count_id)


def new_session(tx: Tx, actor: Actor, now: datetime, count_id: str, body: SessionIn) -> dict[str, Any]:
    count = get_count(tx.conn, count_id)
    rules.require_for_count(count, actor, "create a session")
    name = body.name.strip()
    if not name:
        raise InvalidTransition("A session needs a name.")
    session_id = body.id or new_event_id()
    if tx.conn.execute(select(t.sessions.c.id).where(t.sessions.c.id == session_id)).first() is not None:
        raise Conflict(f"Session {session_id} exists already.")
    return session_view(_add_session(tx, actor, now, count, session_id, name, body.area.strip(), False))


def _add_session(
    tx: Tx, actor: Actor, now: datetime, count: Count, session_id: str, name: str, area: str, is_default: bool
) -> Session:
    session = Session(
        id=session_id,
        count_id=count.id,
        name=name,
        area=area,
        state=SessionState.NOT_STARTED,
        is_default=is_default,
        created_at=now,
        created_by=actor.user_id,
    )
    insert_session(tx, session)
    return session


def insert_session(tx: Tx, session: Session) -> None:
    tx.conn.execute(insert(t.sessions).values(id=session.id, **session_values(session)))
    tx.publish("session", session.id, session_view(session))


def save_session(tx: Tx, before: Session, after: Session, now: datetime) -> None:
    """Store a session the rules changed. A rule that clears the lock (discard, end) ends the lease."""
    if before.lock is not None and after.lock is None:
        close_grant(tx.conn, after.id, after.epoch, now, "released")
    tx.conn.execute(update(t.sessions).where(t.sessions.c.id == after.id).values(**session_values(after)))
    tx.publish("session", after.id, published_view(tx.conn, after))


def published_view(conn: Connection, session: Session) -> dict[str, Any]:
    """A session as the change log carries it: with "recount_items" when it is a recount session."""
    view = session_view(session)
    items = targets_of(conn, [session.id]).get(session.id)
    return {**view, "recount_items": items} if items else view


def unmatched(conn: Connection, session_id: str) -> int:
    return len(unmatched_ids(conn, session_id))


Rule = Callable[[Session, Count, datetime], Session]


def transition(tx: Tx, actor: Actor, now: datetime, session_id: str, rule: Rule) -> dict[str, Any]:
    """Apply one of the engine's session rules, judged with the server's lease as the lock."""
    session = get_session(tx.conn, session_id, for_update=True)
    count = get_count(tx.conn, session.count_id)
    changed = rule(session, count, now)
    if changed != session:
        save_session(tx, session, changed, now)
    return session_view(changed)


def start(actor: Actor) -> Rule:
    return lambda s, c, now: rules.start(s, c, actor, now)


def edit(actor: Actor, name: str, area: str) -> Rule:
    return lambda s, c, now: rules.edit(s, c, actor, now, name, area)


def discard(actor: Actor) -> Rule:
    return lambda s, c, now: rules.discard(s, c, actor, now)


def reopen(actor: Actor) -> Rule:
    return lambda s, c, now: rules.reopen(s, c, actor, now)


def end(actor: Actor) -> Rule:
    return lambda s, c, now: rules.end_scoped(s, c, actor, now)


def submit(conn: Connection, actor: Actor, confirmed: bool) -> Rule:
    return lambda s, c, now: rules.submit(s, c, actor, now, unmatched(conn, s.id), confirmed)


def without_lock(session: Session) -> Session:
    return replace(session, lock=None)
