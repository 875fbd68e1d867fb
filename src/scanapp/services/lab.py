"""Lab inventory reconciliation (second seed): sessions scoped by a listing config, scans tagged In Scope / Not
in Scope / Wrong location at the location scanned before them, notes on unknown codes, a resolution for every
expected item nobody found, and the end, by the user who started the session only.

A reconciliation is a scoped count with one session. Its scope is frozen when it starts (B6): the listing
config is evaluated over the lab's inventory once, and that set, with where each item was, is the session's
expected set. The inventory actions (move, split, set, archive) are in lab_actions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from scanapp.domain import counts as rules
from scanapp.domain import lab as lab_rules
from scanapp.domain.barcodes import BarcodeError, decode
from scanapp.domain.catalog import InventoryItem, InventoryStatus, ListingConfig
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import EventKind, new_event_id
from scanapp.domain.lab import Location, Resolution, Tag
from scanapp.domain.messages import Message, Said
from scanapp.domain.permissions import LAB, Actor, require
from scanapp.services import lab_projection
from scanapp.services.lab_actions import InventoryActions
from scanapp.services.projection import project
from scanapp.store.uow import SqlUnitOfWork

ScanKind = Literal["item", "unknown", "rejected", "location"]
MAX_NOTE = 500


@dataclass(frozen=True)
class LabScan:
    """What one scan became, returned only after it was durably recorded (a location sets "here" and records
    nothing)."""

    kind: ScanKind
    message: str
    code: str = ""
    ordinal: int = 0
    tag: Tag | None = None
    item: InventoryItem | None = None
    location: Location | None = None
    said: Said | None = None
    """`message` by id, for the screens to translate."""

    @property
    def status(self) -> str:
        """The feedback (H5): accepted (In Scope, a location), unmatched (amber: wrong location, not in scope,
        unknown), rejected (unreadable)."""
        if self.kind == "rejected":
            return "rejected"
        if self.kind == "location" or self.tag is Tag.IN_SCOPE:
            return "accepted"
        return "unmatched"


class Reconciliation(InventoryActions):
    def create_listing_config(
        self, actor: Actor, name: str, filters: dict[str, list[str]], columns: tuple[str, ...] | None = None
    ) -> ListingConfig:
        require(actor, LAB, "create a listing config")
        if not name.strip():
            raise InvalidTransition(Message.LISTING_CONFIG_NAME_NEEDED)
        unknown = set(filters) - set(ListingConfig.FILTERABLE)
        if unknown:
            raise InvalidTransition(
                Message.LISTING_CONFIG_BAD_FILTER,
                unknown=", ".join(sorted(unknown)),
                known=", ".join(ListingConfig.FILTERABLE),
            )
        if columns is not None and not columns:
            raise InvalidTransition(Message.LISTING_CONFIG_NO_COLUMN)
        config = ListingConfig(
            id=new_event_id(),
            name=name.strip(),
            filters=tuple((k, tuple(v)) for k, v in sorted(filters.items())),
            **({"columns": tuple(columns)} if columns else {}),
        )
        with self._uow() as uow:
            event = self.counting.record_event(uow, actor, EventKind.LISTING_CONFIG_CREATED, None, _config_json(config))
            lab_projection.apply(uow, event)
            uow.commit()
        return config

    def start(self, actor: Actor, name: str, lab: str, listing_config_id: str) -> tuple[Count, Session]:
        """Start a reconciliation session now, in one transaction: the count with its frozen scope, its session,
        started by this user (L1). No lock: every bench station of the lab may scan into it."""
        require(actor, LAB, "start a reconciliation session")
        name, lab = name.strip(), lab.strip()
        if not name:
            raise InvalidTransition(Message.LAB_SESSION_NAME_NEEDED)
        if not lab:
            raise InvalidTransition(Message.LAB_CHOOSE_LAB)
        now = self.clock.now()
        with self._uow() as uow:
            config = uow.catalog.listing_config(listing_config_id)
            scope = uow.lab.scope_for((*config.filters, ("lab", (lab,))))
            count = Count(new_event_id(), name, CountKind.SCOPED, now, now, actor.user_id, lab, config.id, len(scope))
            session = Session(new_event_id(), count.id, name, lab, SessionState.NOT_STARTED, True, now, actor.user_id)
            created = self.counting.record_event(
                uow,
                actor,
                EventKind.RECONCILIATION_CREATED,
                session,
                {
                    "count_id": count.id,
                    "name": name,
                    "lab": lab,
                    "listing_config_id": config.id,
                    "listing_config": _config_json(config),
                    "scope": [list(pair) for pair in scope],
                },
            )
            uow.counts.add(count, [(barcode, 1.0) for barcode, _ in scope])
            uow.sessions.add(session)
            lab_projection.apply(uow, created)
            self.counting.record_event(
                uow,
                actor,
                EventKind.SESSION_CREATED,
                session,
                {"count_id": count.id, "name": name, "area": lab, "is_default": True},
            )
            started = rules.start(session, count, actor, now)
            uow.sessions.save(started)
            self.counting.record_event(uow, actor, EventKind.SESSION_STARTED, started, {})
            uow.commit()
        return count, started

    def scan(
        self, actor: Actor, session_id: str, raw: str, source: str, manual: bool = False, here: Location | None = None
    ) -> LabScan:
        """One scan at the bench: a location label sets where the next items are found (nothing recorded); an
        item is recorded with where it was found and tagged; an unknown code is kept (L12); an unreadable
        one is recorded as rejected."""
        try:
            code = decode(raw).code
        except BarcodeError as err:
            outcome = self.counting.record_rejected(actor, session_id, raw, err.reason, source, manual)
            return LabScan("rejected", outcome.message, raw, outcome.ordinal, said=outcome.said)
        location = lab_rules.parse_location(code)
        with self._uow() as uow:
            session, count = self._open(uow, actor, session_id)
            if location is not None:
                if location.lab != count.lab:
                    raise InvalidTransition(
                        Message.LAB_PLACE_OF_OTHER_LAB, code=code, place_lab=location.lab, lab=count.lab
                    )
                said = Said.of(Message.LAB_HERE, place=location.name)
                return LabScan("location", said.english, code, location=location, said=said)
            item = uow.catalog.inventory_item(code)
            payload = {
                "raw": raw,
                "code": code,
                "item_key": item.barcode if item else None,
                "source": source,
                "manual": manual,
                "location": here.name if here else None,
                "recorded_location": item.location if item else None,
            }
            event = self.counting.record_event(uow, actor, EventKind.SCAN_RECORDED, session, payload)
            line = project(uow, event, count)
            in_scope = item is not None and uow.counts.is_expected(count.id, item.barcode)
            uow.commit()
        assert line is not None
        if item is None:
            said = Said.of(Message.LAB_UNKNOWN, code=code)
            return LabScan("unknown", said.english, code, line.ordinal, said=said)
        found = lab_rules.tag(in_scope, here.name if here else None, item.location)
        said = _scan_said(found, item, count, here)
        return LabScan("item", said.english, code, line.ordinal, found, item, said=said)

    def note_code(self, actor: Actor, session_id: str, code: str, note: str) -> None:
        """Keep a note on an unknown code (L12); an empty note takes it away. The code's scans stay."""
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise InvalidTransition(Message.LAB_NOTE_TOO_LONG, most=MAX_NOTE, length=len(note))
        with self._uow() as uow:
            session, _count = self._open(uow, actor, session_id)
            if (
                uow.lab.one(
                    "SELECT 1 FROM scan_lines WHERE session_id = ? AND code = ? AND item_key IS NULL AND kind = 'scan'",
                    (session_id, code),
                )
                is None
            ):
                raise NotFound(Message.LAB_NOT_UNKNOWN_CODE, code=code)
            event = self.counting.record_event(uow, actor, EventKind.CODE_NOTED, session, {"code": code, "note": note})
            lab_projection.apply(uow, event)
            uow.commit()

    def resolve(
        self,
        actor: Actor,
        session_id: str,
        barcodes: list[str],
        resolution: Resolution,
        to: str | None = None,
        note: str = "",
    ) -> int:
        """Resolve expected items nobody found (L9), in one event: still missing, archived (the item is archived),
        moved elsewhere (the item is moved `to`), not applicable. Each is written to the item's history."""
        barcodes = list(dict.fromkeys(barcodes))
        if not barcodes:
            raise InvalidTransition(Message.LAB_CHOOSE_ITEMS)
        with self._uow() as uow:
            session, count = self._open(uow, actor, session_id)
            outside = sorted(set(barcodes) - uow.lab.in_scope(count.id, barcodes))
            if outside:
                raise InvalidTransition(Message.LAB_NOT_IN_LISTING, items=_few(outside))
            found = sorted(uow.lab.scanned(session.id, barcodes))
            if found:
                raise InvalidTransition(Message.LAB_FOUND_NOT_RESOLVED, items=_few(found))
            payload: dict[str, object] = {"resolution": resolution.value, "barcodes": barcodes}
            if resolution is Resolution.MOVED:
                place = (to or "").strip()
                if not place:
                    raise InvalidTransition(Message.LAB_SAY_WHERE_MOVED)
                payload["to"] = place
            if note.strip():
                payload["note"] = note.strip()[:MAX_NOTE]
            items = [self._item(uow, b) for b in barcodes]
            event = self.counting.record_event(uow, actor, EventKind.ITEMS_RESOLVED, session, payload)
            for item in items:
                if resolution is Resolution.ARCHIVED and item.status != InventoryStatus.ARCHIVED:
                    uow.catalog.save_inventory(replace(item, status=InventoryStatus.ARCHIVED.value))
                elif resolution is Resolution.MOVED:
                    uow.catalog.save_inventory(replace(item, location=str(payload["to"])))
            lab_projection.apply(uow, event)
            uow.commit()
        return len(barcodes)

    def end(self, actor: Actor, session_id: str) -> Session:
        """Only the user who started the session can end it (L6), and only once every expected item nobody found
        has a resolution (L9); ending sets the end time."""
        with self._uow() as uow:
            session = uow.sessions.get(session_id)
            count = uow.counts.get(session.count_id)
            if count.kind is not CountKind.SCOPED:
                raise InvalidTransition(Message.LAB_ONLY_RECONCILIATION_ENDS)
            ended = rules.end_scoped(session, count, actor, self.clock.now())
            left = uow.lab.unresolved(session_id)
            if left > 0:
                raise InvalidTransition(Message.LAB_UNRESOLVED_ONE if left == 1 else Message.LAB_UNRESOLVED, left=left)
            uow.sessions.save(ended)
            self.counting.record_event(uow, actor, EventKind.SESSION_ENDED, ended, {})
            uow.commit()
        return ended

    def _open(self, uow: SqlUnitOfWork, actor: Actor, session_id: str) -> tuple[Session, Count]:
        session = uow.sessions.get(session_id)
        count = uow.counts.get(session.count_id)
        if count.kind is not CountKind.SCOPED:
            raise InvalidTransition(Message.LAB_COUNT_SESSION)
        rules.ensure_can_scan(session, count, actor, self.clock.now())
        return session, count


def _scan_said(found: Tag, item: InventoryItem, count: Count, here: Location | None) -> Said:
    what = f"{item.barcode} {item.ingredient}"
    if found is Tag.IN_SCOPE:
        return Said.of(Message.LAB_IN_SCOPE if here else Message.LAB_IN_SCOPE_NOWHERE, item=what)
    if found is Tag.WRONG_LOCATION:
        found_at = here.name if here else "?"
        return Said.of(Message.LAB_WRONG_LOCATION, item=what, recorded=item.location, found=found_at)
    if item.lab != count.lab:
        return Said.of(Message.LAB_OTHER_LAB, item=what, item_lab=item.lab, lab=count.lab)
    if item.status == InventoryStatus.ARCHIVED:
        return Said.of(Message.LAB_ARCHIVED, item=what)
    return Said.of(Message.LAB_NOT_LISTED, item=what)


def _config_json(config: ListingConfig) -> dict[str, object]:
    return {
        "id": config.id,
        "name": config.name,
        "columns": list(config.columns),
        "filters": {k: list(v) for k, v in config.filters},
    }


def _few(barcodes: list[str]) -> str:
    """The first few barcodes, the same in every language."""
    return ", ".join(barcodes[:3]) + (", …" if len(barcodes) > 3 else "")
