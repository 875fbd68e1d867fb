"""Counts and their sessions: the state machine and the seed's rules for every session action."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from scanapp.domain.errors import (
    ConfirmationRequired,
    InvalidTransition,
    SessionLocked,
    UnmatchedItemsRemain,
)
from scanapp.domain.messages import Action, Message
from scanapp.domain.permissions import (
    FORCE_RELEASE,
    LAB,
    OPEN_COUNTS,
    Actor,
    can_start_early,
    require,
)


class CountKind(StrEnum):
    DIRECTED = "directed"  # a directed list of products to count
    HARD = "hard"  # wall to wall: no list, anything not scanned is zero
    SCOPED = "scoped"  # lab reconciliation: expected set from a listing config over inventory


class CountState(StrEnum):
    SCHEDULED = "Scheduled"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"


class SessionState(StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    SUBMITTED = "Submitted"
    DISCARDED = "Discarded"


DEFAULT_AREAS = ("Backstock", "Display", "Sales floor", "Stockroom", "Endcap")


@dataclass(frozen=True)
class Count:
    id: str
    name: str
    kind: CountKind
    planned_start: datetime
    created_at: datetime
    created_by: str
    lab: str | None = None
    listing_config_id: str | None = None
    expected_total: int = 0

    @property
    def type_label(self) -> str:
        return {"directed": "Directed count", "hard": "Hard count", "scoped": "Reconciliation"}[self.kind]


@dataclass(frozen=True)
class Lock:
    """Who works a session right now (see Session.epoch for the fencing token)."""

    user_id: str
    device_id: str
    expires_at: datetime | None = None

    def held_by(self, actor: Actor) -> bool:
        return self.user_id == actor.user_id and self.device_id == actor.device_id

    def live(self, now: datetime) -> bool:
        return self.expires_at is None or now < self.expires_at


@dataclass(frozen=True)
class Session:
    id: str
    count_id: str
    name: str
    area: str
    state: SessionState
    is_default: bool
    created_at: datetime
    created_by: str
    started_at: datetime | None = None
    started_by: str | None = None
    submitted_at: datetime | None = None
    ended_at: datetime | None = None
    lock: Lock | None = None
    epoch: int = 0
    """Lock epoch (fencing token): events are stamped with it; every new grant moves it forward."""


def count_state(sessions: list[Session]) -> CountState:
    """Derived, never stored: a count is in progress once any session started, completed when every
    session that is not discarded has been submitted."""
    live = [s for s in sessions if s.state is not SessionState.DISCARDED]
    if not any(s.state is not SessionState.NOT_STARTED for s in sessions):
        return CountState.SCHEDULED
    if live and all(s.state is SessionState.SUBMITTED for s in live):
        return CountState.COMPLETED
    return CountState.IN_PROGRESS


def locked_by_other(session: Session, actor: Actor, now: datetime) -> bool:
    lock = session.lock
    return lock is not None and lock.live(now) and not lock.held_by(actor)


def lock_holder_text(session: Session) -> str:
    if session.lock is None:
        return ""
    return f"{session.lock.user_id} on device {session.lock.device_id[:8]}"


def _ensure_not_locked(session: Session, actor: Actor, now: datetime, action: Action) -> None:
    if locked_by_other(session, actor, now):
        assert session.lock is not None
        raise SessionLocked(
            Message.SESSION_HELD, action=action, user=session.lock.user_id, device=session.lock.device_id[:8]
        )


# Why an action is refused in each state it is not allowed in (each says what to do instead).
_STATE_MESSAGES = {
    SessionState.NOT_STARTED: Message.NOT_STARTED,
    SessionState.IN_PROGRESS: Message.ALREADY_STARTED,
    SessionState.SUBMITTED: Message.SUBMITTED,
    SessionState.DISCARDED: Message.DISCARDED,
}


def _ensure_state(session: Session, allowed: tuple[SessionState, ...], action: Action) -> None:
    if session.state not in allowed:
        message = _STATE_MESSAGES[session.state]
        if session.state is SessionState.IN_PROGRESS and SessionState.SUBMITTED in allowed:
            message = Message.NOT_SUBMITTED
        raise InvalidTransition(message, action=action)


def require_for_count(count: Count, actor: Actor, action: Action | str) -> None:
    require(actor, LAB if count.kind is CountKind.SCOPED else OPEN_COUNTS, action)


def can_start_now(count: Count, actor: Actor, now: datetime) -> bool:
    """Seed: Start counting becomes active once the start time arrives, earlier only with a pre-start permission."""
    return now >= count.planned_start or can_start_early(actor)


def start(session: Session, count: Count, actor: Actor, now: datetime) -> Session:
    require_for_count(count, actor, Action.START_SESSION)
    _ensure_state(session, (SessionState.NOT_STARTED,), Action.START_COUNTING)
    _ensure_not_locked(session, actor, now, Action.START_COUNTING)
    if not can_start_now(count, actor, now):
        raise InvalidTransition(Message.STARTS_LATER, when=f"{count.planned_start:%Y-%m-%d %H:%M}")
    return replace(session, state=SessionState.IN_PROGRESS, started_at=now, started_by=actor.user_id)


def ensure_can_scan(session: Session, count: Count, actor: Actor, now: datetime) -> None:
    require_for_count(count, actor, Action.COUNT)
    _ensure_state(session, (SessionState.IN_PROGRESS,), Action.SCAN)
    _ensure_not_locked(session, actor, now, Action.SCAN)


def edit(session: Session, count: Count, actor: Actor, now: datetime, name: str, area: str) -> Session:
    require_for_count(count, actor, Action.EDIT_SESSION)
    _ensure_state(session, (SessionState.IN_PROGRESS,), Action.EDIT_SESSION)
    _ensure_not_locked(session, actor, now, Action.EDIT_SESSION)
    name = name.strip()
    if not name:
        raise InvalidTransition(Message.SESSION_NAME_NEEDED)
    return replace(session, name=name, area=area.strip())


def discard(session: Session, count: Count, actor: Actor, now: datetime) -> Session:
    require_for_count(count, actor, Action.DISCARD_SESSION)
    _ensure_state(session, (SessionState.IN_PROGRESS,), Action.DISCARD_SESSION)
    _ensure_not_locked(session, actor, now, Action.DISCARD_SESSION)
    return replace(session, state=SessionState.DISCARDED, ended_at=now, lock=None)


def submit(
    session: Session,
    count: Count,
    actor: Actor,
    now: datetime,
    unmatched: int,
    confirmed_uncounted_zero: bool = False,
) -> Session:
    require_for_count(count, actor, Action.SUBMIT_SESSION)
    _ensure_state(session, (SessionState.IN_PROGRESS,), Action.SUBMIT_SESSION)
    _ensure_not_locked(session, actor, now, Action.SUBMIT_SESSION)
    if unmatched:
        raise UnmatchedItemsRemain(unmatched)
    if count.kind is CountKind.HARD and not confirmed_uncounted_zero:
        raise ConfirmationRequired(Message.CONFIRM_HARD_ZERO)
    return replace(session, state=SessionState.SUBMITTED, submitted_at=now)


def reopen(session: Session, count: Count, actor: Actor, now: datetime) -> Session:
    require_for_count(count, actor, Action.REOPEN_SESSION)
    _ensure_state(session, (SessionState.SUBMITTED,), Action.REOPEN_SESSION)
    _ensure_not_locked(session, actor, now, Action.REOPEN_SESSION)
    return replace(session, state=SessionState.IN_PROGRESS, submitted_at=None)


def end_scoped(session: Session, count: Count, actor: Actor, now: datetime) -> Session:
    """Lab seed: only the user who started the reconciliation session can end it; ending sets the end time."""
    require_for_count(count, actor, Action.END_SESSION)
    if session.ended_at is not None:
        raise InvalidTransition(Message.ALREADY_ENDED, at=f"{session.ended_at:%Y-%m-%d %H:%M}")
    _ensure_state(session, (SessionState.IN_PROGRESS,), Action.END_SESSION)
    if session.started_by != actor.user_id:
        raise InvalidTransition(Message.ONLY_STARTER_ENDS, user=session.started_by)
    return replace(session, state=SessionState.SUBMITTED, submitted_at=now, ended_at=now, lock=None)


def new_session_name(existing: list[Session]) -> str:
    return f"Session {len(existing) + 1}"


def claim(session: Session, count: Count, actor: Actor, now: datetime) -> Session:
    """Take the session's lock on this device for `actor`: one user/device works a session at a time."""
    require_for_count(count, actor, Action.WORK_SESSION)
    _ensure_not_locked(session, actor, now, Action.OPEN_SESSION)
    if session.lock is not None and session.lock.held_by(actor):
        return session
    return replace(session, lock=Lock(user_id=actor.user_id, device_id=actor.device_id))


def release(session: Session, actor: Actor) -> Session:
    if session.lock is None or not session.lock.held_by(actor):
        return session
    return replace(session, lock=None)


def force_release(session: Session, actor: Actor) -> Session:
    """A supervisor frees an abandoned or blocked session. The epoch moves on, so scans the old holder
    makes offline under the old lock are recognisably fenced when they arrive."""
    require(actor, FORCE_RELEASE, Action.FORCE_RELEASE)
    return replace(session, lock=None, epoch=session.epoch + 1)
