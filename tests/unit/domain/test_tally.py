"""The reference fold: totals always add up, and every change can be undone exactly."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from scanapp.domain.classification import Category, classify, tabs_for
from scanapp.domain.counts import CountKind
from scanapp.domain.journal import Event, EventKind
from scanapp.domain.projection import SessionTally
from scanapp.domain.tally import Totals

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PRODUCTS = ["A", "B", "C", "D"]
EXPECTED = ["A", "B", "X"]  # X is listed but never scanned


def event(n: int, kind: EventKind, **payload: object) -> Event:
    return Event(
        id=f"e{n:05d}",
        kind=kind,
        device_id="d",
        user_id="u",
        session_id="s",
        wall_time=T0,
        mono_ns=n,
        payload=payload,
        seq=n,
    )


def test_classification_rules() -> None:
    assert classify(CountKind.DIRECTED, None, False) is Category.UNMATCHED
    assert classify(CountKind.DIRECTED, "A", True) is Category.COUNTED
    assert classify(CountKind.DIRECTED, "D", False) is Category.UNDIRECTED
    assert classify(CountKind.HARD, "D", False) is Category.COUNTED
    assert tabs_for(CountKind.HARD) == (Category.COUNTED, Category.UNMATCHED)
    assert tabs_for(CountKind.DIRECTED) == (
        Category.COUNTED,
        Category.UNMATCHED,
        Category.UNDIRECTED,
        Category.UNCOUNTED,
    )


# One step of a random session: scan a product or an unknown code, a rejected read, a hand count,
# remove the i-th active line, or match the i-th unmatched line to a product.
steps = st.one_of(
    st.tuples(st.just("scan"), st.sampled_from([*PRODUCTS, None])),
    st.tuples(st.just("reject"), st.just(None)),
    st.tuples(st.just("hand"), st.tuples(st.sampled_from(PRODUCTS), st.integers(1, 50))),
    st.tuples(st.just("remove"), st.integers(0, 30)),
    st.tuples(st.just("match"), st.tuples(st.integers(0, 30), st.sampled_from(PRODUCTS))),
)


def to_events(ops: list[tuple[str, object]], tally: SessionTally) -> list[Event]:
    """Turn random steps into valid events, applying them as we go (removes/matches need existing lines)."""
    events = []
    for n, (op, arg) in enumerate(ops):
        if op == "scan":
            ev = event(n, EventKind.SCAN_RECORDED, raw="x", code=arg or "UNKNOWN", item_key=arg, source="t")
        elif op == "reject":
            ev = event(n, EventKind.SCAN_REJECTED, raw="bad", reason="bad check digit", source="t")
        elif op == "hand":
            sku, qty = arg  # type: ignore[misc]
            ev = event(n, EventKind.HAND_COUNTED, item_key=sku, qty=qty)
        elif op == "remove":
            active = tally.active_lines()
            if not active:
                continue
            ev = event(n, EventKind.LINE_REMOVED, line_id=active[int(arg) % len(active)].event_id)  # type: ignore[call-overload]
        else:
            index, sku = arg  # type: ignore[misc]
            unmatched = [ln for ln in tally.active_lines() if ln.category is Category.UNMATCHED]
            if not unmatched:
                continue
            ev = event(n, EventKind.LINE_MATCHED, line_id=unmatched[index % len(unmatched)].event_id, item_key=sku)
        tally.apply(ev)
        events.append(ev)
    return events


@given(st.lists(steps, max_size=60), st.sampled_from([CountKind.DIRECTED, CountKind.HARD]))
def test_category_units_add_up_to_units_scanned(ops: list[tuple[str, object]], kind: CountKind) -> None:
    tally = SessionTally(kind, EXPECTED if kind is CountKind.DIRECTED else ())
    to_events(ops, tally)
    totals = tally.totals()
    assert sum(totals.by_category.values()) == totals.units
    assert totals.units == sum(ln.units for ln in tally.active_lines() if ln.category is not None)
    matched = {ln.item_key for ln in tally.active_lines() if ln.item_key and ln.category is not None}
    assert totals.unique_items == len(matched)
    if kind is CountKind.HARD:
        assert set(totals.by_category) <= {Category.COUNTED, Category.UNMATCHED}


@given(st.lists(steps, max_size=40), st.sampled_from([*PRODUCTS, None]))
def test_removing_a_scan_restores_the_previous_totals(ops: list[tuple[str, object]], sku: str | None) -> None:
    tally = SessionTally(CountKind.DIRECTED, EXPECTED)
    to_events(ops, tally)
    before = tally.totals()
    line = tally.apply(event(9000, EventKind.SCAN_RECORDED, raw="x", code="c", item_key=sku, source="t"))
    assert line is not None
    assert tally.totals().units == before.units + 1
    tally.apply(event(9001, EventKind.LINE_REMOVED, line_id=line.event_id))
    after = tally.totals()
    assert _without_lines(after) == _without_lines(before)


@given(st.lists(steps, max_size=60))
def test_rebuilding_from_the_journal_equals_the_incremental_fold(ops: list[tuple[str, object]]) -> None:
    live = SessionTally(CountKind.DIRECTED, EXPECTED)
    events = to_events(ops, live)
    rebuilt = SessionTally(CountKind.DIRECTED, EXPECTED)
    for ev in events:
        rebuilt.apply(ev)
    assert rebuilt.totals() == live.totals()
    assert rebuilt.active_lines() == live.active_lines()
    assert rebuilt.uncounted() == live.uncounted()


def test_matching_moves_an_unmatched_scan_to_counted_or_undirected() -> None:
    tally = SessionTally(CountKind.DIRECTED, EXPECTED)
    a = tally.apply(event(1, EventKind.SCAN_RECORDED, raw="x", code="999", item_key=None, source="t"))
    b = tally.apply(event(2, EventKind.SCAN_RECORDED, raw="y", code="998", item_key=None, source="t"))
    assert a is not None and b is not None
    assert tally.totals().units_in(Category.UNMATCHED) == 2
    tally.apply(event(3, EventKind.LINE_MATCHED, line_id=a.event_id, item_key="A"))
    tally.apply(event(4, EventKind.LINE_MATCHED, line_id=b.event_id, item_key="D"))
    t = tally.totals()
    assert (t.units_in(Category.COUNTED), t.units_in(Category.UNDIRECTED), t.units_in(Category.UNMATCHED)) == (1, 1, 0)
    assert tally.uncounted() == {"B", "X"}


def _without_lines(t: Totals) -> tuple[object, ...]:
    return (t.units, t.unique_items, t.expected_scanned, t.rejected, t.by_category)
