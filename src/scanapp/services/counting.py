"""Counting use-cases. Each runs in one unit of work: domain rules decide, the journal records, the
projections follow, and only a committed transaction is reported back as done."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from scanapp.domain import counts as rules
from scanapp.domain.barcodes import Barcode, BarcodeError, decode
from scanapp.domain.classification import Category
from scanapp.domain.clock import Clock, SystemClock
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import Event, EventKind, new_event_id
from scanapp.domain.permissions import LAB, SUPERVISE, Actor, require
from scanapp.services.ports import UnitOfWork
from scanapp.services.projection import project

ScanStatus = Literal["accepted", "unmatched", "rejected"]


@dataclass(frozen=True)
class ScanOutcome:
    """What the scanner feedback shows; returned only after the transaction committed."""

    status: ScanStatus
    line_id: str
    ordinal: int
    message: str
    barcode: Barcode | None = None
    item_key: str | None = None
    category: Category | None = None


class Counting:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock | None = None) -> None:
        self.uow_factory = uow_factory
        self.clock = clock or SystemClock()

    # -- counts and sessions ---------------------------------------------------------------------------

    def create_count(
        self,
        actor: Actor,
        name: str,
        kind: CountKind,
        planned_start: datetime,
        expected: Iterable[tuple[str, float]] = (),
        lab: str | None = None,
        listing_config_id: str | None = None,
        default_area: str = "",
    ) -> tuple[Count, Session]:
        """A count always comes with its default session (seed: "The system automatically creates one
        default session")."""
        require(
            actor,
            LAB if kind is CountKind.SCOPED else SUPERVISE,
            "start a reconciliation session" if kind is CountKind.SCOPED else "create a count",
        )
        name = name.strip()
        if not name:
            raise InvalidTransition("A count needs a name.")
        now = self.clock.now()
        count = Count(
            id=new_event_id(),
            name=name,
            kind=kind,
            planned_start=planned_start,
            created_at=now,
            created_by=actor.user_id,
            lab=lab,
            listing_config_id=listing_config_id,
        )
        expected = list(expected)
        if kind is CountKind.HARD and expected:
            raise InvalidTransition("A hard count has no directed list.")
        with self.uow_factory() as uow:
            uow.counts.add(count, expected)
            # Journalled so sync takes the count to the server (its sessions follow as session_created).
            self.record_event(uow, actor, EventKind.COUNT_CREATED, None, _count_payload(count, expected))
            session = self._add_session(uow, actor, count, "Default session", default_area, is_default=True)
            uow.commit()
        return replace(count, expected_total=len(expected)), session

    def new_session(self, actor: Actor, count_id: str, name: str, area: str) -> Session:
        with self.uow_factory() as uow:
            count = uow.counts.get(count_id)
            rules.require_for_count(count, actor, "create a session")
            if not name.strip():
                raise InvalidTransition("A session needs a name.")
            session = self._add_session(uow, actor, count, name.strip(), area.strip(), is_default=False)
            uow.commit()
        return session

    def _add_session(
        self, uow: UnitOfWork, actor: Actor, count: Count, name: str, area: str, is_default: bool
    ) -> Session:
        session = Session(
            id=new_event_id(),
            count_id=count.id,
            name=name,
            area=area,
            state=SessionState.NOT_STARTED,
            is_default=is_default,
            created_at=self.clock.now(),
            created_by=actor.user_id,
        )
        uow.sessions.add(session)
        self.record_event(
            uow,
            actor,
            EventKind.SESSION_CREATED,
            session,
            {
                "count_id": count.id,
                "name": name,
                "area": area,
                "is_default": is_default,
            },
        )
        return session

    def claim(self, actor: Actor, session_id: str) -> Session:
        return self._change(actor, session_id, None, lambda s, c, now, uow: rules.claim(s, c, actor, now))

    def release(self, actor: Actor, session_id: str) -> Session:
        return self._change(actor, session_id, None, lambda s, c, now, uow: rules.release(s, actor))

    def force_release(self, actor: Actor, session_id: str) -> Session:
        with self.uow_factory() as uow:
            held = uow.sessions.get(session_id).lock
        return self._change(
            actor,
            session_id,
            EventKind.LOCK_FORCE_RELEASED,
            lambda s, c, now, uow: rules.force_release(s, actor),
            {"holder_user": held.user_id if held else None, "holder_device": held.device_id if held else None},
        )

    def start(self, actor: Actor, session_id: str) -> Session:
        def go(s: Session, c: Count, now: datetime, uow: UnitOfWork) -> Session:
            return rules.start(rules.claim(s, c, actor, now), c, actor, now)

        return self._change(actor, session_id, EventKind.SESSION_STARTED, go)

    def edit(self, actor: Actor, session_id: str, name: str, area: str) -> Session:
        return self._change(
            actor,
            session_id,
            EventKind.SESSION_EDITED,
            lambda s, c, now, uow: rules.edit(s, c, actor, now, name, area),
            {"name": name.strip(), "area": area.strip()},
        )

    def discard(self, actor: Actor, session_id: str) -> Session:
        return self._change(
            actor, session_id, EventKind.SESSION_DISCARDED, lambda s, c, now, uow: rules.discard(s, c, actor, now)
        )

    def submit(self, actor: Actor, session_id: str, confirmed_uncounted_zero: bool = False) -> Session:
        return self._change(
            actor,
            session_id,
            EventKind.SESSION_SUBMITTED,
            lambda s, c, now, uow: rules.submit(s, c, actor, now, uow.lines.unmatched(s.id), confirmed_uncounted_zero),
            {"confirmed_uncounted_zero": confirmed_uncounted_zero},
        )

    def reopen(self, actor: Actor, session_id: str) -> Session:
        return self._change(
            actor, session_id, EventKind.SESSION_REOPENED, lambda s, c, now, uow: rules.reopen(s, c, actor, now)
        )

    def end(self, actor: Actor, session_id: str) -> Session:
        return self._change(
            actor, session_id, EventKind.SESSION_ENDED, lambda s, c, now, uow: rules.end_scoped(s, c, actor, now)
        )

    def _change(
        self,
        actor: Actor,
        session_id: str,
        kind: EventKind | None,
        rule: Callable[[Session, Count, datetime, UnitOfWork], Session],
        payload: dict[str, Any] | None = None,
    ) -> Session:
        with self.uow_factory() as uow:
            session = uow.sessions.get(session_id)
            count = uow.counts.get(session.count_id)
            changed = rule(session, count, self.clock.now(), uow)
            if changed != session:
                uow.sessions.save(changed)
                if kind is not None:
                    self.record_event(uow, actor, kind, changed, payload or {})
            uow.commit()
        return changed

    # -- scans -----------------------------------------------------------------------------------------

    def record_scan(self, actor: Actor, session_id: str, raw: str, source: str, manual: bool = False) -> ScanOutcome:
        """Decode, classify and durably record one scan. Bad data is recorded as a rejected scan."""
        try:
            barcode = decode(raw)
        except BarcodeError as err:
            return self.record_rejected(actor, session_id, raw, err.reason, source, manual)
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            if count.kind is CountKind.SCOPED:
                item_key = uow.catalog.inventory_barcode(barcode.code)
            else:
                item_key = uow.catalog.sku_for_code(barcode.code)
            payload: dict[str, Any] = {
                "raw": raw,
                "code": barcode.code,
                "item_key": item_key,
                "source": source,
                "manual": manual,
            }
            for key in ("lot", "serial", "gtin14"):
                if getattr(barcode, key):
                    payload[key] = getattr(barcode, key)
            if barcode.expiry:
                payload["expiry"] = barcode.expiry.isoformat()
            event = self.record_event(uow, actor, EventKind.SCAN_RECORDED, session, payload)
            line = project(uow, event, count)
            uow.commit()
        assert line is not None and line.category is not None
        status: ScanStatus = "unmatched" if line.category is Category.UNMATCHED else "accepted"
        return ScanOutcome(
            status=status,
            line_id=line.event_id,
            ordinal=line.ordinal,
            message=_scan_message(line.category, barcode, item_key),
            barcode=barcode,
            item_key=item_key,
            category=line.category,
        )

    def record_rejected(
        self, actor: Actor, session_id: str, raw: str, reason: str, source: str, manual: bool = False
    ) -> ScanOutcome:
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            event = self.record_event(
                uow,
                actor,
                EventKind.SCAN_REJECTED,
                session,
                {"raw": raw, "reason": reason, "source": source, "manual": manual},
            )
            line = project(uow, event, count)
            uow.commit()
        assert line is not None
        return ScanOutcome(
            status="rejected", line_id=line.event_id, ordinal=line.ordinal, message=f"Rejected: {reason}"
        )

    def remove_line(self, actor: Actor, session_id: str, line_id: str) -> None:
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            line = uow.lines.get(line_id)
            if line.session_id != session_id:
                raise NotFound("That scan belongs to another session.")
            event = self.record_event(uow, actor, EventKind.LINE_REMOVED, session, {"line_id": line_id})
            project(uow, event, count)
            uow.commit()

    def match_line(self, actor: Actor, session_id: str, line_id: str, sku: str, add_alias: bool = False) -> Category:
        """Match an unmatched scan to a product (C8); optionally remember its code as an alias (B2)."""
        return self.match_lines(actor, session_id, [line_id], sku, add_alias)

    def match_lines(
        self, actor: Actor, session_id: str, line_ids: list[str], sku: str, add_alias: bool = False
    ) -> Category:
        """Match every scan of an unknown code to a product in one go (C11): one user action, one transaction,
        one LINE_MATCHED event per line (the journal says what happened to each line; the totals follow from
        it), and the alias, if asked for, once."""
        if not line_ids:
            raise InvalidTransition("There is no unmatched scan to match.")
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            if uow.catalog.product(sku) is None:
                raise NotFound(f"No product with SKU {sku}.")
            after = None
            for line_id in line_ids:
                if uow.lines.get(line_id).session_id != session_id:
                    raise NotFound("That scan belongs to another session.")
                event = self.record_event(
                    uow, actor, EventKind.LINE_MATCHED, session, {"line_id": line_id, "item_key": sku}
                )
                after = project(uow, event, count)
            codes = {uow.lines.get(line_id).code for line_id in line_ids} if add_alias else set()
            for code in sorted(c for c in codes if c):
                alias = self.record_event(uow, actor, EventKind.ALIAS_ADDED, session, {"code": code, "sku": sku})
                project(uow, alias, count)
            uow.commit()
        assert after is not None and after.category is not None
        return after.category

    def add_hand_counted(self, actor: Actor, session_id: str, items: Iterable[tuple[str, int]]) -> int:
        """Save hand-counted items (C9), 0 included (C10). In directed counts only items on the directed list
        are allowed."""
        items = list(items)
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            for sku, qty in items:
                if qty < 0:  # 0 is a count (C10): counted, and none there
                    raise InvalidTransition(f"Quantity for {sku} cannot be negative.")
                if uow.catalog.product(sku) is None:
                    raise NotFound(f"No product with SKU {sku}.")
                if count.kind is CountKind.DIRECTED and not uow.counts.is_expected(count.id, sku):
                    raise InvalidTransition(
                        f"{sku} is not on this count's directed list; hand-counted items can only be added "
                        "for listed products."
                    )
            for sku, qty in items:
                event = self.record_event(
                    uow, actor, EventKind.HAND_COUNTED, session, {"item_key": sku, "qty": int(qty), "code": sku}
                )
                project(uow, event, count)
            uow.commit()
        return sum(q for _, q in items)

    def rebuild(self, session_id: str) -> None:
        """Throw away a session's projections and fold them again from the journal (B1)."""
        with self.uow_factory() as uow:
            session = uow.sessions.get(session_id)
            count = uow.counts.get(session.count_id)
            uow.lines.clear(session_id)
            for event in list(uow.journal.for_session(session_id)):
                project(uow, event, count)
            uow.commit()

    # -- helpers ---------------------------------------------------------------------------------------

    def _scannable(self, uow: UnitOfWork, actor: Actor, session_id: str) -> tuple[Session, Count]:
        session = uow.sessions.get(session_id)
        count = uow.counts.get(session.count_id)
        rules.ensure_can_scan(session, count, actor, self.clock.now())
        return session, count

    def record_event(
        self,
        uow: UnitOfWork,
        actor: Actor,
        kind: EventKind,
        session: Session | None,
        payload: dict[str, Any],
    ) -> Event:
        """Append one event to the journal, stamped with the session's lock epoch (None: no session)."""
        return uow.journal.append(
            Event(
                id=new_event_id(),
                kind=kind,
                device_id=uow.device_id,
                user_id=actor.user_id,
                session_id=session.id if session else None,
                wall_time=self.clock.now(),
                mono_ns=self.clock.mono_ns(),
                payload=payload,
                lock_epoch=session.epoch if session else None,
            )
        )


def _count_payload(count: Count, expected: list[tuple[str, float]]) -> dict[str, Any]:
    return {
        "count_id": count.id,
        "name": count.name,
        "kind": count.kind.value,
        "planned_start": count.planned_start.isoformat(),
        "lab": count.lab,
        "listing_config_id": count.listing_config_id,
        "expected": [{"item_key": key, "expected_qty": qty} for key, qty in expected],
    }


def _scan_message(category: Category, barcode: Barcode, item_key: str | None) -> str:
    if category is Category.UNMATCHED:
        return f"Unmatched: {barcode.code} matches no product"
    return f"{category.value}: {item_key}"
