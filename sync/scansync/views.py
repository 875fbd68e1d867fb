"""Rows to domain objects and to the JSON the wire schema describes (what the change log carries)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import orjson

from scanapp.domain.counts import Count, CountKind, Session, count_state
from scanapp.domain.leases import Lease
from scanapp.domain.session_record import session_from_record, session_json, session_record
from scanapp.sync.wire import WireEvent
from scansync import db


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def clean(value: str) -> str:
    """Text from a device's payload, made storable: no NUL (PostgreSQL refuses it), no lone surrogates. Text
    that is storable already comes back as the same object."""
    if value.isascii() and "\x00" not in value:
        return value
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    try:
        value.encode()
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode()
    return value


def count_of(row: Any) -> Count:
    return Count(
        id=row.id,
        name=row.name,
        kind=CountKind(row.kind),
        planned_start=row.planned_start,
        created_at=row.created_at,
        created_by=row.created_by,
        lab=row.lab,
        listing_config_id=row.listing_config_id,
    )


def session_of(row: Any) -> Session:
    return session_from_record(row._mapping)


def lease_of(session: Session) -> Lease:
    lock = session.lock
    return Lease(
        epoch=session.epoch,
        user_id=lock.user_id if lock else None,
        device_id=lock.device_id if lock else None,
        expires_at=lock.expires_at if lock else None,
    )


def session_values(s: Session) -> dict[str, Any]:
    """Columns of the sessions table for a domain session (lease included): the shared session record."""
    values = session_record(s)
    del values["id"]
    return values


def session_view(s: Session) -> dict[str, Any]:
    """A session as the wire (SessionOut) and the change log carry it."""
    return session_json(s)


def count_values(c: Count) -> dict[str, Any]:
    """Columns of the counts table for a domain count."""
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind.value,
        "planned_start": c.planned_start,
        "created_at": c.created_at,
        "created_by": c.created_by,
        "lab": c.lab,
        "listing_config_id": c.listing_config_id,
    }


def count_view(c: Count, expected: list[dict[str, Any]], sessions: list[Session]) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind.value,
        "state": count_state(sessions).value,
        "planned_start": iso(c.planned_start),
        "created_at": iso(c.created_at),
        "created_by": c.created_by,
        "lab": c.lab,
        "listing_config_id": c.listing_config_id,
        "expected": expected,
        "sessions": [session_view(s) for s in sessions],
    }


def listing_view(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "columns": json.loads(row.columns),
        "filters": json.loads(row.filters),
        "created_by": row.created_by,
    }


def inventory_view(row: Any) -> dict[str, Any]:
    return {
        "barcode": row.barcode,
        "ingredient": row.ingredient,
        "lab": row.lab,
        "location": row.location,
        "quantity": row.quantity,
        "unit": row.unit,
        "status": row.status,
    }


def event_wire(ev: WireEvent, session_id: str | None = None, payload_json: str | None = None) -> str:
    """The event as other devices receive it (Event.to_wire's shape). One event per scan is published, so this
    is on the push path: orjson writes it, with the payload's JSON spliced in when the caller has it already."""
    payload = payload_json if payload_json is not None else db.payload_json(ev.payload)[0]
    return orjson.dumps(
        {
            "id": ev.id,
            "kind": ev.kind,
            "device_id": ev.device_id,
            "seq": ev.seq,
            "user_id": ev.user_id,
            "session_id": session_id or ev.session_id,
            "wall_time": ev.wall_time,  # isoformat's text, for an aware time (a test holds them equal)
            "mono_ns": ev.mono_ns,
            "lock_epoch": ev.lock_epoch,
            "payload": orjson.Fragment(payload),
        }
    ).decode()
