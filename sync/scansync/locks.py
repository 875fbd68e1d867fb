"""Session leases on the server: acquire, heartbeat, release, force-release.

The rules are scanapp.domain.leases; this module keeps the lease columns of the session row and the epoch
history in step. The session row is locked for the whole transaction (FOR UPDATE on PostgreSQL, the write
lock on SQLite), so concurrent acquisitions are decided one at a time by the database, in any process.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, update

from scanapp.domain import counts as rules
from scanapp.domain import leases
from scanapp.domain.counts import Lock, Session, SessionState
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.leases import Lease, LeaseEnd
from scanapp.domain.permissions import Actor
from scansync import audit
from scansync import tables as t
from scansync.db import Tx
from scansync.lease_history import close_grant
from scansync.sessions import get_count, get_session, published_view
from scansync.views import lease_of, session_values, session_view


def lease_view(session: Session, lease: Lease, ttl: timedelta, now: datetime) -> dict[str, Any]:
    """The lease, and the whole session as it left it (the caller adds the change-log position, `as_of`)."""
    return {
        "session_id": session.id,
        "epoch": lease.epoch,
        "user_id": lease.user_id,
        "device_id": lease.device_id,
        "expires_at": lease.expires_at,
        "ttl_seconds": ttl.total_seconds(),
        "server_time": now,
        "session": session_view(_with_lease(session, lease)),
    }


def _with_lease(session: Session, lease: Lease) -> Session:
    lock = None
    if lease.user_id is not None and lease.device_id is not None:
        lock = Lock(lease.user_id, lease.device_id, lease.expires_at)
    return replace(session, lock=lock, epoch=lease.epoch)


def _store(tx: Tx, session: Session) -> None:
    values = session_values(session)
    tx.conn.execute(
        update(t.sessions)
        .where(t.sessions.c.id == session.id)
        .values({k: v for k, v in values.items() if k.startswith("lease_")})
    )
    tx.publish("session", session.id, published_view(tx.conn, session))


def acquire(tx: Tx, actor: Actor, now: datetime, session_id: str, ttl: timedelta) -> dict[str, Any]:
    session = get_session(tx.conn, session_id, for_update=True)
    count = get_count(tx.conn, session.count_id)
    rules.require_for_count(count, actor, "work a session")
    if session.state is SessionState.DISCARDED:
        raise InvalidTransition("The session was discarded; there is nothing to work on.")
    current = lease_of(session)
    granted = leases.acquire(current, actor, now, ttl)
    if granted.epoch != current.epoch:
        ended = leases.ending(current, now)
        if ended is not None:
            at = current.expires_at if ended is LeaseEnd.EXPIRED and current.expires_at else now
            close_grant(tx.conn, session_id, current.epoch, at, ended.value)
        tx.conn.execute(
            insert(t.lease_history).values(
                session_id=session_id,
                epoch=granted.epoch,
                user_id=actor.user_id,
                device_id=actor.device_id,
                granted_at=now,
            )
        )
    _store(tx, _with_lease(session, granted))
    return lease_view(session, granted, ttl, now)


def heartbeat(tx: Tx, actor: Actor, now: datetime, session_id: str, ttl: timedelta) -> dict[str, Any]:
    session = get_session(tx.conn, session_id, for_update=True)
    rules.require_for_count(get_count(tx.conn, session.count_id), actor, "work a session")
    renewed = leases.heartbeat(lease_of(session), actor, now, ttl)
    _store(tx, _with_lease(session, renewed))
    return lease_view(session, renewed, ttl, now)


def release(tx: Tx, actor: Actor, now: datetime, session_id: str, ttl: timedelta) -> dict[str, Any]:
    session = get_session(tx.conn, session_id, for_update=True)
    rules.require_for_count(get_count(tx.conn, session.count_id), actor, "work a session")
    current = lease_of(session)
    freed = leases.release(current, actor)
    close_grant(tx.conn, session_id, current.epoch, now, LeaseEnd.RELEASED.value)
    _store(tx, _with_lease(session, freed))
    return lease_view(session, freed, ttl, now)


def force_release(tx: Tx, actor: Actor, now: datetime, session_id: str, ttl: timedelta) -> dict[str, Any]:
    """A supervisor frees the session. The epoch moves on (recorded as an epoch with no holder), so events
    the old holder writes afterwards are fenced. Audited."""
    session = get_session(tx.conn, session_id, for_update=True)
    current = lease_of(session)
    freed = leases.force_release(current, actor)
    if current.held:
        close_grant(tx.conn, session_id, current.epoch, now, LeaseEnd.FORCE_RELEASED.value)
    tx.conn.execute(
        insert(t.lease_history).values(
            session_id=session_id,
            epoch=freed.epoch,
            user_id=None,
            device_id=None,
            granted_at=now,
            ended_at=now,
            end_reason=LeaseEnd.FORCE_RELEASED.value,
        )
    )
    audit.record(
        tx.conn,
        now,
        actor.user_id,
        actor.device_id,
        "force_release",
        session_id,
        holder_user=current.user_id,
        holder_device=current.device_id,
        old_epoch=current.epoch,
        new_epoch=freed.epoch,
        was_live=current.live(now),
    )
    _store(tx, _with_lease(session, freed))
    return lease_view(session, freed, ttl, now)
