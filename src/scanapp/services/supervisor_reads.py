"""The supervisor's station's reads (S7, S8, S10, S11, B4): a count's progress, variance, attribution and
figures, computed by domain.variance from the device's store (which sync fills with every device's events).

A count of 50,000 items takes about a second to read and compute whole on a handheld-class machine, so the
computed lines are kept per count and brought up to date on each read from what moved since:
- every read looks at a few small things: the count's sessions (state, recount targets), their totals, the
  journal's newest event, the counts' change counter, the reviews, the decisions and the threshold;
- a session whose totals moved, or with a new event, has its item rows read again (a few thousand), and only
  the items whose rows changed are computed again; a changed decision recomputes its item alone;
- a changed threshold recomputes the lines from the kept rows; a changed list, session state, recount or
  review reads everything again. (A product renamed by a catalog pull alone shows its new name once its
  count is read again.)
Until a count was computed once, the unfiltered variance pages are read for their own items alone (by key).
`prepare` computes a count ahead (a screen can call it on a worker thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from scanapp.domain.clock import Clock
from scanapp.domain.counts import CountKind, SessionState
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
    lines = lines_of(conn, count_id, q.session_infos(conn, count_id), [item_key])
    return lines[0] if lines else None


def lines_of(
    conn: Connection, count_id: str, sessions: Sequence[SessionInfo], keys: Sequence[str]
) -> list[VarianceLine]:
    """These items' variance lines, read for them alone (an item's line needs only its own rows)."""
    return variance_lines(
        q.expected_of(conn, count_id, keys),
        sessions,
        q.item_counts(conn, [s.id for s in sessions], keys),
        q.names_of(conn, keys),
        threshold_of(conn, count_id),
        q.decisions_of(conn, count_id, keys),
    )


@dataclass
class _Base:
    """The rows the lines are computed from (apart from decisions and threshold), and what says they moved."""

    marks: tuple[object, ...]
    totals: dict[str, tuple[int, ...]]
    last_event: int
    sessions: list[SessionInfo]
    expected: dict[str, float]
    by_session: dict[str, dict[str, ItemCount]]
    names: dict[str, str]

    @property
    def shape(self) -> tuple[tuple[str, str, frozenset[str]], ...]:
        return _shape(self.sessions)

    def counts_of(self, keys: Iterable[str]) -> list[ItemCount]:
        return [c for rows in self.by_session.values() for k in keys if (c := rows.get(k)) is not None]

    def all_counts(self) -> list[ItemCount]:
        return [c for rows in self.by_session.values() for c in rows.values()]

    def reread(self, conn: Connection, session_ids: set[str]) -> set[str]:
        """Read these sessions' item rows again; returns the items whose rows changed."""
        changed: set[str] = set()
        fresh: dict[str, dict[str, ItemCount]] = {sid: {} for sid in session_ids}
        for c in q.item_counts(conn, sorted(session_ids)):
            fresh[c.session_id][c.item_key] = c
        for sid, rows in fresh.items():
            old = self.by_session.get(sid, {})
            changed |= {k for k in old.keys() | rows.keys() if old.get(k) != rows.get(k)}
            self.by_session[sid] = rows
        missing = [k for k in changed if k not in self.names]
        if missing:
            self.names.update(q.names_of(conn, missing))
        return changed


def _shape(sessions: Sequence[SessionInfo]) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """What of the sessions decides which rows count: which there are, their state, what they recount."""
    return tuple((s.id, s.state.value, s.recount_items) for s in sessions)


def _live(sessions: Sequence[SessionInfo]) -> list[str]:
    """The sessions whose rows count (domain.variance: never a discarded one)."""
    return [s.id for s in sessions if s.state is not SessionState.DISCARDED]


def _labels(sessions: Sequence[SessionInfo]) -> list[tuple[str, str, str]]:
    """What attribution and figures group sessions by."""
    return [(s.name, s.area, s.counter) for s in sessions]


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
        self._lock = threading.RLock()

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

    def prepare(self, count_id: str) -> None:
        """Compute the count's lines now (on a worker thread, say), so the screens' reads find them kept."""
        self._view(count_id)

    def is_kept(self, count_id: str) -> bool:
        """Whether the count's lines are computed already: reads of it then only bring them up to date."""
        return count_id in self._views

    def progress(self, count_id: str) -> Progress:
        view = self._view(count_id)
        key = ("progress", "")
        if key not in view.derived:
            # domain.variance.progress over the same rows: the lines hold each counted item's count already.
            listed = [ln for ln in view.lines if ln.expected is not None]
            view.derived[key] = Progress(
                sessions=sorted(view.base.sessions, key=lambda s: s.created_at),
                listed=len(listed),
                counted=sum(1 for ln in listed if ln.counted is not None),
                units=sum(ln.counted or 0 for ln in view.lines),
            )
        result: Progress = view.derived[key]
        return result

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
        if statuses is None and count_id not in self._views:
            with self.store.read() as conn, conn.begin():
                sessions = self._sessions(conn, count_id)
                keys = q.item_keys_page(conn, count_id, _live(sessions), offset, limit)
                return lines_of(conn, count_id, sessions, keys)
        return self._filtered(self._view(count_id), statuses)[offset : offset + limit]

    def variance_total(self, count_id: str, statuses: frozenset[Status] | None) -> int:
        if statuses is None and count_id not in self._views:
            with self.store.read() as conn, conn.begin():
                sessions = self._sessions(conn, count_id)
                return q.item_keys_total(conn, count_id, _live(sessions))
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

    @staticmethod
    def _sessions(conn: Connection, count_id: str) -> list[SessionInfo]:
        if q.cursor(conn).execute("SELECT 1 FROM counts WHERE id = ?", (count_id,)).fetchone() is None:
            raise NotFound(Message.NO_COUNT, id=count_id)
        return q.session_infos(conn, count_id)

    def _view(self, count_id: str) -> _View:
        with self._lock, self.store.read() as conn, conn.begin():  # one snapshot for all of it
            sessions = self._sessions(conn, count_id)
            totals, marks, last = q.change_marks(conn, count_id)
            threshold = threshold_of(conn, count_id)
            decisions = q.decisions_of(conn, count_id)
            held = self._views.get(count_id)
            if held is None or held.base.marks != marks or held.base.shape != _shape(sessions):
                view = _computed(_load_base(conn, count_id, sessions, totals, marks, last), threshold, decisions)
            else:
                view = _refreshed(conn, held, sessions, totals, last, threshold, decisions)
            self._views[count_id] = view
            return view


def _load_base(
    conn: Connection,
    count_id: str,
    sessions: list[SessionInfo],
    totals: dict[str, tuple[int, ...]],
    marks: tuple[object, ...],
    last_event: int,
) -> _Base:
    ids = [s.id for s in sessions]
    by_session: dict[str, dict[str, ItemCount]] = {sid: {} for sid in ids}
    for c in q.item_counts(conn, ids):
        by_session[c.session_id][c.item_key] = c
    expected, names = q.listed_with_names(conn, count_id)
    unlisted = {k for rows in by_session.values() for k in rows if k not in expected}
    names.update(q.names_of(conn, sorted(unlisted)))
    return _Base(marks, totals, last_event, sessions, expected, by_session, names)


def _refreshed(
    conn: Connection,
    held: _View,
    sessions: list[SessionInfo],
    totals: dict[str, tuple[int, ...]],
    last_event: int,
    threshold: Threshold,
    decisions: dict[str, DecisionRecord],
) -> _View:
    """The kept view brought up to date: the sessions that moved read again, their changed items computed."""
    base = held.base
    moved = {sid for sid, t in totals.items() if base.totals.get(sid) != t}
    if last_event != base.last_event:
        moved |= q.sessions_moved(conn, [s.id for s in sessions], base.last_event)
    if _labels(sessions) != _labels(base.sessions):  # a session renamed or moved to another area
        held.derived.clear()
    base.sessions, base.totals, base.last_event = sessions, totals, last_event
    changed = base.reread(conn, moved) if moved else set()
    if threshold != held.threshold:
        return _computed(base, threshold, decisions)
    changed |= {k for k in held.decisions.keys() | decisions.keys() if held.decisions.get(k) != decisions.get(k)}
    if not changed:
        if moved:  # units and last activity of a session moved: what is derived from the sessions is not current
            held.derived.pop(("progress", ""), None)
        return held
    return _patched(held, base, decisions, changed)


def _computed(base: _Base, threshold: Threshold, decisions: dict[str, DecisionRecord]) -> _View:
    lines = variance_lines(base.expected, base.sessions, base.all_counts(), base.names, threshold, decisions)
    return _View(base, threshold, decisions, lines, {ln.item_key: i for i, ln in enumerate(lines)})


def _patched(view: _View, base: _Base, decisions: dict[str, DecisionRecord], keys: set[str]) -> _View:
    """The view with these items' lines computed again (an item's line depends on its own rows alone)."""
    fresh = variance_lines(
        {k: base.expected[k] for k in keys if k in base.expected},
        base.sessions,
        base.counts_of(keys),
        base.names,
        view.threshold,
        {k: decisions[k] for k in keys if k in decisions},
    )
    if all(ln.item_key in view.index for ln in fresh) and len(fresh) == len(keys):
        lines = list(view.lines)
        for ln in fresh:
            lines[view.index[ln.item_key]] = ln
        return _View(base, view.threshold, decisions, lines, view.index)
    merged = {ln.item_key: ln for ln in view.lines if ln.item_key not in keys}  # an item came or went
    merged.update((ln.item_key, ln) for ln in fresh)
    lines = [merged[k] for k in sorted(merged)]
    return _View(base, view.threshold, decisions, lines, {ln.item_key: i for i, ln in enumerate(lines)})
