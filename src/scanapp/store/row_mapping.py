"""Rows of the device's tables to domain objects, and sessions back to columns. Rows come from the driver
cursor (sqlite3.Row) on the write path and from SQLAlchemy on the read side; both read the same here."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Row as SaRow

from scanapp.domain.catalog import InventoryItem
from scanapp.domain.classification import Category
from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.journal import Event, EventKind
from scanapp.domain.session_record import FIELDS, session_from_record, session_json
from scanapp.domain.tally import Line, LineKind

Row = sqlite3.Row | SaRow[Any]

# The device's sessions table says lock_* where the shared session record says lease_*.
_LOCK_COLUMNS = {
    "lease_user": "lock_user",
    "lease_device": "lock_device",
    "lease_expires_at": "lock_expires_at",
    "lease_epoch": "lock_epoch",
}


def as_mapping(row: Row) -> Mapping[str, Any]:
    return row if isinstance(row, sqlite3.Row) else row._mapping  # type: ignore[return-value]


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def session_columns(record: Mapping[str, Any]) -> dict[str, Any]:
    """A session record (domain.session_record, JSON form: as the server sends it) as the device's columns."""
    return {_LOCK_COLUMNS.get(name, name): record[name] for name in FIELDS}


def session_values(session: Session) -> dict[str, Any]:
    return session_columns(session_json(session))


def session_from_row(row: Row) -> Session:
    r = as_mapping(row)
    return session_from_record({name: r[_LOCK_COLUMNS.get(name, name)] for name in FIELDS})


def event_from_row(row: Row) -> Event:
    r = as_mapping(row)
    return Event(
        id=r["id"],
        kind=EventKind(r["kind"]),
        device_id=r["device_id"],
        seq=r["seq"],
        user_id=r["user_id"],
        session_id=r["session_id"],
        wall_time=datetime.fromisoformat(r["wall_time"]),
        mono_ns=r["mono_ns"],
        lock_epoch=r["lock_epoch"],
        payload=json.loads(r["payload"]),
    )


def inventory_from_row(row: Row) -> InventoryItem:
    r = as_mapping(row)
    return InventoryItem(
        barcode=r["barcode"],
        ingredient=r["ingredient"],
        lab=r["lab"],
        location=r["location"],
        quantity=r["quantity"],
        unit=r["unit"],
        status=r["status"],
    )


def count_from_row(row: Row) -> Count:
    r = as_mapping(row)
    return Count(
        id=r["id"],
        name=r["name"],
        kind=CountKind(r["kind"]),
        planned_start=datetime.fromisoformat(r["planned_start"]),
        created_at=datetime.fromisoformat(r["created_at"]),
        created_by=r["created_by"],
        lab=r["lab"],
        listing_config_id=r["listing_config_id"],
        expected_total=r["expected_total"],
    )


def line_from_row(row: Row) -> Line:
    r = as_mapping(row)
    return Line(
        event_id=r["event_id"],
        session_id=r["session_id"],
        ordinal=r["ordinal"],
        kind=LineKind(r["kind"]),
        raw=r["raw"],
        code=r["code"],
        item_key=r["item_key"],
        units=r["units"],
        category=Category(r["category"]) if r["category"] else None,
        source=r["source"],
        manual=bool(r["manual"]),
        at=datetime.fromisoformat(r["at"]),
        reason=r["reason"],
        removed=bool(r["removed"]),
        review=r["review"],
    )
