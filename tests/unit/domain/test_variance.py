"""The supervisor's numbers (S8, S10, S11, B4, C10) from plain rows."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from scanapp.domain.counts import SessionState
from scanapp.domain.variance import (
    Decision,
    DecisionRecord,
    Grouping,
    ItemCount,
    SessionInfo,
    Status,
    Threshold,
    ThresholdKind,
    VarianceLine,
    attribute,
    count_figures,
    group_figures,
    progress,
    reason_required,
    recount_candidates,
    variance_lines,
)

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


def session(sid: str, area: str = "Display", counter: str = "alex", **kw: object) -> SessionInfo:
    values: dict[str, object] = {"state": SessionState.IN_PROGRESS, "created_at": T0, **kw}
    return SessionInfo(sid, f"S {sid}", area, counter, **values)  # type: ignore[arg-type]


def lines_by_key(lines: list[VarianceLine], key: str) -> VarianceLine:
    return next(ln for ln in lines if ln.item_key == key)


EXPECTED = {"zero": 0.0, "cnt0": 4.0, "none": 3.0, "two": 10.0, "ok": 100.0}
SESSIONS = [session("a"), session("b", area="Backstock", counter="pat")]
COUNTS = [
    ItemCount("a", "zero", 2, 1),  # stock 0, 2 found
    ItemCount("a", "cnt0", 0, 1),  # counted 0 on purpose
    ItemCount("a", "two", 4, 2),  # counted in two sessions
    ItemCount("b", "two", 5, 1),
    ItemCount("a", "ok", 98, 3),
    ItemCount("b", "extra", 7, 1),  # stock missing: not on the list
]


def test_each_variance_case() -> None:
    lines = variance_lines(EXPECTED, SESSIONS, COUNTS, {"two": "Two"}, Threshold(ThresholdKind.PERCENT, 5), {})
    by = {ln.item_key: ln for ln in lines}
    assert set(by) == {"zero", "cnt0", "none", "two", "ok", "extra"}
    assert (by["zero"].counted, by["zero"].variance, by["zero"].percent, by["zero"].status) == (
        2,
        2.0,
        None,
        Status.PENDING,
    )
    assert (by["cnt0"].counted, by["cnt0"].variance, by["cnt0"].percent) == (0, -4.0, -100.0)
    assert by["none"].counted is None and by["none"].variance is None and by["none"].status is Status.NOT_COUNTED
    assert by["two"].counted == 9 and by["two"].name == "Two" and by["two"].by_session == (("a", 4), ("b", 5))
    assert by["two"].status is Status.PENDING  # -10 %
    assert by["ok"].status is Status.WITHIN and by["ok"].percent == pytest.approx(-2.0)
    assert by["extra"].expected is None and by["extra"].status is Status.NO_STOCK and by["extra"].counted == 7


def test_discarded_sessions_and_lines_without_units_do_not_count() -> None:
    sessions = [session("a"), session("gone", state=SessionState.DISCARDED)]
    counts = [ItemCount("gone", "ok", 100, 1), ItemCount("a", "ok", 50, 1), ItemCount("a", "none", 0, 0)]
    by = {ln.item_key: ln for ln in variance_lines(EXPECTED, sessions, counts, {}, Threshold(), {})}
    assert by["ok"].counted == 50
    assert by["none"].counted is None  # no line: not counted, not counted 0


def test_recount_supersedes_for_its_items_only() -> None:
    later = T0 + timedelta(hours=1)
    sessions = [
        *SESSIONS,
        session("r1", recount_items=frozenset({"two"}), created_at=later),
        session("r2", recount_items=frozenset({"two", "ok"}), created_at=later + timedelta(minutes=5)),
    ]
    counts = [*COUNTS, ItemCount("r1", "two", 11, 1), ItemCount("r2", "two", 10, 1), ItemCount("r1", "zero", 1, 1)]
    by = {ln.item_key: ln for ln in variance_lines(EXPECTED, sessions, counts, {}, Threshold(), {})}
    assert by["two"].counted == 10 and by["two"].by_session == (("r2", 10),) and by["two"].status is Status.WITHIN
    assert by["ok"].counted == 98  # r2 targets it but has not counted it: the first count stands
    assert by["zero"].counted == 3  # r1 does not target it: its units add


def test_thresholds() -> None:
    units = Threshold(ThresholdKind.UNITS, 2)
    assert not units.exceeded(10, 2) and units.exceeded(10, -3) and not units.exceeded(0, 2)
    pct = Threshold(ThresholdKind.PERCENT, 10)
    assert not pct.exceeded(10, 1) and pct.exceeded(10, 1.5) and pct.exceeded(0, 1) and not pct.exceeded(0, 0)
    for bad in (-1, math.nan):
        with pytest.raises(ValueError):
            Threshold(ThresholdKind.UNITS, bad)


def test_a_decision_holds_for_the_count_it_was_made_on() -> None:
    decided = DecisionRecord("two", Decision.FORCED, "shelf broken", 9, "sam", T0)
    lines = variance_lines(EXPECTED, SESSIONS, COUNTS, {}, Threshold(), {"two": decided})
    two = lines_by_key(lines, "two")
    assert two.status is Status.FORCED and two.decision == decided and two.over
    lapsed = variance_lines(
        EXPECTED, SESSIONS, [*COUNTS, ItemCount("a", "two", 3, 1)], {}, Threshold(), {"two": decided}
    )
    assert lines_by_key(lapsed, "two").status is Status.PENDING and lines_by_key(lapsed, "two").decision is None
    assert reason_required(Decision.FORCED) and reason_required(Decision.REJECTED)
    assert not reason_required(Decision.APPROVED)


def test_progress_counts_listed_items_and_units_once() -> None:
    p = progress(EXPECTED, SESSIONS, COUNTS)
    assert (p.listed, p.counted, p.remaining, p.units) == (5, 4, 1, 2 + 0 + 9 + 98 + 7)


def test_attribution_splits_variance_by_units_counted() -> None:
    lines = variance_lines(EXPECTED, SESSIONS, COUNTS, {}, Threshold(), {})
    by_counter = {a.group: a for a in attribute(lines, SESSIONS, Grouping.COUNTER)}
    # "two": -1 split 4:5; alex also holds zero +2, cnt0 -4, ok -2; pat holds "extra" (no expected).
    assert by_counter["alex"].variance == pytest.approx(2 - 4 - 2 - 4 / 9)
    assert by_counter["pat"].variance == pytest.approx(-5 / 9)
    assert by_counter["pat"].items == 2 and by_counter["pat"].units == 12
    assert by_counter["alex"].over_threshold == 3  # zero, cnt0 and two wait for approval
    by_area = {a.group for a in attribute(lines, SESSIONS, Grouping.AREA)}
    assert by_area == {"Display", "Backstock"}


def test_figures_completion_and_accuracy() -> None:
    lines = variance_lines(EXPECTED, SESSIONS, COUNTS, {}, Threshold(), {})
    whole = count_figures("Count", lines)
    assert (whole.listed, whole.counted, whole.accurate) == (5, 4, 1)
    assert whole.completion == pytest.approx(0.8) and whole.accuracy == pytest.approx(0.25)
    per = {f.group: f for f in group_figures(lines, SESSIONS, Grouping.SESSION)}
    assert (per["S a"].counted, per["S a"].accurate, per["S b"].counted) == (4, 1, 1)
    assert count_figures("empty", []).completion is None and count_figures("empty", []).accuracy is None


def test_recount_candidates() -> None:
    lines = variance_lines(EXPECTED, SESSIONS, COUNTS, {}, Threshold(), {})
    assert recount_candidates(lines) == ["cnt0", "none", "two", "zero"]
    assert recount_candidates(lines, ["ok", "ok", "two"]) == ["ok", "two"]
