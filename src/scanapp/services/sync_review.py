"""This device's events the sync server stored but did not apply (fenced: written under a lease that was
lost; refused by a rule) leave the device's totals and wait, marked, for a supervisor's review (S3). Before,
the old holder of a force-released session kept showing units the server never counted.

The client keeps the server's verdicts in the settings (sync.in_review: event id -> reason); `mark_in_review`
brings the projections in line with them, once per event (the mark and the change commit together, so a
crash between the push and the marking is made up at the next round). Each event's effect is undone newest
first, which is what a fold of the journal without those events gives (`Counting.rebuild` reads the same
marks): a scan or hand count stays in the list, marked, in no total; a removal or match is undone; an alias
is dropped; a supervisor's decision or threshold is taken out of the count's. Session and lab events are only
marked: their state comes from the server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache

from scanapp.domain.classification import Category
from scanapp.domain.clock import Clock
from scanapp.domain.counts import Count, CountKind
from scanapp.domain.errors import DomainError
from scanapp.domain.journal import LINE_KINDS, Event, EventKind
from scanapp.domain.tally import Line
from scanapp.services import supervision_projection
from scanapp.store import reviews
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

# Events undone per write transaction: each is a few statements, so a batch stays within a few ms and a
# scan arriving meanwhile never waits long for the write lock (DESIGN rule 13).
BATCH = 20


def mark_in_review(store: Store, verdicts: Mapping[str, str], clock: Clock) -> set[str]:
    """Take every event in `verdicts` (id -> the server's reason) not marked yet out of the totals; returns
    the sessions whose lines changed. Events that are not this device's are ignored."""
    if not verdicts:
        return set()
    with store.read() as conn:  # the lookups need no write lock
        todo = reviews.unmarked(conn, verdicts)
        events = reviews.own_events(conn, store.device_id, todo) if todo else []
    changed: set[str] = set()
    newest_first = list(reversed(events))
    at = clock.now().isoformat()
    for start in range(0, len(newest_first), BATCH):
        with SqlUnitOfWork(store) as uow:
            for event in newest_first[start : start + BATCH]:
                if uow.reviews.mark(event, str(verdicts[event.id]), at) and _undo(uow, event, verdicts[event.id]):
                    changed.add(str(event.session_id))
            uow.commit()
    if events:
        log.info("%d events of this device wait in supervisor review", len(events))
    return changed


def _undo(uow: SqlUnitOfWork, event: Event, reason: str) -> bool:
    """Undo one event's effect on the lines; True if a line changed."""
    if event.kind in supervision_projection.DECISION_KINDS:  # the count's decisions folded again without it
        try:
            supervision_projection.rebuild(uow, str(event.payload["count_id"]))
        except (KeyError, TypeError, ValueError) as err:
            log.warning("event %s in review could not be taken out (%r)", event.id, err)
        return False
    if event.session_id is None:
        return False
    try:
        count = uow.counts.get(uow.sessions.get(event.session_id).count_id)
        if event.kind in LINE_KINDS:
            return _change(uow, count, uow.lines.get(event.id), lambda ln: replace(ln, review=reason))
        if event.kind is EventKind.LINE_REMOVED:
            line = uow.lines.get(str(event.payload["line_id"]))
            return line.removed and _change(uow, count, line, lambda ln: replace(ln, removed=False))
        if event.kind is EventKind.LINE_MATCHED:
            line = uow.lines.get(str(event.payload["line_id"]))
            if line.item_key != event.payload.get("item_key") or line.category is Category.UNMATCHED:
                return False
            return _change(uow, count, line, lambda ln: replace(ln, item_key=None, category=Category.UNMATCHED))
        if event.kind is EventKind.ALIAS_ADDED:
            uow.reviews.drop_alias(str(event.payload["code"]), str(event.payload["sku"]))
    except DomainError as err:  # the line was never projected here (the store was rebuilt, say): the mark stays
        log.warning("event %s in review: its effect was not found to undo (%s)", event.id, err)
    except (KeyError, TypeError) as err:
        log.warning("event %s in review has a payload this version cannot read (%r)", event.id, err)
    return False


def _change(uow: SqlUnitOfWork, count: Count, before: Line, change: Callable[[Line], Line]) -> bool:
    @cache
    def expected(item_key: str | None) -> bool:
        return item_key is not None and count.kind is not CountKind.HARD and uow.counts.is_expected(count.id, item_key)

    after = change(before)
    if after == before:
        return False
    uow.lines.replace(before, after, expected(before.item_key), expected(after.item_key))
    return True
