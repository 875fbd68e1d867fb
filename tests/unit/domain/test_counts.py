"""The seed's session rules and permissions, as pure functions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from scanapp.domain import counts as rules
from scanapp.domain.counts import Count, CountKind, CountState, Lock, Session, SessionState
from scanapp.domain.errors import (
    ConfirmationRequired,
    InvalidTransition,
    PermissionDenied,
    SessionLocked,
    UnmatchedItemsRemain,
)
from scanapp.domain.messages import Action, Message
from scanapp.domain.permissions import (
    FORCE_RELEASE,
    OPEN_COUNTS,
    ROLES,
    Actor,
    Permission,
    can_force_release,
    can_open_counts,
)

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def person(role: str, user: str | None = None, device: str = "dev-1") -> Actor:
    return Actor(user or role, device, ROLES[role])


def make_count(kind: CountKind = CountKind.DIRECTED, start: datetime = NOW - timedelta(hours=1)) -> Count:
    return Count(id="c1", name="Aisle 5", kind=kind, planned_start=start, created_at=NOW, created_by="sam")


def make_session(state: SessionState = SessionState.NOT_STARTED, lock: Lock | None = None) -> Session:
    return Session(
        id="s1",
        count_id="c1",
        name="Default session",
        area="Display",
        state=state,
        is_default=True,
        created_at=NOW,
        created_by="sam",
        lock=lock,
    )


def test_permission_sets_are_exactly_the_seeds() -> None:
    from scanapp.domain import permissions as p

    assert {Permission.FULFILL_INVCUNT_ADMIN, Permission.INV_COUNT_ADMIN} == p.OPEN_COUNTS
    assert {Permission.COMMON_ADMIN, Permission.INV_COUNT_ADMIN, Permission.INV_COUNT_PRE_START} == p.START_EARLY
    assert {Permission.COMMON_ADMIN} == p.FORCE_RELEASE


@pytest.mark.parametrize(
    ("role", "opens", "early", "force"),
    [
        ("associate", True, False, False),
        ("associate_pre_start", True, True, False),
        ("inventory_manager", True, True, False),
        ("supervisor", True, True, True),
        ("lab_tech", False, False, False),
    ],
)
def test_roles(role: str, opens: bool, early: bool, force: bool) -> None:
    a = person(role)
    assert can_open_counts(a) is opens
    assert rules.can_start_now(make_count(start=NOW + timedelta(hours=1)), a, NOW) is early
    assert can_force_release(a) is force


def test_start_moves_to_in_progress_and_records_who() -> None:
    s = rules.start(make_session(), make_count(), person("associate", "alex"), NOW)
    assert s.state is SessionState.IN_PROGRESS
    assert (s.started_at, s.started_by) == (NOW, "alex")


def test_start_before_planned_time_needs_a_pre_start_permission() -> None:
    later = make_count(start=NOW + timedelta(hours=2))
    with pytest.raises(InvalidTransition) as refused:
        rules.start(make_session(), later, person("associate"), NOW)
    assert refused.value.message is Message.STARTS_LATER
    assert "allowed to start early" in str(refused.value) and "PRE_START" not in str(refused.value)
    for role in ("associate_pre_start", "inventory_manager", "supervisor"):
        assert rules.start(make_session(), later, person(role), NOW).state is SessionState.IN_PROGRESS


def test_common_admin_alone_may_start_early_but_not_open_counts() -> None:
    admin_only = Actor("root", "dev-1", frozenset({Permission.COMMON_ADMIN}))
    assert rules.can_start_now(make_count(start=NOW + timedelta(hours=1)), admin_only, NOW)
    with pytest.raises(PermissionDenied) as refused:
        rules.start(make_session(), make_count(), admin_only, NOW)
    # Plain words for the person; the permissions that would do are kept for the log.
    assert refused.value.message is Message.MAY_NOT and refused.value.params == {"action": Action.START_SESSION}
    assert str(refused.value) == (
        "Your account may not start a session: ask a supervisor, or sign in as a user who may. "
        "(Needs FULFILL_INVCUNT_ADMIN or INV_COUNT_ADMIN.)"  # the command line's and the server's English
    )
    assert refused.value.needed == OPEN_COUNTS


def test_without_counts_permission_nothing_is_allowed() -> None:
    lab = person("lab_tech")
    for action in (
        lambda: rules.start(make_session(), make_count(), lab, NOW),
        lambda: rules.ensure_can_scan(make_session(SessionState.IN_PROGRESS), make_count(), lab, NOW),
        lambda: rules.discard(make_session(SessionState.IN_PROGRESS), make_count(), lab, NOW),
    ):
        with pytest.raises(PermissionDenied):
            action()


def test_edit_discard_submit_only_while_in_progress() -> None:
    a = person("associate")
    for state in (SessionState.NOT_STARTED, SessionState.SUBMITTED, SessionState.DISCARDED):
        s = make_session(state)
        with pytest.raises(InvalidTransition):
            rules.edit(s, make_count(), a, NOW, "x", "Backstock")
        with pytest.raises(InvalidTransition):
            rules.discard(s, make_count(), a, NOW)
        with pytest.raises(InvalidTransition):
            rules.submit(s, make_count(), a, NOW, unmatched=0)


def test_edit_changes_name_and_area_and_refuses_an_empty_name() -> None:
    s = rules.edit(
        make_session(SessionState.IN_PROGRESS), make_count(), person("associate"), NOW, " Top shelf ", "Backstock"
    )
    assert (s.name, s.area) == ("Top shelf", "Backstock")
    with pytest.raises(InvalidTransition, match="name"):
        rules.edit(s, make_count(), person("associate"), NOW, "  ", "Backstock")


def test_submit_is_blocked_by_unmatched_items() -> None:
    with pytest.raises(UnmatchedItemsRemain, match="2 left"):
        rules.submit(make_session(SessionState.IN_PROGRESS), make_count(), person("associate"), NOW, unmatched=2)


def test_hard_count_submit_needs_uncounted_is_zero_confirmation() -> None:
    hard = make_count(CountKind.HARD)
    s = make_session(SessionState.IN_PROGRESS)
    with pytest.raises(ConfirmationRequired, match="zero"):
        rules.submit(s, hard, person("associate"), NOW, unmatched=0)
    done = rules.submit(s, hard, person("associate"), NOW, unmatched=0, confirmed_uncounted_zero=True)
    assert done.state is SessionState.SUBMITTED


def test_reopen_after_submit_and_discard_is_final() -> None:
    a = person("associate")
    submitted = rules.submit(make_session(SessionState.IN_PROGRESS), make_count(), a, NOW, unmatched=0)
    assert rules.reopen(submitted, make_count(), a, NOW).state is SessionState.IN_PROGRESS
    discarded = rules.discard(make_session(SessionState.IN_PROGRESS), make_count(), a, NOW)
    assert discarded.state is SessionState.DISCARDED
    for action in (rules.reopen, rules.start, rules.discard):
        with pytest.raises(InvalidTransition):
            action(discarded, make_count(), a, NOW)


def test_a_session_locked_by_another_user_or_device_disables_every_action() -> None:
    held = make_session(SessionState.IN_PROGRESS, lock=Lock("pat", "dev-2"))
    a = person("associate", "alex")
    for action in (
        lambda: rules.edit(held, make_count(), a, NOW, "x", ""),
        lambda: rules.discard(held, make_count(), a, NOW),
        lambda: rules.submit(held, make_count(), a, NOW, 0),
        lambda: rules.ensure_can_scan(held, make_count(), a, NOW),
        lambda: rules.claim(held, make_count(), a, NOW),
        lambda: rules.reopen(replace(held, state=SessionState.SUBMITTED), make_count(), a, NOW),
    ):
        with pytest.raises(SessionLocked, match="pat"):
            action()
    # The same user on another device is another holder too.
    with pytest.raises(SessionLocked):
        rules.ensure_can_scan(held, make_count(), person("associate", "pat", device="dev-9"), NOW)
    # The holder works on.
    rules.ensure_can_scan(held, make_count(), person("associate", "pat", device="dev-2"), NOW)


def test_an_expired_lease_does_not_block() -> None:
    held = make_session(SessionState.IN_PROGRESS, lock=Lock("pat", "dev-2", expires_at=NOW - timedelta(seconds=1)))
    rules.ensure_can_scan(held, make_count(), person("associate"), NOW)


def test_force_release_needs_common_admin_and_moves_the_epoch() -> None:
    held = make_session(SessionState.IN_PROGRESS, lock=Lock("pat", "dev-2"))
    with pytest.raises(PermissionDenied) as refused:
        rules.force_release(held, person("inventory_manager"))
    assert refused.value.needed == FORCE_RELEASE and refused.value.message is Message.MAY_NOT
    freed = rules.force_release(held, person("supervisor"))
    assert freed.lock is None
    assert freed.epoch == held.epoch + 1


def test_count_state_is_derived_from_its_sessions() -> None:
    ns = make_session()
    ip = replace(ns, id="s2", state=SessionState.IN_PROGRESS)
    sub = replace(ns, id="s3", state=SessionState.SUBMITTED)
    dis = replace(ns, id="s4", state=SessionState.DISCARDED)
    assert rules.count_state([ns]) is CountState.SCHEDULED
    assert rules.count_state([ns, ip]) is CountState.IN_PROGRESS
    assert rules.count_state([sub, ip]) is CountState.IN_PROGRESS
    assert rules.count_state([sub, dis]) is CountState.COMPLETED


def test_lab_session_can_only_be_ended_by_its_starter() -> None:
    lab_count = make_count(CountKind.SCOPED)
    lee, kim = person("lab_tech", "lee"), person("lab_tech", "kim")
    started = rules.start(make_session(), lab_count, lee, NOW)
    with pytest.raises(InvalidTransition, match="Only lee"):
        rules.end_scoped(started, lab_count, kim, NOW)
    ended = rules.end_scoped(started, lab_count, lee, NOW + timedelta(hours=1))
    assert ended.ended_at == NOW + timedelta(hours=1)
