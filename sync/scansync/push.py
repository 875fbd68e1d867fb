"""Journal push: a device sends batches of its events; the server stores each exactly once.

The device's sequence is gapless, so one number per device — the high-water mark — says what is stored.
Events at or below it are duplicates. Above it, events are taken in order while the sequence is
contiguous; at the first gap the answer says where to resend from, and nothing after the gap is kept.
Every event taken is stored with its verdict: applied; fenced (stale lease epoch), rejected (a rule refused
it), unverified (recorded by another user than the one whose sign-in pushed it: who did what comes from the
token, A2) or proposed (an alias from a user who may not change the catalog) — those four wait in the review
queue. None is dropped, none blocks the ones behind it.

The answer carries the sessions the events named as they are now, with the change-log position they are
current at (`as_of`, filled in after the commit): the device takes them and skips older states it pulls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from scanapp.domain.errors import PermissionDenied
from scanapp.domain.permissions import Actor
from scanapp.sync.wire import REVIEWED, PushIn, WireEvent
from scansync import tables as t
from scansync.apply import Batch, rejected
from scansync.db import Tx, insert_params, insert_rows, payload_json, present, time_binder
from scansync.views import clean, event_wire

# Built once (with bound parameters): building a statement costs more than running it, on every push.
_DEVICE = (
    select(t.devices.c.high_water, t.devices.c.reported_seq)
    .where(t.devices.c.id == bindparam("device_id"))
    .with_for_update()
)
# The columns set are the parameters given (the attempt's clock offset only when the device sent its time).
_DEVICE_PUSHED = update(t.devices).where(t.devices.c.id == bindparam("device_id"))


def push(tx: Tx, actor: Actor, now: datetime, body: PushIn, attempt: dict[str, Any] | None = None) -> dict[str, Any]:
    """`actor`: the pusher, as the token check read them in this transaction. `attempt`: what the device
    reported with the request (device_reports.attempt_values), stored with the device's high-water mark in the
    same statement."""
    conn = tx.conn
    foreign = next((e for e in body.events if e.device_id != actor.device_id), None)
    if foreign is not None:
        raise PermissionDenied(
            f"Event {foreign.id} belongs to device {foreign.device_id}; this sign-in is for device {actor.device_id}."
        )
    # Pushes of one device are decided one at a time: the device row is the lock.
    device = conn.execute(_DEVICE, {"device_id": actor.device_id}).one()
    taken = _in_sequence(conn, sorted(body.events, key=lambda e: e.seq), int(device.high_water))
    batch = Batch(conn, now)
    batch.preload(taken.events, known=actor)
    judged = _judged(batch, taken.events, now, actor.user_id, time_binder(conn))
    insert_params(conn, t.events, EVENT_COLUMNS, judged.rows)
    insert_rows(conn, t.review_items, judged.review)
    payloads = judged.payloads
    batch.write(
        tx, lambda ev: tx.publish("event", ev.id, event_wire(ev, payload_json=payloads[ev.id]), device_id=ev.device_id)
    )
    reported = max(int(device.reported_seq), taken.high_water, body.device_last_seq or 0)
    conn.execute(
        _DEVICE_PUSHED,
        {
            "device_id": actor.device_id,
            "high_water": taken.high_water,
            "reported_seq": reported,
            "last_push_at": now,
            "last_user": actor.user_id,
            **(attempt or {}),
        },
    )
    return {
        "high_water": taken.high_water,
        "resend_from": taken.resend_from,
        "accepted": len(taken.events),
        "duplicates": taken.duplicates,
        "verdicts": judged.verdicts,
        "sessions": batch.session_views(),
    }


@dataclass
class Taken:
    """The events of a push to store: the contiguous run after the high-water mark, each once."""

    high_water: int
    events: list[WireEvent] = field(default_factory=list)
    duplicates: int = 0
    resend_from: int | None = None


def _in_sequence(conn: Connection, events: list[WireEvent], high_water: int) -> Taken:
    known = present(conn, t.events, "id", [e.id for e in events if e.seq > high_water])
    taken = Taken(high_water)
    for ev in events:
        if ev.seq <= taken.high_water:
            taken.duplicates += 1
        elif ev.seq == taken.high_water + 1:
            taken.high_water += 1
            if ev.id in known:
                taken.duplicates += 1  # stored before under another number: a client bug, but never store it twice
            else:
                known.add(ev.id)
                taken.events.append(ev)
        else:
            taken.resend_from = taken.high_water + 1
            break
    return taken


EVENT_COLUMNS = (
    "id",
    "device_id",
    "seq",
    "kind",
    "session_id",
    "user_id",
    "wall_time",
    "mono_ns",
    "lock_epoch",
    "payload",
    "received_at",
    "status",
    "reason",
)


NOT_JSON = rejected("malformed payload: it holds NaN or Infinity, which JSON has no text for (kept with null there)")


@dataclass
class Judged:
    """A batch's events as stored (rows of EVENT_COLUMNS, in the driver's terms), the verdicts the device is
    told (all but "applied"), the review queue entries of those that wait for a supervisor, and each event's
    payload JSON by id (published with the event as it is stored)."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)
    payloads: dict[str, str] = field(default_factory=dict)


def _judged(
    batch: Batch, events: list[WireEvent], now: datetime, pusher: str, bind_time: Callable[[datetime | None], Any]
) -> Judged:
    """Each event decided, with its row. A plain loop: it runs once per event of every push."""
    out = Judged()
    rows, payloads, decide = out.rows, out.payloads, batch.decide
    received = bind_time(now)
    for ev in events:
        payload, exact = payload_json(ev.payload)
        outcome = decide(ev, pusher=pusher) if exact else NOT_JSON
        status = outcome.status
        reason = clean(outcome.reason) if outcome.reason else None
        if status != "applied":
            out.verdicts.append({"id": ev.id, "seq": ev.seq, "status": status, "reason": reason})
            if status in REVIEWED:
                out.review.append(_review_item(batch, ev, now, status, reason))
        payloads[ev.id] = payload
        rows.append(event_row(ev, bind_time, received, status, reason, payload))
    return out


def _review_item(batch: Batch, ev: WireEvent, now: datetime, status: str, reason: str | None) -> dict[str, Any]:
    ctx = batch.sessions.get(ev.session_id or "")
    return {
        "event_id": ev.id,
        "session_id": ev.session_id,
        "count_id": ctx.count.id if ctx else _named_count(ev),
        "status": "open",
        "reason": reason or status,
        "created_at": now,
    }


def _named_count(ev: WireEvent) -> str | None:
    """The count an event without a known session names in its payload (a variance decision, a new count)."""
    count_id = ev.payload.get("count_id") if isinstance(ev.payload, dict) else None
    return clean(count_id)[:64] if isinstance(count_id, str) else None


def event_row(
    ev: WireEvent,
    bind_time: Callable[[datetime | None], Any],
    received: Any,
    status: str,
    reason: str | None,
    payload: str,
) -> tuple[Any, ...]:
    """The event's row of EVENT_COLUMNS, times bound by `bind_time` (`received`: the bound receipt time)."""
    return (
        ev.id,
        ev.device_id,
        ev.seq,
        ev.kind,
        ev.session_id,
        ev.user_id,
        bind_time(ev.wall_time),
        ev.mono_ns,
        ev.lock_epoch,
        payload,
        received,
        status,
        reason,
    )
