"""Request bodies: how big each route takes, and the bulk ones read and validated off the event loop.

Every body is refused with 413 before anything parses it when it is over its route's limit (app.BodyLimit,
from `limits`): bulk routes take megabytes, every other route a few kilobytes. Every list in the wire schema
has a length limit, so a body within its size cannot make the validator run long either.

FastAPI validates a declared body on the event loop, where a few megabytes of items hold up every other
request (`/healthz` included) for as long as they take. The bulk routes therefore read their raw body and
validate it in the thread pool; their schemas are added to the OpenAPI document by name (app._openapi).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, TypeVar

from fastapi import Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from starlette.requests import ClientDisconnect

from scanapp.errors import KnownError
from scanapp.sync.wire import MAX_PAGE, CountIn, InventoryItemIn, ProductBatch, PushIn
from scansync.config import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")

InventoryBatch = Annotated[list[InventoryItemIn], Field(min_length=1, max_length=MAX_PAGE)]

# The bulk bodies by the schema name the OpenAPI document gives them.
BULK: dict[str, TypeAdapter[Any]] = {
    "PushIn": TypeAdapter(PushIn),
    "ProductBatch": TypeAdapter(ProductBatch),
    "CountIn": TypeAdapter(CountIn),
    "InventoryBatch": TypeAdapter(InventoryBatch),
}


def limits(settings: Settings) -> dict[str, int]:
    """The body limit of each bulk route by path; any other route takes settings.max_body_bytes."""
    return {
        "/v1/journal": settings.max_push_bytes,
        "/v1/catalog/products": settings.max_bulk_bytes,
        "/v1/counts": settings.max_bulk_bytes,
        "/v1/lab/inventory": settings.max_bulk_bytes,
    }


def documented(name: str) -> dict[str, Any]:
    """`openapi_extra` for a route that reads the bulk body `name` itself."""
    schema = {"$ref": f"#/components/schemas/{name}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


class UploadCut(KnownError):
    """The client went away during the upload (its Wi-Fi dropped, or it gave up at its deadline): nothing of
    the body is used, and nobody reads the answer."""


async def read(request: Request, name: str, sender: str) -> Any:
    """The body validated as BULK[name], in the thread pool; 422 as FastAPI gives it for a bad one."""
    return await run_in_threadpool(parse, name, await raw(request, sender))


async def raw(request: Request, sender: str | None) -> bytes:
    """The body's bytes. `sender` names the upload in the one log line a cut-off upload gets (the world's
    doing, not a bug); None: the caller writes that line (log_cut) once it knows who sent it."""
    try:
        return await request.body()
    except ClientDisconnect:
        if sender is not None:
            log_cut(request, sender)
        raise UploadCut("The upload was cut off.") from None


def log_cut(request: Request, sender: str) -> None:
    size = request.headers.get("content-length", "?")
    log.warning("client disconnected during upload: %s (%s bytes announced)", sender, size)


def parse(name: str, body: bytes) -> Any:
    """`body` validated as BULK[name] (call it off the event loop); 422 as FastAPI gives it for a bad one."""
    return _validate(BULK[name], body)


def answer(model: type[BaseModel], data: Any, status: int = 200) -> Response:
    """`data` as `model`'s JSON, made here (call it in the thread pool): FastAPI would validate and encode a
    returned dict on the event loop, which for a count with its 100,000-item list takes most of a second."""
    body = model.model_validate(data).model_dump_json().encode()
    return Response(body, status_code=status, media_type="application/json")


def _validate(adapter: TypeAdapter[T], raw: bytes) -> T:
    try:
        return adapter.validate_json(raw)
    except ValidationError as err:
        raise RequestValidationError(err.errors(include_url=False, include_input=False)) from None
