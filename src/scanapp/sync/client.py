"""The device's sync client: push the local journal, pull changes, hold session leases — over HTTP (httpx).

One round (`sync_once`) pushes every event this device wrote that the server has not acknowledged, then
pulls every change after the local cursor, page by page. Both are resumable: the pushed-up-to watermark
and the pull cursor live in the local settings table and move only with what the server confirmed.

The server takes who did what from the token (A2), so the client keeps one token per user who signed in here
(sync.tokens) and pushes each run of consecutive events of one user under that user's token. A run of a user
with no valid token here goes up under the current user's (or any valid) token: the server keeps those events
for a supervisor's review ("unverified") rather than lose them or hold back the events behind them.

Every request has a deadline on the whole of it (connect, upload, entire reply) and a round has one too
(`exchange.Deadlines`, settings of the device). When one expires the round ends with ServerTooSlow: what the
server confirmed before stays confirmed, and the next round resumes there. A pull page that misses its
deadline is asked again in smaller pages first.

Errors of the world (server unreachable, signed out, refused, too slow) raise SyncError with a plain message.
"""

from __future__ import annotations

import gc
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import orjson

from scanapp.domain.clock import Clock
from scanapp.domain.journal import Event
from scanapp.store.database import Store
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from scanapp.sync.exchange import Deadlines, Exchanges, Expired, PageSize
from scanapp.sync.outcomes import LeaseLost, Refused, RoundReport, ServerTooSlow, SignInNeeded, SyncError
from scanapp.sync.tokens import Token, Tokens
from scanapp.sync.wire import MAX_BATCH, MAX_PAGE, REVIEWED, LeaseOut, PushOut, SessionIn, SessionOut, TokenOut
from scanapp.sync.wire_reports import DEVICE_SEQ_HEADER, DEVICE_TIME_HEADER, DeviceOut, ReviewItem, ReviewResolve

__all__ = ["LeaseLost", "Refused", "RoundReport", "ServerTooSlow", "SignInNeeded", "SyncClient", "SyncError"]

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 1000
"""The first pull page; fast pages grow it (exchange.PageSize) up to the server's largest, MAX_PAGE: a first pull
of a large catalog is then a fifth of the requests and commits."""
MAX_PUSH_REQUESTS = 10_000  # a round stops rather than loop forever against a confused server


class SyncClient:
    def __init__(
        self,
        store: Store,
        server: str,
        *,
        clock: Clock,
        http: httpx.AsyncClient | None = None,
        deadlines: Deadlines | None = None,
    ) -> None:
        self.store = store
        self.server = server.rstrip("/")
        # Every time decision (token expiry, last push/pull, deadlines) reads this one clock.
        self.clock = clock
        self.deadlines = deadlines or Deadlines.stored(self._get)
        self.tokens = Tokens(self._get, self.put_setting, clock)
        self.http = Exchanges(self.server, self.deadlines, http)
        self.write_budget: local.WriteBudget | None = None
        """None: a pulled page is applied in one transaction; else in slices of about this long (the app's
        background worker sets it, so a scan never waits long for the device's write lock)."""
        # The running round's deadline (monotonic ns), per thread: a lease heartbeat sent from the screen
        # while a round runs in the background keeps only its own request deadline.
        self._round = threading.local()

    def close(self) -> None:
        self.http.close()

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.store)

    # -- settings ----------------------------------------------------------------------------------------

    def _get(self, key: str, default: Any = None) -> Any:
        with self.uow() as uow:
            return uow.settings.get(key, default)

    def put_setting(self, **values: Any) -> None:
        with self.uow() as uow:
            for key, value in values.items():
                uow.settings.put(key, value)
            uow.commit()

    # -- HTTP ----------------------------------------------------------------------------------------------

    def _request(
        self, method: str, path: str, token: Token | None = None, auth: bool = True, **kw: Any
    ) -> httpx.Response:
        """`token`: whose sign-in the request goes under (default: the current user's, else any valid one)."""
        return self._answer(self._ask(method, path, token, auth, **kw))

    def _ask(self, method: str, path: str, token: Token | None = None, auth: bool = True, **kw: Any) -> _Asked:
        """Send the request; the caller goes on while it is under way and takes the reply with _answer."""
        headers = kw.pop("headers", {})
        if auth:
            token = token or self.tokens.fallback()
            if token is None:
                raise SignInNeeded("Not signed in to the sync server.")
            headers["Authorization"] = f"Bearer {token.token}"
        seconds, round_over = self._time_left()
        asked = _Asked(f"{method} {path}", token, seconds, round_over, self.clock.mono_ns())
        asked.reply = self.http.start(method, f"{self.server}{path}", seconds, headers=headers, **kw)
        asked.reply.add_done_callback(lambda _reply: asked.ended(self.clock.mono_ns()))
        return asked

    def _answer(self, asked: _Asked) -> httpx.Response:
        try:
            r = asked.reply.result()
        except Expired:
            raise self._too_slow(asked.what, asked.seconds, asked.round_over) from None
        except httpx.TransportError as err:
            raise SyncError(f"Cannot reach the sync server at {self.server}: {err or type(err).__name__}.") from err
        if r.status_code == 401 and asked.token is not None:
            self.tokens.forget(asked.token.user)
            raise SignInNeeded(f"The sync server asks {asked.token.user} to sign in again ({_detail(r)}).")
        if r.status_code >= 400:
            message = f"The sync server refused {asked.what}: {_detail(r)} (HTTP {r.status_code})."
            raise Refused(message, r.status_code)
        return r

    def _time_left(self) -> tuple[float, bool]:
        """Seconds this request may take: its own deadline, or what is left of the round if that is sooner
        (then True: expiry ends the round, not only this request)."""
        seconds = self.deadlines.request_s
        ends: int | None = getattr(self._round, "ends", None)
        if ends is None:
            return seconds, False
        left = (ends - self.clock.mono_ns()) / 1e9
        return (left, True) if left <= seconds else (seconds, False)

    def _too_slow(self, what: str, seconds: float, round_over: bool) -> ServerTooSlow:
        kept = "Everything confirmed so far is kept; the next sync continues from there."
        if round_over:
            limit = f"this sync round did not finish within {self.deadlines.round_s:g} s"
        else:
            limit = f"{what} did not finish within {seconds:g} s"
        return ServerTooSlow(f"The sync server at {self.server} is too slow: {limit}. {kept}", round_over)

    def _check_server(self) -> None:
        """A different server database (a new server, or one restored from scratch) means our watermark and
        cursor mean nothing there: start both again from 0; the server discards what it already has."""
        server_id = self._request("GET", "/healthz", auth=False).json()["server_id"]
        if self._get(local.SERVER_ID) != server_id:
            if self._get(local.SERVER_ID) is not None:
                log.warning(
                    "sync server %s is a different database now; pushing and pulling from the start", self.server
                )
            with self.uow() as uow:
                for key, value in {local.SERVER_ID: server_id, local.PUSHED: 0, local.CURSOR: 0}.items():
                    uow.settings.put(key, value)
                uow.settings.put(local.SERVER_URL, self.server)
                local.forget_server_versions(uow)
                uow.commit()

    # -- sign-in -------------------------------------------------------------------------------------------

    def sign_in(self, username: str, secret: str, current: bool = True) -> TokenOut:
        """A token for `username` on this device, from their password or device PIN; they become the current
        user unless not `current` (a supervisor's PIN asked again on someone else's device). The server answers
        a wrong secret and a device it has not enrolled alike (it tells no one which part was wrong), so the
        message names both."""
        device_id = self.store.device_id
        body = {"username": username, "password": secret, "device_id": device_id}
        try:
            r = self._request("POST", "/v1/auth/token", auth=False, json=body)
        except Refused as err:
            if err.status == 401:
                raise SignInNeeded(
                    f"The sync server did not sign {username} in: the PIN or password is wrong, or this device is "
                    f"not enrolled there (a supervisor enrolls it with: scanapp-sync device enroll {device_id})."
                ) from err
            raise
        token = TokenOut.model_validate(r.json())
        self.tokens.remember(username, token.token, token.expires_at, current)
        return token

    def remember_token(self, user: str, token: str, expires_at: datetime) -> None:
        """Keep a token got elsewhere (tests mint them on the server): as if `user` had signed in."""
        self.tokens.remember(user, token, expires_at)

    def signed_in(self, user: str | None = None) -> bool:
        """`user` (default: the current user) holds a token the server has not yet expired, by the injected
        clock (the server's expiry is its time)."""
        return self.tokens.valid(user or self.tokens.current_user()) is not None

    # -- push ----------------------------------------------------------------------------------------------

    def push(self, report: RoundReport | None = None, upto: int | None = None) -> RoundReport:
        """Every event the server has not stored (up to seq `upto`), run by run: consecutive events of one user
        go up under that user's token (see the module's doc)."""
        report = report or RoundReport()
        for _ in range(MAX_PUSH_REQUESTS):
            with self.uow() as uow:
                watermark = _int(uow.settings.get(local.PUSHED, 0))
                events = local.own_events_after(uow, watermark, min(PUSH_BATCH, MAX_BATCH))
                last = local.last_own_seq(uow)
            events = [e for e in events if upto is None or e.seq <= upto]
            if not events:
                break
            run = _first_run(events)
            token = self.tokens.valid(run[0].user_id) or self.tokens.fallback()
            if token is None:
                raise SignInNeeded(f"Not signed in to the sync server: sign in as {run[0].user_id} to send their work.")
            body = _encode({"events": [e.to_wire() for e in run], "device_last_seq": last})
            try:
                r = self._request(
                    "POST",
                    "/v1/journal",
                    token,
                    content=body,
                    headers={"Content-Type": "application/json", DEVICE_SEQ_HEADER: str(last), **self._device_time()},
                )
            except SignInNeeded:
                if self.tokens.fallback() is None:
                    raise
                continue  # that token is gone; the run goes up under another one
            answer = PushOut.model_validate(r.json())
            if self._take_push_answer(answer, watermark, report):
                break  # no progress and nothing to resend: do not spin
        return self._count_unsent(report)

    def _device_time(self) -> dict[str, str]:
        """This device's wall clock for the server (the injected clock: tests and the server compare it)."""
        return {DEVICE_TIME_HEADER: self.clock.now().isoformat()}

    def _take_push_answer(self, answer: PushOut, watermark: int, report: RoundReport) -> bool:
        """Record what the server stored, the verdicts to review, and the sessions as the server has them now.
        True when the answer made no progress."""
        report.pushed += answer.accepted
        report.duplicates += answer.duplicates
        # The server's word is what counts: resend_from may even be below our watermark (its database
        # was restored from a backup); the journal still has every event, so we simply send them again.
        new_watermark = answer.high_water if answer.resend_from is None else answer.resend_from - 1
        with self.uow() as uow:
            review = dict(uow.settings.get(local.REVIEW, {}) or {})  # type: ignore[call-overload]
            for verdict in answer.verdicts:
                if verdict.status in REVIEWED:
                    report.not_applied[verdict.id] = verdict.reason or verdict.status
                    review[verdict.id] = verdict.reason or verdict.status
            uow.settings.put(local.PUSHED, new_watermark)
            uow.settings.put(local.REVIEW, review)
            uow.settings.put(local.LAST_PUSH, self.clock.now().isoformat())
            for session in answer.sessions:
                local.take_session(uow, session.model_dump(mode="json"), answer.as_of, new_watermark)
            uow.commit()
        return new_watermark == watermark and answer.resend_from is None

    def _count_unsent(self, report: RoundReport) -> RoundReport:
        with self.uow() as uow:
            report.unsent = max(0, local.last_own_seq(uow) - _int(uow.settings.get(local.PUSHED, 0)))
        return report

    # -- pull ----------------------------------------------------------------------------------------------

    def pull(
        self,
        report: RoundReport | None = None,
        page_size: int = PULL_PAGE,
        on_page: Callable[[int], None] | None = None,
        largest: int = MAX_PAGE,
    ) -> RoundReport:
        """Every change after the local cursor, page by page. The next page is asked for as soon as this one's
        cursor is known, so the server reads and sends it while this one is applied: a first pull of a large
        catalog costs about the device's part alone, not the device's and the server's one after the other."""
        report = report or RoundReport()
        cursor = int(self._get(local.CURSOR, 0))
        pages = PageSize(max(page_size, largest), page_size)
        token = self.tokens.fallback()  # once for the pull, not a settings read per page
        if token is None:
            raise SignInNeeded("Not signed in to the sync server.")
        asked: _Asked | None = None
        try:
            while True:
                asked = asked or self._ask_page(cursor, pages.size, token)
                try:
                    r = self._answer(asked)
                except ServerTooSlow as err:
                    asked = None
                    if err.round_over or not pages.shrink():
                        raise
                    log.info("a pull page was too slow; asking again in pages of %d", pages.size)
                    continue
                pages.took(asked.took_s(), self.deadlines.request_s)
                with _collector_paused():
                    # orjson, not validation per change: validating a million catalog changes one model at a
                    # time doubled a first pull, and json.loads was a third of what the device spent on one.
                    try:
                        page = orjson.loads(r.content)
                        changes, cursor, more = page["changes"], int(page["next_cursor"]), bool(page["has_more"])
                    except (ValueError, KeyError, TypeError) as err:  # orjson.JSONDecodeError is a ValueError
                        asked = None
                        raise SyncError(f"The sync server sent a page this client cannot read ({err!r}).") from err
                    asked = self._ask_page(cursor, pages.size, token) if more else None
                    report.pulled += self._apply_page(changes, cursor)
                    del page, changes
                if on_page:
                    on_page(cursor)
                if not more:
                    return report
        finally:
            if asked is not None:
                asked.reply.cancel()  # the pull ended early (an error): the page asked ahead is not wanted

    def _apply_page(self, changes: list[Any], cursor: int) -> int:
        def after_page(uow: SqlUnitOfWork) -> None:
            # The cursor commits with the page's last part: an interrupted pull resumes at this page.
            uow.settings.put(local.CURSOR, cursor)
            uow.settings.put(local.LAST_PULL, self.clock.now().isoformat())

        try:
            with local.relaxed_sync(self.store):
                return local.apply_page(
                    self.uow, changes, after_page, self.write_budget, self.clock.mono_ns, self.clock.now()
                )
        except (ValueError, KeyError, TypeError) as err:
            raise SyncError(f"The sync server sent a page this client cannot read ({err!r}).") from err

    def _ask_page(self, cursor: int, size: int, token: Token) -> _Asked:
        return self._ask(
            "GET", "/v1/changes", token, params={"since": cursor, "limit": size}, headers=self._device_time()
        )

    # -- a round -------------------------------------------------------------------------------------------

    def sync_once(self, upto: int | None = None) -> RoundReport:
        """Push (the events up to seq `upto`), then pull (so what comes back already reflects this device's own
        events), all within the round's deadline. ServerTooSlow carries the report of what was done before a
        deadline ended it."""
        report = RoundReport()
        self._round.ends = self.clock.mono_ns() + int(self.deadlines.round_s * 1e9)
        try:
            self._check_server()
            self.push(report, upto)
            self.pull(report)
        except ServerTooSlow as err:
            err.report = self._count_unsent(report)
            log.info("%s", err)  # the caller shows it (the CLI's one line, the app's sync state)
            raise
        finally:
            self._round.ends = None
        return report

    # -- leases --------------------------------------------------------------------------------------------

    def acquire(self, session_id: str, user: str | None = None) -> LeaseOut:
        """Take the session's lease for `user` (default: the current user), under their own token.
        LeaseLost when the server refuses (held elsewhere, or the session cannot be worked)."""
        return self._lease("POST", session_id, user)

    def heartbeat(self, session_id: str, user: str | None = None) -> LeaseOut:
        """Renew the lease; LeaseLost when it is not this device's any more (expired and taken, released by
        a supervisor)."""
        return self._lease("PUT", session_id, user)

    def release(self, session_id: str, user: str | None = None) -> LeaseOut:
        """Push first: events written under this lease should reach the server before anyone else's grant."""
        self.push()
        return self._lease("DELETE", session_id, user)

    def _lease(self, method: str, session_id: str, user: str | None) -> LeaseOut:
        who = user or self.tokens.current_user()
        token = self.tokens.valid(who)
        if token is None:
            raise SignInNeeded(f"{who or 'Nobody'} is not signed in to the sync server: the lease needs their sign-in.")
        try:
            r = self._request(method, f"/v1/sessions/{session_id}/lease", token)
        except Refused as err:
            if err.status == 409:
                raise LeaseLost(str(err), err.status) from err
            raise
        lease = LeaseOut.model_validate(r.json())
        with self.uow() as uow:
            local.set_lease(uow, session_id, lease.model_dump(mode="json"))
            uow.commit()
        return lease

    # -- state for the UI ------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        signed_in = sorted(u for u in self.tokens.all() if self.tokens.valid(u))
        with self.uow() as uow:
            pushed = _int(uow.settings.get(local.PUSHED, 0))
            return {
                "server": uow.settings.get(local.SERVER_URL),
                "user": uow.settings.get(local.USER),
                "signed_in": signed_in,
                "unsent": max(0, local.last_own_seq(uow) - pushed),
                "in_review": len(dict(uow.settings.get(local.REVIEW, {}) or {})),  # type: ignore[call-overload]
                "last_push_at": uow.settings.get(local.LAST_PUSH),
                "last_pull_at": uow.settings.get(local.LAST_PULL),
            }

    # -- the supervisor's station (S3, S4, S5): server-only data, under the supervisor's own token ------------

    def _as(self, user: str | None) -> Token:
        """`user`'s own sign-in (default: the current user's): a supervisor's call never goes under another's."""
        who = user or self.tokens.current_user()
        token = self.tokens.valid(who)
        if token is None:
            raise SignInNeeded(f"{who or 'Nobody'} is not signed in to the sync server.")
        return token

    def devices(self, user: str | None = None) -> list[DeviceOut]:
        """Every enrolled device's sync state as the server has it (SUPERVISE; Refused 403 otherwise)."""
        r = self._request("GET", "/v1/devices", self._as(user))
        return [DeviceOut.model_validate(d) for d in r.json()]

    def review_queue(
        self, count_id: str | None = None, limit: int = 200, offset: int = 0, user: str | None = None
    ) -> list[ReviewItem]:
        """The open review queue, oldest first (SUPERVISE)."""
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        if count_id is not None:
            params["count_id"] = count_id
        r = self._request("GET", "/v1/review", self._as(user), params=params)
        return [ReviewItem.model_validate(i) for i in r.json()]

    def resolve_review(
        self,
        event_id: str,
        action: str,
        target_session_id: str | None = None,
        note: str = "",
        user: str | None = None,
    ) -> str:
        """Merge, move (to `target_session_id`) or discard one event of the queue; the server's new status."""
        body = ReviewResolve.model_validate({"action": action, "target_session_id": target_session_id, "note": note})
        r = self._request("POST", f"/v1/review/{event_id}", self._as(user), json=body.model_dump(mode="json"))
        return str(r.json()["status"])

    def force_release(self, session_id: str, user: str | None = None) -> LeaseOut:
        """End whoever's lease on the session (COMMON_ADMIN; the epoch moves on, the holder's later events are
        fenced for review)."""
        r = self._request("POST", f"/v1/sessions/{session_id}/lease/force-release", self._as(user))
        return LeaseOut.model_validate(r.json())

    def session_of_server(self, session_id: str, user: str | None = None) -> SessionOut:
        r = self._request("GET", f"/v1/sessions/{session_id}", self._as(user))
        return SessionOut.model_validate(r.json())

    def create_session(self, count_id: str, name: str, area: str, user: str | None = None) -> SessionOut:
        """A new session of the count, made on the server (it reaches this device with the next pull)."""
        body = SessionIn(name=name, area=area).model_dump(mode="json", exclude_none=True)
        r = self._request("POST", f"/v1/counts/{count_id}/sessions", self._as(user), json=body)
        return SessionOut.model_validate(r.json())

    def start_session(self, session_id: str, user: str | None = None) -> SessionOut:
        r = self._request("POST", f"/v1/sessions/{session_id}/start", self._as(user))
        return SessionOut.model_validate(r.json())


@dataclass
class _Asked:
    """A request under way, and what judging its reply needs."""

    what: str
    token: Token | None
    seconds: float
    round_over: bool
    started_ns: int
    reply: Future[httpx.Response] = field(default_factory=Future)
    ended_ns: int | None = None

    def ended(self, mono_ns: int) -> None:
        self.ended_ns = mono_ns

    def took_s(self) -> float:
        return ((self.ended_ns or self.started_ns) - self.started_ns) / 1e9


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a page is parsed and applied. A page is tens of thousands of new
    dicts, lists and tuples, all freed by their counts once it is applied, none in a cycle; the collector ran
    every 700 of them and scanned them (and the app's own objects) again and again: it took four fifths of the
    time of parsing a page. Whatever it would have found it finds on its next run after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _first_run(events: list[Event]) -> list[Event]:
    """The leading events recorded by one user."""
    user = events[0].user_id
    return list(itertools.takewhile(lambda e: e.user_id == user, events))


def _int(value: object) -> int:
    return int(value) if isinstance(value, (int, str)) else 0


def _encode(body: dict[str, Any]) -> bytes:
    """JSON for the server. A lone surrogate (text decoded with surrogateescape somewhere) would make the
    server refuse the whole batch, so it is replaced; the local journal keeps the original."""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(_without_surrogates(body), ensure_ascii=False, separators=(",", ":")).encode()


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode()
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _detail(r: httpx.Response) -> str:
    try:
        return str(r.json()["detail"])
    except (ValueError, KeyError, TypeError):
        return r.text[:200] or r.reason_phrase
