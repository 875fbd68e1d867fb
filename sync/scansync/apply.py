"""What each pushed event does, decided in memory against the state loaded for its batch, then written in
bulk. Deciding never touches the database half-way, so an event the rules refuse (or a bug while deciding
one) leaves nothing behind but its verdict: the event is kept for review and the batch goes on.

Session events are decided here; line events in line_events (the projection rule the device shares),
lab actions in inventory_events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from scanapp.domain import counts as rules
from scanapp.domain import leases
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import DomainError, InvalidTransition
from scanapp.domain.journal import EventKind
from scanapp.domain.lab import Resolution
from scanapp.domain.leases import Grant, LeaseEnd
from scanapp.domain.messages import Action
from scanapp.domain.permissions import LAB, SUPERVISE, Actor, Permission, permissions_for_roles, require
from scanapp.domain.projection import PROJECTED
from scanapp.sync.wire import WireEvent
from scansync import inventory_events, lab_events, variance_events
from scansync import tables as t
from scansync.count_events import CountChanges
from scansync.db import Tx, chunks
from scansync.inventory_events import InventoryChanges
from scansync.lease_history import close_grant, history
from scansync.line_events import LineChanges
from scansync.pin_events import PinChanges
from scansync.variance_events import VarianceChanges, targets_of
from scansync.views import clean, count_of, session_of, session_values, session_view

log = logging.getLogger(__name__)

SESSION_RULES = {
    EventKind.SESSION_STARTED,
    EventKind.SESSION_EDITED,
    EventKind.SESSION_SUBMITTED,
    EventKind.SESSION_REOPENED,
    EventKind.SESSION_DISCARDED,
    EventKind.SESSION_ENDED,
}
# Rules that clear the session's lock: the server's lease ends with them.
ENDS_LEASE = {EventKind.SESSION_DISCARDED, EventKind.SESSION_ENDED}
# Applied but not sent to other devices as events: what they change reaches them as users and counts (a PIN's
# hash goes to devices in the user's record only, not into every device's journal).
UNPUBLISHED = {EventKind.PIN_SET, EventKind.PIN_CLEARED, EventKind.COUNT_CREATED}
_KINDS = {k.value: k for k in EventKind}
# The kinds the projection rule decides alone once the user may scan (an alias also asks who may change the
# catalog): scans, hand counts, removals and matches.
_LINE_RULE = PROJECTED - {EventKind.ALIAS_ADDED}

# What every batch reads, built once (with bound parameters): building a statement costs more than running it.
# Sessions are sorted and locked up front: a concurrent force-release waits for this batch (or it for that).
_SESSIONS = (
    select(t.sessions)
    .where(t.sessions.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(t.sessions.c.id)
    .with_for_update()
)
_USERS = select(t.users.c.id, t.users.c.roles).where(t.users.c.id.in_(bindparam("ids", expanding=True)))
_COUNT = select(t.counts).where(t.counts.c.id == bindparam("count_id"))
_PRODUCT = select(t.products.c.sku).where(t.products.c.sku == bindparam("sku"))


@dataclass(frozen=True)
class Outcome:
    status: str  # scanapp.sync.wire.EventStatus
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
    _may_scan: set[str] = field(default_factory=set)

    def set(self, session: Session) -> None:
        self.session = session
        self._unlocked = None
        self._may_scan = set()

    def ensure_can_scan(self, actor: Actor, when: datetime) -> None:
        """The scan rule, judged once per user until the session changes (a batch is mostly scans)."""
        if actor.user_id not in self._may_scan:
            rules.ensure_can_scan(self.unlocked, self.count, actor, when)
            self._may_scan.add(actor.user_id)

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


class Batch:
    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self.sessions: dict[str, SessionCtx] = {}
        self.counts: dict[str, Count | None] = {}
        self.users: dict[str, frozenset[Permission] | None] = {}
        self.actors: dict[tuple[str, str], Actor | None] = {}
        self.products: dict[str, bool] = {}
        self.lines = LineChanges(self.product_exists)
        self.inventory = InventoryChanges(conn, now)
        self.lab = lab_events.LabChanges(conn, now)
        self.new_counts = CountChanges(now)
        self.pins = PinChanges(conn)
        self.variance = VarianceChanges(now)
        self.resolved: dict[str, set[str]] = {}  # per session, the items this batch's resolutions name
        self.applied: list[WireEvent] = []

    # -- loading ---------------------------------------------------------------------------------------

    def preload(self, events: Iterable[WireEvent], known: Actor | None = None) -> None:
        """Lock and load what the events name. `known`: a user read in this transaction already (the pusher,
        by the token check), whose permissions are not asked again: a push's events are nearly all theirs."""
        events = list(events)
        if known is not None:
            self.users[known.user_id] = known.permissions
        for chunk in chunks(sorted({e.session_id for e in events if e.session_id})):
            rows = self.conn.execute(_SESSIONS, {"ids": chunk}).all()
            grants = history(self.conn, [r.id for r in rows])
            for r in rows:
                count = self.count(r.count_id)
                assert count is not None, f"session {r.id} of unknown count {r.count_id}"
                self.sessions[r.id] = SessionCtx(session_of(r), count, grants[r.id])
        for chunk in chunks(sorted({e.user_id for e in events} - self.users.keys())):
            found = {r.id: permissions_for_roles(r.roles.split(",")) for r in self.conn.execute(_USERS, {"ids": chunk})}
            for user_id in chunk:
                self.users[user_id] = found.get(user_id)
        self.lines.preload(self.conn, events)

    def actor(self, user_id: str, device_id: str) -> Actor | None:
        key = (user_id, device_id)
        if key not in self.actors:
            perms = self.users.get(user_id)
            self.actors[key] = None if perms is None else Actor(user_id, device_id, perms)
        return self.actors[key]

    def count(self, count_id: str) -> Count | None:
        """A stored count, or one this batch creates."""
        if count_id not in self.counts:
            row = self.conn.execute(_COUNT, {"count_id": count_id}).first()
            self.counts[count_id] = count_of(row) if row else None
        return self.counts[count_id]

    def product_exists(self, sku: str) -> bool:
        if sku not in self.products:
            self.products[sku] = self.conn.execute(_PRODUCT, {"sku": sku}).first() is not None
        return self.products[sku]

    # -- deciding --------------------------------------------------------------------------------------

    def decide(
        self, ev: WireEvent, fence: bool = True, pusher: str | None = None, approved_by: Actor | None = None
    ) -> Outcome:
        """The verdict on one event; on "applied" its effect is recorded in this batch for write().

        `pusher`: the user whose sign-in pushed the event (A2: who did what comes from the token); an event
        recorded by anyone else is kept unverified for review. `approved_by`: the supervisor who merges it from
        review; their authority stands for a catalog or count change (an alias proposal, a count the recorder
        may not create). The session rules still judge by the user who recorded the event."""
        try:
            outcome = self._decide(ev, fence, pusher, approved_by)
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

    def _decide(self, ev: WireEvent, fence: bool, pusher: str | None, approved_by: Actor | None) -> Outcome:
        kind = _KINDS.get(ev.kind)
        if kind is None:
            return rejected(f"unknown event kind {ev.kind!r}")
        if pusher is not None and ev.user_id != pusher and not self._taken_from_any_user(ev, kind):
            return Outcome(
                "unverified",
                f"recorded by {ev.user_id}, pushed under {pusher}'s sign-in: a supervisor decides whether it stands",
            )
        actor = self.actor(ev.user_id, ev.device_id)
        if actor is None:
            return rejected(f"unknown user {ev.user_id!r}")
        if ev.session_id is None:
            return self._without_session(ev, kind, actor, approved_by)
        ctx = self.sessions.get(ev.session_id)
        if kind is EventKind.SESSION_CREATED:
            if ctx is not None:
                return rejected(f"session {ev.session_id} exists already")
            return self._create_session(ev, actor, approved_by)
        if kind is EventKind.RECONCILIATION_CREATED:  # the count a station's session belongs to, first
            count = self.lab.reconciliation(ev, actor, self.counts)
            self.counts[count.id] = count
            return APPLIED
        if ctx is None:
            return rejected(f"unknown session {ev.session_id}")
        if fence and kind is not EventKind.LOCK_FORCE_RELEASED:  # stamped with the epoch it makes: recorded below
            reason = ctx.fenced(ev.lock_epoch, ev.device_id)
            if reason is not None:
                return Outcome("fenced", reason)
        return self._apply(ctx, ev, kind, actor, approved_by)

    def _taken_from_any_user(self, ev: WireEvent, kind: EventKind) -> bool:
        """Events whose recorder need not be the pusher: a force-release (stamped with the epoch it makes), and
        a user's first PIN after a supervisor reset theirs on that device (pin_events)."""
        if kind is EventKind.LOCK_FORCE_RELEASED:
            return True
        return kind is EventKind.PIN_SET and self.pins.reset_here(ev)

    def _without_session(self, ev: WireEvent, kind: EventKind, actor: Actor, approved_by: Actor | None) -> Outcome:
        if kind in inventory_events.KINDS:  # lab actions outside any session (services/lab.py allows it)
            require(actor, LAB, "change inventory")
            self.inventory.decide(ev, kind, None)
        elif kind is EventKind.LISTING_CONFIG_CREATED:
            self.lab.listing_config(ev.payload, actor)
        elif kind is EventKind.COUNT_CREATED:
            count = self.new_counts.decide(ev, approved_by or actor, self.count)
            self.counts[count.id] = count
        elif kind is EventKind.PIN_SET:
            self.pins.decide(ev)
        elif kind is EventKind.PIN_CLEARED:
            require(approved_by or actor, SUPERVISE, Action.RESET_PIN)
            self.pins.clear(ev)
        elif kind in variance_events.KINDS:
            self.variance.decide(ev, kind, actor, approved_by, self.count)
        else:
            return rejected("the event names no session")
        return APPLIED

    def _apply(
        self, ctx: SessionCtx, ev: WireEvent, kind: EventKind, actor: Actor, approved_by: Actor | None
    ) -> Outcome:
        # The lease was judged by fencing already; the rules see no lock, only state and permissions.
        count = ctx.count
        if kind in _LINE_RULE:  # nearly every event: scans first, the other kinds below
            ctx.ensure_can_scan(actor, min(ev.wall_time, self.now))
            self.lines.decide(ev, kind, count)
            return APPLIED
        session = ctx.unlocked
        when = min(ev.wall_time, self.now)
        if kind in SESSION_RULES:
            self._session_rule(ctx, kind, actor, when, ev.payload)
        elif kind is EventKind.ALIAS_ADDED:
            rules.require_for_count(count, actor, "add a product alias")
            if not (approved_by or actor).has_any(SUPERVISE):
                # A2: an alias changes the catalog on every device; from a user who may not change the
                # catalog it is a proposal, until a supervisor accepts (merges) or rejects (discards) it.
                code, sku = self.lines.check_alias(ev)
                return Outcome(
                    "proposed",
                    f"proposed alias: code {code} for {sku}, by {ev.user_id}; a supervisor accepts (merge) or "
                    "rejects (discard) it",
                )
            self.lines.decide(ev, kind, count)
        elif kind in inventory_events.KINDS:
            rules.require_for_count(count, actor, "change inventory")
            if count.kind is not CountKind.SCOPED:
                raise InvalidTransition("Inventory actions belong to a reconciliation session.")
            self.inventory.decide(ev, kind, session.id)
        elif kind in (EventKind.CODE_NOTED, EventKind.ITEMS_RESOLVED):
            rules.ensure_can_scan(session, count, actor, when)
            if count.kind is not CountKind.SCOPED:
                raise InvalidTransition("Notes and resolutions belong to a reconciliation session.")
            if kind is EventKind.ITEMS_RESOLVED:
                resolution, barcodes, to = lab_events.check_resolution(ev.payload)
                archived = resolution is Resolution.ARCHIVED
                inventory_events.apply_resolution(self.inventory, barcodes, archived, to)
                self.resolved.setdefault(session.id, set()).update(barcodes)
        elif kind is EventKind.LOCK_FORCE_RELEASED:
            return Outcome("recorded", "a force-release made on a device does not move the server's lease")
        else:  # pragma: no cover - every kind is listed
            return rejected(f"event kind {kind.value} cannot be applied")
        return APPLIED

    def _create_session(self, ev: WireEvent, actor: Actor, approved_by: Actor | None) -> Outcome:
        p = ev.payload
        count = self.count(str(p["count_id"]))
        if count is None:
            return rejected(f"unknown count {p['count_id']} (the event that created it is not here, or in review)")
        rules.require_for_count(count, actor, "create a session")
        name = clean(str(p.get("name", ""))).strip()[:256]
        if not name:
            raise InvalidTransition("A session needs a name.")
        targets = variance_events.recount_items(p)
        if targets:  # a directed recount is a supervisor's (S10), as on the device
            require(approved_by or actor, SUPERVISE, Action.CREATE_RECOUNT)
        session = Session(
            id=str(ev.session_id),
            count_id=count.id,
            name=name,
            area=clean(str(p.get("area", ""))).strip()[:512],
            state=SessionState.NOT_STARTED,
            # The default session of a count made on a device comes as the count's first session_created.
            is_default=bool(p.get("is_default", False)) and not self._has_default(count.id),
            created_at=min(ev.wall_time, self.now),
            created_by=ev.user_id,
        )
        self.sessions[session.id] = SessionCtx(session, count, [], new=True, dirty=True)
        if targets:
            self.variance.targets[session.id] = targets
        return APPLIED

    def _has_default(self, count_id: str) -> bool:
        if any(c.session.count_id == count_id and c.session.is_default for c in self.sessions.values()):
            return True
        found = self.conn.execute(
            select(t.sessions.c.id).where(t.sessions.c.count_id == count_id, t.sessions.c.is_default.is_(True))
        ).first()
        return found is not None

    def _session_rule(self, ctx: SessionCtx, kind: EventKind, actor: Actor, when: datetime, p: dict[str, Any]) -> None:
        session, count = ctx.unlocked, ctx.count
        if kind is EventKind.SESSION_STARTED:
            after = rules.start(session, count, actor, when)
        elif kind is EventKind.SESSION_EDITED:
            name = clean(str(p.get("name", session.name)))[:256]
            area = clean(str(p.get("area", session.area)))[:512]
            after = rules.edit(session, count, actor, when, name, area)
        elif kind is EventKind.SESSION_SUBMITTED:
            unmatched = self.lines.unmatched(self.conn, session.id)
            confirmed = bool(p.get("confirmed_uncounted_zero", False))
            after = rules.submit(session, count, actor, when, unmatched, confirmed)
        elif kind is EventKind.SESSION_REOPENED:
            after = rules.reopen(session, count, actor, when)
        elif kind is EventKind.SESSION_DISCARDED:
            after = rules.discard(session, count, actor, when)
        else:
            after = rules.end_scoped(session, count, actor, when)
            found = self.lines.found(self.conn, session.id)
            left = lab_events.unresolved(self.conn, count.id, session.id, found, set(self.resolved.get(session.id, ())))
            if left:  # L9, as the device checks it: a station that skipped it ends nothing
                shown = ", ".join(left[:3]) + (", …" if len(left) > 3 else "")
                raise InvalidTransition(
                    f"{len(left)} expected item(s) nobody found have no resolution yet ({shown}): resolve them "
                    "before ending the session"
                )
        clears = kind in ENDS_LEASE
        if clears and ctx.session.lock is not None:
            ctx.release_lease = True
        ctx.set(replace(after, lock=None if clears else ctx.session.lock, epoch=ctx.session.epoch))
        ctx.dirty = True

    # -- writing ---------------------------------------------------------------------------------------

    def write(self, tx: Tx, publish_event: Callable[[WireEvent], None]) -> None:
        """Listing configs and reconciliation counts, counts made on devices, sessions, lines, then the applied
        events (published), aliases and lab changes."""
        self.lab.write(tx)
        self.new_counts.write(tx)
        self._write_sessions(tx)
        self.lines.write_lines(tx)
        self.variance.write(tx)
        for ev in self.applied:
            if ev.kind not in UNPUBLISHED:
                publish_event(ev)
        self.lines.write_aliases(tx)
        self.inventory.write(tx)
        self.pins.write(tx)

    def session_views(self) -> list[dict[str, Any]]:
        """Every session the batch named, as it is after the batch (what the pushing device takes back)."""
        return [session_view(ctx.session) for ctx in self.sessions.values()]

    def _write_sessions(self, tx: Tx) -> None:
        conn = tx.conn
        # A recount session's targets go with every state of it that devices pull ("recount_items").
        targets = targets_of(conn, [c.session.id for c in self.sessions.values() if c.dirty and not c.new])
        targets.update(self.variance.targets)
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
                tx.publish("session", ctx.session.id, with_targets(session_view(ctx.session), targets))


def with_targets(view: dict[str, Any], targets: dict[str, list[str]]) -> dict[str, Any]:
    """A session's published state, with the items it recounts when it is a recount session."""
    items = targets.get(view["id"])
    return {**view, "recount_items": items} if items else view


__all__ = ["APPLIED", "Batch", "Outcome"]
