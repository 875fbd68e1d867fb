"""The supervisor's station's reads (S7, S8, S10, S11, B4): a count's progress, variance, attribution and
figures, computed by domain.variance from the device's store (which sync fills with every device's events).

A count of 50,000 items takes a few hundred milliseconds to compute whole, so the computed lines are kept per
count while nothing they come from has moved: the sessions' and counts' change counters, the count's sessions'
totals, the reviews, and no new journal event in one of its sessions. Decisions and the threshold are read
again on every call (a few rows): a changed decision recomputes that item alone, a changed threshold the lines
from the kept counts.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from scanapp.domain.clock import Clock
from scanapp.domain.counts import CountKind
from scanapp.domain.errors import NotFound
from scanapp.domain.messages import Message
from scanapp.domain.rows import CountRow
from scanapp.domain.variance import (
    DEFAULT_THRESHOLD,
    Attribution,
    DecisionRecord,
    Figures,
    Grouping,
    ItemCount,
    Progress,
    SessionInfo,
    Status,
    Threshold,
    ThresholdKind,
    VarianceLine,
    attribute,
    count_figures,
    group_figures,
    progress,
    variance_lines,
)
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.queries import supervision as q
from scanapp.store.uow import SqlUnitOfWork

DEFAULT_THRESHOLD_KEY = "supervision.default_threshold"
"""The device's default variance threshold (settings): {"kind": "units"|"percent", "value": n}."""


def threshold_from_setting(value: object) -> Threshold:
    """The stored default, or the domain's when there is none or it cannot be read."""
    if isinstance(value, Mapping):
        try:
            return Threshold(ThresholdKind(str(value["kind"])), float(value["value"]))
        except (KeyError, TypeError, ValueError):
            pass
    return DEFAULT_THRESHOLD


def threshold_of(conn: Connection, count_id: str) -> Threshold:
    """The count's threshold, else the device default, else the domain's (5 %)."""
    own = q.count_threshold(conn, count_id)
    return own if own is not None else threshold_from_setting(queries.setting(conn, DEFAULT_THRESHOLD_KEY))


def line_of(conn: Connection, count_id: str, item_key: str) -> VarianceLine | None:
    """One item's variance line, read for that item alone (None: neither listed nor counted in the count)."""
    sessions = q.session_infos(conn, count_id)
    keys = [item_key]
    lines = variance_lines(
        q.expected_of(conn, count_id, keys),
        sessions,
        q.item_counts(conn, [s.id for s in sessions], keys),
        q.names_of(conn, count_id, (), keys),
        threshold_of(conn, count_id),
        q.decisions_of(conn, count_id, keys),
    )
    return lines[0] if lines else None


@dataclass
class _Base:
    """What the lines are computed from, apart from decisions and threshold."""

    key: tuple[Any, ...]
    last_event: int
    sessions: list[SessionInfo]
    expected: dict[str, float]
    counts: dict[str, list[ItemCount]]
    names: dict[str, str]
    progress: Progress


@dataclass
class _View:
    base: _Base
    threshold: Threshold
    decisions: dict[str, DecisionRecord]
    lines: list[VarianceLine]
    index: dict[str, int]
    filtered: dict[frozenset[Status] | None, list[VarianceLine]] = field(default_factory=dict)
    derived: dict[tuple[str, str], Any] = field(default_factory=dict)


class SupervisorReads:
    def __init__(self, uow_factory: Callable[[], SqlUnitOfWork], clock: Clock) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self._store: Store | None = None
        self._views: dict[str, _View] = {}
        self._lock = threading.Lock()

    @property
    def store(self) -> Store:
        # Reads take no write lock: the unit of work's store, read on its own connection.
        if self._store is None:
            self._store = self.uow_factory().store
        return self._store

    # -- the API -------------------------------------------------------------------------------------------

    def counts(self) -> list[CountRow]:
        """Every count with its state, retail kinds only (a lab reconciliation is not supervised here)."""
        with self.store.read() as conn:
            return [r for r in queries.counts_overview(conn) if r.count.kind is not CountKind.SCOPED]

    def progress(self, count_id: str) -> Progress:
        return self._view(count_id).base.progress

    def threshold(self, count_id: str) -> Threshold:
        with self.store.read() as conn:
            return threshold_of(conn, count_id)

    def default_threshold(self) -> Threshold:
        with self.store.read() as conn:
            return threshold_from_setting(queries.setting(conn, DEFAULT_THRESHOLD_KEY))

    def variance(self, count_id: str) -> list[VarianceLine]:
        """Every item listed or counted, by item key."""
        return list(self._view(count_id).lines)

    def variance_page(
        self, count_id: str, statuses: frozenset[Status] | None, offset: int, limit: int
    ) -> list[VarianceLine]:
        """A page of the lines with one of `statuses` (None: all), by item key."""
        return self._filtered(self._view(count_id), statuses)[offset : offset + limit]

    def variance_total(self, count_id: str, statuses: frozenset[Status] | None) -> int:
        return len(self._filtered(self._view(count_id), statuses))

    def line(self, count_id: str, item_key: str) -> VarianceLine | None:
        view = self._view(count_id)
        i = view.index.get(item_key)
        return None if i is None else view.lines[i]

    def attribution(self, count_id: str, by: Grouping) -> list[Attribution]:
        view = self._view(count_id)
        key = ("attribution", by.value)
        if key not in view.derived:
            view.derived[key] = attribute(view.lines, view.base.sessions, by)
        return list(view.derived[key])

    def figures(self, count_id: str, by: Grouping | None) -> list[Figures]:
        """Completion and accuracy per session, area or counter; None: the count's one row."""
        view = self._view(count_id)
        key = ("figures", by.value if by else "")
        if key not in view.derived:
            if by is None:
                with self.store.read() as conn:
                    name = queries.count(conn, count_id).name
                view.derived[key] = [count_figures(name, view.lines)]
            else:
                view.derived[key] = group_figures(view.lines, view.base.sessions, by)
        return list(view.derived[key])

    def items_of_session(self, count_id: str, item_key: str) -> tuple[tuple[str, int], ...]:
        """The item's count split by session: (session name, units) of each session whose units count."""
        view = self._view(count_id)
        i = view.index.get(item_key)
        if i is None:
            return ()
        names = {s.id: s.name for s in view.base.sessions}
        return tuple((names.get(sid, sid), units) for sid, units in view.lines[i].by_session)

    def forget(self, count_id: str | None = None) -> None:
        """Drop what is kept (of one count): the next read computes it again."""
        with self._lock:
            if count_id is None:
                self._views.clear()
            else:
                self._views.pop(count_id, None)

    # -- computing and keeping ---------------------------------------------------------------------------------

    def _filtered(self, view: _View, statuses: frozenset[Status] | None) -> list[VarianceLine]:
        hit = view.filtered.get(statuses)
        if hit is None:
            hit = view.lines if statuses is None else [ln for ln in view.lines if ln.status in statuses]
            view.filtered[statuses] = hit
        return hit

    def _view(self, count_id: str) -> _View:
        with self._lock, self.store.read() as conn:
            if conn.execute(text("SELECT 1 FROM counts WHERE id = :c"), {"c": count_id}).first() is None:
                raise NotFound(Message.NO_COUNT, id=count_id)
            held = self._views.get(count_id)
            base = held.base if held is not None else None
            key, last_event = _base_key(conn, count_id)
            if base is None or base.key != key or _count_moved(conn, base, last_event):
                base = _load_base(conn, count_id, key, last_event)
                held = None
            else:
                base.last_event = last_event
            threshold = threshold_of(conn, count_id)
            decisions = q.decisions_of(conn, count_id)
            if held is not None and held.threshold == threshold:
                if held.decisions != decisions:
                    held = _patched(held, decisions)
            else:
                held = _computed(base, threshold, decisions)
            self._views[count_id] = held
            return held


def _base_key(conn: Connection, count_id: str) -> tuple[tuple[Any, ...], int]:
    counters = tuple(conn.execute(text("SELECT name, value FROM change_counters ORDER BY name")).all())
    totals = tuple(
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT t.session_id, t.lines, t.units, t.unique_items, t.rejected FROM session_totals t"
                " JOIN sessions s ON s.id = t.session_id WHERE s.count_id = :c ORDER BY t.session_id"
            ),
            {"c": count_id},
        )
    )
    reviews = conn.execute(text("SELECT count(*) FROM event_reviews")).scalar_one()
    targets = conn.execute(text("SELECT count(*) FROM session_targets")).scalar_one()
    last = int(conn.execute(text("SELECT coalesce(max(local_id), 0) FROM events")).scalar_one())
    return (counters, totals, reviews, targets), last


def _count_moved(conn: Connection, base: _Base, last_event: int) -> bool:
    """Whether an event journalled since the base was read belongs to one of the count's sessions."""
    if last_event == base.last_event:
        return False
    ids = [s.id for s in base.sessions]
    if not ids:
        return False
    marks = ", ".join(f":s{i}" for i in range(len(ids)))
    params: dict[str, object] = {f"s{i}": sid for i, sid in enumerate(ids)}
    params["last"] = base.last_event
    found = conn.execute(
        text(f"SELECT 1 FROM events WHERE local_id > :last AND session_id IN ({marks}) LIMIT 1"), params
    ).first()
    return found is not None


def _load_base(conn: Connection, count_id: str, key: tuple[Any, ...], last_event: int) -> _Base:
    sessions = q.session_infos(conn, count_id)
    ids = [s.id for s in sessions]
    expected = q.expected_of(conn, count_id)
    rows = q.item_counts(conn, ids)
    by_item: dict[str, list[ItemCount]] = defaultdict(list)
    for c in rows:
        by_item[c.item_key].append(c)
    return _Base(
        key=key,
        last_event=last_event,
        sessions=sessions,
        expected=expected,
        counts=dict(by_item),
        names=q.names_of(conn, count_id, ids),
        progress=progress(expected, sessions, rows),
    )


def _computed(base: _Base, threshold: Threshold, decisions: dict[str, DecisionRecord]) -> _View:
    counts = [c for group in base.counts.values() for c in group]
    lines = variance_lines(base.expected, base.sessions, counts, base.names, threshold, decisions)
    return _View(base, threshold, decisions, lines, {ln.item_key: i for i, ln in enumerate(lines)})


def _patched(view: _View, decisions: dict[str, DecisionRecord]) -> _View:
    """The view with the lines of the items whose decision changed computed again."""
    changed = {k for k in set(view.decisions) | set(decisions) if view.decisions.get(k) != decisions.get(k)}
    lines = list(view.lines)
    base = view.base
    for line in _lines_for(base, view.threshold, decisions, changed):
        i = view.index.get(line.item_key)
        if i is not None:
            lines[i] = line
    return _View(base, view.threshold, decisions, lines, view.index)


def _lines_for(
    base: _Base, threshold: Threshold, decisions: Mapping[str, DecisionRecord], keys: Sequence[str] | set[str]
) -> list[VarianceLine]:
    expected = {k: base.expected[k] for k in keys if k in base.expected}
    counts = [c for k in keys for c in base.counts.get(k, ())]
    return variance_lines(
        expected, base.sessions, counts, base.names, threshold, {k: decisions[k] for k in keys if k in decisions}
    )
