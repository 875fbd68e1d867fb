"""Fencing on the lease's epoch history (scanapp.domain.leases): which events a supervisor must review."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scanapp.domain import leases
from scanapp.domain.errors import PermissionDenied, SessionLocked
from scanapp.domain.leases import FREE, Grant, LeaseEnd, fencing_reason
from scanapp.domain.permissions import ROLES, Actor

A, B = "dev-a", "dev-b"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def grant(epoch: int, device: str | None, ended: LeaseEnd | None = None) -> Grant:
    return Grant(epoch, None if device is None else f"user-{device}", device, ended)


def test_no_lease_ever_means_nothing_is_fenced() -> None:
    assert fencing_reason(0, A, 0, []) is None
    assert fencing_reason(None, A, 0, []) is None


def test_events_under_the_current_grant_of_the_same_device_are_applied() -> None:
    assert fencing_reason(1, A, 1, [grant(1, A)]) is None


def test_a_device_keeps_its_own_earlier_epochs() -> None:
    history = [grant(1, A, LeaseEnd.EXPIRED), grant(2, A, LeaseEnd.RELEASED), grant(3, A)]
    assert fencing_reason(1, A, 3, history) is None
    assert fencing_reason(0, A, 3, history) is None


def test_a_force_release_after_the_epoch_fences() -> None:
    history = [grant(1, A, LeaseEnd.FORCE_RELEASED), grant(2, None, LeaseEnd.FORCE_RELEASED)]
    reason = fencing_reason(1, A, 2, history)
    assert reason is not None and "force-released" in reason
    # Even when the same device got the session back afterwards.
    assert fencing_reason(1, A, 3, [*history, grant(3, A)]) is not None


def test_a_grant_to_another_device_after_the_epoch_fences() -> None:
    history = [grant(1, A, LeaseEnd.EXPIRED), grant(2, B)]
    reason = fencing_reason(1, A, 2, history)
    assert reason is not None and "granted to user-dev-b" in reason
    assert fencing_reason(0, A, 2, history) is not None, "working without a lease while another device holds it"


def test_an_epoch_held_by_another_device_or_never_granted_fences() -> None:
    assert fencing_reason(1, A, 1, [grant(1, B)]) is not None
    assert fencing_reason(5, A, 1, [grant(1, A)]) is not None
    assert fencing_reason(1, A, 2, [grant(2, A)]) is not None, "epoch 1 missing from the history"


def test_working_a_session_freed_by_a_force_release_is_fine_until_someone_takes_it() -> None:
    history = [grant(1, B, LeaseEnd.FORCE_RELEASED), grant(2, None, LeaseEnd.FORCE_RELEASED)]
    assert fencing_reason(2, A, 2, history) is None
    assert fencing_reason(2, A, 3, [*history, grant(3, B)]) is not None


def test_every_grant_and_force_release_moves_the_epoch_forward() -> None:
    alex = Actor("alex", A, ROLES["associate"])
    pat = Actor("pat", B, ROLES["associate"])
    sam = Actor("sam", "dev-s", ROLES["supervisor"])
    first = leases.acquire(FREE, alex, NOW)
    assert first.epoch == 1 and leases.ending(first, NOW) is LeaseEnd.RELEASED
    assert leases.acquire(first, alex, NOW + timedelta(seconds=10)).epoch == 1, "renewal keeps the epoch"
    with pytest.raises(SessionLocked):
        leases.acquire(first, pat, NOW)
    later = NOW + leases.DEFAULT_TTL + timedelta(seconds=1)
    assert leases.ending(first, later) is LeaseEnd.EXPIRED
    second = leases.acquire(first, pat, later)
    assert second.epoch == 2
    with pytest.raises(PermissionDenied):
        leases.force_release(second, alex)
    assert leases.force_release(second, sam).epoch == 3
