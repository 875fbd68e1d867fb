"""The FastAPI application. Everything it needs is passed in; nothing connects at import time."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scanapp.domain.clock import Clock, SystemClock
from scanapp.sync.wire import Health
from scansync.api import errors, routes_accounts, routes_data, routes_sync
from scansync.api.deps import Context
from scansync.config import Settings
from scansync.db import Database


class BodyLimit:
    """Refuse request bodies over the limit with 413 before anything parses them, and URLs with NUL (no
    database column can hold it) with 400."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b""):
            await _refuse(send, 400, "NUL characters are not allowed in URLs.")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(send, self.limit)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    await _refuse(send, 413, f"The request body is larger than {limit} bytes.")


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(db: Database, settings: Settings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="scanapp-sync",
        version="1",
        description="Central sync service for ScanApp devices: accounts, catalog, counts, sessions, leases, "
        "journal push and change pull.",
    )
    app.state.ctx = Context(db, settings, clock or SystemClock())
    errors.install(app)
    server_id = db.server_id

    @app.get("/healthz", response_model=Health, tags=["health"])
    def healthz() -> dict[str, Any]:
        with db.read() as conn:
            conn.exec_driver_sql("SELECT 1")
        return {"status": "ok", "server_id": server_id, "database": db.dialect}

    app.include_router(routes_accounts.router)
    app.include_router(routes_data.router)
    app.include_router(routes_sync.router)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app
