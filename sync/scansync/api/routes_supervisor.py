"""The supervisor's station: a count's progress, variance, attribution and figures, its threshold and
decisions on items' variances (SUPERVISE only; the writes are audited)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query

from scanapp.domain.variance import Grouping, attribute
from scanapp.sync.wire_reports import (
    AttributionOut,
    DecisionIn,
    FiguresOut,
    ProgressOut,
    ThresholdIn,
    ThresholdOut,
    VarianceLineOut,
    VarianceOut,
)
from scansync import supervision
from scansync.api.deps import Ctx, Offset, SupervisorOnly

router = APIRouter(prefix="/v1", tags=["supervisor"])

By = Literal["session", "area", "counter"]


@router.get("/counts/{count_id}/progress", response_model=ProgressOut, summary="Sessions and items remaining (S7)")
def progress(count_id: str, actor: SupervisorOnly, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.read() as conn:
        rows = supervision.load(conn, count_id)
    return supervision.progress_view(rows, ctx.clock.now())


@router.get(
    "/counts/{count_id}/variance",
    response_model=VarianceOut,
    summary="Per item expected, counted (null: not counted; 0: counted 0), variance and status (S8), a page",
)
def variance(
    count_id: str,
    actor: SupervisorOnly,
    ctx: Ctx,
    status: Annotated[list[str] | None, Query(max_length=16)] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    try:
        statuses = supervision.parse_statuses(status or [])
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
    with ctx.db.read() as conn:
        rows = supervision.load(conn, count_id)
    return supervision.variance_view(rows, ctx.clock.now(), statuses, offset, limit)


@router.get(
    "/counts/{count_id}/attribution",
    response_model=AttributionOut,
    summary="Variance by session, area or counter (B4)",
)
def attribution(count_id: str, actor: SupervisorOnly, ctx: Ctx, by: By = "session") -> dict[str, Any]:
    with ctx.db.read() as conn:
        rows = supervision.load(conn, count_id)
    groups = attribute(rows.lines(), rows.sessions, Grouping(by))
    return {"count_id": count_id, "by": by, "groups": [vars(g) for g in groups]}


@router.get(
    "/counts/{count_id}/figures",
    response_model=FiguresOut,
    summary="Completion and accuracy of the count, or per session, area or counter (S11)",
)
def figures(
    count_id: str, actor: SupervisorOnly, ctx: Ctx, by: Literal["count", "session", "area", "counter"] = "count"
) -> dict[str, Any]:
    with ctx.db.read() as conn:
        rows = supervision.load(conn, count_id)
    found = supervision.figures(rows, None if by == "count" else Grouping(by))
    return {"count_id": count_id, "by": by, "figures": [supervision.figures_view(f) for f in found]}


@router.put(
    "/counts/{count_id}/threshold",
    response_model=ThresholdOut,
    summary="Set the count's variance threshold (audited; reaches devices as an event)",
)
def set_threshold(count_id: str, body: ThresholdIn, actor: SupervisorOnly, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.write() as tx:
        return supervision.set_threshold(tx, actor, ctx.clock.now(), count_id, body.kind, body.value)


@router.post(
    "/counts/{count_id}/decisions",
    response_model=VarianceLineOut,
    summary="Approve, reject or force an item's variance (a reason for reject and force; audited)",
)
def decide(count_id: str, body: DecisionIn, actor: SupervisorOnly, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.write() as tx:
        return supervision.decide(tx, actor, ctx.clock.now(), count_id, body.model_dump(exclude_unset=True))
