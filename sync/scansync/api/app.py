"""The FastAPI application. Everything it needs is passed in; nothing connects at import time."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scanapp.domain.clock import Clock, SystemClock
from scanapp.sync.wire_reports import Health
from scansync.api import bodies, errors, routes_accounts, routes_data, routes_supervisor, routes_sync
from scansync.api.deps import Context
from scansync.config import Settings
from scansync.db import Database


class BodyLimit:
    """Refuse request bodies over their route's limit with 413 before anything parses them (a declared length
    at once, a chunked body as soon as it passes the limit), and URLs with NUL (no database column can hold it)
    with 400."""

    def __init__(self, app: ASGIApp, default: int, by_path: dict[str, int]) -> None:
        self.app = app
        self.default = default
        self.by_path = by_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if "\x00" in path or b"%00" in scope.get("query_string", b""):
            await _refuse(send, 400, "NUL characters are not allowed in URLs.")
            return
        limit = self.by_path.get(path.rstrip("/"), self.default)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(send, limit)


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
    app.include_router(routes_supervisor.router)
    app.add_middleware(BodyLimit, default=settings.max_body_bytes, by_path=bodies.limits(settings))
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """For `scanapp-sync serve --workers N`: each worker process builds its own app from the environment
    (the database is already migrated by the parent; all shared state is in the database)."""
    import os
    from datetime import timedelta

    db = Database.open(os.environ["SCANAPP_SYNC_DB"], migrate=False)
    from dataclasses import replace

    settings = Settings()
    if ttl := os.environ.get("SCANAPP_SYNC_LEASE_TTL"):
        settings = replace(settings, lease_ttl=timedelta(seconds=float(ttl)))
    if stale := os.environ.get("SCANAPP_SYNC_STALE_AFTER"):
        settings = replace(settings, stale_after=timedelta(minutes=float(stale)))
    return create_app(db, settings)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated document, plus the bulk bodies' schemas: those routes read their bodies themselves (off
    the event loop, api.bodies), so FastAPI does not see the models."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, adapter in bodies.BULK.items():
            body = adapter.json_schema(ref_template="#/components/schemas/{model}")
            components.update(body.pop("$defs", {}))
            components[name] = body
        app.openapi_schema = schema
    return app.openapi_schema
