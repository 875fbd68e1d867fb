"""Applies one journal event to a session's projections. The write path and the rebuild from the
journal both come through here, so they cannot drift apart."""

from __future__ import annotations

from scanapp.domain.counts import Count, CountKind
from scanapp.domain.journal import LINE_KINDS, Event, EventKind
from scanapp.domain.tally import Line, line_from_event, matched, removed
from scanapp.services.ports import UnitOfWork

# The event kinds `project` changes something for; any other kind it leaves alone.
PROJECTED = LINE_KINDS | {EventKind.LINE_REMOVED, EventKind.LINE_MATCHED, EventKind.ALIAS_ADDED}


def project(uow: UnitOfWork, event: Event, count: Count) -> Line | None:
    def expected(item_key: str | None) -> bool:
        if item_key is None or count.kind is CountKind.HARD:
            return False
        return uow.counts.is_expected(count.id, item_key)

    if event.kind in LINE_KINDS:
        listed = expected(event.payload.get("item_key"))
        line = line_from_event(event, 0, count.kind, lambda _key: listed)
        return uow.lines.add(line, listed)
    if event.kind is EventKind.LINE_REMOVED:
        before = uow.lines.get(str(event.payload["line_id"]))
        after = removed(before)
    elif event.kind is EventKind.LINE_MATCHED:
        before = uow.lines.get(str(event.payload["line_id"]))
        after = matched(before, str(event.payload["item_key"]), count.kind, expected)
    elif event.kind is EventKind.ALIAS_ADDED:
        uow.catalog.add_code(str(event.payload["code"]), str(event.payload["sku"]), source="alias")
        return None
    else:
        return None
    uow.lines.replace(before, after, expected(before.item_key), expected(after.item_key))
    return after
