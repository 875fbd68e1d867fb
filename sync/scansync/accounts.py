"""Users, roles, device PINs, devices and bearer tokens.

Passwords and PINs are argon2 hashes; either signs a user in. A token is random, bound to one user on one
enrolled device, expires by the server clock, and is stored only as its SHA-256. Sign-in attempts are counted
in the database (not in process memory), per user name and per client address, so the limit holds across
server processes: each attempt takes its place in the count, under a lock, before its secret is checked, so
any number of attempts at once get at most the limit checked.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Connection, bindparam, delete, func, insert, select, text, update

from scanapp.domain.errors import DomainError, NotFound
from scanapp.domain.permissions import ROLES, Actor, permissions_for_roles
from scanapp.errors import KnownError
from scansync import audit
from scansync import tables as t
from scansync.config import Settings
from scansync.db import Tx

_hasher = PasswordHasher()
# Verified when the user name is unknown (or has no password or PIN), so a wrong name takes as long as a
# wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")
# Stored as the password of a user who signs in with a PIN only: no secret matches it.
NO_PASSWORD = "!"
WRONG = "Wrong user name or password."
MIN_PIN, MAX_PIN = 4, 64  # as on the device (scanapp.services.pins)


class AuthError(KnownError):
    """Missing, unknown or expired credentials (HTTP 401)."""


class RateLimited(KnownError):
    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(DomainError):
    """The thing to create exists already."""


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of a request."""

    actor: Actor
    token_hash: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def parse_roles(roles: list[str] | str) -> list[str]:
    names = [r.strip() for r in (roles.split(",") if isinstance(roles, str) else roles) if r.strip()]
    unknown = [r for r in names if r not in ROLES]
    if unknown or not names:
        raise DomainError(f"Unknown role {', '.join(unknown) or '(none)'}; roles are: {', '.join(sorted(ROLES))}.")
    return sorted(set(names))


def add_user(
    conn: Connection,
    now: datetime,
    user_id: str,
    display_name: str,
    password: str | None,
    roles: list[str],
    pin: str | None = None,
) -> None:
    """A user with a password, a device PIN, or both (at least one)."""
    roles = parse_roles(roles)
    if password is None and pin is None:
        raise DomainError("A user needs a password or a PIN.")
    if password is not None and len(password) < 8:
        raise DomainError("A password needs at least 8 characters.")
    pin_hash = hash_pin(pin) if pin is not None else None
    if conn.execute(select(t.users.c.id).where(t.users.c.id == user_id)).first() is not None:
        raise Conflict(f"User {user_id} exists already.")
    conn.execute(
        insert(t.users).values(
            id=user_id,
            display_name=display_name or user_id,
            password_hash=hash_password(password) if password is not None else NO_PASSWORD,
            roles=",".join(roles),
            created_at=now,
            pin_hash=pin_hash,
            pin_version=1 if pin_hash else 0,
        )
    )


def hash_pin(pin: str) -> str:
    """The rules a device applies to a PIN, so a PIN set here works on every device."""
    if not MIN_PIN <= len(pin) <= MAX_PIN:
        raise DomainError(f"A PIN has {MIN_PIN} to {MAX_PIN} characters.")
    return _hasher.hash(pin)


def store_pin(conn: Connection, user_id: str, pin_hash: str | None, reset_device: str | None = None) -> None:
    """Set (or clear) a user's PIN hash; its version moves, so every device takes it at its next pull.
    `reset_device`: where a supervisor reset it (pin_events), else None (a PIN set anywhere ends the reset)."""
    values = {"pin_hash": pin_hash, "pin_version": t.users.c.pin_version + 1, "pin_reset_device": reset_device}
    done = conn.execute(update(t.users).where(t.users.c.id == user_id).values(values)).rowcount
    if not done:
        raise NotFound(f"No user {user_id}.")


def set_roles(conn: Connection, now: datetime, by: Actor, user_id: str, roles: list[str]) -> list[str]:
    roles = parse_roles(roles)
    row = conn.execute(select(t.users.c.roles).where(t.users.c.id == user_id).with_for_update()).first()
    if row is None:
        raise NotFound(f"No user {user_id}.")
    conn.execute(update(t.users).where(t.users.c.id == user_id).values(roles=",".join(roles)))
    audit.record(
        conn, now, by.user_id, by.device_id, "roles_changed", user_id, before=row.roles.split(","), after=roles
    )
    return roles


def user_view(row: Any) -> dict[str, object]:
    roles = str(row.roles).split(",")
    return {
        "id": row.id,
        "display_name": row.display_name,
        "roles": roles,
        "permissions": sorted(permissions_for_roles(roles)),
    }


def user_change(row: Any) -> dict[str, object]:
    """A user as devices pull it: with the PIN's argon2 hash (never the PIN), so the user can sign in on any
    device, offline too, and its version, so a device replaces its PIN only by a newer one."""
    return {**user_view(row), "pin_hash": row.pin_hash, "pin_version": int(row.pin_version)}


def publish_user(tx: Tx, user_id: str) -> dict[str, object]:
    """Publish the user's current record to the change log (in `tx`, a scansync.db.Tx); returns its view."""
    row = tx.conn.execute(select(t.users).where(t.users.c.id == user_id)).one()
    tx.publish("user", user_id, user_change(row))
    return user_view(row)


class Enrolled(Enum):
    NEW = "new"
    AGAIN = "again"
    """The device had been revoked and is enabled again."""
    ALREADY = "already"


def enroll_device(conn: Connection, now: datetime, by: str, device_id: str, name: str) -> Enrolled:
    """Enroll (or re-enable) a device."""
    row = conn.execute(select(t.devices.c.revoked_at).where(t.devices.c.id == device_id)).first()
    if row is not None and row.revoked_at is None:
        return Enrolled.ALREADY
    if row is not None:
        conn.execute(
            update(t.devices).where(t.devices.c.id == device_id).values(revoked_at=None, name=name or device_id)
        )
        return Enrolled.AGAIN
    conn.execute(
        insert(t.devices).values(
            id=device_id, name=name or device_id, enrolled_at=now, enrolled_by=by, high_water=0, reported_seq=0
        )
    )
    return Enrolled.NEW


def checked_device_id(text: str) -> str:
    """A device id as a person typed it: the device's own id (a UUID, as the app shows it), or a clear refusal.
    A shortened id (the README's `01a2…`), an empty one or anything else would enroll a device that does not
    exist while the real one stays refused."""
    given = text.strip()
    if not given:
        raise DomainError("No device id given: use the id the device shows (`scanapp sync` names it when refused).")
    if "…" in given or given.endswith("..."):
        raise DomainError(
            f"{given!r} is a shortened device id: use the whole id as the device shows it "
            "(36 characters, like 0190b8c2-5c1e-7b3a-9d2e-4f6a8b0c1d2e)."
        )
    try:
        parsed = uuid.UUID(given)
    except ValueError:
        raise DomainError(
            f"{given!r} is not a device id: a device id is the 36-character id the device shows, "
            "like 0190b8c2-5c1e-7b3a-9d2e-4f6a8b0c1d2e."
        ) from None
    return str(parsed)


def _limit(conn: Connection, column: ColumnElement[str], value: str, since: datetime, limit: int) -> bool:
    failures = conn.execute(
        select(func.count())
        .select_from(t.login_attempts)
        .where(column == value, t.login_attempts.c.at > since, t.login_attempts.c.ok.is_(False))
    ).scalar_one()
    return int(failures) >= limit


def check_rate(conn: Connection, settings: Settings, now: datetime, username: str, client: str) -> None:
    since = now - settings.login_window
    if _limit(conn, t.login_attempts.c.username, username, since, settings.max_failures_per_user) or _limit(
        conn, t.login_attempts.c.client, client, since, settings.max_failures_per_client
    ):
        seconds = int(settings.login_window.total_seconds())
        raise RateLimited(f"Too many failed sign-ins; try again in {seconds // 60 or 1} minutes.", seconds)


def _lock_key(name: str) -> int:
    """A PostgreSQL advisory lock key (signed 64 bits) for a user name or a client address."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def reserve_attempt(conn: Connection, settings: Settings, now: datetime, username: str, client: str) -> int:
    """In a write transaction: refuse (RateLimited) when the user or the client is over its limit, else count
    this attempt as a failure until it succeeds, and return its id. Attempts for one user (and one client)
    take turns here: SQLite has one writer at a time; on PostgreSQL advisory locks, always user then client,
    so two attempts never wait for each other in a circle."""
    if conn.dialect.name == "postgresql":
        for name in (f"user:{username}", f"client:{client}"):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_key(name)})
    check_rate(conn, settings, now, username, client)
    row_id = conn.execute(
        insert(t.login_attempts)
        .values(username=username, client=client, at=now, ok=False)
        .returning(t.login_attempts.c.id)
    ).scalar_one()
    return int(row_id)


def attempt_succeeded(conn: Connection, attempt_id: int) -> None:
    conn.execute(update(t.login_attempts).where(t.login_attempts.c.id == attempt_id).values(ok=True))


def _matches(stored: str | None, secret: str) -> bool:
    """Whether `secret` matches an argon2 hash; a missing or non-argon2 value checks a dummy (same time)."""
    target = stored if stored is not None and stored.startswith("$argon2") else None
    try:
        _hasher.verify(target or _DUMMY_HASH, secret)
    except (VerificationError, InvalidHashError):
        return False
    return target is not None


def verify_login(conn: Connection, username: str, secret: str, device_id: str) -> list[str]:
    """The user's roles when `secret` is their password or their device PIN and the device is enrolled.
    Anything else is the same AuthError: a right password from an unenrolled device must not tell anyone
    that the password was right."""
    row = conn.execute(
        select(t.users.c.password_hash, t.users.c.pin_hash, t.users.c.roles).where(t.users.c.id == username)
    ).first()
    by_password = _matches(row.password_hash if row else None, secret)
    by_pin = _matches(row.pin_hash if row else None, secret)  # both always checked: the same time for everyone
    if row is None or not (by_password or by_pin):
        raise AuthError(WRONG)
    device = conn.execute(select(t.devices.c.revoked_at).where(t.devices.c.id == device_id)).first()
    if device is None or device.revoked_at is not None:
        raise AuthError(WRONG)
    return str(row.roles).split(",")


def issue_token(
    conn: Connection, settings: Settings, now: datetime, user_id: str, device_id: str
) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    expires = now + settings.token_ttl
    conn.execute(delete(t.tokens).where(t.tokens.c.user_id == user_id, t.tokens.c.expires_at < now))
    conn.execute(
        insert(t.tokens).values(
            token_hash=_token_hash(token), user_id=user_id, device_id=device_id, issued_at=now, expires_at=expires
        )
    )
    return token, expires


# The token check runs on every request: built once (with a bound parameter), as building it costs more than
# running it.
_TOKEN = (
    select(
        t.tokens.c.user_id,
        t.tokens.c.device_id,
        t.tokens.c.expires_at,
        t.users.c.roles,
        t.users.c.display_name,
        t.devices.c.revoked_at,
    )
    .join(t.users, t.users.c.id == t.tokens.c.user_id)
    .join(t.devices, t.devices.c.id == t.tokens.c.device_id)
    .where(t.tokens.c.token_hash == bindparam("digest"))
)


def authenticate(conn: Connection, token: str, now: datetime) -> Principal:
    digest = _token_hash(token)
    row = conn.execute(_TOKEN, {"digest": digest}).first()
    if row is None:
        raise AuthError("Not signed in, or the sign-in was revoked; sign in again.")
    if row.expires_at <= now:
        raise AuthError("The sign-in has expired; sign in again.")
    if row.revoked_at is not None:
        raise AuthError("This device's enrollment was revoked.")
    actor = Actor(row.user_id, row.device_id, permissions_for_roles(row.roles.split(",")), row.display_name)
    return Principal(actor, digest)


def revoke_token(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(t.tokens).where(t.tokens.c.token_hash == token_hash))
