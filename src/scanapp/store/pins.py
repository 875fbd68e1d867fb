"""The user_pins table: each local user's PIN hash and their run of wrong tries. Statements over the unit of
work's connection, so a check and the failure it records are one transaction. Nothing here logs a hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert

from scanapp.store import schema as t
from scanapp.store.row_mapping import from_iso, iso


@dataclass(frozen=True)
class PinRecord:
    user_id: str
    pin_hash: str
    failures: int
    retry_after: datetime | None

    def __repr__(self) -> str:  # a record in a log or traceback never shows its hash
        return f"PinRecord(user_id={self.user_id!r}, failures={self.failures}, retry_after={self.retry_after!r})"


def get(conn: Connection, user_id: str) -> PinRecord | None:
    row = conn.execute(select(t.user_pins).where(t.user_pins.c.user_id == user_id)).first()
    if row is None:
        return None
    return PinRecord(row.user_id, row.pin_hash, row.failures, from_iso(row.retry_after))


def put(conn: Connection, user_id: str, pin_hash: str, set_by: str, at: datetime) -> None:
    """Set (or replace) a user's hash; the run of wrong tries starts again."""
    values = {"pin_hash": pin_hash, "set_at": iso(at), "set_by": set_by, "failures": 0, "retry_after": None}
    stmt = insert(t.user_pins).values(user_id=user_id, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=[t.user_pins.c.user_id], set_=values))


def rehash(conn: Connection, user_id: str, pin_hash: str) -> None:
    """The same PIN under the hasher's current parameters (after a successful check)."""
    conn.execute(update(t.user_pins).where(t.user_pins.c.user_id == user_id).values(pin_hash=pin_hash))


def set_failures(conn: Connection, user_id: str, failures: int, retry_after: datetime | None) -> None:
    conn.execute(
        update(t.user_pins)
        .where(t.user_pins.c.user_id == user_id)
        .values(failures=failures, retry_after=iso(retry_after))
    )


def clear(conn: Connection, user_id: str) -> None:
    """Forget a user's PIN: they choose a new one at their next sign-in."""
    conn.execute(delete(t.user_pins).where(t.user_pins.c.user_id == user_id))


def users_with_pins(conn: Connection) -> set[str]:
    return set(conn.execute(select(t.user_pins.c.user_id)).scalars())
