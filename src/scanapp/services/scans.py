"""Recording scans: decoded, classified, journalled and projected in one unit of work, reported back only after
it committed. Several scans that arrived together (a burst) go in one transaction, `record_scans`: one durable
commit (WAL, synchronous=FULL) for all of them instead of one each, and none of them is shown before it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from scanapp.domain import counts as rules
from scanapp.domain.barcodes import Barcode, BarcodeError, decode
from scanapp.domain.classification import Category
from scanapp.domain.clock import Clock
from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.journal import Event, EventKind, new_event_id
from scanapp.domain.messages import Message, Said
from scanapp.domain.permissions import Actor
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
    name: str | None = None
    """The matched product's name (retail), so the screen shows it without another read."""
    said: Said | None = None
    """`message` by id, for the screens to translate (an accepted scan's they make of category and name)."""


@dataclass(frozen=True)
class ScanInput:
    """One read to record: its cleaned text, where it came from, and why it is rejected (None: decode it)."""

    raw: str
    source: str
    manual: bool = False
    reason: str | None = None


class ScanRecording:
    """The scan use-cases of Counting (which provides the unit of work and the clock)."""

    uow_factory: Callable[[], UnitOfWork]
    clock: Clock

    def record_scan(self, actor: Actor, session_id: str, raw: str, source: str, manual: bool = False) -> ScanOutcome:
        """Decode, classify and durably record one scan. Bad data is recorded as a rejected scan."""
        return self.record_scans(actor, session_id, [ScanInput(raw, source, manual)])[0]

    def record_rejected(
        self, actor: Actor, session_id: str, raw: str, reason: str, source: str, manual: bool = False
    ) -> ScanOutcome:
        return self.record_scans(actor, session_id, [ScanInput(raw, source, manual, reason)])[0]

    def record_scans(self, actor: Actor, session_id: str, scans: Sequence[ScanInput]) -> list[ScanOutcome]:
        """Record scans that arrived together, in order, in one transaction: all of them or, when the session
        cannot take scans (a DomainError) or the store fails, none."""
        with self.uow_factory() as uow:
            session, count = self._scannable(uow, actor, session_id)
            outcomes = [self._record(uow, actor, session, count, scan) for scan in scans]
            uow.commit()
        return outcomes

    def _record(self, uow: UnitOfWork, actor: Actor, session: Session, count: Count, scan: ScanInput) -> ScanOutcome:
        reason = scan.reason
        barcode = None
        if reason is None:
            try:
                barcode = decode(scan.raw)
            except BarcodeError as err:
                reason = err.reason
        if barcode is None:
            payload = {"raw": scan.raw, "reason": reason, "source": scan.source, "manual": scan.manual}
            event = self.record_event(uow, actor, EventKind.SCAN_REJECTED, session, payload)
            line = project(uow, event, count)
            assert line is not None
            rejected = Said.of(Message.SCAN_REJECTED, reason=reason)
            return ScanOutcome("rejected", line.event_id, line.ordinal, rejected.english, said=rejected)
        if count.kind is CountKind.SCOPED:
            item_key = uow.catalog.inventory_barcode(barcode.code)
        else:
            item_key = uow.catalog.sku_for_code(barcode.code)
        event = self.record_event(uow, actor, EventKind.SCAN_RECORDED, session, _payload(scan, barcode, item_key))
        line = project(uow, event, count)
        assert line is not None and line.category is not None
        name = uow.catalog.product_name(item_key) if item_key and count.kind is not CountKind.SCOPED else None
        said = Said.of(Message.SCAN_UNMATCHED, code=barcode.code) if line.category is Category.UNMATCHED else None
        return ScanOutcome(
            status="unmatched" if line.category is Category.UNMATCHED else "accepted",
            line_id=line.event_id,
            ordinal=line.ordinal,
            message=said.english if said else f"{line.category.value}: {item_key}",
            barcode=barcode,
            item_key=item_key,
            category=line.category,
            name=name,
            said=said,
        )

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


def _payload(scan: ScanInput, barcode: Barcode, item_key: str | None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "raw": scan.raw,
        "code": barcode.code,
        "item_key": item_key,
        "source": scan.source,
        "manual": scan.manual,
    }
    for key in ("lot", "serial", "gtin14"):
        if getattr(barcode, key):
            payload[key] = getattr(barcode, key)
    if barcode.expiry:
        payload["expiry"] = barcode.expiry.isoformat()
    return payload
