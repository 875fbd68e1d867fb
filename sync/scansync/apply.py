"""What each pushed event does, decided in memory against the state loaded for its batch, then written in
bulk. Deciding never touches the database half-way, so an event the rules refuse (or a bug while deciding
one) leaves nothing behind but its verdict: the event is kept for review and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from math import isfinite
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from scanapp.domain import counts as rules
from scanapp.domain import leases
from scanapp.domain.catalog import InventoryStatus
from scanapp.domain.classification import Category
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import DomainError, InvalidTransition, NotFound
from scanapp.domain.journal import LINE_KINDS, Event, EventKind
from scanapp.domain.leases import Grant, LeaseEnd
from scanapp.domain.permissions import LAB, Actor, Permission, permissions_for_roles, require
from scanapp.domain.tally import Line, LineKind, line_from_event, matched, removed
from scanapp.sync.wire import WireEvent
from scansync import tables as t
from scansync.catalog import product_data
from scansync.db import Tx, dumps, insert_rows
from scansync.lease_history import close_grant, history
from scansync.views import clean, count_of, inventory_view, session_of, session_values, session_view

log = logging.getLogger(__name__)

SESSION_RULES = {
    EventKind.SESSION_STARTED,
    EventKind.SESSION_EDITED,
    EventKind.SESSION_SUBMITTED,
    EventKind.SESSION_REOPENED,
    EventKind.SESSION_DISCARDED,
    EventKind.SESSION_ENDED,
}
INVENTORY_KINDS = {
    EventKind.INVENTORY_MOVED,
    EventKind.INVENTORY_SPLIT,
    EventKind.INVENTORY_SET,
    EventKind.INVENTORY_ARCHIVED,
}
CHUNK = 500


@dataclass(frozen=True)
class Outcome:
    status: str  # applied | fenced | rejected | recorded
    reason: str | None = None


APPLIED = Outcome("applied")


def rejected(reason: str) -> Outcome:
    return Outcome("rejected", reason)


@dataclass
class SessionCtx:
    session: Session
    count: Count
    grants: list[Grant]
    new: bool = False
    dirty: bool = False
    release_lease: bool = False
    fencing: dict[tuple[int | None, str], str | None] = field(default_factory=dict)
    _unlocked: Session | None = None

    def set(self, session: Session) -> None:
        self.session = session
        self._unlocked = None

    @property
    def unlocked(self) -> Session:
        """The session as the rules see it once fencing has judged the lease: without a lock."""
        if self._unlocked is None:
            self._unlocked = replace(self.session, lock=None)
        return self._unlocked

    def fenced(self, epoch: int | None, device_id: str) -> str | None:
        key = (epoch, device_id)
        if key not in self.fencing:
            self.fencing[key] = leases.fencing_reason(epoch, device_id, self.session.epoch, self.grants)
        return self.fencing[key]


@dataclass
class Batch:
    conn: Connection
    now: datetime
    sessions: dict[str, SessionCtx] = field(default_factory=dict)
    counts: dict[str, Count | None] = field(default_factory=dict)
    users: dict[str, frozenset[Permission] | None] = field(default_factory=dict)
    actors: dict[tuple[str, str], Actor | None] = field(default_factory=dict)
    lines: dict[str, Line] = field(default_factory=dict)
    new_lines: list[Line] = field(default_factory=list)
    changed_lines: dict[str, Line] = field(default_factory=dict)
    products: dict[str, bool] = field(default_factory=dict)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    alias_previous_owners: set[str] = field(default_factory=set)
    inventory: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    inventory_new: set[str] = field(default_factory=set)
    inventory_dirty: set[str] = field(default_factory=set)
    history_rows: list[dict[str, Any]] = field(default_factory=list)
    applied: list[WireEvent] = field(default_factory=list)

    # -- loading ---------------------------------------------------------------------------------------

    def preload(self, events: Iterable[WireEvent]) -> None:
        events = list(events)
        session_ids = sorted({e.session_id for e in events if e.session_id})
        for chunk in _chunks(session_ids):
            # Sorted and locked up front: a concurrent force-release waits for this batch (or it for that).
            rows = self.conn.execute(
                select(t.sessions).where(t.sessions.c.id.in_(chunk)).order_by(t.sessions.c.id).with_for_update()
            ).all()
            grants = history(self.conn, [r.id for r in rows])
            for r in rows:
                count = self.count(r.count_id)
                assert count is not None, f"session {r.id} of unknown count {r.count_id}"
                self.sessions[r.id] = SessionCtx(session_of(r), count, grants[r.id])
        for chunk in _chunks(sorted({e.user_id for e in events})):
            found = {
                r.id: permissions_for_roles(r.roles.split(","))
                for r in self.conn.execute(select(t.users.c.id, t.users.c.roles).where(t.users.c.id.in_(chunk)))
            }
            for user_id in chunk:
                self.users[user_id] = found.get(user_id)
        line_ids = sorted(
            {
                str(e.payload["line_id"])
                for e in events
                if e.kind in (EventKind.LINE_REMOVED, EventKind.LINE_MATCHED)
                and isinstance(e.payload.get("line_id"), str)
            }
        )
        for chunk in _chunks(line_ids):
            for r in self.conn.execute(select(t.lines).where(t.lines.c.event_id.in_(chunk))):
                self.lines[r.event_id] = line_of(r)

    def actor(self, user_id: str, device_id: str) -> Actor | None:
        key = (user_id, device_id)
        if key not in self.actors:
            perms = self.users.get(user_id)
            self.actors[key] = None if perms is None else Actor(user_id, device_id, perms)
        return self.actors[key]

    def count(self, count_id: str) -> Count | None:
        if count_id not in self.counts:
            row = self.conn.execute(select(t.counts).where(t.counts.c.id == count_id)).first()
            self.counts[count_id] = count_of(row) if row else None
        return self.counts[count_id]

    def product_exists(self, sku: str) -> bool:
        if sku not in self.products:
            self.products[sku] = (
                self.conn.execute(select(t.products.c.sku).where(t.products.c.sku == sku)).first() is not None
            )
        return self.products[sku]

    def inventory_item(self, barcode: str) -> dict[str, Any] | None:
        if barcode not in self.inventory:
            row = self.conn.execute(select(t.inventory_items).where(t.inventory_items.c.barcode == barcode)).first()
            self.inventory[barcode] = inventory_view(row) if row else None
        return self.inventory[barcode]

    def unmatched(self, session_id: str) -> int:
        ids = set(
            self.conn.execute(
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
        for line in [*self.new_lines, *self.changed_lines.values()]:
            if line.session_id != session_id:
                continue
            if line.category is Category.UNMATCHED and not line.removed:
                ids.add(line.event_id)
            else:
                ids.discard(line.event_id)
        return len(ids)

    # -- deciding --------------------------------------------------------------------------------------

    def decide(self, ev: WireEvent, fence: bool = True) -> Outcome:
        """The verdict on one event; on "applied" its effect is recorded in this batch for write()."""
        try:
            outcome = self._decide(ev, fence)
        except DomainError as err:
            outcome = rejected(str(err))
        except (KeyError, TypeError, ValueError, OverflowError) as err:
            outcome = rejected(f"malformed payload ({type(err).__name__}: {err})")
        except Exception:
            # A bug. The traceback goes to the log; the event is kept for review so the device is not stuck.
            log.exception("bug while applying event %s (%s)", ev.id, ev.kind)
            outcome = rejected("the server failed to apply this event (logged); kept for review")
        if outcome.status == "applied":
            self.applied.append(ev)
        return outcome

    def _decide(self, ev: WireEvent, fence: bool) -> Outcome:
        try:
            kind = EventKind(ev.kind)
        except ValueError:
            return rejected(f"unknown event kind {ev.kind!r}")
        actor = self.actor(ev.user_id, ev.device_id)
        if actor is None:
            return rejected(f"unknown user {ev.user_id!r}")
        if ev.session_id is None:
            if kind in INVENTORY_KINDS:  # lab actions outside any session (services/lab.py allows it)
                require(actor, LAB, "change inventory")
                return self._inventory(ev, kind, None)
            return rejected("the event names no session")
        when = min(ev.wall_time, self.now)
        ctx = self.sessions.get(ev.session_id)
        if kind is EventKind.SESSION_CREATED:
            if ctx is not None:
                return rejected(f"session {ev.session_id} exists already")
            return self._create_session(ev, actor)
        if ctx is None:
            return rejected(f"unknown session {ev.session_id}")
        if fence:
            reason = ctx.fenced(ev.lock_epoch, ev.device_id)
            if reason is not None:
                return Outcome("fenced", reason)
        # The lease was judged by fencing just above; the rules see no lock, only state and permissions.
        session, count = ctx.unlocked, ctx.count
        p = ev.payload
        if kind in SESSION_RULES:
            return self._session_rule(ctx, kind, session, count, actor, when, p)
        if kind in LINE_KINDS:
            rules.ensure_can_scan(session, count, actor, when)
            line = line_from_event(_domain_event(ev, kind), 0, count.kind, lambda _key: True)
            cleaned = (clean(line.raw), _opt_clean(line.code), _opt_clean(line.item_key))
            if cleaned != (line.raw, line.code, line.item_key):
                line = replace(line, raw=cleaned[0], code=cleaned[1], item_key=cleaned[2])
            if line.units < 0 or line.units > 1_000_000:
                raise InvalidTransition(f"Quantity {line.units} is out of range.")
            if line.event_id in self.lines:
                raise InvalidTransition("A line with this id exists already.")
            self.lines[line.event_id] = line
            self.new_lines.append(line)
            return APPLIED
        if kind in (EventKind.LINE_REMOVED, EventKind.LINE_MATCHED):
            rules.ensure_can_scan(session, count, actor, when)
            before = self._line(str(p["line_id"]), session.id)
            if kind is EventKind.LINE_REMOVED:
                after = removed(before)
            else:
                sku = clean(str(p["item_key"]))
                if not self.product_exists(sku):
                    raise NotFound(f"No product with SKU {sku}.")
                after = matched(before, sku, count.kind, lambda _key: True)
            self.lines[after.event_id] = after
            if any(ln.event_id == after.event_id for ln in self.new_lines):
                self.new_lines = [after if ln.event_id == after.event_id else ln for ln in self.new_lines]
            else:
                self.changed_lines[after.event_id] = after
            return APPLIED
        if kind is EventKind.ALIAS_ADDED:
            rules.require_for_count(count, actor, "add a product alias")
            code, sku = clean(str(p["code"])), clean(str(p["sku"]))
            if not code or len(code) > 64:
                raise InvalidTransition("An alias needs a code of at most 64 characters.")
            if not self.product_exists(sku):
                raise NotFound(f"No product with SKU {sku}.")
            self.aliases.append((code, sku))
            return APPLIED
        if kind in INVENTORY_KINDS:
            rules.require_for_count(count, actor, "change inventory")
            if count.kind is not CountKind.SCOPED:
                raise InvalidTransition("Inventory actions belong to a reconciliation session.")
            return self._inventory(ev, kind, session.id)
        if kind is EventKind.LOCK_FORCE_RELEASED:
            return Outcome("recorded", "a force-release made on a device does not move the server's lease")
        return rejected(f"event kind {kind.value} cannot be applied")  # pragma: no cover - every kind is listed

    def _create_session(self, ev: WireEvent, actor: Actor) -> Outcome:
        p = ev.payload
        count = self.count(str(p["count_id"]))
        if count is None:
            return rejected(f"unknown count {p['count_id']}; counts are created on the server")
        rules.require_for_count(count, actor, "create a session")
        name = clean(str(p.get("name", ""))).strip()[:256]
        if not name:
            raise InvalidTransition("A session needs a name.")
        session = Session(
            id=str(ev.session_id),
            count_id=count.id,
            name=name,
            area=clean(str(p.get("area", ""))).strip()[:512],
            state=SessionState.NOT_STARTED,
            is_default=False,
            created_at=min(ev.wall_time, self.now),
            created_by=ev.user_id,
        )
        self.sessions[session.id] = SessionCtx(session, count, [], new=True, dirty=True)
        return APPLIED

    def _session_rule(
        self,
        ctx: SessionCtx,
        kind: EventKind,
        session: Session,
        count: Count,
        actor: Actor,
        when: datetime,
        p: dict[str, Any],
    ) -> Outcome:
        if kind is EventKind.SESSION_STARTED:
            after = rules.start(session, count, actor, when)
        elif kind is EventKind.SESSION_EDITED:
            name = clean(str(p.get("name", session.name)))[:256]
            area = clean(str(p.get("area", session.area)))[:512]
            after = rules.edit(session, count, actor, when, name, area)
        elif kind is EventKind.SESSION_SUBMITTED:
            confirmed = bool(p.get("confirmed_uncounted_zero", False))
            after = rules.submit(session, count, actor, when, self.unmatched(session.id), confirmed)
        elif kind is EventKind.SESSION_REOPENED:
            after = rules.reopen(session, count, actor, when)
        elif kind is EventKind.SESSION_DISCARDED:
            after = rules.discard(session, count, actor, when)
        else:
            after = rules.end_scoped(session, count, actor, when)
        clears = kind in (EventKind.SESSION_DISCARDED, EventKind.SESSION_ENDED)
        if clears and ctx.session.lock is not None:
            ctx.release_lease = True
        ctx.set(replace(after, lock=None if clears else ctx.session.lock, epoch=ctx.session.epoch))
        ctx.dirty = True
        return APPLIED

    def _inventory(self, ev: WireEvent, kind: EventKind, session_id: str | None) -> Outcome:
        """Lab actions (L4), as scanapp.services.lab records them: change the item and add to its history,
        linked to the session when there is one."""
        p = ev.payload
        barcode = clean(str(p["barcode"]))
        item = self.inventory_item(barcode)
        if item is None:
            raise NotFound(f"No inventory item {barcode}.")
        item = dict(item)
        if kind is EventKind.INVENTORY_MOVED:
            item["location"] = clean(str(p["to"])).strip()[:512]
            if not item["location"]:
                raise InvalidTransition("A move needs the place the item goes.")
        elif kind is EventKind.INVENTORY_SET:
            item["quantity"] = _quantity(p["to"])
        elif kind is EventKind.INVENTORY_ARCHIVED:
            item["status"] = InventoryStatus.ARCHIVED.value
        else:
            new_barcode = clean(str(p["new_barcode"]))[:128]
            part = _quantity(p["quantity"])
            if not 0 < part < item["quantity"]:
                raise InvalidTransition(f"A split must take between 0 and {item['quantity']}; got {part}.")
            if not new_barcode or self.inventory_item(new_barcode) is not None:
                raise InvalidTransition(f"The new barcode {new_barcode!r} is empty or in use.")
            self.inventory[new_barcode] = {**item, "barcode": new_barcode, "quantity": part}
            self.inventory_new.add(new_barcode)
            item["quantity"] = item["quantity"] - part
        self.inventory[barcode] = item
        self.inventory_dirty.add(barcode)
        self.history_rows.append(
            {
                "event_id": ev.id,
                "item_barcode": barcode,
                "action": kind.value,
                "detail": dumps(p),
                "session_id": session_id,
                "user_id": ev.user_id,
                "at": min(ev.wall_time, self.now),
            }
        )
        return APPLIED

    def _line(self, line_id: str, session_id: str) -> Line:
        line = self.lines.get(line_id)
        if line is None:
            raise NotFound(f"No scan line {line_id} (it may itself be waiting for review).")
        if line.session_id != session_id:
            raise NotFound("That scan belongs to another session.")
        return line

    # -- writing ---------------------------------------------------------------------------------------

    def write(self, tx: Tx, publish_event: Callable[[WireEvent], None]) -> None:
        conn = tx.conn
        for ctx in self.sessions.values():
            if ctx.new:
                conn.execute(insert(t.sessions).values(id=ctx.session.id, **session_values(ctx.session)))
            elif ctx.dirty:
                if ctx.release_lease:
                    close_grant(conn, ctx.session.id, ctx.session.epoch, self.now, LeaseEnd.RELEASED.value)
                conn.execute(
                    update(t.sessions).where(t.sessions.c.id == ctx.session.id).values(**session_values(ctx.session))
                )
            if ctx.dirty:
                tx.publish("session", ctx.session.id, session_view(ctx.session))
        insert_rows(conn, t.lines, [_line_row(ln) for ln in self.new_lines])
        if self.changed_lines:
            conn.execute(
                update(t.lines)
                .where(t.lines.c.event_id == bindparam("b_id"))
                .values(item_key=bindparam("b_item"), removed=bindparam("b_removed")),
                [
                    {"b_id": ln.event_id, "b_item": ln.item_key, "b_removed": ln.removed}
                    for ln in self.changed_lines.values()
                ],
            )
        for ev in self.applied:
            publish_event(ev)
        if self.aliases:
            for code, _sku in self.aliases:
                owner = conn.execute(select(t.product_codes.c.sku).where(t.product_codes.c.code == code)).scalar()
                if owner is not None:
                    self.alias_previous_owners.add(owner)
            for code, sku in self.aliases:
                conn.execute(t.product_codes.delete().where(t.product_codes.c.code == code))
                conn.execute(insert(t.product_codes).values(code=code, sku=sku, source="alias"))
            # The code's previous owner is published too, so devices drop the code from it.
            skus = sorted({sku for _, sku in self.aliases} | self.alias_previous_owners)
            for sku, data in product_data(conn, skus).items():
                tx.publish("product", sku, data)
        for barcode in sorted(self.inventory_new | self.inventory_dirty):
            item = self.inventory[barcode]
            assert item is not None
            if barcode in self.inventory_new:
                conn.execute(insert(t.inventory_items).values(**item))
            else:
                conn.execute(update(t.inventory_items).where(t.inventory_items.c.barcode == barcode).values(**item))
            tx.publish("inventory_item", barcode, item)
        if self.history_rows:
            conn.execute(insert(t.inventory_history), self.history_rows)


def event_wire(ev: WireEvent, session_id: str | None = None, payload_json: str | None = None) -> str:
    """The event as other devices receive it (Event.to_wire's shape). The payload's JSON, when the caller
    has it already, is spliced in rather than encoded again."""
    head = dumps(
        {
            "id": ev.id,
            "kind": ev.kind,
            "device_id": ev.device_id,
            "seq": ev.seq,
            "user_id": ev.user_id,
            "session_id": session_id or ev.session_id,
            "wall_time": ev.wall_time.isoformat(),
            "mono_ns": ev.mono_ns,
            "lock_epoch": ev.lock_epoch,
        }
    )
    return f'{head[:-1]},"payload":{payload_json or dumps(ev.payload)}}}'


def line_of(row: Any) -> Line:
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


def _line_row(line: Line) -> dict[str, Any]:
    return {
        "event_id": line.event_id,
        "session_id": line.session_id,
        "kind": line.kind.value,
        "raw": line.raw,
        "code": line.code,
        "item_key": line.item_key,
        "units": line.units,
        "removed": line.removed,
        "at": line.at,
    }


def _domain_event(ev: WireEvent, kind: EventKind) -> Event:
    return Event(
        id=ev.id,
        kind=kind,
        device_id=ev.device_id,
        user_id=ev.user_id,
        session_id=ev.session_id,
        wall_time=ev.wall_time,
        mono_ns=ev.mono_ns,
        payload=ev.payload,
        lock_epoch=ev.lock_epoch,
        seq=ev.seq,
    )


def _opt_clean(value: str | None) -> str | None:
    return None if value is None else clean(str(value))[:128]


def _quantity(value: Any) -> float:
    q = float(value)
    if not isfinite(q) or q < 0 or q > 1e12:
        raise InvalidTransition(f"Quantity {value!r} is out of range.")
    return q


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


__all__ = ["APPLIED", "Batch", "CountKind", "Outcome", "event_wire"]
