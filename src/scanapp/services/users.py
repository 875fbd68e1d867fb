"""Local sign-in: the device's users, their PINs (argon2 hashes, SPEC A1), who was signed in last (remembered
across restarts until they sign out, so the app reopens locked for the person holding the handheld), and how
long the app waits idle before it locks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from argon2 import PasswordHasher
from sqlalchemy import Connection

from scanapp.domain.clock import Clock, SystemClock
from scanapp.domain.journal import Event, EventKind, new_event_id
from scanapp.domain.messages import Action, Message
from scanapp.domain.permissions import DEVICE_SETTINGS, SUPERVISE, Actor, require
from scanapp.domain.rows import UserRow
from scanapp.services import pins
from scanapp.services.pins import Check, Outcome, PinRejected
from scanapp.services.ports import UnitOfWork
from scanapp.services.reads import Reads
from scanapp.store import pins as records

log = logging.getLogger(__name__)

LAST_USER_KEY = "gui.last_user"
IDLE_LOCK_KEY = "gui.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 5.0


def remember(uow: UnitOfWork, user_id: str | None) -> None:
    """Inside a unit of work the caller commits (the demo seeds it with its other data)."""
    uow.settings.put(LAST_USER_KEY, user_id)  # type: ignore[attr-defined]


def connection(uow: UnitOfWork) -> Connection:
    return uow.connection  # type: ignore[attr-defined,no-any-return]  # the SQLite unit of work's


def set_pin(uow: UnitOfWork, user_id: str, pin: str, set_by: str, at: datetime, hasher: PasswordHasher) -> str:
    """Inside a unit of work the caller commits (the demo gives its users their PINs); returns the hash."""
    pin_hash = pins.hash_pin(pin, hasher)
    records.put(connection(uow), user_id, pin_hash, set_by, at)
    return pin_hash


class Users:
    """The device's users, their PINs, and who of them was signed in last. Times come from the caller (the
    screens' injected clock), so the waits after wrong tries can be tested at any pace."""

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        reads: Reads,
        hasher: PasswordHasher = pins.HASHER,
        clock: Clock | None = None,
    ) -> None:
        self.uow = uow
        self.reads = reads
        self.hasher = hasher
        self.clock = clock or SystemClock()

    def all(self) -> list[UserRow]:
        return self.reads.users()

    def remember(self, user_id: str | None) -> None:
        with self.uow() as uow:
            remember(uow, user_id)
            uow.commit()

    def remembered(self) -> UserRow | None:
        user_id = self.reads.setting(LAST_USER_KEY)
        return next((u for u in self.reads.users() if u.user_id == user_id), None)

    # -- PINs ------------------------------------------------------------------------------------------------

    def has_pin(self, user_id: str) -> bool:
        with self.reads.store.read() as conn:  # no write lock to ask
            return records.get(conn, user_id) is not None

    def choose_pin(self, user_id: str, pin: str, now: datetime) -> None:
        """First sign-in: a user without a PIN chooses one. Refused once they have one (a supervisor clears it
        first), so nobody replaces another's PIN by picking their name. The journal records its hash (a
        pin_set event, never the PIN): sync sends it up under this user's own sign-in, and the server sends it
        to the user's other devices."""
        with self.uow() as uow:
            if records.get(connection(uow), user_id) is not None:
                raise PinRejected(Message.PIN_ALREADY_SET)
            pin_hash = set_pin(uow, user_id, pin, user_id, now, self.hasher)
            uow.journal.append(
                Event(
                    id=new_event_id(),
                    kind=EventKind.PIN_SET,
                    device_id=uow.device_id,
                    user_id=user_id,
                    session_id=None,
                    wall_time=now,
                    mono_ns=self.clock.mono_ns(),
                    payload={"pin_hash": pin_hash},
                )
            )
            uow.commit()

    def clear_pin(self, user_id: str, by: Actor, now: datetime | None = None) -> None:
        """A supervisor (signed in again with their own PIN) resets a forgotten or damaged PIN. The journal
        records it (a pin_cleared event, by the supervisor): sync sends it up under their sign-in, the server
        clears the PIN on every device, and takes the PIN the user chooses next here from this device."""
        require(by, SUPERVISE, Action.RESET_PIN)
        with self.uow() as uow:
            records.clear(connection(uow), user_id)
            uow.journal.append(
                Event(
                    id=new_event_id(),
                    kind=EventKind.PIN_CLEARED,
                    device_id=uow.device_id,
                    user_id=by.user_id,
                    session_id=None,
                    wall_time=now or self.clock.now(),
                    mono_ns=self.clock.mono_ns(),
                    payload={"user_id": user_id},
                )
            )
            uow.commit()
        log.info("PIN of %s reset by %s", user_id, by.user_id)

    def check_pin(self, user_id: str, pin: str, now: datetime) -> Check:
        """Whether `pin` is the user's. Wrong tries are counted in the store (a restart does not reset them);
        after a few, each waits longer, and a try during the wait is not checked at all."""
        with self.uow() as uow:
            conn = connection(uow)
            record = records.get(conn, user_id)
            if record is None:
                return Check(Outcome.NOT_SET)
            if record.retry_after is not None and now < record.retry_after:
                return Check(Outcome.WAIT, 0, record.retry_after)
            outcome = pins.matches(record.pin_hash, pin, self.hasher)
            if outcome is Outcome.DAMAGED:
                log.warning("the PIN record of %s is not an argon2 hash: a supervisor must reset it", user_id)
                return Check(outcome, 0)
            if outcome is Outcome.OK:
                if record.failures or record.retry_after:
                    records.set_failures(conn, user_id, 0, None)
                if self.hasher.check_needs_rehash(record.pin_hash):
                    records.rehash(conn, user_id, self.hasher.hash(pin))
                uow.commit()
                return Check(outcome)
            failures = record.failures + 1
            wait = pins.wait_after(failures)
            retry_after = now + wait if wait is not None else None
            records.set_failures(conn, user_id, failures, retry_after)
            uow.commit()
        log.info("wrong PIN for %s (%d in a row)", user_id, failures)
        outcome = Outcome.WAIT if retry_after is not None else Outcome.WRONG
        return Check(outcome, pins.tries_left(failures), retry_after)

    # -- idle lock -------------------------------------------------------------------------------------------

    def idle_lock_minutes(self) -> float:
        """Minutes without a touch, click or key before the app locks; 0 never locks."""
        value = self.reads.setting(IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            return float(value)
        log.warning("setting %s is not a number of minutes: using %s", IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
        return DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, minutes: float, by: Actor) -> None:
        """A supervisor (signed in again with their own PIN) sets how long the app waits; 0 never locks."""
        require(by, DEVICE_SETTINGS, Action.SET_IDLE_LOCK)
        if minutes < 0:
            raise ValueError("idle lock minutes must be 0 (never) or more")
        log.info("idle lock set to %s minutes by %s", minutes, by.user_id)
        with self.uow() as uow:
            uow.settings.put(IDLE_LOCK_KEY, minutes)  # type: ignore[attr-defined]
            uow.commit()
