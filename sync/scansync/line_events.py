"""The server's side of the one projection rule (scanapp.domain.projection): scans, hand counts, removals,
matches and aliases, decided in memory against the lines a batch loaded or made, then written in bulk.

The server keeps no tab categories (reports derive counted and unmatched from item_key), so a matched item
classifies as counted whether or not the count lists it; the units, items and removals are the device's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from scanapp.domain.classification import Category
from scanapp.domain.counts import Count
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import Event, EventKind
from scanapp.domain.projection import AliasAdded, LineAdded, LineChanged, effect_of
from scanapp.domain.tally import Line, LineKind
from scanapp.sync.wire import WireEvent
from scansync import tables as t
from scansync.catalog import product_data
from scansync.db import Tx, chunks, insert_params, time_binder
from scansync.views import clean

# Payload text that ends up in a column, and the column's length (None: unbounded).
_STORED_TEXT: Mapping[str, int | None] = {"raw": None, "code": 128, "item_key": 128, "sku": 128}
_STORED_TEXT_ITEMS = tuple(_STORED_TEXT.items())
_NAMES_A_LINE = (EventKind.LINE_REMOVED, EventKind.LINE_MATCHED)


def _listed(_item_key: str) -> bool:
    return True


class LineChanges:
    """The lines a batch read or made, and the aliases it adds."""

    def __init__(self, product_exists: Callable[[str], bool]) -> None:
        self.product_exists = product_exists
        self.known: dict[str, Line] = {}
        self.new: dict[str, Line] = {}  # in the order applied; a line changed again in the batch stays here
        self.changed: dict[str, Line] = {}
        self.aliases: list[tuple[str, str]] = []

    def preload(self, conn: Connection, events: Iterable[WireEvent]) -> None:
        """The stored lines that the batch's removals and matches name."""
        named = {e.payload.get("line_id") for e in events if e.kind in _NAMES_A_LINE}
        for chunk in chunks(sorted(i for i in named if isinstance(i, str))):
            for r in conn.execute(select(t.lines).where(t.lines.c.event_id.in_(chunk))):
                self.known[r.event_id] = line_of(r)

    def decide(self, ev: WireEvent, kind: EventKind, count: Count) -> None:
        """Record the event's effect, or raise a DomainError and record nothing."""
        event = _storable_event(ev, kind)
        if kind in (EventKind.LINE_MATCHED, EventKind.ALIAS_ADDED):
            sku = str(event.payload["item_key" if kind is EventKind.LINE_MATCHED else "sku"])
            if not self.product_exists(sku):
                raise NotFound(f"No product with SKU {sku}.")
        effect = effect_of(event, count.kind, self._line, _listed)
        if isinstance(effect, LineAdded):
            line = effect.line
            if line.event_id in self.known:
                raise InvalidTransition("A line with this id exists already.")
            self.known[line.event_id] = self.new[line.event_id] = line
        elif isinstance(effect, LineChanged):
            after = effect.after
            self.known[after.event_id] = after
            (self.new if after.event_id in self.new else self.changed)[after.event_id] = after
        elif isinstance(effect, AliasAdded):
            if not effect.code or len(effect.code) > 64:
                raise InvalidTransition("An alias needs a code of at most 64 characters.")
            self.aliases.append((effect.code, effect.sku))

    def check_alias(self, ev: WireEvent) -> tuple[str, str]:
        """The alias's (code, sku) if it could apply, without applying it; else a DomainError."""
        event = _storable_event(ev, EventKind.ALIAS_ADDED)
        code, sku = str(event.payload["code"]), str(event.payload["sku"])
        if not code or len(code) > 64:
            raise InvalidTransition("An alias needs a code of at most 64 characters.")
        if not self.product_exists(sku):
            raise NotFound(f"No product with SKU {sku}.")
        return code, sku

    def _line(self, line_id: str) -> Line:
        line = self.known.get(line_id)
        if line is None:
            raise NotFound(f"No scan line {line_id} (it may itself be waiting for review).")
        return line

    def unmatched(self, conn: Connection, session_id: str) -> int:
        """Unmatched scans of the session still in its list, this batch's changes included."""
        ids = unmatched_ids(conn, session_id)
        for line in [*self.new.values(), *self.changed.values()]:
            if line.session_id != session_id:
                continue
            if line.category is Category.UNMATCHED and not line.removed:
                ids.add(line.event_id)
            else:
                ids.discard(line.event_id)
        return len(ids)

    def found(self, conn: Connection, session_id: str) -> set[str]:
        """Items the session counted more than 0 units of, this batch's lines included."""
        mine = {**self.new, **self.changed}
        units: dict[str, int] = {}
        rows = conn.execute(
            select(t.lines.c.event_id, t.lines.c.item_key, t.lines.c.units).where(
                t.lines.c.session_id == session_id,
                t.lines.c.kind != LineKind.REJECTED.value,
                t.lines.c.item_key.is_not(None),
                t.lines.c.removed.is_(False),
            )
        )
        for event_id, item_key, n in rows:
            if event_id not in mine:
                units[item_key] = units.get(item_key, 0) + int(n)
        for line in mine.values():
            if line.session_id == session_id and line.item_key and line.counts:
                units[line.item_key] = units.get(line.item_key, 0) + line.units
        return {k for k, n in units.items() if n > 0}

    def write_lines(self, tx: Tx) -> None:
        conn = tx.conn
        bind_time = time_binder(conn)
        insert_params(conn, t.lines, LINE_COLUMNS, [line_row(ln, bind_time) for ln in self.new.values()])
        if self.changed:
            conn.execute(
                update(t.lines)
                .where(t.lines.c.event_id == bindparam("b_id"))
                .values(item_key=bindparam("b_item"), removed=bindparam("b_removed")),
                [{"b_id": ln.event_id, "b_item": ln.item_key, "b_removed": ln.removed} for ln in self.changed.values()],
            )

    def write_aliases(self, tx: Tx) -> None:
        """Called after the batch's events are published: the change log carries the alias events, then the
        products whose codes they moved."""
        if not self.aliases:
            return
        conn = tx.conn
        skus = {sku for _, sku in self.aliases}
        for code, _sku in self.aliases:
            owner = conn.execute(select(t.product_codes.c.sku).where(t.product_codes.c.code == code)).scalar()
            if owner is not None:
                skus.add(owner)  # the code's previous owner is published too, so devices drop the code from it
        for code, sku in self.aliases:
            conn.execute(t.product_codes.delete().where(t.product_codes.c.code == code))
            conn.execute(insert(t.product_codes).values(code=code, sku=sku, source="alias"))
        for sku, data in product_data(conn, sorted(skus)).items():
            tx.publish("product", sku, data)


def unmatched_ids(conn: Connection, session_id: str) -> set[str]:
    """The stored lines of the session that are unmatched and not removed."""
    return set(
        conn.execute(
            select(t.lines.c.event_id).where(
                and_(
                    t.lines.c.session_id == session_id,
                    t.lines.c.kind != LineKind.REJECTED.value,
                    t.lines.c.item_key.is_(None),
                    t.lines.c.removed.is_(False),
                )
            )
        ).scalars()
    )


def line_of(row: Any) -> Line:
    """A stored line as the projection rule sees it (classified as `_listed` classifies)."""
    kind = LineKind(row.kind)
    category = None if kind is LineKind.REJECTED else (Category.UNMATCHED if row.item_key is None else Category.COUNTED)
    return Line(
        event_id=row.event_id,
        session_id=row.session_id,
        ordinal=0,
        kind=kind,
        raw=row.raw,
        code=row.code,
        item_key=row.item_key,
        units=row.units,
        category=category,
        source="",
        manual=False,
        at=row.at,
        removed=bool(row.removed),
    )


def _all_fit(payload: Mapping[str, Any]) -> bool:
    """Whether the payload's stored text is storable as it is (a plain loop: this runs for every scan; plain
    ASCII without NUL, nearly every code, is told without calling `clean`)."""
    for key, limit in _STORED_TEXT_ITEMS:
        value = payload.get(key)
        if value is None:
            continue
        if type(value) is not str or (limit is not None and len(value) > limit):
            return False
        if not (value.isascii() and "\x00" not in value) and clean(value) is not value:
            return False
    return True


LINE_COLUMNS = ("event_id", "session_id", "kind", "raw", "code", "item_key", "units", "removed", "at")
_KIND_TEXT = {k: k.value for k in LineKind}  # a StrEnum's .value is a property call; this is a dict lookup


def line_row(line: Line, bind_time: Callable[[datetime | None], Any]) -> tuple[Any, ...]:
    """The line's row of LINE_COLUMNS, in the driver's terms (times bound by db.time_binder)."""
    return (
        line.event_id,
        line.session_id,
        _KIND_TEXT[line.kind],
        line.raw,
        line.code,
        line.item_key,
        line.units,
        line.removed,
        bind_time(line.at),
    )


def _storable_event(ev: WireEvent, kind: EventKind) -> Event:
    """The pushed event as a domain event, with the payload text that reaches a column made storable (copied
    only when some of it has to change: most payloads are plain short ASCII)."""
    payload = ev.payload
    if not _all_fit(payload):
        payload = dict(payload)
        for key, limit in _STORED_TEXT.items():
            if payload.get(key) is not None:
                payload[key] = clean(str(payload[key]))[:limit]
    # Positional: this runs for every scan, and keyword arguments cost a frozen dataclass more.
    return Event(
        ev.id, kind, ev.device_id, ev.user_id, ev.session_id, ev.wall_time, ev.mono_ns, payload, ev.lock_epoch, ev.seq
    )
