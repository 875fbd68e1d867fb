"""Sync for the app (SPEC S2, S3, S6): one round at a time for the background worker, the sign-ins and lease
calls the screens start, the server the device syncs with, and the state the header shows. Qt-free: the
worker threads (services.sync_worker) call in, the screens hear back by signal (gui.shell.sync_bridge).

The one SyncClient is shared: a round on the worker's thread, sign-ins and lease calls on another (the client
is safe for one round at a time plus lease calls from another thread). What a round leaves behind (when it
was tried, when it last worked, why it failed) is kept in the store's settings, so it survives a restart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from scanapp.domain.clock import Clock
from scanapp.errors import KnownError
from scanapp.services.sync_review import mark_in_review
from scanapp.services.sync_state import ERROR, OFFLINE, SIGN_IN, SyncState, read_state
from scanapp.store.database import Store
from scanapp.store.settings import StoredSettings
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import client as sync_client
from scanapp.sync import local
from scanapp.sync.client import RoundReport, ServerTooSlow, SignInNeeded, SyncClient, SyncError
from scanapp.sync.wire import LeaseOut

log = logging.getLogger(__name__)

# A pulled page is applied in write transactions of about this long: a scan arriving meanwhile waits at most
# that (plus a commit) for the device's write lock. DESIGN rule 13; measured by tests/bench/bench_sync_worker.py
# (5 ms of work: the longest transaction 17.5 ms with its commit, the longest wait of a scan 18.5 ms).
WRITE_BUDGET_S = 0.005


class BadServerUrl(KnownError):
    pass


@dataclass(frozen=True)
class RoundResult:
    ok: bool
    report: RoundReport | None = None
    error: str | None = None
    kind: str | None = None
    """OFFLINE or ERROR when the round failed."""
    reviewed: frozenset[str] = field(default_factory=frozenset)
    """Sessions whose lines changed because the server sent some of their events to review."""


def failure_kind(err: SyncError) -> str:
    """OFFLINE for the network (unreachable, too slow), which only waiting mends; ERROR for the rest."""
    if isinstance(err, ServerTooSlow) or isinstance(err.__cause__, httpx.TransportError):
        return OFFLINE
    return ERROR


def lease_refused(err: SyncError) -> bool:
    """The server refused a lease: held elsewhere, the epoch moved on, or the session cannot be worked."""
    lost = getattr(sync_client, "LeaseLost", None)  # helper 11-server may add it; the status says it until then
    return (isinstance(lost, type) and isinstance(err, lost)) or "(HTTP 409)" in str(err) or "(HTTP 403)" in str(err)


def check_server_url(text: str) -> str:
    """The URL as the device keeps it, or BadServerUrl saying what is wrong."""
    text = text.strip().rstrip("/")
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError) as err:
        raise BadServerUrl(f"“{text}” is not a web address ({err}).") from err
    if url.scheme not in ("http", "https") or not url.host or " " in text:
        raise BadServerUrl(
            f"“{text}” is not a sync server address: write it as http://host:port or https://host "
            "(ask a supervisor for the address)."
        )
    return text


class SyncService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        server_override: str | None = None,
        client_factory: Callable[[str], SyncClient] | None = None,
        write_budget_s: float | None = WRITE_BUDGET_S,
    ) -> None:
        self.store = store
        self.clock = clock
        self.override = check_server_url(server_override) if server_override else None
        self._make = client_factory or (lambda url: SyncClient(store, url, clock=clock))
        self.write_budget_s = write_budget_s
        self._client: SyncClient | None = None
        self._lock = threading.Lock()
        # Sign-ins the server has not answered yet (it was offline): user -> PIN, in memory only, retried before
        # the next round; and the users whose PIN the server refused, with why, until one is accepted.
        self._pending: dict[str, tuple[str, bool]] = {}
        self._signing = threading.Lock()  # one sign-in at a time, and a round's push after one under way
        self._refused: dict[str, str] = {}

    # -- the server -------------------------------------------------------------------------------------------

    def server(self) -> str | None:
        """The server the device syncs with: the command line's, else the one kept in the settings."""
        return self.override or self.stored_server()

    def stored_server(self) -> str | None:
        value = StoredSettings(self.store).get(local.SERVER_URL)
        return value if isinstance(value, str) and value else None

    def set_server(self, text: str) -> str | None:
        """Keep `text` as the sync server (empty: none, sync off). A new server needs its own sign-ins."""
        url = check_server_url(text) if text.strip() else None
        with SqlUnitOfWork(self.store) as uow:
            if uow.settings.get(local.SERVER_URL) != url:
                uow.settings.put(local.SERVER_URL, url)
                uow.settings.put(local.TOKEN, None)
                uow.settings.put(local.TOKENS, None)  # every user's sign-in was for the old server
                uow.settings.put(local.LAST_ERROR, None)
            uow.commit()
        log.info("sync server set to %s", url or "none")
        return url

    def client(self) -> SyncClient | None:
        """The client for the current server (made again when the server changed); None when none is set."""
        server = self.server()
        with self._lock:
            if self._client is not None and (server is None or self._client.server != server.rstrip("/")):
                self._client.close()
                self._client = None
            if self._client is None and server is not None:
                self._client = self._make(server)
                if self.write_budget_s is not None:
                    self._client.write_budget = local.WriteBudget(self.write_budget_s)
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def state(self, syncing: bool = False, held: bool = False) -> SyncState:
        return read_state(self.store, self.override, syncing, held)

    # -- a round ----------------------------------------------------------------------------------------------

    def run_round(self) -> RoundResult:
        """Sign-ins left over, then one round (push, pull), then the server's verdicts marked; what came of it
        is kept in the settings. Never raises for the world's errors: the result says them."""
        try:
            client = self.client()
            if client is None:
                return RoundResult(True)  # sync is off: nothing to do, nothing to say
            return self._round(client)
        except KnownError as err:  # the device's own store (locked by another program, the disk full)
            log.warning("sync round stopped by the store: %s", err)
            return RoundResult(False, error=str(err), kind=ERROR)

    def _round(self, client: SyncClient) -> RoundResult:
        self._put(local.LAST_ATTEMPT, self.clock.now().isoformat())
        # Only what was written before the sign-ins below: a user who signs in meanwhile (their sign-in queued
        # just after their first event) has their events wait for the next round, not go up under another's token.
        with client.uow() as uow:
            upto = local.last_own_seq(uow)
        self._sign_in_pending(client)
        try:
            report = client.sync_once(upto)
        except SyncError as err:
            kind, message = SIGN_IN if isinstance(err, SignInNeeded) else failure_kind(err), self._plain(err)
            refused = self._refusal()
            if kind == SIGN_IN and refused:  # why there is no sign-in says more than that there is none
                kind, message = ERROR, refused
            self._put(local.LAST_ERROR, {"kind": kind, "message": message})
            log.info("sync round failed (%s): %s", kind, message)
            done = err.report if isinstance(err, ServerTooSlow) else None
            return RoundResult(False, done, message, kind, self._mark())
        reviewed = self._mark()
        refused = self._refusal()
        self._put(local.LAST_SUCCESS, self.clock.now().isoformat())
        self._put(local.LAST_ERROR, {"kind": ERROR, "message": refused} if refused else None)
        return RoundResult(True, report, reviewed=reviewed)

    def _mark(self) -> frozenset[str]:
        """The server's verdicts into the totals; what cannot be marked now (the store busy) is the next round's."""
        verdicts = StoredSettings(self.store).get(local.REVIEW, {})
        if not isinstance(verdicts, dict):
            return frozenset()
        try:
            return frozenset(mark_in_review(self.store, {str(k): str(v) for k, v in verdicts.items()}, self.clock))
        except KnownError as err:
            log.warning("events in review not marked yet: %s", err)
            return frozenset()

    def _plain(self, err: SyncError) -> str:
        if isinstance(err, SignInNeeded):
            log.info("sync sign-in needed: %s", err)
            return "sign in again with your PIN: the sync server asks for it."
        return str(err)

    # -- sign-in ----------------------------------------------------------------------------------------------

    def sign_in(self, user_id: str, secret: str, current: bool = True) -> str | None:
        """Sign `user_id` in to the server with the PIN just checked on this device. None when it worked (or
        the server cannot be reached: it is tried again before the next round), else why it was refused.
        `current`: they become the user whose token the pull goes under (not a supervisor asked for their PIN)."""
        client = self.client()
        if client is None:
            return None
        with self._signing:
            return self._sign_in(client, user_id, secret, current)

    def queue_sign_in(self, user_id: str, secret: str, current: bool = True) -> None:
        """Noted at once, before the background sign-in runs: a round that starts first signs them in before it
        pushes, so their events go up under their own token, not someone else's (and to review)."""
        with self._lock:
            self._pending[user_id] = (secret, current)

    def sign_in_queued(self, user_id: str) -> str | None:
        """The background half of queue_sign_in: nothing to do when a round signed them in meanwhile."""
        client = self.client()
        if client is None:
            return None
        with self._signing:
            with self._lock:
                queued = self._pending.get(user_id)
            return None if queued is None else self._sign_in(client, user_id, *queued)

    def sign_in_waiting(self, user_id: str) -> bool:
        """Their sign-in is queued still: the server could not be reached for it."""
        with self._lock:
            return user_id in self._pending

    def _sign_in(self, client: SyncClient, user_id: str, secret: str, current: bool) -> str | None:
        try:
            client.sign_in(user_id, secret, current)
        except SyncError as err:
            if failure_kind(err) == OFFLINE:
                with self._lock:
                    self._pending[user_id] = (secret, current)
                return None
            message = f"The sync server did not accept {user_id}'s sign-in: {err}"
            with self._lock:
                self._pending.pop(user_id, None)
                self._refused[user_id] = message
            self._put(local.LAST_ERROR, {"kind": ERROR, "message": message})
            return message
        with self._lock:
            self._pending.pop(user_id, None)
            self._refused.pop(user_id, None)
        return None

    def forget_sign_in(self, user_id: str) -> None:
        """A user signed out: their PIN is not kept for a later try, and a refusal of it is no longer news."""
        with self._lock:
            self._pending.pop(user_id, None)
            self._refused.pop(user_id, None)

    def _sign_in_pending(self, client: SyncClient) -> None:
        with self._lock:
            pending = list(self._pending.items())
        for user_id, _ in pending:
            self.sign_in_queued(user_id)  # unless the background sign-in got there first

    def _refusal(self) -> str | None:
        with self._lock:
            return next(iter(self._refused.values()), None)

    # -- leases -----------------------------------------------------------------------------------------------

    def lease(self, op: str, session_id: str, user_id: str | None = None) -> LeaseOut:
        """acquire, heartbeat or release the server's lease on a session for `user_id` (None: the user signed in
        to the server last), under that user's own token; SyncError when it cannot be done."""
        client = self.client()
        if client is None:
            raise SyncError("No sync server is set.")
        calls: dict[str, Callable[[str, str | None], LeaseOut]] = {
            "acquire": client.acquire,
            "heartbeat": client.heartbeat,
            "release": client.release,
        }
        return calls[op](session_id, user_id)

    # -- settings ---------------------------------------------------------------------------------------------

    def _put(self, key: str, value: Any) -> None:
        with SqlUnitOfWork(self.store) as uow:
            uow.settings.put(key, value)
            uow.commit()
