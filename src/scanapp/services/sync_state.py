"""The device's sync state as the header, the end of a shift and `scanapp status` show it (SPEC S2, S6): the
server, the last successful sync and the last attempt (kept across restarts), the last failure and whether it
was the network (offline: quiet) or something to act on (error: loud), the changes not yet pushed, the events
waiting in supervisor review and the sessions this device holds. Read without the write lock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from scanapp.domain.counts import Session
from scanapp.store.database import Store
from scanapp.store.queries import device as device_queries
from scanapp.store.queries import sync_state as queries
from scanapp.sync import local


class Phase(StrEnum):
    OFF = "off"
    """No sync server is set: the device works on its own."""
    NEVER = "never"
    """A server is set, and no round has ended yet."""
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"
    """The server could not be reached, or too slowly: nothing to do but wait (said quietly)."""
    ERROR = "error"
    """The server refused, or the sign-in is missing: someone has to act (said loudly, with the reason)."""


OFFLINE, ERROR, SIGN_IN = "offline", "error", "sign-in"  # the kinds of a failure kept in local.LAST_ERROR


@dataclass(frozen=True)
class HeldSession:
    session_id: str
    session: str
    count: str
    user_id: str
    epoch: int
    expires_at: datetime | None
    """When the server's lease ends unless renewed; None: a claim made on this device, not confirmed yet."""

    @property
    def confirmed(self) -> bool:
        return self.expires_at is not None


@dataclass(frozen=True)
class SyncState:
    phase: Phase
    server: str | None
    from_command_line: bool = False
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    error: str | None = None
    """The last round's failure in plain words (None after a success)."""
    unsent: int = 0
    """This device's events the server has not stored yet."""
    needs_sign_in: bool = False
    """The error is that the server wants a sign-in: the PIN of whoever is signed in mends it."""
    in_review: int = 0
    held: tuple[HeldSession, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "server_from_command_line": self.from_command_line,
            "state": self.phase.value,
            "last_success_at": _iso(self.last_success),
            "last_attempt_at": _iso(self.last_attempt),
            "last_error": self.error,
            "unsent_events": self.unsent,
            "events_in_review": self.in_review,
            "sessions_held": [
                {
                    "session_id": h.session_id,
                    "session": h.session,
                    "count": h.count,
                    "user": h.user_id,
                    "lease_epoch": h.epoch,
                    "lease_expires_at": _iso(h.expires_at),
                    "confirmed_by_server": h.confirmed,
                }
                for h in self.held
            ],
        }


def read_state(store: Store, override: str | None, syncing: bool = False, held: bool = False) -> SyncState:
    """The state now. `override`: the server given on the command line (it wins over the stored one);
    `syncing`: a round is running; `held`: read the held sessions too (status, end of shift)."""
    with store.read() as conn:
        values = {
            key: device_queries.setting(conn, key)
            for key in (local.SERVER_URL, local.PUSHED, local.LAST_SUCCESS, local.LAST_ATTEMPT, local.LAST_ERROR)
        }
        unsent = max(0, queries.last_own_seq(conn, store.device_id) - _int(values[local.PUSHED]))
        in_review = queries.in_review(conn)
        sessions = queries.held_sessions(conn, store.device_id) if held else []
    server = override or _text(values[local.SERVER_URL])
    failure = values[local.LAST_ERROR]
    kind, error = (failure.get("kind"), _text(failure.get("message"))) if isinstance(failure, dict) else (None, None)
    last_success = _when(values[local.LAST_SUCCESS])
    if server is None:
        phase = Phase.OFF
    elif syncing:
        phase = Phase.SYNCING
    elif error is not None:
        phase = Phase.OFFLINE if kind == OFFLINE else Phase.ERROR
    else:
        phase = Phase.SYNCED if last_success is not None else Phase.NEVER
    return SyncState(
        phase=phase,
        server=server,
        from_command_line=override is not None,
        last_success=last_success,
        last_attempt=_when(values[local.LAST_ATTEMPT]),
        error=error,
        unsent=unsent,
        needs_sign_in=phase is Phase.ERROR and kind == SIGN_IN,
        in_review=in_review,
        held=tuple(_held(s, count) for s, count in sessions),
    )


def _held(session: Session, count: str) -> HeldSession:
    lock = session.lock
    assert lock is not None
    return HeldSession(session.id, session.name, count, lock.user_id, session.epoch, lock.expires_at)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | str) and str(value).lstrip("-").isdigit() else 0


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _when(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
