"""Counting use-cases. Each runs in one unit of work: domain rules decide, the journal records, the
projections follow, and only a committed transaction is reported back as done."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from scanapp.domain import counts as rules
from scanapp.domain.classification import Category
from scanapp.domain.clock import Clock, SystemClock
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import EventKind, new_event_id
from scanapp.domain.messages import Action, Message
from scanapp.domain.permissions import LAB, SUPERVISE, Actor, require
from scanapp.services.ports import UnitOfWork
from scanapp.services.projection import project
from scanapp.services.refusals import RefusedScans
from scanapp.services.scans import ScanOutcome, ScanRecording, ScanStatus

__all__ = ["Counting", "ScanOutcome", "ScanStatus"]


class Counting(ScanRecording):
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock | None = None) -> None:
        self.uow_factory = uow_factory
        self.clock = clock or SystemClock()
        self.refusals = RefusedScans(uow_factory, self.clock)
        """The scans nothing could take: kept on this device with why, counted nowhere."""

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
            Action.START_RECONCILIATION if kind is CountKind.SCOPED else Action.CREATE_COUNT,
        )
        name = name.strip()
        if not name:
            raise InvalidTransition(Message.COUNT_NAME_NEEDED)
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
            raise InvalidTransition(Message.HARD_COUNT_NO_LIST)
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
            rules.require_for_count(count, actor, Action.CREATE_SESSION)
            if not name.strip():
                raise InvalidTransition(Message.SESSION_NAME_NEEDED)
            session = self._add_session(uow, actor, count, name.strip(), area.strip(), is_default=False)
            uow.commit()
        return session

    def _add_session(
        self, uow: UnitOfWork, actor: Actor, count: Count, name: str, area: str, is_default: bool
    ) -> Session:
        return self.add_session(uow, actor, count, name, area, is_default)

    def add_session(
        self,
        uow: UnitOfWork,
        actor: Actor,
        count: Count,
        name: str,
        area: str,
        is_default: bool,
        recount_items: Sequence[str] = (),
    ) -> Session:
        """A new session in the caller's unit of work, journalled. `recount_items`: a directed recount of
        those items (S10; services.supervision checks who may), recorded in its session_created event."""
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
        payload: dict[str, Any] = {"count_id": count.id, "name": name, "area": area, "is_default": is_default}
        if recount_items:
            payload["recount_items"] = list(recount_items)
        self.record_event(uow, actor, EventKind.SESSION_CREATED, session, payload)
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

    # -- lines (scans are recorded by ScanRecording) ---------------------------------------------------

    def remove_line(self, actor: Actor, session_id: str, line_id: str) -> None:
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            line = uow.lines.get(line_id)
            if line.session_id != session_id:
                raise NotFound(Message.LINE_OF_OTHER_SESSION)
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
            raise InvalidTransition(Message.NOTHING_TO_MATCH)
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            if uow.catalog.product(sku) is None:
                raise NotFound(Message.NO_PRODUCT, sku=sku)
            after = None
            for line_id in line_ids:
                if uow.lines.get(line_id).session_id != session_id:
                    raise NotFound(Message.LINE_OF_OTHER_SESSION)
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
                    raise InvalidTransition(Message.QUANTITY_NEGATIVE, sku=sku)
                if uow.catalog.product(sku) is None:
                    raise NotFound(Message.NO_PRODUCT, sku=sku)
                if count.kind is CountKind.DIRECTED and not uow.counts.is_expected(count.id, sku):
                    raise InvalidTransition(Message.NOT_ON_DIRECTED_LIST, sku=sku)
            for sku, qty in items:
                event = self.record_event(
                    uow, actor, EventKind.HAND_COUNTED, session, {"item_key": sku, "qty": int(qty), "code": sku}
                )
                project(uow, event, count)
            uow.commit()
        return sum(q for _, q in items)

    def rebuild(self, session_id: str) -> None:
        """Throw away a session's projections and fold them again from the journal (B1); events the sync
        server sent to review count in nothing, as on the server."""
        with self.uow_factory() as uow:
            session = uow.sessions.get(session_id)
            count = uow.counts.get(session.count_id)
            review = uow.reviews.in_review(session_id)
            uow.lines.clear(session_id)
            for event in list(uow.journal.for_session(session_id)):
                project(uow, event, count, review.get(event.id))
            uow.commit()


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
