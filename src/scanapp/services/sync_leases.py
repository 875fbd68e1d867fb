"""The lease of the session open on this device (SPEC S3), decided without Qt: taken from the server when the
session opens (offline: claimed here and confirmed at the next sync), kept by heartbeats, given back on
leaving, and lost when a supervisor force-released it or another device took it. Lost, the session turns
read-only here: what this device scanned after the loss comes back from the server fenced, for review.

The tracker is told every answer and says what to do next; the screen's glue makes the calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from scanapp.domain.counts import Session
from scanapp.services.sync_service import lease_refused
from scanapp.sync.client import SyncError
from scanapp.sync.wire import LeaseOut

# Scans wait at most this long for the server's answer when a session opens; then the claim made on this
# device stands (offline-first) and the server confirms it at the next sync.
PENDING_S = 3.0


class LeasePhase(StrEnum):
    OFF = "off"
    """No sync server: the claim on this device is all there is."""
    PENDING = "pending"
    """Asking the server for the lease; scans wait a moment so they carry its epoch."""
    LOCAL = "local"
    """Claimed on this device; the server confirms it at the next sync (offline, or the session is new)."""
    HELD = "held"
    """The server's lease, kept by heartbeats."""
    LOST = "lost"
    """A supervisor force-released it or another device has it: read-only here."""


class Next(StrEnum):
    NOTHING = "nothing"
    ACQUIRE = "acquire"
    RELEASE = "release"


@dataclass(frozen=True)
class LeaseAnswer:
    """A lease call's outcome, from the thread that made it."""

    op: str
    session_id: str
    lease: LeaseOut | None
    error: SyncError | None


@dataclass
class LeaseTracker:
    session_id: str
    user_id: str
    device_id: str
    claimed_epoch: int
    """The session's epoch when it was claimed on this device."""
    phase: LeasePhase = LeasePhase.PENDING
    epoch: int | None = None
    """The epoch the server granted this device."""
    ttl_s: float = 90.0
    why: str | None = None
    """Why the lease was lost, in the server's or plain words."""
    left: bool = False
    """The session was left: a lease granted now is given back at once."""
    told: bool = False
    """The screen has said that the lease was lost."""
    _retaking: bool = False

    @property
    def heartbeat_s(self) -> float:
        """Renew at a third of the lease's life: two heartbeats may go missing before it runs out."""
        return max(5.0, self.ttl_s / 3)

    def acquired(self, answer: LeaseAnswer) -> Next:
        lease, err = answer.lease, answer.error
        if lease is not None:
            if self.left:
                return Next.RELEASE
            if lease.device_id != self.device_id or lease.user_id != self.user_id:
                return self._lose(f"the server granted it to {lease.user_id} on another device")
            self.ttl_s = lease.ttl_seconds or self.ttl_s
            retaking, self._retaking = self._retaking, False
            if retaking and self.epoch is not None and lease.epoch != self.epoch + 1:
                # Only an expiry nobody used grants the next epoch back to us; anything else moved it on.
                self._lose(
                    "while this device could not renew its lease, a supervisor force-released the session or "
                    f"another device worked on it (the lease moved on from epoch {self.epoch})"
                )
                return Next.RELEASE
            self.phase, self.epoch = LeasePhase.HELD, lease.epoch
            return Next.NOTHING
        assert err is not None
        if self.left:
            return Next.NOTHING
        if lease_refused(err):
            return self._lose(_detail(err))
        self.phase = LeasePhase.LOCAL  # offline, unknown to the server yet, or a sign-in missing: later
        return Next.NOTHING

    def renewed(self, answer: LeaseAnswer) -> Next:
        if self.left or self.phase is not LeasePhase.HELD:
            return Next.NOTHING
        if answer.lease is not None:
            self.ttl_s = answer.lease.ttl_seconds or self.ttl_s
            return Next.NOTHING
        assert answer.error is not None
        if lease_refused(answer.error):
            self._retaking = True  # expired (taken back if nobody used it) or lost: the acquire tells which
            return Next.ACQUIRE
        return Next.NOTHING  # offline: the next heartbeat tries again; the server judges what was scanned

    def synced(self, ok: bool, session: Session) -> Next:
        """A round ended; `session` is the device's row after it (the server's lease state came down)."""
        if self.left or self.phase in (LeasePhase.OFF, LeasePhase.LOST):
            return Next.NOTHING
        lock = session.lock
        if self.phase is LeasePhase.HELD and self.epoch is not None and session.epoch > self.epoch:
            holder = f"{lock.user_id} on another device has it" if lock is not None else "a supervisor released it"
            return self._lose(f"{holder} (lease epoch {session.epoch}, this device had {self.epoch})")
        if self.phase is LeasePhase.LOCAL and ok:
            if lock is not None and lock.device_id != self.device_id and lock.expires_at is not None:
                return self._lose(f"{lock.user_id} on another device took it while this device was offline")
            return Next.ACQUIRE
        return Next.NOTHING

    def waited_too_long(self) -> None:
        """The server did not answer within PENDING_S: scans go on under the claim made here."""
        if self.phase is LeasePhase.PENDING:
            self.phase = LeasePhase.LOCAL

    def leave(self) -> Next:
        """The session is left: the server's lease goes back (pushing first); a pending answer is given back."""
        held = self.phase is LeasePhase.HELD
        self.left = True
        return Next.RELEASE if held else Next.NOTHING

    def _lose(self, why: str) -> Next:
        self.phase, self.why = LeasePhase.LOST, why
        return Next.NOTHING


def _detail(err: SyncError) -> str:
    """The server's words from "The sync server refused POST …: <detail> (HTTP 409)."."""
    text = str(err)
    if ": " in text and text.endswith(")."):
        text = text.split(": ", 1)[1].rsplit(" (HTTP", 1)[0]
    return text
