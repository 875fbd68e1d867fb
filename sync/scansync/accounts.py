"""Users, roles, devices and bearer tokens.

Passwords are argon2 hashes. A token is random, bound to one user on one enrolled device, expires by the
server clock, and is stored only as its SHA-256. Failed logins are counted in the database (not in process
memory), per user name and per client address, so the limit holds across server processes.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update

from scanapp.domain.errors import DomainError, NotFound, PermissionDenied
from scanapp.domain.permissions import ROLES, Actor, permissions_for_roles
from scanapp.errors import KnownError
from scansync import audit
from scansync import tables as t
from scansync.config import Settings

_hasher = PasswordHasher()
# Verified when the user name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


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


def add_user(conn: Connection, now: datetime, user_id: str, display_name: str, password: str, roles: list[str]) -> None:
    roles = parse_roles(roles)
    if len(password) < 8:
        raise DomainError("A password needs at least 8 characters.")
    if conn.execute(select(t.users.c.id).where(t.users.c.id == user_id)).first() is not None:
        raise Conflict(f"User {user_id} exists already.")
    conn.execute(
        insert(t.users).values(
            id=user_id,
            display_name=display_name or user_id,
            password_hash=hash_password(password),
            roles=",".join(roles),
            created_at=now,
        )
    )


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


def enroll_device(conn: Connection, now: datetime, by: str, device_id: str, name: str) -> bool:
    """Enroll (or re-enable) a device; returns False when it was enrolled already."""
    row = conn.execute(select(t.devices.c.revoked_at).where(t.devices.c.id == device_id)).first()
    if row is not None and row.revoked_at is None:
        return False
    if row is not None:
        conn.execute(
            update(t.devices).where(t.devices.c.id == device_id).values(revoked_at=None, name=name or device_id)
        )
    else:
        conn.execute(
            insert(t.devices).values(
                id=device_id, name=name or device_id, enrolled_at=now, enrolled_by=by, high_water=0, reported_seq=0
            )
        )
    return True


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


def note_attempt(conn: Connection, now: datetime, username: str, client: str, ok: bool) -> None:
    conn.execute(insert(t.login_attempts).values(username=username, client=client, at=now, ok=ok))


def verify_login(conn: Connection, username: str, password: str, device_id: str) -> list[str]:
    """The user's roles when the password is right and the device enrolled; AuthError otherwise."""
    row = conn.execute(select(t.users.c.password_hash, t.users.c.roles).where(t.users.c.id == username)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        raise AuthError("Wrong user name or password.") from None
    if row is None:
        raise AuthError("Wrong user name or password.")
    device = conn.execute(select(t.devices.c.revoked_at).where(t.devices.c.id == device_id)).first()
    if device is None or device.revoked_at is not None:
        raise PermissionDenied(
            f"This device ({device_id}) is not enrolled on the server. Ask a supervisor to enroll it: "
            f"scanapp-sync device enroll {device_id}"
        )
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


def authenticate(conn: Connection, token: str, now: datetime) -> Principal:
    digest = _token_hash(token)
    row = conn.execute(
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
        .where(t.tokens.c.token_hash == digest)
    ).first()
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
