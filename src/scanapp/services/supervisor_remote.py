"""The supervisor station's server-only data (SPEC S3, S4, S5): every device's sync state and the review queue,
read from the sync server under the signed-in supervisor's own token, and the two direct server calls that go
with them (resolve a review item, force-release a session). No Qt: the station's screens call in from a
worker thread and hear back by signal.

Offline-first: every successful read is kept in the device's settings (JSON, with the time it was read), so
with the server out of reach (or the supervisor not signed in to it) the screens show the last rows read,
"as of" that time, with a plain reason. Resolving and force-releasing change the server's data: they are done
online only and say so plainly otherwise. The server checks the supervisor's permission and audits each call.

Problems are told by kind (`Problem`), so the screens say them in the user's language; the server's own
words come along as `detail`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from scanapp.domain.clock import Clock
from scanapp.domain.errors import DomainError
from scanapp.errors import KnownError
from scanapp.services.reads import Reads
from scanapp.services.sync_service import SyncService, failure_kind
from scanapp.services.sync_state import OFFLINE
from scanapp.store.database import Store
from scanapp.store.settings import StoredSettings
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync.client import Refused, SignInNeeded, SyncClient, SyncError
from scanapp.sync.wire_reports import DeviceOut, ReviewItem

log = logging.getLogger(__name__)

DEVICES_KEY = "supervisor.devices_cache"
REVIEW_KEY = "supervisor.review_cache"
REVIEW_LIMIT = 1000  # the server's most per page; a queue longer than this is a bigger problem than paging

R = TypeVar("R")


class Problem(StrEnum):
    NO_SERVER = "no-server"
    """No sync server is set on this device."""
    OFFLINE = "offline"
    """The server cannot be reached (or too slowly)."""
    SIGN_IN = "sign-in"
    """The supervisor holds no valid sign-in to the server on this device."""
    FORBIDDEN = "forbidden"
    """The server refused: the user may not do this (HTTP 403)."""
    REFUSED = "refused"
    """The server refused for another reason (already resolved, a rule): `detail` says which."""


class RemoteFailed(KnownError):
    """A server call did not happen, for `problem` (detail: the server's or network's own words)."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(detail or problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    name: str
    revoked: bool
    last_success: datetime | None
    """The device's last round the server saw end (its last pull, else its last push)."""
    last_attempt: datetime | None
    """When the device last tried (None: the server does not know)."""
    pending: int
    """Events the device reported written that the server has not stored."""
    clock_offset_s: float | None
    signed_in: str | None
    """Who is signed in there (else the last user the server saw from it)."""
    sessions_held: tuple[str, ...]
    """Names of the sessions whose lease it holds (ids where this device does not know the session)."""
    held_ids: tuple[str, ...]
    stale: bool
    """The server flags it, or it never synced: go and look at that handheld."""


@dataclass(frozen=True)
class ReviewRow:
    event_id: str
    session_id: str | None
    session: str
    """The session's name (its id where this device does not know it)."""
    count_id: str | None
    count: str
    device_id: str
    device: str
    """The device's name as the last devices read had it (its id otherwise)."""
    user_id: str
    kind: str
    status: str
    """fenced, refused, unverified, proposed …"""
    reason: str
    at: datetime
    what: str
    """The scanned code or item and the units, from the event."""


@dataclass(frozen=True)
class Remote(Generic[R]):
    """Rows read from the server, or (not live) the last rows read, as of when they were read."""

    rows: tuple[R, ...]
    as_of: datetime | None
    live: bool
    problem: Problem | None = None
    detail: str = ""


class SupervisorRemote:
    def __init__(self, store: Store, sync: SyncService, reads: Reads, clock: Clock) -> None:
        self.store = store
        self.sync = sync
        self.reads = reads
        self.clock = clock

    # -- reads --------------------------------------------------------------------------------------------------

    def devices(self, user_id: str) -> Remote[DeviceRow]:
        """Every enrolled device, from the server under `user_id`'s token; else the last rows read."""
        try:
            found = self._call(lambda c: c.devices(user=user_id))
        except RemoteFailed as err:
            return self._cached(DEVICES_KEY, _device_row, err)
        rows = tuple(self._device_row(d) for d in found)
        return self._keep(DEVICES_KEY, rows)

    def review(self, user_id: str, count_id: str | None = None) -> Remote[ReviewRow]:
        """The open review queue, oldest first; else the last queue read."""
        try:
            found = self._call(lambda c: c.review_queue(count_id, REVIEW_LIMIT, 0, user=user_id))
        except RemoteFailed as err:
            return self._cached(REVIEW_KEY, _review_row, err)
        devices = self._device_names()
        rows = tuple(self._review_row(i, devices) for i in found)
        return self._keep(REVIEW_KEY, rows) if count_id is None else Remote(rows, self.clock.now(), True)

    # -- changes (online only) -----------------------------------------------------------------------------------

    def resolve(self, user_id: str, event_id: str, action: str, note: str, target_session_id: str | None = None) -> str:
        """Merge, move or discard one review item as `user_id`; the server's new status. RemoteFailed else."""
        status = self._call(
            lambda c: c.resolve_review(event_id, action, target_session_id, note, user=user_id), as_user=user_id
        )
        self._drop_cached_review(event_id)
        return status

    def move_to_new_session(self, user_id: str, row: ReviewRow, name: str, area: str, note: str) -> str:
        """A new session of the event's count (made and started on the server), then the event moved there."""
        if row.session_id is None:
            raise RemoteFailed(Problem.REFUSED, "This event belongs to no session, so it cannot be moved.")
        session_id = row.session_id

        def call(client: SyncClient) -> str:
            count_id = row.count_id or client.session_of_server(session_id, user=user_id).count_id
            made = client.create_session(count_id, name, area, user=user_id)
            client.start_session(made.id, user=user_id)
            return client.resolve_review(row.event_id, "move", made.id, note, user=user_id)

        status = self._call(call, as_user=user_id)
        self._drop_cached_review(row.event_id)
        return status

    def force_release(self, user_id: str, session_id: str) -> int:
        """End whoever's lease on the session, as `user_id`; the new lease epoch."""
        return self._call(lambda c: c.force_release(session_id, user=user_id), as_user=user_id).epoch

    # -- the server ---------------------------------------------------------------------------------------------

    def _call(self, call: Callable[[SyncClient], R], as_user: str | None = None) -> R:
        """`as_user`: whose token the call goes under; a sign-in of theirs still queued (the supervisor's PIN was
        just asked for this action) is done first."""
        client = self.sync.client()
        if client is None:
            raise RemoteFailed(Problem.NO_SERVER)
        refused = self.sync.sign_in_queued(as_user) if as_user is not None else None
        if refused is not None:
            raise RemoteFailed(Problem.SIGN_IN, refused)
        try:
            return call(client)
        except SignInNeeded as err:
            if as_user is not None and self.sync.sign_in_waiting(as_user):  # the server was not there for it
                raise RemoteFailed(Problem.OFFLINE, str(err)) from err
            raise RemoteFailed(Problem.SIGN_IN, str(err)) from err
        except Refused as err:
            problem = Problem.FORBIDDEN if err.status == 403 else Problem.REFUSED
            raise RemoteFailed(problem, str(err)) from err
        except SyncError as err:
            problem = Problem.OFFLINE if failure_kind(err) == OFFLINE else Problem.REFUSED
            raise RemoteFailed(problem, str(err)) from err

    # -- the cache ----------------------------------------------------------------------------------------------

    def _keep(self, key: str, rows: tuple[Any, ...]) -> Remote[Any]:
        now = self.clock.now()
        with SqlUnitOfWork(self.store) as uow:
            uow.settings.put(key, {"at": now.isoformat(), "rows": [_plain(asdict(r)) for r in rows]})
            uow.commit()
        return Remote(rows, now, True)

    def _cached(self, key: str, make: Callable[[dict[str, Any]], R], err: RemoteFailed) -> Remote[R]:
        """The last rows read, unless the server said this user may not see them."""
        if err.problem is Problem.FORBIDDEN:
            return Remote((), None, False, err.problem, err.detail)
        kept = StoredSettings(self.store).get(key)
        rows: list[R] = []
        as_of: datetime | None = None
        if isinstance(kept, dict):
            try:
                as_of = datetime.fromisoformat(str(kept["at"]))
                rows = [make(r) for r in kept["rows"]]
            except (KeyError, TypeError, ValueError) as bad:
                log.warning("the cached %s cannot be read (%r); showing none", key, bad)
                rows, as_of = [], None
        return Remote(tuple(rows), as_of, False, err.problem, err.detail)

    def _drop_cached_review(self, event_id: str) -> None:
        kept = StoredSettings(self.store).get(REVIEW_KEY)
        if isinstance(kept, dict) and isinstance(kept.get("rows"), list):
            kept["rows"] = [r for r in kept["rows"] if not (isinstance(r, dict) and r.get("event_id") == event_id)]
            with SqlUnitOfWork(self.store) as uow:
                uow.settings.put(REVIEW_KEY, kept)
                uow.commit()

    # -- rows ---------------------------------------------------------------------------------------------------

    def _session_names(self, ids: list[str]) -> dict[str, tuple[str, str | None, str]]:
        """Session id -> (session name, count id, count name), for the sessions this device knows."""
        found: dict[str, tuple[str, str | None, str]] = {}
        for session_id in ids:
            try:
                session = self.reads.session(session_id)
                count = self.reads.count(session.count_id)
            except (DomainError, KnownError, LookupError):
                continue
            found[session_id] = (session.name, count.id, count.name)
        return found

    def _device_row(self, d: DeviceOut) -> DeviceRow:
        names = self._session_names(list(d.sessions_held))
        last_success = max((t for t in (d.last_push_at, d.last_pull_at) if t is not None), default=None)
        signed_in = getattr(d, "signed_in", None)
        if isinstance(signed_in, list):
            signed_in = ", ".join(str(u) for u in signed_in) or None
        return DeviceRow(
            device_id=d.id,
            name=d.name,
            revoked=d.revoked,
            last_success=last_success,
            last_attempt=getattr(d, "last_attempt_at", None),
            pending=d.pending,
            clock_offset_s=getattr(d, "clock_offset_s", None),
            signed_in=str(signed_in) if signed_in else d.last_user,
            sessions_held=tuple(names[s][0] if s in names else s for s in d.sessions_held),
            held_ids=tuple(d.sessions_held),
            stale=bool(getattr(d, "stale", False)) or (last_success is None and not d.revoked),
        )

    def _device_names(self) -> dict[str, str]:
        kept = StoredSettings(self.store).get(DEVICES_KEY)
        rows = kept.get("rows") if isinstance(kept, dict) else None
        if not isinstance(rows, list):
            return {}
        return {str(r["device_id"]): str(r["name"]) for r in rows if isinstance(r, dict) and "device_id" in r}

    def _what(self, payload: object) -> str:
        """What the event was about, in a few words: the item's name and the code scanned, and the units."""
        if not isinstance(payload, dict):
            return ""
        code = str(payload.get("code") or payload.get("raw") or "")
        sku = payload.get("item_key") or payload.get("sku")
        name = self.reads.product_names([str(sku)]).get(str(sku), str(sku)) if sku else ""
        thing = f"{name} ({code})" if name and code and code != name else name or code
        units = payload.get("units", payload.get("qty"))
        return f"{thing} × {units}" if thing and isinstance(units, (int, float)) and units != 1 else thing

    def _review_row(self, item: ReviewItem, devices: dict[str, str]) -> ReviewRow:
        names = self._session_names([item.session_id] if item.session_id else [])
        session, count_id, count = names.get(item.session_id or "", (item.session_id or "", None, ""))
        return ReviewRow(
            event_id=item.event_id,
            session_id=item.session_id,
            session=session,
            count_id=count_id,
            count=count,
            device_id=item.device_id,
            device=devices.get(item.device_id, item.device_id),
            user_id=item.user_id,
            kind=item.kind,
            status=item.status,
            reason=item.reason,
            at=item.created_at,
            what=self._what(item.event.get("payload")),
        )


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v.isoformat() if isinstance(v, datetime) else list(v) if isinstance(v, tuple) else v
        for k, v in values.items()
    }


def _when(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _device_row(r: dict[str, Any]) -> DeviceRow:
    return DeviceRow(
        device_id=str(r["device_id"]),
        name=str(r["name"]),
        revoked=bool(r["revoked"]),
        last_success=_when(r["last_success"]),
        last_attempt=_when(r["last_attempt"]),
        pending=int(r["pending"]),
        clock_offset_s=None if r["clock_offset_s"] is None else float(r["clock_offset_s"]),
        signed_in=None if r["signed_in"] is None else str(r["signed_in"]),
        sessions_held=tuple(str(s) for s in r["sessions_held"]),
        held_ids=tuple(str(s) for s in r["held_ids"]),
        stale=bool(r["stale"]),
    )


def _review_row(r: dict[str, Any]) -> ReviewRow:
    at = _when(r["at"])
    if at is None:
        raise ValueError("a review row without its time")
    return ReviewRow(
        event_id=str(r["event_id"]),
        session_id=None if r["session_id"] is None else str(r["session_id"]),
        session=str(r["session"]),
        count_id=None if r["count_id"] is None else str(r["count_id"]),
        count=str(r["count"]),
        device_id=str(r["device_id"]),
        device=str(r.get("device", r["device_id"])),
        user_id=str(r["user_id"]),
        kind=str(r["kind"]),
        status=str(r["status"]),
        reason=str(r["reason"]),
        at=at,
        what=str(r["what"]),
    )
