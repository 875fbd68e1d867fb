"""The supervisor's station on the server (S5, S7, S8, S10, S11, B4): a count's progress, variance, attribution
and figures, computed by scanapp.domain.variance from rows read off the server database (the same functions the
device runs on its store, so both show the same numbers); and decisions and thresholds made here directly, which
become server-made journal events (published to every device, stored and audited like pushed ones)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, update

from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.journal import EventKind, new_event_id
from scanapp.domain.permissions import Actor
from scanapp.domain.tally import LineKind
from scanapp.domain.variance import (
    DEFAULT_THRESHOLD,
    Decision,
    DecisionRecord,
    Figures,
    Grouping,
    ItemCount,
    SessionInfo,
    Status,
    Threshold,
    ThresholdKind,
    VarianceLine,
    count_figures,
    group_figures,
    variance_lines,
)
from scanapp.domain.variance import progress as domain_progress
from scanapp.sync.wire import WireEvent
from scansync import audit
from scansync import tables as t
from scansync.accounts import Conflict
from scansync.db import Tx, chunks, dumps
from scansync.sessions import get_count
from scansync.variance_events import DecisionRow, ThresholdRow, audit_decision, check_decision, store_threshold
from scansync.views import event_wire, session_of

SERVER_DEVICE = "server:"
"""The device id of events the server makes itself (decisions and thresholds set over the API), before the
server's id: a device keeps events by (device, seq), so a new server database must not reuse an old one's."""


@dataclass(frozen=True)
class CountRows:
    """Everything the domain functions need about one count, read in one transaction."""

    count: Count
    expected: dict[str, float]
    sessions: list[SessionInfo]
    counts: list[ItemCount]
    names: dict[str, str]
    threshold: Threshold
    decisions: dict[str, DecisionRecord]

    def lines(self) -> list[VarianceLine]:
        return variance_lines(self.expected, self.sessions, self.counts, self.names, self.threshold, self.decisions)


def load(conn: Connection, count_id: str) -> CountRows:
    count = get_count(conn, count_id)
    expected, names = _expected(conn, count)
    counts = _item_counts(conn, count_id)
    sessions = _sessions(conn, count_id, counts)
    missing = sorted({c.item_key for c in counts} - set(names))
    names.update(_names(conn, missing, count.kind))
    return CountRows(count, expected, sessions, counts, names, threshold(conn, count_id), decisions(conn, count_id))


def _expected(conn: Connection, count: Count) -> tuple[dict[str, float], dict[str, str]]:
    """The count's list, and the names of its items (one query with the catalog for a retail count)."""
    e = t.expected_items
    if count.kind is CountKind.SCOPED:
        rows = conn.execute(select(e.c.item_key, e.c.expected_qty).where(e.c.count_id == count.id)).all()
        return {r.item_key: float(r.expected_qty) for r in rows}, {}
    named = conn.execute(
        select(e.c.item_key, e.c.expected_qty, t.products.c.name)
        .select_from(e.outerjoin(t.products, t.products.c.sku == e.c.item_key))
        .where(e.c.count_id == count.id)
    ).all()
    return {r.item_key: float(r.expected_qty) for r in named}, {r.item_key: r.name for r in named if r.name}


def _counting_lines() -> Any:
    return and_(
        t.lines.c.removed.is_(False), t.lines.c.kind != LineKind.REJECTED.value, t.lines.c.item_key.is_not(None)
    )


def _item_counts(conn: Connection, count_id: str) -> list[ItemCount]:
    rows = conn.execute(
        select(t.lines.c.session_id, t.lines.c.item_key, func.sum(t.lines.c.units), func.count())
        .join(t.sessions, t.sessions.c.id == t.lines.c.session_id)
        .where(t.sessions.c.count_id == count_id, _counting_lines())
        .group_by(t.lines.c.session_id, t.lines.c.item_key)
    )
    return [ItemCount(sid, key, int(units or 0), int(n)) for sid, key, units, n in rows]


def _sessions(conn: Connection, count_id: str, counts: list[ItemCount]) -> list[SessionInfo]:
    rows = conn.execute(select(t.sessions).where(t.sessions.c.count_id == count_id)).all()
    last_line = dict(
        conn.execute(
            select(t.lines.c.session_id, func.max(t.lines.c.at))
            .join(t.sessions, t.sessions.c.id == t.lines.c.session_id)
            .where(t.sessions.c.count_id == count_id)
            .group_by(t.lines.c.session_id)
        ).all()
    )
    targets: dict[str, set[str]] = {}
    for chunk in chunks([r.id for r in rows]):
        for r in conn.execute(select(t.session_targets).where(t.session_targets.c.session_id.in_(chunk))):
            targets.setdefault(r.session_id, set()).add(r.item_key)
    units: dict[str, int] = {}
    for c in counts:
        units[c.session_id] = units.get(c.session_id, 0) + c.units
    out = []
    for row in rows:
        s = session_of(row)
        out.append(
            SessionInfo(
                id=s.id,
                name=s.name,
                area=s.area,
                counter=s.started_by or s.created_by,
                state=s.state,
                created_at=s.created_at,
                units=units.get(s.id, 0),
                last_activity=_latest(s, last_line.get(s.id)),
                recount_items=frozenset(targets.get(s.id, ())),
            )
        )
    return out


def _latest(s: Session, line_at: datetime | None) -> datetime | None:
    times = [x for x in (line_at, s.started_at, s.submitted_at, s.ended_at) if x is not None]
    return max(times) if times else None


def _names(conn: Connection, keys: list[str], kind: CountKind) -> dict[str, str]:
    key_col, name_col = (
        (t.inventory_items.c.barcode, t.inventory_items.c.ingredient)
        if kind is CountKind.SCOPED
        else (t.products.c.sku, t.products.c.name)
    )
    out: dict[str, str] = {}
    for chunk in chunks(keys):
        out.update({r[0]: r[1] for r in conn.execute(select(key_col, name_col).where(key_col.in_(chunk)))})
    return out


def threshold(conn: Connection, count_id: str) -> Threshold:
    row = conn.execute(select(t.count_thresholds).where(t.count_thresholds.c.count_id == count_id)).first()
    return DEFAULT_THRESHOLD if row is None else Threshold(ThresholdKind(row.kind), float(row.value))


def decisions(conn: Connection, count_id: str) -> dict[str, DecisionRecord]:
    """The decision that holds per item: the latest (by decided_at, then id)."""
    rows = conn.execute(
        select(t.variance_decisions)
        .where(t.variance_decisions.c.count_id == count_id)
        .order_by(t.variance_decisions.c.decided_at, t.variance_decisions.c.id)
    )
    return {
        r.item_key: DecisionRecord(r.item_key, Decision(r.decision), r.reason, r.counted, r.decided_by, r.decided_at)
        for r in rows
    }


# -- views ------------------------------------------------------------------------------------------------


def progress_view(rows: CountRows, now: datetime) -> dict[str, Any]:
    p = domain_progress(rows.expected, rows.sessions, rows.counts)
    return {
        "count_id": rows.count.id,
        "generated_at": now,
        "listed": p.listed,
        "counted": p.counted,
        "remaining": p.remaining,
        "units": p.units,
        "sessions": [
            {
                "id": s.id,
                "name": s.name,
                "area": s.area,
                "counter": s.counter,
                "state": s.state.value,
                "created_at": s.created_at,
                "units": s.units,
                "last_activity": s.last_activity,
                "recount_items": sorted(s.recount_items),
            }
            for s in p.sessions
        ],
    }


def parse_statuses(values: Iterable[str]) -> frozenset[Status] | None:
    """Statuses by value ("pending approval") or name ("pending", "PENDING", "not_counted")."""
    by_name = {s.name.lower(): s for s in Status} | {s.value: s for s in Status}
    found = set()
    for v in values:
        key = v.strip().lower().replace("_", " ")
        status = by_name.get(key) or by_name.get(key.replace(" ", "_"))
        if status is None:
            raise ValueError(f"Unknown variance status {v!r}: one of {', '.join(s.value for s in Status)}.")
        found.add(status)
    return frozenset(found) or None


def variance_view(
    rows: CountRows, now: datetime, statuses: frozenset[Status] | None, offset: int, limit: int
) -> dict[str, Any]:
    lines = rows.lines()
    chosen = [ln for ln in lines if statuses is None or ln.status in statuses]
    by_status: dict[str, int] = {s.value: 0 for s in Status}
    for ln in lines:
        by_status[ln.status.value] += 1
    listed = [ln for ln in lines if ln.expected is not None]
    return {
        "count_id": rows.count.id,
        "generated_at": now,
        "threshold": {"kind": rows.threshold.kind.value, "value": rows.threshold.value},
        "total": len(chosen),
        "offset": offset,
        "limit": limit,
        "lines": [line_view(ln) for ln in chosen[offset : offset + limit]],
        "totals": {
            "items": len(lines),
            "listed": len(listed),
            "counted": sum(1 for ln in lines if ln.counted is not None),
            "not_counted": sum(1 for ln in listed if ln.counted is None),
            "expected_units": sum(ln.expected or 0 for ln in listed),
            "counted_units": sum(ln.counted or 0 for ln in lines),
            "variance_units": sum(ln.variance or 0 for ln in lines),
            "abs_variance_units": sum(abs(ln.variance or 0) for ln in lines),
            "by_status": by_status,
        },
    }


def line_view(ln: VarianceLine) -> dict[str, Any]:
    d = ln.decision
    return {
        "item_key": ln.item_key,
        "name": ln.name,
        "expected": ln.expected,
        "counted": ln.counted,
        "variance": ln.variance,
        "percent": ln.percent,
        "status": ln.status.value,
        "over": ln.over,
        "by_session": [{"session_id": sid, "units": u} for sid, u in ln.by_session],
        "decision": None
        if d is None
        else {
            "decision": d.decision.value,
            "reason": d.reason,
            "counted": d.counted,
            "decided_by": d.decided_by,
            "decided_at": d.decided_at,
        },
    }


def figures_view(f: Figures) -> dict[str, Any]:
    return {
        "group": f.group,
        "listed": f.listed,
        "counted": f.counted,
        "accurate": f.accurate,
        "units": f.units,
        "completion": f.completion,
        "accuracy": f.accuracy,
    }


def figures(rows: CountRows, by: Grouping | None) -> list[Figures]:
    lines = rows.lines()
    return [count_figures(rows.count.name, lines)] if by is None else group_figures(lines, rows.sessions, by)


# -- direct writes (a supervisor at the server's API) -----------------------------------------------------


def decide(tx: Tx, actor: Actor, now: datetime, count_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Decide on an item's variance as it stands now. `counted` in the body (optional, -1 is not a count):
    the count the supervisor saw; when the item's count has changed since, Conflict."""
    conn = tx.conn
    rows = load(conn, count_id)
    count, item_key, decision, reason = check_decision({**body, "count_id": count_id}, lambda _: rows.count)
    line = next((ln for ln in rows.lines() if ln.item_key == item_key), None)
    if line is None:
        raise InvalidTransition(f"Item {item_key} is neither listed nor counted in count {count_id}.")
    if "counted" in body and body["counted"] != line.counted:
        raise Conflict(
            f"Item {item_key} is counted {_counted_text(line.counted)} now, not {_counted_text(body['counted'])}: "
            "look at it again before deciding."
        )
    payload = {
        "count_id": count.id,
        "item_key": item_key,
        "decision": decision.value,
        "reason": reason,
        "counted": line.counted,
        "expected": line.expected,
    }
    ev = server_event(tx, actor, now, EventKind.VARIANCE_DECIDED, payload)
    row = DecisionRow(
        count.id, item_key, decision, reason, line.counted, line.expected, actor.user_id, now, ev.id, actor.device_id
    )
    conn.execute(insert(t.variance_decisions).values(**row.values()))
    audit_decision(conn, now, row)
    return line_view(next(ln for ln in load(conn, count_id).lines() if ln.item_key == item_key))


def _counted_text(counted: Any) -> str:
    return "not at all" if counted is None else str(counted)


def set_threshold(tx: Tx, actor: Actor, now: datetime, count_id: str, kind: str, value: float) -> dict[str, Any]:
    count = get_count(tx.conn, count_id)
    if count.kind is CountKind.SCOPED:
        raise InvalidTransition("Variance decisions and thresholds belong to retail counts.")
    th = Threshold(ThresholdKind(kind), value)
    ev = server_event(
        tx, actor, now, EventKind.VARIANCE_THRESHOLD_SET, {"count_id": count_id, "kind": kind, "value": value}
    )
    store_threshold(tx.conn, ThresholdRow(count_id, th, actor.user_id, now, ev.id, actor.device_id))
    audit.record(
        tx.conn,
        now,
        actor.user_id,
        actor.device_id,
        "variance_threshold_set",
        count_id,
        kind=kind,
        value=value,
        event_id=ev.id,
    )
    return {"count_id": count_id, "kind": th.kind.value, "value": th.value, "set_by": actor.user_id, "set_at": now}


def server_event(tx: Tx, actor: Actor, now: datetime, kind: EventKind, payload: dict[str, Any]) -> WireEvent:
    """A journal event the server makes for a supervisor's direct action: stored as applied under the device id
    "server:<server id>" (numbered by its own counter) and published to every device, as a pushed one would be (B1)."""
    conn = tx.conn
    seq = _next_server_seq(conn)
    device_id = SERVER_DEVICE + str(conn.execute(select(t.meta.c.value).where(t.meta.c.key == "server_id")).scalar())
    ev = WireEvent.model_construct(
        id=new_event_id(),
        kind=kind.value,
        device_id=device_id,
        seq=seq,
        user_id=actor.user_id,
        session_id=None,
        wall_time=now,
        mono_ns=0,
        lock_epoch=None,
        payload=payload,
    )
    conn.execute(
        insert(t.events).values(
            id=ev.id,
            device_id=device_id,
            seq=seq,
            kind=kind.value,
            session_id=None,
            user_id=actor.user_id,
            wall_time=now,
            mono_ns=0,
            lock_epoch=None,
            payload=dumps(payload),
            received_at=now,
            status="applied",
            reason=None,
        )
    )
    tx.publish("event", ev.id, event_wire(ev), device_id=device_id)
    return ev


def _next_server_seq(conn: Connection) -> int:
    name = "server_events"
    updated = conn.execute(
        update(t.counters)
        .where(t.counters.c.name == name)
        .values(value=t.counters.c.value + 1)
        .returning(t.counters.c.value)
    ).first()
    if updated is not None:
        return int(updated[0])
    conn.execute(insert(t.counters).values(name=name, value=1))
    return 1
