"""What a sync round reports, and the world's errors it raises (plain messages for the person at the device).
scanapp.sync.client re-exports them: callers import them from there."""

from __future__ import annotations

from dataclasses import dataclass, field

from scanapp.errors import KnownError


class SyncError(KnownError):
    """Sync could not be done; the message says why in plain words."""


class SignInNeeded(SyncError):
    pass


class Refused(SyncError):
    """The server answered with an error status (kept in `status`)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class LeaseLost(Refused):
    """A lease call was refused (HTTP 409): the session is held by another user or device, the lease expired
    and was taken, or a supervisor force-released it (the epoch moved). The session is not this device's now."""


class ServerTooSlow(SyncError):
    """A deadline ended the round. Everything the server confirmed before is kept; `report` is what the round
    did up to then. `round_over`: the round's own deadline, not only one request's."""

    def __init__(self, message: str, round_over: bool) -> None:
        super().__init__(message)
        self.round_over = round_over
        self.report: RoundReport | None = None


@dataclass
class RoundReport:
    pushed: int = 0
    duplicates: int = 0
    not_applied: dict[str, str] = field(default_factory=dict)
    """Events the server stored but fenced or refused (id -> reason): waiting for a supervisor's review."""
    pulled: int = 0
    unsent: int = 0
    """Events of this device the server has not stored yet; 0 means everything was pushed."""

    @property
    def all_pushed(self) -> bool:
        return self.unsent == 0
