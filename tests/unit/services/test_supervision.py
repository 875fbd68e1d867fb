"""The supervisor's station on a real store: variance with counted 0 apart from not counted, decisions that
lapse when the count changes, thresholds, directed recounts, permissions, bad input, events pulled from
another device, and a rebuild from the journal."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from scanapp.domain.counts import Count, CountKind, Session
from scanapp.domain.errors import InvalidTransition, NotFound, PermissionDenied
from scanapp.domain.journal import Event, EventKind, new_event_id
from scanapp.domain.messages import Message
from scanapp.domain.permissions import Actor
from scanapp.domain.session_record import session_json
from scanapp.domain.variance import Decision, Grouping, Status, Threshold, ThresholdKind
from scanapp.services.counting import Counting
from scanapp.services.reads import Reads
from scanapp.services.supervision import Supervision, parse_threshold
from scanapp.services.supervisor_reads import SupervisorReads
from scanapp.store import queries
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync.local import apply_changes
from tests.helpers import COLA, WATER, FixedClock, add_products

SUPERVISION_TABLES = ("variance_decisions", "count_thresholds", "session_targets")


def events(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM events")).scalar_one())


def rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))]


def test_variance_tells_counted_zero_from_not_counted_and_sums_sessions_once(
    reads: SupervisorReads, counted: tuple[Count, Session, Session]
) -> None:
    count = counted[0]
    lines = {ln.item_key: ln for ln in reads.variance(count.id)}
    assert list(lines) == ["SKU-CHIPS", "SKU-COLA", "SKU-JUICE", "SKU-WATER"]
    cola, chips, juice, water = lines["SKU-COLA"], lines["SKU-CHIPS"], lines["SKU-JUICE"], lines["SKU-WATER"]
    assert (cola.counted, cola.variance, cola.status) == (7, -5.0, Status.PENDING)  # 2 + 5; the discarded 50 not
    assert cola.name == "Product SKU-COLA" and round(cola.percent or 0, 2) == -41.67
    assert (chips.counted, chips.variance, chips.status) == (0, -3.0, Status.PENDING)  # counted, as 0
    assert (juice.counted, juice.variance, juice.status) == (None, None, Status.NOT_COUNTED)
    assert (water.counted, water.expected, water.status) == (1, None, Status.NO_STOCK)
    assert reads.items_of_session(count.id, "SKU-COLA") == (("Default session", 2), ("Aisle B", 5))
    assert reads.items_of_session(count.id, "SKU-NONE") == ()

    progress = reads.progress(count.id)
    assert (progress.listed, progress.counted, progress.remaining, progress.units) == (3, 2, 1, 8)
    by_name = {s.name: s for s in progress.sessions}
    assert (
        by_name["Aisle B"].counter == "sam" and by_name["Aisle B"].units == 5 and by_name["Aisle B"].area == "Backstock"
    )
    assert by_name["Default session"].last_activity is not None and by_name["Mistake"].state.value == "Discarded"

    pending = frozenset({Status.PENDING})
    assert reads.variance_total(count.id, pending) == 2
    assert [ln.item_key for ln in reads.variance_page(count.id, pending, 1, 10)] == ["SKU-COLA"]
    assert [ln.item_key for ln in reads.variance_page(count.id, None, 0, 2)] == ["SKU-CHIPS", "SKU-COLA"]
    assert reads.variance_total(count.id, None) == 4

    sessions = {a.group: a for a in reads.attribution(count.id, Grouping.SESSION)}
    assert sessions["Aisle B"].units == 5 and sessions["Default session"].units == 3
    assert math.isclose(sessions["Aisle B"].variance, -5 * 5 / 7, abs_tol=1e-6)
    [whole] = reads.figures(count.id, None)
    assert (whole.group, whole.listed, whole.counted, whole.accurate) == ("Aisle 5", 3, 2, 0)
    assert {f.group for f in reads.figures(count.id, Grouping.COUNTER)} == {"sam"}
    assert [c.count.id for c in reads.counts()] == [count.id]


def test_a_decision_holds_for_the_count_it_was_made_on_and_lapses_when_it_changes(
    store: Store,
    counting: Counting,
    supervision: Supervision,
    reads: SupervisorReads,
    supervisor: Actor,
    clock: FixedClock,
    counted: tuple[Count, Session, Session],
) -> None:
    count, default, _ = counted
    assert reads.line(count.id, "SKU-COLA") is not None  # computed and kept before the decision
    clock.advance(timedelta(minutes=1))
    line = supervision.decide(supervisor, count.id, "SKU-COLA", Decision.APPROVED, "  ")
    assert line.status is Status.APPROVED and line.decision is not None
    assert (line.decision.decided_by, line.decision.counted, line.decision.reason) == ("sam", 7, "")
    assert reads.line(count.id, "SKU-COLA") == line  # the kept lines follow the decision
    assert reads.variance_total(count.id, frozenset({Status.APPROVED})) == 1
    with store.read() as conn:
        kind, payload = conn.execute(text("SELECT kind, payload FROM events ORDER BY local_id DESC LIMIT 1")).one()
    assert kind == "variance_decided" and '"counted":7' in payload and '"decision":"approved"' in payload

    forced = supervision.decide(supervisor, count.id, "SKU-CHIPS", Decision.FORCED, "shelf empty, checked")
    assert forced.status is Status.FORCED and forced.decision and forced.decision.reason == "shelf empty, checked"

    counting.record_scan(supervisor, default.id, COLA, "wedge")  # COLA is now 8: the approval of 7 lapsed
    again = reads.line(count.id, "SKU-COLA")
    assert again is not None and (again.counted, again.status, again.decision) == (8, Status.PENDING, None)
    assert reads.line(count.id, "SKU-CHIPS") == forced


def test_thresholds_per_count_and_device_default(
    supervision: Supervision, reads: SupervisorReads, supervisor: Actor, counted: tuple[Count, Session, Session]
) -> None:
    count = counted[0]
    assert reads.threshold(count.id) == Threshold() == supervision.default_threshold()
    supervision.set_default_threshold(supervisor, Threshold(ThresholdKind.UNITS, 3))
    assert reads.threshold(count.id) == Threshold(ThresholdKind.UNITS, 3)
    assert reads.line(count.id, "SKU-CHIPS").status is Status.WITHIN  # type: ignore[union-attr]  # 3 units off
    supervision.set_threshold(supervisor, count.id, Threshold(ThresholdKind.UNITS, 5))
    assert reads.threshold(count.id) == Threshold(ThresholdKind.UNITS, 5)
    assert reads.variance_total(count.id, frozenset({Status.PENDING})) == 0
    supervision.set_threshold(supervisor, count.id, parse_threshold("percent", 10))
    assert reads.variance_total(count.id, frozenset({Status.PENDING})) == 2


@pytest.mark.parametrize("value", [-1, math.nan, math.inf, "x"])
def test_a_bad_threshold_is_refused_in_words(value: Any) -> None:
    with pytest.raises(InvalidTransition) as err:
        parse_threshold("units", value)
    assert err.value.message is Message.THRESHOLD_INVALID
    with pytest.raises(InvalidTransition):
        parse_threshold("pieces", 5)


def test_bad_decisions_are_refused_and_write_nothing(
    store: Store, supervision: Supervision, supervisor: Actor, counted: tuple[Count, Session, Session]
) -> None:
    count = counted[0]
    before = events(store)
    for decision in (Decision.FORCED, Decision.REJECTED):
        with pytest.raises(InvalidTransition) as err:
            supervision.decide(supervisor, count.id, "SKU-COLA", decision, " ")
        assert err.value.message is Message.VARIANCE_REASON_NEEDED
        assert "needs a reason" in str(err.value)
    with pytest.raises(NotFound) as nf:
        supervision.decide(supervisor, count.id, "SKU-NOPE", Decision.APPROVED, "")
    assert nf.value.message is Message.VARIANCE_NO_ITEM and "SKU-NOPE" in str(nf.value)
    with pytest.raises(InvalidTransition) as nc:
        supervision.decide(supervisor, count.id, "SKU-JUICE", Decision.APPROVED, "")
    assert nc.value.message is Message.VARIANCE_NOT_COUNTED
    with pytest.raises(NotFound):
        supervision.decide(supervisor, "no-such-count", "SKU-COLA", Decision.APPROVED, "")
    with pytest.raises(InvalidTransition):
        supervision.create_recount(supervisor, count.id, [" "], "Recount", "")
    with pytest.raises(NotFound):
        supervision.create_recount(supervisor, count.id, ["SKU-NOPE"], "Recount", "")
    with pytest.raises(InvalidTransition):
        supervision.create_recount(supervisor, count.id, ["SKU-COLA"], " ", "")
    assert events(store) == before
    assert all(rows(store, t) == [] for t in SUPERVISION_TABLES)


def test_an_associate_may_not_supervise_and_nothing_is_written(
    store: Store, supervision: Supervision, associate: Actor, counted: tuple[Count, Session, Session]
) -> None:
    count = counted[0]
    before = events(store)
    calls = [
        lambda: supervision.decide(associate, count.id, "SKU-COLA", Decision.APPROVED, ""),
        lambda: supervision.set_threshold(associate, count.id, Threshold()),
        lambda: supervision.set_default_threshold(associate, Threshold(ThresholdKind.UNITS, 1)),
        lambda: supervision.create_recount(associate, count.id, ["SKU-COLA"], "Recount", ""),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as err:
            call()
        assert err.value.message is Message.MAY_NOT
    assert events(store) == before
    assert all(rows(store, t) == [] for t in SUPERVISION_TABLES)
    assert supervision.default_threshold() == Threshold()


def test_a_recount_lists_exactly_its_targets_and_supersedes_for_what_it_counted(
    store: Store,
    counting: Counting,
    supervision: Supervision,
    reads: SupervisorReads,
    supervisor: Actor,
    clock: FixedClock,
    counted: tuple[Count, Session, Session],
) -> None:
    count = counted[0]
    clock.advance(timedelta(minutes=5))
    recount = supervision.create_recount(
        supervisor, count.id, ["SKU-JUICE", "SKU-COLA", "SKU-WATER"], "Recount 1", "Aisle 5"
    )
    assert (recount.name, recount.area, recount.count_id) == ("Recount 1", "Aisle 5", count.id)
    with store.read() as conn:
        assert [r.item_key for r in queries.uncounted(conn, recount.id)] == ["SKU-COLA", "SKU-JUICE", "SKU-WATER"]
        assert [r.expected_qty for r in queries.uncounted(conn, recount.id)] == [12.0, 4.0, None]
        assert queries.uncounted_count(conn, recount.id) == 3
        assert [r.item_key for r in queries.uncounted(conn, recount.id, offset=1, limit=1)] == ["SKU-JUICE"]
        # An ordinary session of the count still lists the whole list.
        assert queries.uncounted_count(conn, counted[2].id) == 2
        payload = conn.execute(
            text("SELECT payload FROM events WHERE kind = 'session_created' ORDER BY local_id DESC LIMIT 1")
        ).scalar_one()
    assert '"recount_items":["SKU-JUICE","SKU-COLA","SKU-WATER"]' in payload

    page = Reads(store)  # what the session page's Uncounted tab reads
    assert page.uncounted_count(recount.id) == 3
    assert [(r.item_key, r.name) for r in page.uncounted(recount.id, 0, 2)] == [
        ("SKU-COLA", "Product SKU-COLA"),
        ("SKU-JUICE", "Product SKU-JUICE"),
    ]
    counting.start(supervisor, recount.id)
    counting.add_hand_counted(supervisor, recount.id, [("SKU-JUICE", 4)])
    assert [r.item_key for r in page.uncounted(recount.id)] == ["SKU-COLA", "SKU-WATER"]
    counting.add_hand_counted(supervisor, recount.id, [("SKU-COLA", 12)])
    counting.record_scan(supervisor, recount.id, WATER, "wedge")
    with store.read() as conn:
        assert queries.uncounted(conn, recount.id) == []
    lines = {ln.item_key: ln for ln in reads.variance(count.id)}
    assert (lines["SKU-COLA"].counted, lines["SKU-COLA"].status) == (12, Status.WITHIN)  # the recount's, alone
    assert lines["SKU-COLA"].by_session == ((recount.id, 12),)
    assert (lines["SKU-JUICE"].counted, lines["SKU-JUICE"].status) == (4, Status.WITHIN)
    assert lines["SKU-CHIPS"].counted == 0  # not a target: as counted before
    [info] = [s for s in reads.progress(count.id).sessions if s.id == recount.id]
    assert info.is_recount and info.recount_items == {"SKU-JUICE", "SKU-COLA", "SKU-WATER"}
    [fig] = [f for f in reads.figures(count.id, Grouping.SESSION) if f.group == "Recount 1"]
    assert (fig.listed, fig.counted) == (3, 2)


def wire(event: Event) -> dict[str, Any]:
    return {"entity": "event", "seq": 1, "data": event.to_wire()}


def test_events_pulled_from_another_device_are_applied(
    store: Store, reads: SupervisorReads, clock: FixedClock, counted: tuple[Count, Session, Session]
) -> None:
    count = counted[0]
    other = "another-device"
    t0 = clock.now() + timedelta(minutes=1)

    def event(kind: EventKind, payload: dict[str, Any], seq: int, at: Any = t0, session: str | None = None) -> Event:
        return Event(new_event_id(), kind, other, "pat", session, at, seq, payload, seq=seq)

    later = event(
        EventKind.VARIANCE_DECIDED,
        {"count_id": count.id, "item_key": "SKU-COLA", "decision": "rejected", "reason": "recount", "counted": 7},
        2,
        t0 + timedelta(seconds=30),
    )
    earlier = event(
        EventKind.VARIANCE_DECIDED,
        {"count_id": count.id, "item_key": "SKU-COLA", "decision": "approved", "reason": "", "counted": 7},
        1,
    )
    threshold = event(EventKind.VARIANCE_THRESHOLD_SET, {"count_id": count.id, "kind": "units", "value": 2.5}, 3)
    bad = event(EventKind.VARIANCE_DECIDED, {"count_id": count.id, "item_key": "SKU-CHIPS", "decision": "?"}, 4)
    recount = Session(
        id=new_event_id(),
        count_id=count.id,
        name="Recount from the tablet",
        area="",
        state=counted[1].state,
        is_default=False,
        created_at=t0,
        created_by="pat",
    )
    created = event(
        EventKind.SESSION_CREATED,
        {"count_id": count.id, "name": recount.name, "area": "", "is_default": False, "recount_items": ["SKU-JUICE"]},
        5,
        session=recount.id,
    )
    state = {"entity": "session", "seq": 7, "data": {**session_json(recount), "recount_items": ["SKU-JUICE"]}}
    # The later decision arrives first: the earlier one, pulled after it, does not replace it.
    with SqlUnitOfWork(store) as uow:
        applied = apply_changes(
            uow, [wire(later), wire(earlier), wire(threshold), wire(bad), state, wire(created)], clock.now()
        )
        uow.commit()
    assert applied == 6
    line = reads.line(count.id, "SKU-COLA")
    assert line is not None and line.status is Status.REJECTED and line.decision is not None
    assert (line.decision.decided_by, line.decision.reason) == ("pat", "recount")
    assert reads.threshold(count.id) == Threshold(ThresholdKind.UNITS, 2.5)
    assert rows(store, "session_targets") == [(recount.id, "SKU-JUICE")]
    with store.read() as conn:
        assert [r.item_key for r in queries.uncounted(conn, recount.id)] == ["SKU-JUICE"]
    # Pulled again (a page asked for twice): nothing changes.
    before = {t: rows(store, t) for t in SUPERVISION_TABLES}
    with SqlUnitOfWork(store) as uow:
        apply_changes(uow, [wire(earlier), wire(later), wire(created)], clock.now())
        uow.commit()
    assert {t: rows(store, t) for t in SUPERVISION_TABLES} == before


def test_a_rebuild_from_the_journal_reproduces_the_tables(
    store: Store,
    supervision: Supervision,
    supervisor: Actor,
    clock: FixedClock,
    counted: tuple[Count, Session, Session],
) -> None:
    count = counted[0]
    supervision.set_threshold(supervisor, count.id, Threshold(ThresholdKind.UNITS, 1))
    clock.advance(timedelta(seconds=1))
    supervision.set_threshold(supervisor, count.id, Threshold(ThresholdKind.PERCENT, 20))
    supervision.decide(supervisor, count.id, "SKU-COLA", Decision.APPROVED, "")
    clock.advance(timedelta(seconds=1))
    supervision.decide(supervisor, count.id, "SKU-COLA", Decision.REJECTED, "again")
    supervision.decide(supervisor, count.id, "SKU-WATER", Decision.FORCED, "found in the back")
    supervision.create_recount(supervisor, count.id, ["SKU-COLA"], "Recount", "")
    before = {t: rows(store, t) for t in SUPERVISION_TABLES}
    assert len(before["variance_decisions"]) == 2 and before["count_thresholds"][0][1:3] == ("percent", 20.0)
    with store.write() as conn:
        for table in SUPERVISION_TABLES:
            conn.execute(text(f"DELETE FROM {table}"))
    supervision.rebuild(count.id)
    assert {t: rows(store, t) for t in SUPERVISION_TABLES} == before


def test_a_lab_reconciliation_is_not_supervised_here(
    store: Store, supervision: Supervision, supervisor: Actor, counted: tuple[Count, Session, Session]
) -> None:
    lab = replace(counted[0], id=new_event_id(), kind=CountKind.SCOPED, name="Lab")
    with SqlUnitOfWork(store) as uow:
        uow.counts.add(lab, [("B-1", 1.0)])
        uow.commit()
    with pytest.raises(InvalidTransition) as err:
        supervision.set_threshold(supervisor, lab.id, Threshold())
    assert err.value.message is Message.NOT_A_RETAIL_COUNT


def test_the_kept_lines_equal_a_fresh_computation_after_every_change(
    store: Store,
    counting: Counting,
    supervision: Supervision,
    reads: SupervisorReads,
    supervisor: Actor,
    clock: FixedClock,
    counted: tuple[Count, Session, Session],
) -> None:
    """Whatever moved (a scan, an unlisted item counted, a line removed, a decision, a discarded session, a
    recount, a threshold), what the kept reads answer is what reading everything afresh answers."""
    from scanapp.domain.variance import progress as domain_progress
    from scanapp.store.queries import supervision as q

    count, default, other = counted

    def fresh() -> SupervisorReads:
        return SupervisorReads(lambda: SqlUnitOfWork(store), clock)

    def check() -> None:
        clock.advance(timedelta(seconds=1))
        new = fresh()
        assert reads.variance(count.id) == new.variance(count.id)
        for statuses in (None, frozenset({Status.PENDING}), frozenset({Status.NOT_COUNTED, Status.NO_STOCK})):
            assert reads.variance_total(count.id, statuses) == new.variance_total(count.id, statuses)
            assert reads.variance_page(count.id, statuses, 1, 2) == new.variance_page(count.id, statuses, 1, 2)
        with store.read() as conn:
            sessions = q.session_infos(conn, count.id)
            expected = q.expected_of(conn, count.id)
            rows = q.item_counts(conn, [s.id for s in sessions])
        assert reads.progress(count.id) == domain_progress(expected, sessions, rows)
        assert reads.attribution(count.id, Grouping.AREA) == new.attribution(count.id, Grouping.AREA)
        assert reads.figures(count.id, Grouping.SESSION) == new.figures(count.id, Grouping.SESSION)

    # An unlisted item counted only in a discarded session is in no line.
    add_products(store, {"SKU-GONE": ["00000000000024"]})
    gone = counting.new_session(supervisor, count.id, "Gone", "")
    counting.start(supervisor, gone.id)
    counting.record_scan(supervisor, gone.id, "00000000000024", "wedge")
    counting.discard(supervisor, gone.id)
    # Unfiltered pages before anything is kept are read by key: the same lines.
    assert reads.variance_page(count.id, None, 0, 10) == fresh().variance(count.id)
    assert reads.variance_total(count.id, None) == 4
    check()
    counting.record_scan(supervisor, other.id, COLA, "wedge")
    check()
    add_products(store, {"SKU-NEW": ["00000000000017"]})
    counting.record_scan(supervisor, other.id, "00000000000017", "wedge")  # an unlisted item comes
    check()
    with store.read() as conn:
        line_id = conn.execute(
            text("SELECT event_id FROM scan_lines WHERE session_id = :s AND item_key = 'SKU-NEW'"), {"s": other.id}
        ).scalar_one()
    counting.remove_line(supervisor, other.id, line_id)  # and goes again
    check()
    supervision.decide(supervisor, count.id, "SKU-CHIPS", Decision.REJECTED, "look behind the shelf")
    check()
    counting.add_hand_counted(supervisor, default.id, [("SKU-CHIPS", 1)])  # the rejection lapses
    check()
    counting.edit(supervisor, default.id, "Front", "Endcap")
    check()
    counting.discard(supervisor, other.id)
    check()
    recount = supervision.create_recount(supervisor, count.id, ["SKU-COLA"], "Recount", "")
    counting.start(supervisor, recount.id)
    counting.add_hand_counted(supervisor, recount.id, [("SKU-COLA", 11)])
    check()
    supervision.set_threshold(supervisor, count.id, Threshold(ThresholdKind.UNITS, 1))
    check()


def test_a_decision_the_server_sent_to_review_is_taken_out(
    store: Store,
    supervision: Supervision,
    reads: SupervisorReads,
    supervisor: Actor,
    clock: FixedClock,
    counted: tuple[Count, Session, Session],
) -> None:
    """The server re-checks who decided (A2): one it did not apply leaves the device's decisions too, and the
    earlier decision (or none) holds again."""
    from scanapp.services.sync_review import mark_in_review

    count = counted[0]
    supervision.decide(supervisor, count.id, "SKU-COLA", Decision.APPROVED, "")
    clock.advance(timedelta(seconds=1))
    supervision.decide(supervisor, count.id, "SKU-COLA", Decision.REJECTED, "again")
    supervision.set_threshold(supervisor, count.id, Threshold(ThresholdKind.UNITS, 9))
    with store.read() as conn:
        rejected, threshold = (
            conn.execute(text(f"SELECT id FROM events WHERE kind = '{k}' ORDER BY local_id DESC LIMIT 1")).scalar_one()
            for k in ("variance_decided", "variance_threshold_set")
        )
    assert reads.line(count.id, "SKU-COLA").status is Status.REJECTED  # type: ignore[union-attr]
    mark_in_review(store, {rejected: "refused: not a supervisor", threshold: "refused"}, clock)
    line = reads.line(count.id, "SKU-COLA")
    assert line is not None and line.status is Status.APPROVED
    assert reads.threshold(count.id) == Threshold()
