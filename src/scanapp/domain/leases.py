"""Session lock leases. The server grants them; the epoch is the fencing token.

Every grant (force-release included) moves the epoch forward, so an event stamped with an older epoch
is recognisably written under a lease that no longer holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from scanapp.domain.errors import SessionLocked
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
        raise SessionLocked(
            f"The session is being worked by {current.user_id} on device {(current.device_id or '')[:8]}."
        )
    return Lease(epoch=current.epoch + 1, user_id=actor.user_id, device_id=actor.device_id, expires_at=now + ttl)


def heartbeat(current: Lease, actor: Actor, now: datetime, ttl: timedelta = DEFAULT_TTL) -> Lease:
    if not current.held_by(actor) or not current.live(now):
        raise SessionLocked("The lease was lost: it expired or was released by a supervisor.")
    return Lease(epoch=current.epoch, user_id=current.user_id, device_id=current.device_id, expires_at=now + ttl)


def release(current: Lease, actor: Actor) -> Lease:
    if not current.held_by(actor):
        raise SessionLocked("Only the holder can release the lease.")
    return Lease(epoch=current.epoch, user_id=None, device_id=None, expires_at=None)


def force_release(current: Lease, actor: Actor) -> Lease:
    """A supervisor takes the lease away: the epoch moves so the old holder's later writes are fenced."""
    require(actor, FORCE_RELEASE, "force-release another user's session")
    return Lease(epoch=current.epoch + 1, user_id=None, device_id=None, expires_at=None)


def is_fenced(event_epoch: int | None, current_epoch: int) -> bool:
    """An event is fenced when it was written under an epoch that has since been superseded
    (force-released, or expired and granted again)."""
    return event_epoch is not None and event_epoch < current_epoch
