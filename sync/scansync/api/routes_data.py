"""Catalog, counts, sessions and lab data."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from scanapp.domain import counts as rules
from scanapp.domain.permissions import LAB, OPEN_COUNTS, SUPERVISE, Actor
from scanapp.sync.wire import (
    CountIn,
    CountOut,
    ImportOut,
    InventoryItemIn,
    InventoryItemOut,
    ListingConfigIn,
    ListingConfigOut,
    ProductBatch,
    ProductOut,
    SessionEdit,
    SessionIn,
    SessionOut,
    SubmitIn,
)
from scansync import catalog, lab, sessions
from scansync.api import bodies
from scansync.api.deps import AnyUser, Ctx, Offset, needs
from scansync.views import session_view

router = APIRouter(prefix="/v1")

Supervisor = Annotated[Actor, Depends(needs(SUPERVISE, "change the catalog"))]
LabUser = Annotated[Actor, Depends(needs(LAB, "work with lab inventory"))]
Counter = Annotated[Actor, Depends(needs(OPEN_COUNTS | SUPERVISE | LAB, "see counts"))]


@router.post(
    "/catalog/products",
    response_model=ImportOut,
    tags=["catalog"],
    summary="Add or change products (at most 5,000 a request)",
    openapi_extra=bodies.documented("ProductBatch"),
)
async def import_products(request: Request, actor: Supervisor, ctx: Ctx) -> Response:
    body: ProductBatch = await bodies.read(request, "ProductBatch", f"products from {actor.user_id}")

    def run() -> Response:
        with ctx.db.write() as tx:
            result = catalog.import_products(tx, list(body.products))
        return bodies.answer(ImportOut, result)

    return await run_in_threadpool(run)


@router.get("/catalog/products/{sku}", response_model=ProductOut, tags=["catalog"])
def get_product(sku: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.read() as conn:
        return catalog.get_product(conn, sku)


@router.delete("/catalog/products/{sku}", status_code=204, tags=["catalog"])
def delete_product(sku: str, actor: Supervisor, ctx: Ctx) -> Response:
    with ctx.db.write() as tx:
        catalog.delete_product(tx, sku)
    return Response(status_code=204)


@router.get("/counts", response_model=list[CountOut], tags=["counts"], summary="Counts the caller may see")
def list_counts(actor: Counter, ctx: Ctx) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return sessions.list_counts(conn, actor)


@router.post(
    "/counts",
    response_model=CountOut,
    status_code=201,
    tags=["counts"],
    summary="Create a count (directed with a list, hard, or a lab reconciliation) and its default session",
    openapi_extra=bodies.documented("CountIn"),
)
async def create_count(request: Request, actor: AnyUser, ctx: Ctx) -> Response:
    body: CountIn = await bodies.read(request, "CountIn", f"a count from {actor.user_id}")

    def run() -> Response:
        with ctx.db.write() as tx:
            made = sessions.create_count(tx, actor, ctx.clock.now(), body)
        return bodies.answer(CountOut, made, status=201)

    return await run_in_threadpool(run)


@router.get("/counts/{count_id}", response_model=CountOut, tags=["counts"])
def get_count(count_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.read() as conn:
        rules.require_for_count(sessions.get_count(conn, count_id), actor, "see this count")
        return sessions.count_data(conn, count_id)


@router.post("/counts/{count_id}/sessions", response_model=SessionOut, status_code=201, tags=["sessions"])
def new_session(count_id: str, body: SessionIn, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.write() as tx:
        return sessions.new_session(tx, actor, ctx.clock.now(), count_id, body)


@router.get("/sessions/{session_id}", response_model=SessionOut, tags=["sessions"])
def get_session(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.read() as conn:
        session = sessions.get_session(conn, session_id)
        rules.require_for_count(sessions.get_count(conn, session.count_id), actor, "see this session")
        return session_view(session)


def _transition(ctx: Ctx, actor: Actor, session_id: str, make: Any) -> dict[str, Any]:
    with ctx.db.write() as tx:
        return sessions.transition(tx, actor, ctx.clock.now(), session_id, make(tx))


@router.patch("/sessions/{session_id}", response_model=SessionOut, tags=["sessions"], summary="Edit name and area")
def edit_session(session_id: str, body: SessionEdit, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _transition(ctx, actor, session_id, lambda tx: sessions.edit(actor, body.name, body.area))


@router.post("/sessions/{session_id}/start", response_model=SessionOut, tags=["sessions"])
def start_session(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _transition(ctx, actor, session_id, lambda tx: sessions.start(actor))


@router.post("/sessions/{session_id}/submit", response_model=SessionOut, tags=["sessions"])
def submit_session(session_id: str, body: SubmitIn, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _transition(
        ctx, actor, session_id, lambda tx: sessions.submit(tx.conn, actor, body.confirmed_uncounted_zero)
    )


@router.post("/sessions/{session_id}/reopen", response_model=SessionOut, tags=["sessions"])
def reopen_session(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _transition(ctx, actor, session_id, lambda tx: sessions.reopen(actor))


@router.post("/sessions/{session_id}/discard", response_model=SessionOut, tags=["sessions"])
def discard_session(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _transition(ctx, actor, session_id, lambda tx: sessions.discard(actor))


@router.post(
    "/sessions/{session_id}/end",
    response_model=SessionOut,
    tags=["sessions"],
    summary="End a lab reconciliation session (only the user who started it)",
)
def end_session(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _transition(ctx, actor, session_id, lambda tx: sessions.end(actor))


@router.get("/lab/inventory", response_model=list[InventoryItemOut], tags=["lab"])
def list_inventory(
    actor: LabUser,
    ctx: Ctx,
    lab_name: Annotated[str | None, Query(alias="lab", max_length=128)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return lab.list_inventory(conn, lab_name, limit, offset)


@router.post(
    "/lab/inventory",
    tags=["lab"],
    summary="Add or change inventory items (at most 5,000 a request)",
    openapi_extra=bodies.documented("InventoryBatch"),
)
async def upsert_inventory(request: Request, actor: LabUser, ctx: Ctx) -> dict[str, int]:
    items: list[InventoryItemIn] = await bodies.read(request, "InventoryBatch", f"inventory from {actor.user_id}")

    def run() -> dict[str, int]:
        with ctx.db.write() as tx:
            return {"stored": lab.upsert_inventory(tx, items)}

    return await run_in_threadpool(run)


@router.get("/lab/listing-configs", response_model=list[ListingConfigOut], tags=["lab"])
def list_listings(actor: LabUser, ctx: Ctx) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return lab.list_listings(conn)


@router.post("/lab/listing-configs", response_model=ListingConfigOut, status_code=201, tags=["lab"])
def create_listing(body: ListingConfigIn, actor: LabUser, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.write() as tx:
        return lab.create_listing(tx, actor, body)
