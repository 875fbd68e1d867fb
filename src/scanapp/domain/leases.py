"""Session lock leases. The server grants them; the epoch is the fencing token.

Every grant (force-release included) moves the epoch forward, so an event stamped with an older epoch
is recognisably written under a lease that no longer holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from scanapp.domain.errors import SessionLocked
from scanapp.domain.messages import Action, Message
from scanapp.domain.permissions import FORCE_RELEASE, Actor, require

DEFAULT_TTL = timedelta(seconds=90)


@dataclass(frozen=True)
class Lease:
    epoch: int
    user_id: str | None
    device_id: str | None
    expires_at: datetime | None

    @property
    def held(self) -> bool:
        return self.user_id is not None

    def live(self, now: datetime) -> bool:
        return self.held and self.expires_at is not None and now < self.expires_at

    def held_by(self, actor: Actor) -> bool:
        return self.user_id == actor.user_id and self.device_id == actor.device_id


FREE = Lease(epoch=0, user_id=None, device_id=None, expires_at=None)


def acquire(current: Lease, actor: Actor, now: datetime, ttl: timedelta = DEFAULT_TTL) -> Lease:
    """Grant the lease to `actor`. The holder of a live lease renews it without a new epoch."""
    if current.live(now):
        if current.held_by(actor):
            return heartbeat(current, actor, now, ttl)
        raise SessionLocked(Message.LEASE_HELD, user=current.user_id, device=(current.device_id or "")[:8])
    return Lease(epoch=current.epoch + 1, user_id=actor.user_id, device_id=actor.device_id, expires_at=now + ttl)


def heartbeat(current: Lease, actor: Actor, now: datetime, ttl: timedelta = DEFAULT_TTL) -> Lease:
    if not current.held_by(actor) or not current.live(now):
        raise SessionLocked(Message.LEASE_LOST)
    return Lease(epoch=current.epoch, user_id=current.user_id, device_id=current.device_id, expires_at=now + ttl)


def release(current: Lease, actor: Actor) -> Lease:
    if not current.held_by(actor):
        raise SessionLocked(Message.LEASE_NOT_YOURS)
    return Lease(epoch=current.epoch, user_id=None, device_id=None, expires_at=None)


def force_release(current: Lease, actor: Actor) -> Lease:
    """A supervisor takes the lease away: the epoch moves so the old holder's later writes are fenced."""
    require(actor, FORCE_RELEASE, Action.FORCE_RELEASE)
    return Lease(epoch=current.epoch + 1, user_id=None, device_id=None, expires_at=None)


class LeaseEnd(StrEnum):
    RELEASED = "released"
    EXPIRED = "expired"
    FORCE_RELEASED = "force_released"


@dataclass(frozen=True)
class Grant:
    """One epoch in a session's lease history. A force-release takes an epoch of its own with no holder."""

    epoch: int
    user_id: str | None
    device_id: str | None
    ended: LeaseEnd | None = None


def ending(current: Lease, now: datetime) -> LeaseEnd | None:
    """How the current grant ends when a new one replaces it: None if nobody held it."""
    if not current.held:
        return None
    return LeaseEnd.EXPIRED if not current.live(now) else LeaseEnd.RELEASED


def fencing_reason(event_epoch: int | None, device_id: str, current_epoch: int, history: Iterable[Grant]) -> str | None:
    """Why an event written under `event_epoch` on `device_id` must not be applied, or None if it may.

    Judged on the epoch history rather than "older than current": a device's events from its own earlier
    lease stay valid (it released normally, or renewed after an expiry nobody else used). An event is fenced
    when the lease it names belonged to another device, or when after it the lease was force-released or
    granted to another device — the writer could not know, so a supervisor decides (S3).
    Epoch 0 (or none) means written without a lease: fine until somebody else is granted the session.
    """
    epoch = event_epoch or 0
    if epoch > current_epoch:
        return f"written under lease epoch {epoch}, which the server has not granted (current epoch {current_epoch})"
    grants = {g.epoch: g for g in history}
    own = grants.get(epoch)
    if epoch > 0 and own is None:
        return f"written under lease epoch {epoch}, which is not in the session's lease history"
    if own is not None and own.user_id is not None and own.device_id != device_id:
        return f"written under lease epoch {epoch}, which was granted to {own.user_id} on another device"
    for later in sorted((g for g in grants.values() if g.epoch > epoch), key=lambda g: g.epoch):
        if later.user_id is None:
            return f"the lease was force-released (epoch {later.epoch}) after this was written under epoch {epoch}"
        if later.device_id != device_id:
            return (
                f"the session was granted to {later.user_id} (epoch {later.epoch}) after this was written under "
                f"epoch {epoch}"
            )
    return None


def is_fenced(event_epoch: int | None, current_epoch: int) -> bool:
    """An event is fenced when it was written under an epoch that has since been superseded
    (force-released, or expired and granted again)."""
    return event_epoch is not None and event_epoch < current_epoch
