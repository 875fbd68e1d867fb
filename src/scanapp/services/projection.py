"""The device's side of the one projection rule (domain.projection): its effect on the store's lines,
totals and catalog. The write path, the pull of other devices' events and the rebuild from the journal all
come through here, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from scanapp.domain.counts import Count, CountKind
from scanapp.domain.journal import Event
from scanapp.domain.projection import AliasAdded, LineAdded, LineChanged, effect_of
from scanapp.domain.tally import Line, LineKind
from scanapp.services.ports import UnitOfWork


def project(uow: UnitOfWork, event: Event, count: Count, review: str | None = None) -> Line | None:
    """Apply one event in the caller's unit of work; returns the line it added or changed.

    `review`: the sync server sent this event to a supervisor's review instead of applying it (the reason).
    A line it adds is kept, marked, counting in no total; any other effect is left out, as on the server."""

    @cache  # a scan asks twice (classify, then the totals); one lookup each
    def expected(item_key: str | None) -> bool:
        if item_key is None or count.kind is CountKind.HARD:
            return False
        return uow.counts.is_expected(count.id, item_key)

    effect = effect_of(event, count.kind, uow.lines.get, expected)
    if isinstance(effect, LineAdded):
        line = effect.line if review is None else replace(effect.line, review=review)
        line = uow.lines.add(line, expected(line.item_key))
        if review is None and count.kind is CountKind.SCOPED and line.kind is LineKind.SCAN and line.item_key:
            # Lab: where the item was found (the location scanned before it) and the progress per location.
            location = event.payload.get("location")
            uow.lab.found(line.session_id, count.id, line.item_key, str(location) if location else None, line.ordinal)
        return line
    if review is not None:
        return None
    if isinstance(effect, LineChanged):
        before, after = effect.before, effect.after
        uow.lines.replace(before, after, expected(before.item_key), expected(after.item_key))
        return after
    if isinstance(effect, AliasAdded):
        uow.catalog.add_code(effect.code, effect.sku, source="alias")
    return None
