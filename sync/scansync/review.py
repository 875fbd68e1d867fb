"""The supervisor's review queue (S3): events stored but not applied — fenced by a newer lease epoch, refused
by a rule, recorded by another user than the one who pushed them, or proposed catalog changes — wait here until
merged into their session (for a proposal: accepted), moved to another, or discarded (rejected). Audited."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import EventKind
from scanapp.domain.permissions import Actor
from scanapp.sync.wire import WireEvent
from scansync import audit
from scansync import tables as t
from scansync.apply import Batch
from scansync.catalog import product_data
from scansync.db import Tx
from scansync.views import event_wire


def open_items(conn: Connection, limit: int, offset: int, count_id: str | None) -> list[dict[str, Any]]:
    stmt = (
        select(
            t.events,
            t.review_items.c.status.label("review_status"),
            t.review_items.c.reason.label("review_reason"),
            t.review_items.c.created_at.label("review_created_at"),
        )
        .join(t.events, t.events.c.id == t.review_items.c.event_id)
        .where(t.review_items.c.status == "open")
        .order_by(t.review_items.c.created_at, t.events.c.device_id, t.events.c.seq)
        .limit(limit)
        .offset(offset)
    )
    if count_id is not None:
        stmt = stmt.where(t.review_items.c.count_id == count_id)
    return [
        {
            "event_id": r.id,
            "session_id": r.session_id,
            "device_id": r.device_id,
            "user_id": r.user_id,
            "kind": r.kind,
            "status": r.status,
            "reason": r.review_reason,
            "created_at": r.review_created_at,
            "event": json.loads(event_wire(_wire(r))),
        }
        for r in conn.execute(stmt)
    ]


def _wire(row: Any, session_id: str | None = None) -> WireEvent:
    return WireEvent.model_construct(
        id=row.id,
        kind=row.kind,
        device_id=row.device_id,
        seq=row.seq,
        user_id=row.user_id,
        session_id=session_id or row.session_id,
        wall_time=row.wall_time,
        mono_ns=row.mono_ns,
        lock_epoch=row.lock_epoch,
        payload=json.loads(row.payload),
    )


def resolve(tx: Tx, actor: Actor, now: datetime, event_id: str, action: str, target: str | None, note: str) -> str:
    """Merge (apply to its own session, despite the fence), move (apply to `target`) or discard. The rules
    still hold: merging into a session that was submitted meanwhile is refused; re-open it or move instead."""
    conn = tx.conn
    item = conn.execute(select(t.review_items).where(t.review_items.c.event_id == event_id).with_for_update()).first()
    if item is None:
        raise NotFound(f"No event {event_id} in the review queue.")
    if item.status != "open":
        raise InvalidTransition(f"Event {event_id} was already resolved ({item.status}).")
    row = conn.execute(select(t.events).where(t.events.c.id == event_id)).one()
    status = {"merge": "merged", "move": "moved", "discard": "discarded"}[action]
    if action == "move" and not target:
        raise InvalidTransition("Moving an event needs the session to move it to.")
    if action in ("merge", "move"):
        ev = _wire(row, target if action == "move" else None)
        batch = Batch(conn, now)
        batch.preload([ev])
        outcome = batch.decide(ev, fence=False, approved_by=actor)
        if outcome.status != "applied":
            raise InvalidTransition(f"Cannot {action} event {event_id}: {outcome.reason}")
        batch.write(tx, lambda e: tx.publish("event", e.id, event_wire(e), device_id=e.device_id))
        conn.execute(update(t.events).where(t.events.c.id == event_id).values(status="applied"))
    elif row.kind == EventKind.ALIAS_ADDED.value:
        _undo_local_alias(tx, json.loads(row.payload))
    conn.execute(
        update(t.review_items)
        .where(t.review_items.c.event_id == event_id)
        .values(status=status, resolved_at=now, resolved_by=actor.user_id, target_session_id=target)
    )
    audit.record(
        conn,
        now,
        actor.user_id,
        actor.device_id,
        f"review_{action}",
        event_id,
        target_session=target,
        note=note,
        reason=item.reason,
    )
    return status


def _undo_local_alias(tx: Tx, payload: dict[str, Any]) -> None:
    """A rejected alias: the device that proposed it applied it locally. Publishing the products involved
    (their codes as the server has them) takes it back there, and on any device that pulls them."""
    skus = {str(payload.get("sku", ""))}
    owner = tx.conn.execute(
        select(t.product_codes.c.sku).where(t.product_codes.c.code == str(payload.get("code")))
    ).scalar()
    if owner is not None:
        skus.add(owner)
    for sku, data in product_data(tx.conn, sorted(skus)).items():
        tx.publish("product", sku, data)
