"""Supervisors' variance decisions and per-count thresholds (variance_decided, variance_threshold_set), and the
items a directed recount session targets (session_created with "recount_items").

Only a supervisor (SUPERVISE, from the token: A2) decides or sets a threshold; an event from anyone else is
refused with a plain reason and waits in the review queue like every refused event. A reason is required to
force or reject (domain.variance.reason_required). Every decision and threshold is audited. Decided in memory,
written in bulk (like apply's other parts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from math import isfinite
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from scanapp.domain.counts import Count, CountKind
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.journal import EventKind
from scanapp.domain.messages import Action
from scanapp.domain.permissions import SUPERVISE, Actor, require
from scanapp.domain.variance import Decision, Threshold, ThresholdKind, reason_required
from scanapp.sync.wire import WireEvent
from scansync import audit
from scansync import tables as t
from scansync.db import Tx, chunks, insert_rows
from scansync.views import clean

KINDS = {EventKind.VARIANCE_DECIDED, EventKind.VARIANCE_THRESHOLD_SET}
MAX_REASON = 2000
MAX_RECOUNT_ITEMS = 100_000


@dataclass(frozen=True)
class DecisionRow:
    count_id: str
    item_key: str
    decision: Decision
    reason: str
    counted: int | None
    expected: float | None
    decided_by: str
    decided_at: datetime
    event_id: str
    device_id: str | None

    def values(self) -> dict[str, Any]:
        return {
            "count_id": self.count_id,
            "item_key": self.item_key,
            "decision": self.decision.value,
            "reason": self.reason,
            "counted": self.counted,
            "expected": self.expected,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
            "event_id": self.event_id,
        }


@dataclass(frozen=True)
class ThresholdRow:
    count_id: str
    threshold: Threshold
    set_by: str
    set_at: datetime
    event_id: str
    device_id: str | None


def check_decision(p: dict[str, Any], known: Callable[[str], Count | None]) -> tuple[Count, str, Decision, str]:
    count = _retail_count(p, known)
    item_key = clean(str(p["item_key"])).strip()[:128]
    if not item_key:
        raise InvalidTransition("A variance decision names no item.")
    decision = Decision(str(p["decision"]))
    reason = clean(str(p.get("reason") or "")).strip()[:MAX_REASON]
    if reason_required(decision) and not reason:
        raise InvalidTransition(
            f"A reason is required to {'force' if decision is Decision.FORCED else 'reject'} a variance."
        )
    return count, item_key, decision, reason


def check_threshold(p: dict[str, Any], known: Callable[[str], Count | None]) -> tuple[Count, Threshold]:
    count = _retail_count(p, known)
    value = float(p["value"])
    if not isfinite(value):
        raise InvalidTransition("A variance threshold is a finite number.")
    return count, Threshold(ThresholdKind(str(p["kind"])), value)


def _retail_count(p: dict[str, Any], known: Callable[[str], Count | None]) -> Count:
    count = known(str(p["count_id"]))
    if count is None:
        raise InvalidTransition(f"Unknown count {p['count_id']}.")
    if count.kind is CountKind.SCOPED:
        raise InvalidTransition("Variance decisions and thresholds belong to retail counts.")
    return count


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTransition("A variance decision's count is a whole number or null.")
    return value


def _float_or_none(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not isfinite(value):
        raise InvalidTransition("A variance decision's expected quantity is a number or null.")
    return float(value)


def recount_items(p: dict[str, Any]) -> list[str]:
    """The items a session_created names to recount ([] for an ordinary session)."""
    items = p.get("recount_items") or []
    if not isinstance(items, list):
        raise InvalidTransition("recount_items is not a list.")
    if len(items) > MAX_RECOUNT_ITEMS:
        raise InvalidTransition(f"A recount names at most {MAX_RECOUNT_ITEMS:,} items.")
    keys = [clean(str(k)).strip()[:128] for k in items]
    if not all(keys):
        raise InvalidTransition("A recount item has an empty key.")
    return list(dict.fromkeys(keys))


class VarianceChanges:
    """The decisions, thresholds and recount targets a batch records."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.decisions: list[DecisionRow] = []
        self.thresholds: list[ThresholdRow] = []
        self.targets: dict[str, list[str]] = {}

    def decide(
        self,
        ev: WireEvent,
        kind: EventKind,
        actor: Actor,
        approved_by: Actor | None,
        known: Callable[[str], Count | None],
    ) -> None:
        """Record the event's effect, or raise a DomainError (nothing recorded). `approved_by`: the supervisor
        merging it from review, whose authority stands for it."""
        by = approved_by or actor
        when = min(ev.wall_time, self.now)
        if kind is EventKind.VARIANCE_DECIDED:
            require(by, SUPERVISE, Action.DECIDE_VARIANCE)
            count, item_key, decision, reason = check_decision(ev.payload, known)
            self.decisions.append(
                DecisionRow(
                    count.id,
                    item_key,
                    decision,
                    reason,
                    _int_or_none(ev.payload.get("counted")),
                    _float_or_none(ev.payload.get("expected")),
                    by.user_id,
                    when,
                    ev.id,
                    ev.device_id,
                )
            )
        else:
            require(by, SUPERVISE, Action.SET_THRESHOLD)
            count, threshold = check_threshold(ev.payload, known)
            self.thresholds.append(ThresholdRow(count.id, threshold, by.user_id, when, ev.id, ev.device_id))

    def write(self, tx: Tx) -> None:
        conn = tx.conn
        insert_rows(conn, t.variance_decisions, [d.values() for d in self.decisions])
        for d in self.decisions:
            audit_decision(conn, self.now, d)
        for th in self.thresholds:
            store_threshold(conn, th)
            audit.record(
                conn,
                self.now,
                th.set_by,
                th.device_id,
                "variance_threshold_set",
                th.count_id,
                kind=th.threshold.kind.value,
                value=th.threshold.value,
                event_id=th.event_id,
            )
        rows = [{"session_id": sid, "item_key": k} for sid, keys in self.targets.items() for k in keys]
        insert_rows(conn, t.session_targets, rows)


def audit_decision(conn: Connection, now: datetime, d: DecisionRow) -> None:
    audit.record(
        conn,
        now,
        d.decided_by,
        d.device_id,
        "variance_decided",
        f"{d.count_id}/{d.item_key}",
        decision=d.decision.value,
        reason=d.reason,
        counted=d.counted,
        expected=d.expected,
        event_id=d.event_id,
    )


def store_threshold(conn: Connection, th: ThresholdRow) -> None:
    """The count's threshold, unless a later one is stored already (the latest set wins, as for decisions)."""
    stored = conn.execute(
        select(t.count_thresholds.c.set_at).where(t.count_thresholds.c.count_id == th.count_id)
    ).first()
    if stored is not None and stored.set_at > th.set_at:
        return
    conn.execute(delete(t.count_thresholds).where(t.count_thresholds.c.count_id == th.count_id))
    conn.execute(
        insert(t.count_thresholds).values(
            count_id=th.count_id,
            kind=th.threshold.kind.value,
            value=th.threshold.value,
            set_by=th.set_by,
            set_at=th.set_at,
        )
    )


def targets_of(conn: Connection, session_ids: list[str]) -> dict[str, list[str]]:
    """Recount targets of these sessions (only those that have any)."""
    out: dict[str, list[str]] = {}
    for chunk in chunks(session_ids):
        rows = conn.execute(
            select(t.session_targets.c.session_id, t.session_targets.c.item_key)
            .where(t.session_targets.c.session_id.in_(chunk))
            .order_by(t.session_targets.c.session_id, t.session_targets.c.item_key)
        )
        for r in rows:
            out.setdefault(r.session_id, []).append(r.item_key)
    return out
