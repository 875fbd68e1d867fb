"""The open session's lease on this device: what each answer of the server means and what to do next (S3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scanapp.domain.counts import Lock, Session, SessionState
from scanapp.services.sync_leases import LeaseAnswer, LeasePhase, LeaseTracker, Next
from scanapp.sync.client import SyncError
from scanapp.sync.wire import LeaseOut

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
CONFLICT = SyncError(
    "The sync server refused PUT /v1/sessions/s1/lease: The lease was lost: it expired or was released by a "
    "supervisor. (HTTP 409)."
)
OFFLINE = SyncError("Cannot reach the sync server at http://127.0.0.1:9: connection refused.")


def lease(epoch: int, user: str | None = "alex", device: str | None = "dev-a") -> LeaseOut:
    return LeaseOut(
        session_id="s1",
        epoch=epoch,
        user_id=user,
        device_id=device,
        expires_at=NOW + timedelta(seconds=60),
        ttl_seconds=60,
        server_time=NOW,
    )


def answer(op: str, out: LeaseOut | None = None, error: SyncError | None = None) -> LeaseAnswer:
    return LeaseAnswer(op, "s1", out, error)


def tracker() -> LeaseTracker:
    return LeaseTracker("s1", "alex", "dev-a", claimed_epoch=0)


def session(epoch: int, lock: Lock | None) -> Session:
    return Session("s1", "c1", "Default", "", SessionState.IN_PROGRESS, True, NOW, "sam", epoch=epoch, lock=lock)


def test_a_granted_lease_is_held_and_renewed_every_third_of_its_life() -> None:
    t = tracker()
    assert t.acquired(answer("acquire", lease(1))) is Next.NOTHING
    assert (t.phase, t.epoch, t.heartbeat_s) == (LeasePhase.HELD, 1, 20)
    assert t.renewed(answer("heartbeat", lease(1))) is Next.NOTHING and t.phase is LeasePhase.HELD
    assert t.renewed(answer("heartbeat", error=OFFLINE)) is Next.NOTHING and t.phase is LeasePhase.HELD


def test_held_elsewhere_when_opened_is_lost_with_the_servers_words() -> None:
    t = tracker()
    held = SyncError(
        "The sync server refused POST /v1/sessions/s1/lease: The session is being worked by pat on device "
        "dev-p. (HTTP 409)."
    )
    t.acquired(answer("acquire", error=held))
    assert t.phase is LeasePhase.LOST and t.why == "The session is being worked by pat on device dev-p."


def test_offline_the_claim_made_here_stands_and_is_confirmed_after_the_next_round() -> None:
    t = tracker()
    t.acquired(answer("acquire", error=OFFLINE))
    assert t.phase is LeasePhase.LOCAL
    assert t.synced(False, session(0, None)) is Next.NOTHING
    assert t.synced(True, session(0, None)) is Next.ACQUIRE
    t.acquired(answer("acquire", lease(1)))
    assert t.phase is LeasePhase.HELD


def test_taken_by_another_device_while_offline_is_lost() -> None:
    t = tracker()
    t.waited_too_long()
    assert t.phase is LeasePhase.LOCAL
    t.synced(True, session(1, Lock("pat", "dev-p", NOW + timedelta(seconds=60))))
    assert t.phase is LeasePhase.LOST and "pat on another device took it" in (t.why or "")


def test_a_refused_heartbeat_retakes_a_lease_that_only_expired() -> None:
    t = tracker()
    t.acquired(answer("acquire", lease(4)))
    assert t.renewed(answer("heartbeat", error=CONFLICT)) is Next.ACQUIRE
    assert t.acquired(answer("acquire", lease(5))) is Next.NOTHING
    assert (t.phase, t.epoch) == (LeasePhase.HELD, 5)


def test_a_refused_heartbeat_after_a_force_release_is_a_loss_and_the_new_grant_goes_back() -> None:
    t = tracker()
    t.acquired(answer("acquire", lease(1)))
    t.renewed(answer("heartbeat", error=CONFLICT))
    assert t.acquired(answer("acquire", lease(3))) is Next.RELEASE  # epoch 2 was the force release
    assert t.phase is LeasePhase.LOST and "force-released" in (t.why or "")


def test_a_round_that_brings_a_newer_epoch_is_a_loss() -> None:
    t = tracker()
    t.acquired(answer("acquire", lease(1)))
    assert t.synced(True, session(1, Lock("alex", "dev-a", NOW))) is Next.NOTHING
    t.synced(True, session(2, None))
    assert t.phase is LeasePhase.LOST and "a supervisor released it" in (t.why or "")


def test_leaving_gives_the_lease_back_and_a_late_grant_too() -> None:
    t = tracker()
    t.acquired(answer("acquire", lease(1)))
    assert t.leave() is Next.RELEASE
    pending = tracker()
    assert pending.leave() is Next.NOTHING
    assert pending.acquired(answer("acquire", lease(1))) is Next.RELEASE
