"""Journal push, change pull, session leases, the review queue, reports and the audit log."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select

from scanapp.domain.counts import CountKind
from scanapp.domain.permissions import FORCE_RELEASE, LAB, SUPERVISE, Actor, Permission, require
from scanapp.sync.wire import MAX_PAGE, LeaseOut, PullOut, PushIn, PushOut
from scanapp.sync.wire_reports import AuditEntry, CountReport, ReviewItem, ReviewResolve
from scansync import device_reports, locks, pull, push, reports, review
from scansync import tables as t
from scansync.accounts import AuthError, authenticate
from scansync.api import bodies
from scansync.api.deps import AnyUser, Ctx, Offset, Token, needs
from scansync.db import Tx
from scansync.sessions import get_count

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")

Reviewer = Annotated[Actor, Depends(needs(SUPERVISE, "review fenced scans"))]
Auditor = Annotated[Actor, Depends(needs(frozenset({Permission.COMMON_ADMIN}), "read the audit log"))]
Releaser = Annotated[Actor, Depends(needs(FORCE_RELEASE, "force-release another user's session"))]


@router.post(
    "/journal",
    response_model=PushOut,
    tags=["sync"],
    summary="Push a batch of this device's events",
    openapi_extra=bodies.documented("PushIn"),
)
async def push_events(request: Request, token: Token, ctx: Ctx) -> Response:
    # The busiest route, in one trip to the thread pool: pydantic parses the raw JSON itself (about twice as
    # fast as json.loads and validation), and the token is checked in the push's own transaction (a read
    # transaction of its own, and a trip to the thread pool before the body, cost a push more than the check).
    reported = device_reports.device_time(request.headers.get(device_reports.HEADER))
    seq = device_reports.device_seq(request.headers.get(device_reports.SEQ_HEADER))
    now = ctx.clock.now()
    try:
        raw = await bodies.raw(request, None)
    except Exception as err:
        cut = request if isinstance(err, bodies.UploadCut) else None
        await run_in_threadpool(_note_refused_push, ctx, token, now, reported, seq, cut)
        raise

    def run() -> Response:
        try:
            body: PushIn = bodies.parse("PushIn", raw)
        except Exception:
            _note_refused_push(ctx, token, now, reported, seq)
            raise
        actor: Actor | None = None
        try:
            with ctx.db.write() as tx:
                actor = authenticate(tx.conn, token, now).actor
                # The attempt is noted with the push itself: no extra statement on the busiest route.
                attempt = device_reports.attempt_values(now, actor.user_id, reported)
                answer = push.push(tx, actor, ctx.clock.now(), body, attempt)
                tx.want_position = bool(answer["sessions"])
        except Exception:
            if actor is not None:  # a token that is not valid notes nothing
                _note_failed_attempt(ctx, actor, now, reported, seq)
            raise
        return bodies.answer(PushOut, {**answer, "as_of": tx.as_of})

    return await run_in_threadpool(run)


def _note_refused_push(
    ctx: Ctx,
    token: str,
    now: datetime,
    reported: datetime | None,
    seq: int | None,
    cut: Request | None = None,
) -> None:
    """A push refused before its transaction (its body not valid, or `cut` off mid-upload): the attempt is
    noted for the token's device, and a cut upload gets its log line naming the device. A token that is not
    valid is the answer then (401 before the body's problem)."""
    try:
        with ctx.db.read() as conn:
            actor = authenticate(conn, token, now).actor
    except AuthError:
        if cut is not None:
            bodies.log_cut(cut, "push with a sign-in that is not valid")
        raise
    if cut is not None:
        bodies.log_cut(cut, f"push from device {actor.device_id}")
    _note_failed_attempt(ctx, actor, now, reported, seq)


@router.get("/changes", response_model=PullOut, tags=["sync"], summary="Changes after a cursor, one page")
def pull_changes(
    request: Request,
    actor: AnyUser,
    ctx: Ctx,
    since: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
) -> Response:
    now = ctx.clock.now()
    reported = device_reports.device_time(request.headers.get(device_reports.HEADER))
    with ctx.db.read() as conn:
        body, more = pull.page(conn, actor.device_id, since, limit)
        last = conn.execute(select(t.devices.c.last_attempt_at).where(t.devices.c.id == actor.device_id)).scalar()
    if not more:
        with ctx.db.write() as tx:
            pull.note_pull(tx, actor.device_id, now)
            device_reports.note_attempt(tx.conn, actor.device_id, now, actor.user_id, reported)
    elif last is None or now - last >= device_reports.PULL_NOTE_EVERY:
        _note_failed_attempt(ctx, actor, now, reported)
    return Response(body, media_type="application/json")


def _note_failed_attempt(
    ctx: Ctx, actor: Actor, now: datetime, reported: datetime | None, seq: int | None = None
) -> None:
    """The attempt on its own (the push it came with was refused, or a pull is still going): best effort."""
    try:
        with ctx.db.write() as tx:
            device_reports.note_attempt(tx.conn, actor.device_id, now, actor.user_id, reported, seq)
    except Exception:
        log.warning("could not note device %s's sync attempt", actor.device_id, exc_info=True)


LeaseChange = Callable[[Tx, Actor, datetime, str, timedelta], dict[str, Any]]


def _lease(ctx: Ctx, actor: Actor, session_id: str, change: LeaseChange) -> dict[str, Any]:
    with ctx.db.write() as tx:
        out = change(tx, actor, ctx.clock.now(), session_id, ctx.settings.lease_ttl)
    return {**out, "as_of": tx.as_of}


@router.post("/sessions/{session_id}/lease", response_model=LeaseOut, tags=["leases"], summary="Acquire the lease")
def acquire(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _lease(ctx, actor, session_id, locks.acquire)


@router.put("/sessions/{session_id}/lease", response_model=LeaseOut, tags=["leases"], summary="Heartbeat: renew")
def heartbeat(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _lease(ctx, actor, session_id, locks.heartbeat)


@router.delete("/sessions/{session_id}/lease", response_model=LeaseOut, tags=["leases"], summary="Release")
def release(session_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    return _lease(ctx, actor, session_id, locks.release)


@router.post(
    "/sessions/{session_id}/lease/force-release",
    response_model=LeaseOut,
    tags=["leases"],
    summary="Force-release another user's session (COMMON_ADMIN; audited)",
)
def force_release(session_id: str, actor: Releaser, ctx: Ctx) -> dict[str, Any]:
    return _lease(ctx, actor, session_id, locks.force_release)


@router.get(
    "/counts/{count_id}/report",
    response_model=CountReport,
    tags=["counts"],
    summary="Expected, counted and variance per item; unmatched scans; totals",
)
def report(count_id: str, actor: AnyUser, ctx: Ctx) -> dict[str, Any]:
    with ctx.db.read() as conn:
        count = get_count(conn, count_id)
        require(actor, LAB if count.kind is CountKind.SCOPED else SUPERVISE, "see a count's report")
        return reports.count_report(conn, count_id, ctx.clock.now())


@router.get("/review", response_model=list[ReviewItem], tags=["review"], summary="Events waiting for review")
def review_queue(
    actor: Reviewer,
    ctx: Ctx,
    count_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        return review.open_items(conn, limit, offset, count_id)


@router.post("/review/{event_id}", tags=["review"], summary="Merge, move or discard a reviewed event (audited)")
def resolve(event_id: str, body: ReviewResolve, actor: Reviewer, ctx: Ctx) -> dict[str, str]:
    with ctx.db.write() as tx:
        status = review.resolve(tx, actor, ctx.clock.now(), event_id, body.action, body.target_session_id, body.note)
    return {"event_id": event_id, "status": status}


@router.get("/audit", response_model=list[AuditEntry], tags=["review"], summary="The audit log, newest first")
def audit_log(
    actor: Auditor,
    ctx: Ctx,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    with ctx.db.read() as conn:
        rows = conn.execute(select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit).offset(offset))
        return [
            {
                "id": r.id,
                "at": r.at,
                "user_id": r.user_id,
                "device_id": r.device_id,
                "action": r.action,
                "target": r.target,
                "detail": json.loads(r.detail),
            }
            for r in rows
        ]
