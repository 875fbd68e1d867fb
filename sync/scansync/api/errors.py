"""Error answers. The world's errors (bad credentials, refused rules, junk input, a database that is down)
get a 4xx/503 with a plain message; anything else is a bug: logged with its traceback, answered 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from scanapp.domain.errors import (
    ConfirmationRequired,
    DomainError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    SessionLocked,
    UnmatchedItemsRemain,
)
from scanapp.errors import KnownError
from scansync.accounts import AuthError, Conflict, RateLimited
from scansync.db import DatabaseUnavailable

log = logging.getLogger(__name__)

STATUS: list[tuple[type[KnownError], int]] = [
    (AuthError, 401),
    (RateLimited, 429),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
    (SessionLocked, 409),
    (UnmatchedItemsRemain, 409),
    (ConfirmationRequired, 409),
    (InvalidTransition, 409),
    (DomainError, 422),
    (DatabaseUnavailable, 503),
    (KnownError, 400),
]


def status_for(err: KnownError) -> int:
    return next(code for cls, code in STATUS if isinstance(err, cls))


def install(app: FastAPI) -> None:
    @app.exception_handler(KnownError)
    async def known(_request: Request, err: KnownError) -> JSONResponse:
        code = status_for(err)
        headers = {}
        if code == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(err, RateLimited):
            headers["Retry-After"] = str(err.retry_after)
        if code >= 500:
            log.warning("%s", err)
        return JSONResponse({"detail": str(err)}, status_code=code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, err: RequestValidationError) -> JSONResponse:
        problems = []
        for e in err.errors()[:20]:
            where = ".".join(str(p) for p in e.get("loc", ()))
            problems.append(f"{where}: {e.get('msg', 'invalid')}")
        return JSONResponse({"detail": "Invalid request: " + "; ".join(problems)}, status_code=422)

    @app.exception_handler(RecursionError)
    async def too_deep(_request: Request, _err: RecursionError) -> JSONResponse:
        return JSONResponse({"detail": "Invalid request: the JSON is nested too deeply."}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http(_request: Request, err: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(err.detail)}, status_code=err.status_code, headers=err.headers)
