"""The supervisor's writes (S8, S10): decide an item's variance, set a count's threshold or the device default,
create a directed recount session, export a count. Each is journalled like any other change (so it works
offline and sync pushes it; the server checks the user again, A2), projected in the same unit of work, and
refused with PermissionDenied, writing nothing, unless the actor may supervise."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from scanapp.domain.clock import Clock
from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.errors import InvalidTransition, NotFound
from scanapp.domain.journal import EventKind
from scanapp.domain.messages import Action, Message
from scanapp.domain.permissions import SUPERVISE, Actor, require
from scanapp.domain.variance import Decision, Threshold, ThresholdKind, VarianceLine, reason_required
from scanapp.services import supervision_projection
from scanapp.services.counting import Counting
from scanapp.services.supervisor_reads import DEFAULT_THRESHOLD_KEY, SupervisorReads, line_of
from scanapp.store.uow import SqlUnitOfWork

ExportFormat = Literal["csv", "pdf", "json"]


class Supervision:
    def __init__(
        self,
        uow_factory: Callable[[], SqlUnitOfWork],
        clock: Clock,
        reads: SupervisorReads | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.counting = Counting(uow_factory, clock)
        self.reads = reads or SupervisorReads(uow_factory, clock)

    def decide(self, actor: Actor, count_id: str, item_key: str, decision: Decision, reason: str) -> VarianceLine:
        """Approve, reject (to recount) or force an item's variance as it is counted now; returns its line with
        the decision. Rejecting and forcing need a reason."""
        require(actor, SUPERVISE, Action.DECIDE_VARIANCE)
        decision = Decision(decision)
        reason = reason.strip()
        if reason_required(decision) and not reason:
            raise InvalidTransition(Message.VARIANCE_REASON_NEEDED)
        with self.uow_factory() as uow:
            self._retail(uow, count_id)
            line = line_of(uow.connection, count_id, item_key)
            if line is None:
                raise NotFound(Message.VARIANCE_NO_ITEM, item=item_key)
            if line.counted is None:
                raise InvalidTransition(Message.VARIANCE_NOT_COUNTED, item=item_key)
            payload = {
                "count_id": count_id,
                "item_key": item_key,
                "decision": decision.value,
                "reason": reason,
                "counted": line.counted,
                "expected": line.expected,
            }
            event = self.counting.record_event(uow, actor, EventKind.VARIANCE_DECIDED, None, payload)
            supervision_projection.apply(uow, event)
            decided = line_of(uow.connection, count_id, item_key)
            uow.commit()
        assert decided is not None
        return decided

    def set_threshold(self, actor: Actor, count_id: str, threshold: Threshold) -> None:
        """The count's own threshold: past it, an item waits for a supervisor (Pending approval)."""
        require(actor, SUPERVISE, Action.SET_THRESHOLD)
        threshold = _valid(threshold)
        with self.uow_factory() as uow:
            self._retail(uow, count_id)
            payload = {"count_id": count_id, "kind": threshold.kind.value, "value": threshold.value}
            event = self.counting.record_event(uow, actor, EventKind.VARIANCE_THRESHOLD_SET, None, payload)
            supervision_projection.apply(uow, event)
            uow.commit()

    def default_threshold(self) -> Threshold:
        return self.reads.default_threshold()

    def set_default_threshold(self, actor: Actor, threshold: Threshold) -> None:
        """This device's default for counts without their own threshold (a setting; not synced)."""
        require(actor, SUPERVISE, Action.SET_THRESHOLD)
        threshold = _valid(threshold)
        with self.uow_factory() as uow:
            uow.settings.put(DEFAULT_THRESHOLD_KEY, {"kind": threshold.kind.value, "value": threshold.value})
            uow.commit()

    def create_recount(self, actor: Actor, count_id: str, item_keys: list[str], name: str, area: str) -> Session:
        """A directed recount session of these items (S10): its Uncounted tab lists exactly them; what it
        counts of them supersedes the earlier sessions' counts (domain.variance)."""
        require(actor, SUPERVISE, Action.CREATE_RECOUNT)
        keys = list(dict.fromkeys(str(k).strip() for k in item_keys if str(k).strip()))
        if not keys:
            raise InvalidTransition(Message.RECOUNT_NO_ITEMS)
        if not name.strip():
            raise InvalidTransition(Message.SESSION_NAME_NEEDED)
        with self.uow_factory() as uow:
            count = self._retail(uow, count_id)
            known = set(uow.counts.expected_keys(count_id))
            for key in keys:
                if key not in known and uow.catalog.product(key) is None:
                    raise NotFound(Message.VARIANCE_NO_ITEM, item=key)
            session = self.counting.add_session(
                uow, actor, count, name.strip(), area.strip(), is_default=False, recount_items=keys
            )
            uow.supervision.set_targets(session.id, keys)
            uow.commit()
        return session

    def rebuild(self, count_id: str) -> None:
        """Fold the count's decisions, threshold and recount targets again from the journal (B1)."""
        with self.uow_factory() as uow:
            uow.counts.get(count_id)
            supervision_projection.rebuild(uow, count_id)
            uow.commit()
        self.reads.forget(count_id)

    def export(self, count_id: str, fmt: ExportFormat, out_path: str | Path) -> None:
        """The count's variance report as CSV, JSON or PDF in a file (what `scanapp export` writes)."""
        from scanapp.services import export

        export.write_count_file(self.reads, count_id, fmt, Path(out_path), self.clock.now())

    def _retail(self, uow: SqlUnitOfWork, count_id: str) -> Count:
        count = uow.counts.get(count_id)
        if count.kind is CountKind.SCOPED:
            raise InvalidTransition(Message.NOT_A_RETAIL_COUNT)
        return count


def parse_threshold(kind: str, value: float) -> Threshold:
    """A threshold from what a person typed; InvalidTransition (in their words) for a negative value, NaN,
    infinity or an unknown kind."""
    try:
        return _valid(Threshold(ThresholdKind(kind), float(value)))
    except (TypeError, ValueError):
        raise InvalidTransition(Message.THRESHOLD_INVALID, value=value) from None


def _valid(threshold: Threshold) -> Threshold:
    """Threshold refuses a negative value or NaN itself; this says so in the domain's words (and catches inf)."""
    value = getattr(threshold, "value", None)
    if not isinstance(threshold, Threshold) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidTransition(Message.THRESHOLD_INVALID, value=value)
    if value < 0:
        raise InvalidTransition(Message.THRESHOLD_INVALID, value=value)
    return threshold
