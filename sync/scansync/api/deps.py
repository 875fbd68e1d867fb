"""What every route needs: the database, the clock, the settings, and the authenticated caller."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from scanapp.domain.clock import Clock
from scanapp.domain.permissions import SUPERVISE, Actor, Permission, require
from scansync.accounts import AuthError, Principal, authenticate
from scansync.config import Settings
from scansync.db import Database

_bearer = HTTPBearer(auto_error=False, description="A token from POST /v1/auth/token")


class Context:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock


# The dependencies that do no I/O are coroutines: FastAPI runs a plain `def` dependency in the thread pool, a
# round trip through it per dependency per request, which showed on the journal push (the busiest route).


async def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


Ctx = Annotated[Context, Depends(context)]


async def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The request's bearer token, not checked yet: `principal` checks it, or a route in its own transaction."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise AuthError("Sign in first: this needs a bearer token from POST /v1/auth/token.")
    return credentials.credentials


Token = Annotated[str, Depends(bearer_token)]


def principal(ctx: Ctx, token: Token) -> Principal:
    with ctx.db.read() as conn:
        return authenticate(conn, token, ctx.clock.now())


Caller = Annotated[Principal, Depends(principal)]


def needs(permissions: frozenset[Permission], action: str) -> Callable[[Principal], Coroutine[None, None, Actor]]:
    """A dependency: the caller's actor, after checking it holds one of `permissions`."""

    async def check(caller: Caller) -> Actor:
        require(caller.actor, permissions, action)
        return caller.actor

    return check


async def signed_in(caller: Caller) -> Actor:
    return caller.actor


AnyUser = Annotated[Actor, Depends(signed_in)]

# Where a page of a long list starts.
Offset = Annotated[int, Query(ge=0, le=10**9)]

# The supervisor's station (progress, variance, decisions, devices): SUPERVISE only, 403 for anyone else.
SupervisorOnly = Annotated[Actor, Depends(needs(SUPERVISE, "see and decide a count's variance"))]
