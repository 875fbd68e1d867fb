"""Counts made on devices (count_created events): created on the server, with their directed list or frozen
lab scope, when the user who recorded and pushed the event may create counts; refused (kept for review)
otherwise. The count's sessions arrive as session_created events behind it. Decided in memory, written in bulk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from math import isfinite
from typing import Any

from sqlalchemy import insert

from scanapp.domain.counts import Count, CountKind
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.permissions import LAB, SUPERVISE, Actor, require
from scanapp.sync.wire import WireEvent
from scansync import tables as t
from scansync.db import Tx, insert_rows
from scansync.views import clean, count_values, count_view

# As many items as a count created over the API may list (CountIn.expected).
MAX_EXPECTED = 100_000
_ID = re.compile(r"^[A-Za-z0-9._:@-]{1,64}$")


@dataclass(frozen=True)
class NewCount:
    count: Count
    expected: list[dict[str, Any]]


class CountChanges:
    """The counts a batch creates."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.new: dict[str, NewCount] = {}

    def decide(self, ev: WireEvent, actor: Actor, known: Callable[[str], Count | None]) -> Count:
        """The count the event creates, or a DomainError (nothing recorded)."""
        p = ev.payload
        kind = CountKind(str(p["kind"]))
        scoped = kind is CountKind.SCOPED
        require(actor, LAB if scoped else SUPERVISE, "start a reconciliation session" if scoped else "create a count")
        count_id = str(p["count_id"])
        if not _ID.match(count_id):
            raise InvalidTransition("A count id has 1 to 64 letters, digits or ._:@- characters.")
        if known(count_id) is not None:
            raise InvalidTransition(f"Count {count_id} exists already.")
        name = clean(str(p.get("name", ""))).strip()[:256]
        if not name:
            raise InvalidTransition("A count needs a name.")
        expected = _expected(count_id, p.get("expected") or [])
        if kind is CountKind.HARD and expected:
            raise InvalidTransition("A hard count has no directed list.")
        count = Count(
            id=count_id,
            name=name,
            kind=kind,
            planned_start=_utc(str(p["planned_start"])),
            created_at=min(ev.wall_time, self.now),
            created_by=ev.user_id,
            lab=_text(p.get("lab"), 128),
            listing_config_id=_text(p.get("listing_config_id"), 64),
        )
        self.new[count_id] = NewCount(count, expected)
        return count

    def write(self, tx: Tx) -> None:
        for made in self.new.values():
            tx.conn.execute(insert(t.counts).values(**count_values(made.count)))
            insert_rows(tx.conn, t.expected_items, made.expected)
            listed = [{"item_key": e["item_key"], "expected_qty": e["expected_qty"]} for e in made.expected]
            tx.publish("count", made.count.id, count_view(made.count, sorted(listed, key=_key), []))


def _key(item: dict[str, Any]) -> str:
    return str(item["item_key"])


def _expected(count_id: str, items: Any) -> list[dict[str, Any]]:
    if not isinstance(items, list):
        raise InvalidTransition("The directed list is not a list.")
    if len(items) > MAX_EXPECTED:
        raise InvalidTransition(f"A directed list has at most {MAX_EXPECTED:,} items; this one has {len(items):,}.")
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        key = clean(str(item["item_key"])).strip()[:128]
        qty = float(item.get("expected_qty", 0))
        if not key or not isfinite(qty) or not 0 <= qty <= 1e12:
            raise InvalidTransition(f"Directed-list item {key or '(empty)'!r} has no key or a quantity out of range.")
        if key in rows:
            raise InvalidTransition(f"The directed list names {key} more than once.")
        rows[key] = {"count_id": count_id, "item_key": key, "expected_qty": qty}
    return list(rows.values())


def _utc(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _text(value: Any, limit: int) -> str | None:
    return None if value is None else clean(str(value))[:limit]
