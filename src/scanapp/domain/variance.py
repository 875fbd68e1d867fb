"""A count's variance, progress, attribution and figures (S7, S8, S10, S11, B4, C10), as pure functions over
plain rows. The device (from its store, offline) and the server (from its database) feed them the same rows and
so show the same numbers.

Rules:
- Only sessions that are not discarded count. An item's count is the sum over those sessions, each line once.
- A recount session (one with `recount_items`) supersedes: for an item it targets and has counted, the latest
  such recount's units are the item's count, and the earlier sessions' are not added to it.
- Counted 0 (lines that add up to 0, C10) is not "not counted" (no line at all): `counted` is 0 or None.
- A decision holds only for the count it was made on: when the item's count changes, it lapses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from scanapp.domain.counts import SessionState


class ThresholdKind(StrEnum):
    UNITS = "units"
    PERCENT = "percent"


@dataclass(frozen=True)
class Threshold:
    """Past it, an item's variance waits for a supervisor (Pending approval). Inclusive: at it is within."""

    kind: ThresholdKind = ThresholdKind.PERCENT
    value: float = 5.0

    def __post_init__(self) -> None:
        if not self.value >= 0:  # also refuses NaN
            raise ValueError("a variance threshold is 0 or more")

    def exceeded(self, expected: float, variance: float) -> bool:
        if variance == 0:
            return False
        if self.kind is ThresholdKind.UNITS:
            return abs(variance) > self.value
        if expected == 0:
            return True  # any unit where the book says none is past every percentage
        return abs(variance) / abs(expected) * 100 > self.value


DEFAULT_THRESHOLD = Threshold()


class Decision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"  # sent back to be recounted
    FORCED = "forced"  # accepted although past the threshold; needs a reason


class Status(StrEnum):
    NOT_COUNTED = "not counted"
    NO_STOCK = "no stock record"  # counted, but the count has no expected quantity for it
    WITHIN = "within threshold"
    PENDING = "pending approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    FORCED = "forced"


class Grouping(StrEnum):
    SESSION = "session"
    AREA = "area"
    COUNTER = "counter"


@dataclass(frozen=True)
class SessionInfo:
    """One session of the count. `counter`: who counts it (who started it, else who made it)."""

    id: str
    name: str
    area: str
    counter: str
    state: SessionState
    created_at: datetime
    units: int = 0
    last_activity: datetime | None = None
    recount_items: frozenset[str] = frozenset()

    @property
    def is_recount(self) -> bool:
        return bool(self.recount_items)


@dataclass(frozen=True)
class ItemCount:
    """One item's lines in one session: their units and how many lines (lines > 0 with 0 units: counted 0)."""

    session_id: str
    item_key: str
    units: int
    lines: int


@dataclass(frozen=True)
class DecisionRecord:
    item_key: str
    decision: Decision
    reason: str
    counted: int | None  # the item's count the decision was made on
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True)
class VarianceLine:
    item_key: str
    name: str
    expected: float | None
    counted: int | None  # None: not counted; 0: counted 0 (C10)
    variance: float | None
    percent: float | None  # None when there is nothing to divide by
    status: Status
    by_session: tuple[tuple[str, int], ...] = ()  # (session id, units) of the sessions whose units are counted
    decision: DecisionRecord | None = None
    over: bool = False  # past the threshold, whatever was decided

    @property
    def needs_recount(self) -> bool:
        return self.status in (Status.NOT_COUNTED, Status.PENDING, Status.REJECTED)


def counted_items(
    sessions: Sequence[SessionInfo], counts: Iterable[ItemCount]
) -> dict[str, tuple[int, tuple[tuple[str, int], ...]]]:
    """Per item counted in a live session: its count and the (session, units) it is made of (see the rules)."""
    live = {s.id: s for s in sessions if s.state is not SessionState.DISCARDED}
    plain: dict[str, list[tuple[str, int]]] = defaultdict(list)
    recounts: dict[str, list[tuple[datetime, str, int]]] = defaultdict(list)
    for c in counts:
        s = live.get(c.session_id)
        if s is None or c.lines <= 0:
            continue
        if c.item_key in s.recount_items:
            recounts[c.item_key].append((s.created_at, s.id, c.units))
        else:
            plain[c.item_key].append((s.id, c.units))
    out: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {}
    for key, parts in plain.items():
        out[key] = (sum(u for _, u in parts), tuple(parts))
    for key, found in recounts.items():
        _, sid, units = max(found)
        out[key] = (units, ((sid, units),))
    return out


def variance_lines(
    expected: Mapping[str, float],
    sessions: Sequence[SessionInfo],
    counts: Iterable[ItemCount],
    names: Mapping[str, str],
    threshold: Threshold,
    decisions: Mapping[str, DecisionRecord],
) -> list[VarianceLine]:
    """Every item listed or counted, by item key: expected, counted, variance (units and %), status."""
    counted = counted_items(sessions, counts)
    out = []
    for key in sorted(set(expected) | set(counted)):
        exp = expected.get(key)
        got, parts = counted.get(key, (None, ()))
        variance = None if exp is None or got is None else got - exp
        percent = None if variance is None or not exp else variance / exp * 100
        decision = decisions.get(key)
        if decision is not None and decision.counted != got:
            decision = None  # made on another count of the item: it lapsed
        over = exp is not None and variance is not None and threshold.exceeded(exp, variance)
        status = _status(exp, got, variance, over, decision)
        out.append(VarianceLine(key, names.get(key, key), exp, got, variance, percent, status, parts, decision, over))
    return out


def _status(
    expected: float | None, counted: int | None, variance: float | None, over: bool, decision: DecisionRecord | None
) -> Status:
    if counted is None:
        return Status.NOT_COUNTED
    if decision is not None:
        return Status(decision.decision.value)
    if expected is None or variance is None:
        return Status.NO_STOCK
    return Status.PENDING if over else Status.WITHIN


@dataclass(frozen=True)
class Progress:
    """A count's progress (S7): its sessions, and how many listed items are counted and remain."""

    sessions: list[SessionInfo]
    listed: int
    counted: int  # listed items counted (0 included)
    units: int

    @property
    def remaining(self) -> int:
        return self.listed - self.counted


def progress(expected: Mapping[str, float], sessions: Sequence[SessionInfo], counts: Iterable[ItemCount]) -> Progress:
    counted = counted_items(sessions, counts)
    return Progress(
        sessions=sorted(sessions, key=lambda s: s.created_at),
        listed=len(expected),
        counted=sum(1 for k in expected if k in counted),
        units=sum(u for u, _ in counted.values()),
    )


@dataclass(frozen=True)
class Attribution:
    """Variance put down to one session, area or counter (B4): its share of each item's variance in
    proportion to the units it counted of that item (equal shares of a counted-0 item)."""

    group: str
    items: int
    units: int
    variance: float
    abs_variance: float
    over_threshold: int  # items it counted that wait for approval or were rejected


def attribute(lines: Sequence[VarianceLine], sessions: Sequence[SessionInfo], by: Grouping) -> list[Attribution]:
    info = {s.id: s for s in sessions}
    acc: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for line in lines:
        if not line.by_session:
            continue
        total = sum(u for _, u in line.by_session)
        for sid, units in line.by_session:
            group = _group(info[sid], by) if sid in info else sid
            a = acc[group]
            a["items"] += 1
            a["units"] += units
            if line.variance is not None:
                share = units / total if total else 1 / len(line.by_session)
                a["variance"] += line.variance * share
                a["abs_variance"] += abs(line.variance) * share
            if line.status in (Status.PENDING, Status.REJECTED):
                a["over"] += 1
    return sorted(
        (
            Attribution(
                g,
                int(a["items"]),
                int(a["units"]),
                round(a["variance"], 6),
                round(a["abs_variance"], 6),
                int(a["over"]),
            )
            for g, a in acc.items()
        ),
        key=lambda a: (-a.abs_variance, a.group),
    )


def _group(s: SessionInfo, by: Grouping) -> str:
    return {Grouping.SESSION: s.name, Grouping.AREA: s.area, Grouping.COUNTER: s.counter}[by]


@dataclass(frozen=True)
class Figures:
    """Completion and accuracy (S11) of a count, or of one session, area or counter in it.
    completion: listed items counted / listed items (a recount session: of its own items);
    accuracy: items counted on the list with no variance past the threshold / items counted on the list."""

    group: str
    listed: int
    counted: int
    accurate: int
    units: int

    @property
    def completion(self) -> float | None:
        return self.counted / self.listed if self.listed else None

    @property
    def accuracy(self) -> float | None:
        return self.accurate / self.counted if self.counted else None


def count_figures(name: str, lines: Sequence[VarianceLine]) -> Figures:
    listed = [ln for ln in lines if ln.expected is not None]
    counted = [ln for ln in listed if ln.counted is not None]
    return Figures(
        group=name,
        listed=len(listed),
        counted=len(counted),
        accurate=sum(1 for ln in counted if _accurate(ln)),
        units=sum(ln.counted or 0 for ln in lines),
    )


def group_figures(lines: Sequence[VarianceLine], sessions: Sequence[SessionInfo], by: Grouping) -> list[Figures]:
    """Per session, area or counter: the listed items whose count it took part in, and how many of those
    came out within the threshold; `listed` is the count's list (a recount's own items for a recount)."""
    info = {s.id: s for s in sessions if s.state is not SessionState.DISCARDED}
    listed_total = sum(1 for ln in lines if ln.expected is not None)
    groups: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    listed_of: dict[str, int] = {}
    for s in info.values():
        g = _group(s, by)
        mine = len(s.recount_items) if s.is_recount and by is Grouping.SESSION else listed_total
        listed_of[g] = max(listed_of.get(g, 0), mine)
        groups[g]  # a group that counted nothing yet still shows
    for ln in lines:
        for sid, units in ln.by_session:
            if sid not in info:
                continue
            a = groups[_group(info[sid], by)]
            a["units"] += units
            if ln.expected is not None:
                a["counted"] += 1
                a["accurate"] += int(_accurate(ln))
    return [
        Figures(g, listed_of.get(g, listed_total), a["counted"], a["accurate"], a["units"])
        for g, a in sorted(groups.items())
    ]


def _accurate(line: VarianceLine) -> bool:
    """Within the threshold as counted: an approved or forced variance is accepted, not accurate."""
    return line.variance is not None and not line.over


def recount_candidates(lines: Sequence[VarianceLine], selected: Iterable[str] = ()) -> list[str]:
    """The items a one-step recount takes (S10): the selected ones, else every one not counted, pending
    approval or rejected."""
    chosen = list(dict.fromkeys(selected))
    return chosen or [ln.item_key for ln in lines if ln.needs_recount]


def reason_required(decision: Decision) -> bool:
    return decision in (Decision.FORCED, Decision.REJECTED)
