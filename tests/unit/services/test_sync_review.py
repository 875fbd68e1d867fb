"""Events the sync server did not apply leave the device's totals (S3): the marks undo their effects, and a
rebuild from the journal, which reads the same marks, gives the same lines and totals (B1)."""

from __future__ import annotations

import itertools
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind
from scanapp.domain.journal import Event
from scanapp.domain.permissions import Actor
from scanapp.domain.projection import SessionTally
from scanapp.services.counting import Counting
from scanapp.services.sync_review import mark_in_review
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import CHIPS, COLA, WATER, FixedClock, add_products
from tests.unit.store.test_projections import ops, store_state

counter = itertools.count()
UNKNOWN = "00012345678905"


def _journal(store: Store, session_id: str) -> list[Event]:
    with SqlUnitOfWork(store) as uow:
        return list(uow.journal.for_session(session_id))


def _catalog(store: Store) -> None:
    add_products(store, {"SKU-COLA": [COLA.zfill(14)], "SKU-WATER": [WATER.zfill(14)], "SKU-CHIPS": [CHIPS.zfill(14)]})


def test_a_fenced_tail_leaves_the_totals_and_stays_in_the_list_marked(
    store: Store, counting: Counting, supervisor: Actor, clock: FixedClock
) -> None:
    _catalog(store)
    _count, session = counting.create_count(
        supervisor, "c", CountKind.DIRECTED, clock.now() - timedelta(hours=1), [("SKU-COLA", 5.0), ("SKU-CHIPS", 2)]
    )
    sid = session.id
    counting.start(supervisor, sid)
    first = counting.record_scan(supervisor, sid, COLA, "test")
    second = counting.record_scan(supervisor, sid, COLA, "test")
    counting.record_scan(supervisor, sid, WATER, "test")
    unknown = counting.record_scan(supervisor, sid, UNKNOWN, "test")
    with store.read() as conn:
        before = queries.totals(conn, sid)
    assert before.units == 4
    # Then, under a lease a supervisor had force-released meanwhile: a removal, a hand count, a match, a scan.
    counting.remove_line(supervisor, sid, second.line_id)
    counting.add_hand_counted(supervisor, sid, [("SKU-CHIPS", 2)])
    counting.match_line(supervisor, sid, unknown.line_id, "SKU-WATER")
    late = counting.record_scan(supervisor, sid, COLA, "test")
    tail = _journal(store, sid)[-4:]
    verdicts = {e.id: "the lease was force-released (epoch 2) after this was written under epoch 1" for e in tail}

    assert mark_in_review(store, verdicts, clock) == {sid}
    assert mark_in_review(store, verdicts, clock) == set(), "each event is marked once"
    with store.read() as conn:
        after = queries.totals(conn, sid)
        lines = {ln.event_id: ln for ln in queries.lines(conn, sid, limit=100)}
        unmatched = queries.unmatched_codes(conn, sid)
    assert (after.units, after.unique_items, after.by_category) == (
        before.units,
        before.unique_items,
        before.by_category,
    )
    assert not lines[second.line_id].removed, "the removal the server did not apply is undone"
    assert lines[unknown.line_id].category is Category.UNMATCHED and unmatched == [(UNKNOWN, 1)]
    assert lines[late.line_id].review == verdicts[tail[-1].id] and not lines[late.line_id].counts
    hand = next(ln for ln in lines.values() if ln.item_key == "SKU-CHIPS")
    assert hand.review is not None and lines[first.line_id].review is None
    state = store_state(store, sid)
    counting.rebuild(sid)
    assert store_state(store, sid) == state


def test_verdicts_on_events_of_no_line_are_marked_only(
    store: Store, counting: Counting, supervisor: Actor, clock: FixedClock
) -> None:
    _catalog(store)
    _count, session = counting.create_count(supervisor, "c", CountKind.HARD, clock.now() - timedelta(hours=1))
    counting.start(supervisor, session.id)
    started = _journal(store, session.id)[-1]
    assert mark_in_review(store, {started.id: "recorded by alex, pushed under sam's sign-in"}, clock) == set()
    assert mark_in_review(store, {"not-an-event-of-this-device": "x"}, clock) == set()
    with SqlUnitOfWork(store) as uow:
        assert uow.reviews.in_review(session.id) == {started.id: "recorded by alex, pushed under sam's sign-in"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=ops, kind=st.sampled_from([CountKind.DIRECTED, CountKind.HARD]), fenced=st.integers(0, 45))
def test_marking_any_tail_equals_the_fold_without_it_and_a_rebuild(
    store: Store, counting: Counting, supervisor: Actor, clock: FixedClock, steps, kind: CountKind, fenced: int
) -> None:
    if next(counter) == 0:
        _catalog(store)
    expected = [("SKU-COLA", 5.0), ("SKU-CHIPS", 2.0)] if kind is CountKind.DIRECTED else []
    _count, session = counting.create_count(supervisor, "c", kind, clock.now() - timedelta(hours=1), expected)
    counting.start(supervisor, session.id)
    for op, arg in steps:
        with store.read() as conn:
            active = [ln for ln in queries.lines(conn, session.id, limit=10_000) if ln.review is None]
        if op == "scan":
            counting.record_scan(supervisor, session.id, arg, "test")
        elif op == "remove" and active:
            counting.remove_line(supervisor, session.id, active[arg % len(active)].event_id)
        elif op == "match":
            unmatched = [ln for ln in active if ln.category is Category.UNMATCHED]
            if unmatched:
                counting.match_line(supervisor, session.id, unmatched[arg[0] % len(unmatched)].event_id, arg[1])
        elif op == "hand" and kind is CountKind.DIRECTED:
            counting.add_hand_counted(supervisor, session.id, [arg])
    journal = _journal(store, session.id)
    cut = max(2, len(journal) - fenced)  # session_created and session_started stay applied
    mark_in_review(store, {e.id: "fenced" for e in journal[cut:]}, clock)

    fold = SessionTally(kind, [k for k, _ in expected])
    for event in journal[:cut]:
        fold.apply(event)
    state = store_state(store, session.id)
    totals = state[0]
    want = fold.totals()
    assert (totals.units, totals.unique_items, totals.by_category, totals.expected_scanned) == (
        want.units,
        want.unique_items,
        want.by_category,
        want.expected_scanned,
    )
    counting.rebuild(session.id)
    assert store_state(store, session.id) == state
