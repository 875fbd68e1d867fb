"""Counting use-cases against the in-memory unit of work: the rules, the journal, and rollback."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scanapp.domain.classification import Category
from scanapp.domain.counts import CountKind, SessionState
from scanapp.domain.errors import (
    ConfirmationRequired,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    SessionLocked,
    UnmatchedItemsRemain,
)
from scanapp.domain.journal import EventKind
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from tests.helpers import COLA, COLA_14, WATER, WATER_14, FixedClock
from tests.unit.services.fakes import FakeData, FakeUnitOfWork, fake_catalog

SAM = Actor("sam", "fake-device", ROLES["supervisor"])
ALEX = Actor("alex", "fake-device", ROLES["associate"])
PAT_ELSEWHERE = Actor("pat", "other-device", ROLES["associate"])


@pytest.fixture
def data() -> FakeData:
    d = FakeData()
    fake_catalog(d, {"SKU-COLA": [COLA_14], "SKU-WATER": [WATER_14]})
    return d


@pytest.fixture
def svc(data: FakeData, clock: FixedClock) -> Counting:
    return Counting(lambda: FakeUnitOfWork(data), clock)


def started(svc: Counting, clock: FixedClock, kind: CountKind = CountKind.DIRECTED):
    count, session = svc.create_count(
        SAM,
        "Aisle 5",
        kind,
        clock.now() - timedelta(minutes=5),
        [("SKU-COLA", 4.0)] if kind is CountKind.DIRECTED else [],
    )
    return count, svc.start(ALEX, session.id)


def test_a_count_comes_with_its_default_session(svc: Counting, data: FakeData, clock: FixedClock) -> None:
    _count, session = svc.create_count(SAM, "Aisle 5", CountKind.DIRECTED, clock.now(), [("SKU-COLA", 4.0)])
    assert session.is_default and session.state is SessionState.NOT_STARTED
    assert [e.kind for e in data.events] == [EventKind.COUNT_CREATED, EventKind.SESSION_CREATED]
    made = data.events[0]
    assert made.session_id is None and made.user_id == "sam"
    assert made.payload["count_id"] == _count.id and made.payload["kind"] == "directed"
    assert made.payload["expected"] == [{"item_key": "SKU-COLA", "expected_qty": 4.0}]


def test_only_supervisors_create_counts(svc: Counting, clock: FixedClock) -> None:
    with pytest.raises(PermissionDenied):
        svc.create_count(ALEX, "Aisle 5", CountKind.HARD, clock.now())


def test_scans_are_classified_and_journaled(svc: Counting, data: FakeData, clock: FixedClock) -> None:
    _, session = started(svc, clock)
    outcomes = [svc.record_scan(ALEX, session.id, raw, "wedge") for raw in (COLA, WATER, "UNKNOWN-1", COLA[:-1] + "2")]
    assert [o.status for o in outcomes] == ["accepted", "accepted", "unmatched", "rejected"]
    assert [o.category for o in outcomes] == [Category.COUNTED, Category.UNDIRECTED, Category.UNMATCHED, None]
    assert outcomes[3].message == "Rejected: bad check digit: expected 1, got 2"
    kinds = [e.kind for e in data.events if e.kind.value.startswith("scan")]
    assert kinds == [EventKind.SCAN_RECORDED] * 3 + [EventKind.SCAN_REJECTED]
    assert [e.seq for e in data.events] == list(range(1, len(data.events) + 1))


def test_nothing_is_kept_when_a_rule_refuses(svc: Counting, data: FakeData, clock: FixedClock) -> None:
    _, session = started(svc, clock)
    before = list(data.events)
    with pytest.raises(PermissionDenied):
        svc.record_scan(Actor("lee", "fake-device", ROLES["lab_tech"]), session.id, COLA, "wedge")
    with pytest.raises(NotFound):
        svc.match_line(ALEX, session.id, "no-such-line", "SKU-COLA")
    assert data.events == before


def test_submit_blocked_until_unmatched_items_are_resolved(svc: Counting, clock: FixedClock) -> None:
    _, session = started(svc, clock)
    unknown = svc.record_scan(ALEX, session.id, "UNKNOWN-1", "wedge")
    with pytest.raises(UnmatchedItemsRemain):
        svc.submit(ALEX, session.id)
    assert svc.match_line(ALEX, session.id, unknown.line_id, "SKU-WATER") is Category.UNDIRECTED
    assert svc.submit(ALEX, session.id).state is SessionState.SUBMITTED
    assert svc.reopen(ALEX, session.id).state is SessionState.IN_PROGRESS


def test_match_can_add_the_code_as_an_alias(svc: Counting, data: FakeData, clock: FixedClock) -> None:
    _, session = started(svc, clock)
    unknown = svc.record_scan(ALEX, session.id, "INTERNAL-77", "wedge")
    svc.match_line(ALEX, session.id, unknown.line_id, "SKU-COLA", add_alias=True)
    assert svc.record_scan(ALEX, session.id, "INTERNAL-77", "wedge").category is Category.COUNTED


def test_hand_counts_only_for_listed_items_in_directed_counts(svc: Counting, clock: FixedClock) -> None:
    _, session = started(svc, clock)
    with pytest.raises(InvalidTransition, match="directed list"):
        svc.add_hand_counted(ALEX, session.id, [("SKU-COLA", 3), ("SKU-WATER", 2)])
    with pytest.raises(InvalidTransition, match="cannot be negative"):
        svc.add_hand_counted(ALEX, session.id, [("SKU-COLA", -1)])
    assert svc.add_hand_counted(ALEX, session.id, [("SKU-COLA", 0)]) == 0  # counted, none there (C10)
    assert svc.add_hand_counted(ALEX, session.id, [("SKU-COLA", 3)]) == 3


def test_hard_count_submit_asks_for_the_zero_confirmation(svc: Counting, clock: FixedClock) -> None:
    _, session = started(svc, clock, CountKind.HARD)
    svc.record_scan(ALEX, session.id, WATER, "wedge")
    with pytest.raises(ConfirmationRequired):
        svc.submit(ALEX, session.id)
    assert svc.submit(ALEX, session.id, confirmed_uncounted_zero=True).state is SessionState.SUBMITTED


def test_lock_held_elsewhere_blocks_scanning_until_force_released(
    svc: Counting, data: FakeData, clock: FixedClock
) -> None:
    _, session = started(svc, clock)  # alex holds it on this device
    with pytest.raises(SessionLocked, match="alex"):
        svc.record_scan(PAT_ELSEWHERE, session.id, COLA, "wedge")
    with pytest.raises(PermissionDenied):
        svc.force_release(PAT_ELSEWHERE, session.id)
    freed = svc.force_release(SAM, session.id)
    assert freed.lock is None and freed.epoch == 1
    assert data.events[-1].kind is EventKind.LOCK_FORCE_RELEASED
    assert data.events[-1].payload["holder_user"] == "alex"
    svc.claim(PAT_ELSEWHERE, session.id)
    assert svc.record_scan(PAT_ELSEWHERE, session.id, COLA, "wedge").status == "accepted"
    assert data.events[-1].lock_epoch == 1


def test_scanning_needs_a_started_session(svc: Counting, clock: FixedClock) -> None:
    _, session = svc.create_count(SAM, "Aisle 5", CountKind.HARD, clock.now())
    with pytest.raises(InvalidTransition, match="the session is not started"):
        svc.record_scan(SAM, session.id, COLA, "wedge")
