"""Sign-in, users and devices."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy import Connection, select, update

from scanapp.domain.errors import NotFound
from scanapp.domain.permissions import SUPERVISE, Actor, Permission, permissions_for_roles
from scanapp.sync.wire import DeviceIn, LoginRequest, PinIn, RolesIn, TokenOut, UserIn, UserOut
from scanapp.sync.wire_reports import DeviceOut
from scansync import accounts, audit, device_reports
from scansync import tables as t
from scansync.accounts import Conflict
from scansync.api.deps import AnyUser, Caller, Ctx, needs

router = APIRouter(prefix="/v1")

# Users and roles are the store's administration: COMMON_ADMIN, as for force-release.
MANAGE_USERS = frozenset({Permission.COMMON_ADMIN})
Admin = Annotated[Actor, Depends(needs(MANAGE_USERS, "manage users"))]
Supervisor = Annotated[Actor, Depends(needs(SUPERVISE, "manage devices"))]


@router.post(
    "/auth/token",
    response_model=TokenOut,
    tags=["accounts"],
    summary="Sign in on an enrolled device, with the user's password or device PIN",
)
def sign_in(body: LoginRequest, request: Request, ctx: Ctx) -> dict[str, object]:
    client = request.client.host if request.client else "unknown"
    now = ctx.clock.now()
    with ctx.db.write() as tx:  # the attempt counts (as a failure until it succeeds) before anything is checked
        attempt = accounts.reserve_attempt(tx.conn, ctx.settings, now, body.username, client)
    with ctx.db.read() as conn:  # argon2 takes a while on purpose: outside any write transaction
        roles = accounts.verify_login(conn, body.username, body.password, body.device_id)
    with ctx.db.write() as tx:
        accounts.attempt_succeeded(tx.conn, attempt)
        token, expires = accounts.issue_token(tx.conn, ctx.settings, now, body.username, body.device_id)
    return {
        "token": token,
        "expires_at": expires,
        "user_id": body.username,
        "device_id": body.device_id,
        "permissions": sorted(permissions_for_roles(roles)),
        "server_id": ctx.db.server_id,
    }


@router.delete("/auth/token", status_code=204, tags=["accounts"], summary="Sign out (revoke this token)")
def sign_out(caller: Caller, ctx: Ctx) -> Response:
    with ctx.db.write() as tx:
        accounts.revoke_token(tx.conn, caller.token_hash)
    return Response(status_code=204)


@router.get("/me", response_model=UserOut, tags=["accounts"])
def me(actor: AnyUser, ctx: Ctx) -> dict[str, object]:
    with ctx.db.read() as conn:
        row = conn.execute(select(t.users).where(t.users.c.id == actor.user_id)).one()
    return accounts.user_view(row)


@router.get("/users", response_model=list[UserOut], tags=["accounts"])
def list_users(actor: Admin, ctx: Ctx) -> list[dict[str, object]]:
    with ctx.db.read() as conn:
        return [accounts.user_view(r) for r in conn.execute(select(t.users).order_by(t.users.c.id))]


@router.post("/users", response_model=UserOut, status_code=201, tags=["accounts"])
def add_user(body: UserIn, actor: Admin, ctx: Ctx) -> dict[str, object]:
    now = ctx.clock.now()
    with ctx.db.write() as tx:
        accounts.add_user(tx.conn, now, body.id, body.display_name, body.password, list(body.roles), body.pin)
        audit.record(tx.conn, now, actor.user_id, actor.device_id, "user_added", body.id, roles=list(body.roles))
        return accounts.publish_user(tx, body.id)


@router.put("/users/{user_id}/roles", response_model=UserOut, tags=["accounts"], summary="Change a user's roles")
def set_roles(user_id: str, body: RolesIn, actor: Admin, ctx: Ctx) -> dict[str, object]:
    with ctx.db.write() as tx:
        accounts.set_roles(tx.conn, ctx.clock.now(), actor, user_id, list(body.roles))
        return accounts.publish_user(tx, user_id)


@router.put("/users/{user_id}/pin", response_model=UserOut, tags=["accounts"], summary="Set a user's device PIN")
def set_pin(user_id: str, body: PinIn, actor: Admin, ctx: Ctx) -> dict[str, object]:
    """The PIN reaches every device with the next pull (as an argon2 hash); audited, never logged."""
    now = ctx.clock.now()
    with ctx.db.write() as tx:
        accounts.store_pin(tx.conn, user_id, accounts.hash_pin(body.pin))
        audit.record(tx.conn, now, actor.user_id, actor.device_id, "pin_set", user_id)
        return accounts.publish_user(tx, user_id)


def _device_view(conn: Connection, row: Any, now: datetime, stale_after: timedelta) -> dict[str, object]:
    held = [
        r.id
        for r in conn.execute(
            select(t.sessions.c.id).where(t.sessions.c.lease_device == row.id, t.sessions.c.lease_expires_at > now)
        )
    ]
    return {
        "id": row.id,
        "name": row.name,
        "enrolled_at": row.enrolled_at,
        "revoked": row.revoked_at is not None,
        "high_water": row.high_water,
        "reported_seq": row.reported_seq,
        "pending": max(0, row.reported_seq - row.high_water),
        "last_push_at": row.last_push_at,
        "last_pull_at": row.last_pull_at,
        "last_user": row.last_user,
        "sessions_held": held,
        "last_sync_at": device_reports.last_sync(row),
        "last_attempt_at": row.last_attempt_at,
        "clock_offset_s": row.clock_offset_s,
        "signed_in": row.signed_in_user,
        "stale": device_reports.stale(row, now, stale_after),
    }


@router.get("/devices", response_model=list[DeviceOut], tags=["accounts"], summary="Every device's sync state (S4)")
def list_devices(actor: Supervisor, ctx: Ctx) -> list[dict[str, object]]:
    now = ctx.clock.now()
    with ctx.db.read() as conn:
        rows = conn.execute(select(t.devices).order_by(t.devices.c.name, t.devices.c.id)).all()
        return [_device_view(conn, r, now, ctx.settings.stale_after) for r in rows]


@router.post("/devices", response_model=DeviceOut, status_code=201, tags=["accounts"], summary="Enroll a device")
def enroll(body: DeviceIn, actor: Supervisor, ctx: Ctx) -> dict[str, object]:
    now = ctx.clock.now()
    with ctx.db.write() as tx:
        if accounts.enroll_device(tx.conn, now, actor.user_id, body.id, body.name) is accounts.Enrolled.ALREADY:
            raise Conflict(f"Device {body.id} is enrolled already.")
        audit.record(tx.conn, now, actor.user_id, actor.device_id, "device_enrolled", body.id, name=body.name)
        row = tx.conn.execute(select(t.devices).where(t.devices.c.id == body.id)).one()
        return _device_view(tx.conn, row, now, ctx.settings.stale_after)


@router.delete("/devices/{device_id}", status_code=204, tags=["accounts"], summary="Revoke a device's enrollment")
def revoke(device_id: str, actor: Supervisor, ctx: Ctx) -> Response:
    now = ctx.clock.now()
    with ctx.db.write() as tx:
        done = tx.conn.execute(
            update(t.devices)
            .where(t.devices.c.id == device_id, t.devices.c.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
        if not done:
            raise NotFound(f"No enrolled device {device_id}.")
        audit.record(tx.conn, now, actor.user_id, actor.device_id, "device_revoked", device_id)
    return Response(status_code=204)
