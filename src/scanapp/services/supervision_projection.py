"""What the supervisor's events do to the device's tables: a variance decision, a count's threshold, and the
items a recount session targets (session_created with recount_items).

One function for every way an event arrives: recorded here (services.supervision), pulled from another device
(sync.local) or folded again from the journal (`rebuild`). Every write is idempotent and the latest decision
or threshold wins by wall time then event id, so the order events arrive in does not matter.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from scanapp.domain.journal import Event, EventKind
from scanapp.domain.variance import Decision, Threshold, ThresholdKind
from scanapp.store.uow import SqlUnitOfWork

DECISION_KINDS = frozenset({EventKind.VARIANCE_DECIDED, EventKind.VARIANCE_THRESHOLD_SET})
KINDS = DECISION_KINDS | {EventKind.SESSION_CREATED}


def apply(uow: SqlUnitOfWork, event: Event) -> None:
    """Apply one event; ValueError, KeyError or TypeError when its payload is not one this version reads."""
    p = event.payload
    if event.kind is EventKind.VARIANCE_DECIDED:
        decision = Decision(str(p["decision"]))
        counted = p.get("counted")
        expected = p.get("expected")
        uow.supervision.put_decision(
            count_id=str(p["count_id"]),
            item_key=str(p["item_key"]),
            decision=decision.value,
            reason=str(p.get("reason") or ""),
            counted=None if counted is None else int(counted),
            expected=None if expected is None else float(expected),
            decided_by=event.user_id,
            decided_at=at(event.wall_time),
            event_id=event.id,
        )
    elif event.kind is EventKind.VARIANCE_THRESHOLD_SET:
        threshold = Threshold(ThresholdKind(str(p["kind"])), float(p["value"]))
        uow.supervision.put_threshold(
            str(p["count_id"]), threshold.kind.value, threshold.value, event.user_id, at(event.wall_time), event.id
        )
    elif event.kind is EventKind.SESSION_CREATED and event.session_id:
        items = recount_items(p)
        if items:
            uow.supervision.set_targets(event.session_id, items)


def recount_items(data: Mapping[str, Any]) -> list[str]:
    """A session_created payload's (or a pulled session's) recount_items; [] for an ordinary session."""
    items = data.get("recount_items") or []
    if not isinstance(items, (list, tuple)):
        raise TypeError("recount_items is a list of item keys")
    return [str(k) for k in items]


def rebuild(uow: SqlUnitOfWork, count_id: str) -> None:
    """Fold a count's decisions and threshold, and its sessions' targets, again from the journal (B1); events
    the sync server sent to review (not applied there) are left out, as on the server."""
    uow.supervision.clear_count(count_id)
    kinds = tuple(k.value for k in sorted(DECISION_KINDS))
    rows = uow.supervision.cur.execute(
        "SELECT local_id FROM events WHERE kind IN (?, ?)"
        " AND id NOT IN (SELECT event_id FROM event_reviews) ORDER BY local_id",
        kinds,
    ).fetchall()
    for event in uow.journal.by_local_ids([int(r[0]) for r in rows]):
        if str(event.payload.get("count_id")) == count_id:
            apply(uow, event)
    for session in uow.sessions.for_count(count_id):
        for event in uow.journal.for_session(session.id):
            if event.kind is EventKind.SESSION_CREATED:
                apply(uow, event)


def at(when: datetime) -> str:
    """A wall time as stored for ordering: UTC, ISO."""
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
