"""A session as one flat record: the one serializer of sessions, for the wire (SessionOut), the server's
sessions table and the device's. The device's table names the four lease fields lock_*; the store maps them
(store.row_mapping.session_columns)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from scanapp.domain.counts import Lock, Session, SessionState

FIELDS = (
    "id",
    "count_id",
    "name",
    "area",
    "state",
    "is_default",
    "created_at",
    "created_by",
    "started_at",
    "started_by",
    "submitted_at",
    "ended_at",
    "lease_epoch",
    "lease_user",
    "lease_device",
    "lease_expires_at",
)


def session_record(s: Session) -> dict[str, Any]:
    """Every field of FIELDS, times as datetimes."""
    lock = s.lock
    return {
        "id": s.id,
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


def session_json(s: Session) -> dict[str, Any]:
    """The record as JSON carries it: times in ISO 8601."""
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in session_record(s).items()}


def session_from_record(r: Mapping[str, Any]) -> Session:
    """The inverse of either form: times may be datetimes or ISO 8601 text."""
    lock = None
    if r["lease_user"] is not None:
        lock = Lock(user_id=r["lease_user"], device_id=r["lease_device"], expires_at=_time(r["lease_expires_at"]))
    created_at = _time(r["created_at"])
    assert created_at is not None, f"session {r['id']} without created_at"
    return Session(
        id=r["id"],
        count_id=r["count_id"],
        name=r["name"],
        area=r["area"],
        state=SessionState(r["state"]),
        is_default=bool(r["is_default"]),
        created_at=created_at,
        created_by=r["created_by"],
        started_at=_time(r["started_at"]),
        started_by=r["started_by"],
        submitted_at=_time(r["submitted_at"]),
        ended_at=_time(r["ended_at"]),
        lock=lock,
        epoch=int(r["lease_epoch"] or 0),
    )


def _time(value: datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value) if value else None
