"""Sign-in PINs (SPEC A1): what a PIN must be, how it is hashed (argon2id, on the device), how wrong tries are
slowed down, and what a check tells the screen. The rules only; services.users keeps the records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from scanapp.domain.errors import DomainError
from scanapp.domain.messages import Message

MIN_LENGTH = 4
MAX_LENGTH = 64
# Wrong tries in a row that are checked at once; after that each one waits, twice as long as the last.
FREE_TRIES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)

HASHER = PasswordHasher()
"""argon2id with the library's RFC 9106 low-memory profile (64 MiB, 3 passes): about 0.1 s a check."""


class PinRejected(DomainError):
    """A PIN that cannot be chosen (too short, too long, or the user already has one)."""


class Outcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    WAIT = "wait"
    """Too many wrong tries: nothing is checked before `retry_after`."""
    DAMAGED = "damaged"
    """The stored record is not an argon2 hash: nobody can sign in with it until a supervisor resets it."""
    NOT_SET = "not set"


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    tries_left: int = FREE_TRIES
    """Wrong tries left before the waits start."""
    retry_after: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


def validate(pin: str) -> None:
    if len(pin) < MIN_LENGTH:
        raise PinRejected(Message.PIN_TOO_SHORT, length=MIN_LENGTH)
    if len(pin) > MAX_LENGTH:
        raise PinRejected(Message.PIN_TOO_LONG, length=MAX_LENGTH)


def hash_pin(pin: str, hasher: PasswordHasher = HASHER) -> str:
    validate(pin)
    return hasher.hash(pin)


def matches(pin_hash: str, pin: str, hasher: PasswordHasher = HASHER) -> Outcome:
    """OK, WRONG, or DAMAGED for a hash argon2 cannot read (truncated, edited, not a hash at all)."""
    try:
        hasher.verify(pin_hash, pin)
    except VerifyMismatchError:
        return Outcome.WRONG
    except (InvalidHashError, VerificationError):
        return Outcome.DAMAGED
    return Outcome.OK


def wait_after(failures: int) -> timedelta | None:
    """How long to wait after this many wrong tries in a row (None: the next try is checked at once)."""
    if failures < FREE_TRIES:
        return None
    return min(FIRST_WAIT * (1 << min(failures - FREE_TRIES, 16)), LONGEST_WAIT)


def tries_left(failures: int) -> int:
    return max(FREE_TRIES - failures, 0)
