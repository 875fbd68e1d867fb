"""Rows to domain objects and to the JSON the wire schema describes (what the change log carries)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from scanapp.domain.counts import Count, CountKind, Lock, Session, SessionState, count_state
from scanapp.domain.leases import Lease


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def clean(value: str) -> str:
    """Text from a device's payload, made storable: no NUL (PostgreSQL refuses it), no lone surrogates."""
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
    lock = None
    if row.lease_user is not None:
        lock = Lock(user_id=row.lease_user, device_id=row.lease_device, expires_at=row.lease_expires_at)
    return Session(
        id=row.id,
        count_id=row.count_id,
        name=row.name,
        area=row.area,
        state=SessionState(row.state),
        is_default=bool(row.is_default),
        created_at=row.created_at,
        created_by=row.created_by,
        started_at=row.started_at,
        started_by=row.started_by,
        submitted_at=row.submitted_at,
        ended_at=row.ended_at,
        lock=lock,
        epoch=row.lease_epoch,
    )


def lease_of(session: Session) -> Lease:
    lock = session.lock
    return Lease(
        epoch=session.epoch,
        user_id=lock.user_id if lock else None,
        device_id=lock.device_id if lock else None,
        expires_at=lock.expires_at if lock else None,
    )


def session_values(s: Session) -> dict[str, Any]:
    """Columns of the sessions table for a domain session (lease included)."""
    lock = s.lock
    return {
        "count_id": s.count_id,
        "name": s.name,
        "area": s.area,
        "state": s.state.value,
        "is_default": s.is_default,
        "created_at": s.created_at,
        "created_by": s.created_by,
        "started_at": s.started_at,
        "started_by": s.started_by,
        "submitted_at": s.submitted_at,
        "ended_at": s.ended_at,
        "lease_epoch": s.epoch,
        "lease_user": lock.user_id if lock else None,
        "lease_device": lock.device_id if lock else None,
        "lease_expires_at": lock.expires_at if lock else None,
    }


def session_view(s: Session) -> dict[str, Any]:
    lock = s.lock
    return {
        "id": s.id,
        "count_id": s.count_id,
        "name": s.name,
        "area": s.area,
        "state": s.state.value,
        "is_default": s.is_default,
        "created_at": iso(s.created_at),
        "created_by": s.created_by,
        "started_at": iso(s.started_at),
        "started_by": s.started_by,
        "submitted_at": iso(s.submitted_at),
        "ended_at": iso(s.ended_at),
        "lease_epoch": s.epoch,
        "lease_user": lock.user_id if lock else None,
        "lease_device": lock.device_id if lock else None,
        "lease_expires_at": iso(lock.expires_at) if lock else None,
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
