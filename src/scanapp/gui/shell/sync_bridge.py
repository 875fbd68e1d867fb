"""The screens' side of the background sync (DESIGN rules 4, 13): the worker's rounds and the sign-in and
lease calls run on threads of their own (services.sync_worker); what comes of them arrives here by signal, on
the main thread, where only widgets are touched. The threads start once a sync server is set."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from scanapp.services.sync_leases import LeaseAnswer
from scanapp.services.sync_service import RoundResult, SyncService
from scanapp.services.sync_state import SyncState
from scanapp.services.sync_worker import Jobs, SyncWorker, Timing
from scanapp.sync.client import SyncError

log = logging.getLogger(__name__)

# How soon after a change the header's "N changes not synced" is read again (a burst of scans: one read).
STATE_REFRESH_MS = 250


class SyncBridge(QObject):
    state_changed = Signal(object)
    """The SyncState to show (read again after every round, change and answer)."""
    round_started = Signal()
    round_finished = Signal(object)
    """A RoundResult."""
    sessions_reviewed = Signal(object)
    """Session ids (a frozenset) whose lines changed because the server sent some of their events to review."""
    # From the worker threads; delivered on the main thread (queued connections).
    _started = Signal()
    _finished = Signal(object)
    _answered = Signal(object, object)

    def __init__(self, service: SyncService, timing: Timing | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.timing = timing or Timing()
        self.worker: SyncWorker | None = None
        self.jobs: Jobs | None = None
        self.syncing = False
        self.last_result: RoundResult | None = None
        self.state: SyncState = service.state()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(STATE_REFRESH_MS)
        self._refresh.timeout.connect(self.refresh_state)
        self._started.connect(self._on_started)
        self._finished.connect(self._on_finished)
        self._answered.connect(self._on_answered)

    @property
    def enabled(self) -> bool:
        """A sync server is set: rounds, sign-ins and leases go to it."""
        return self.state.server is not None

    def start(self) -> None:
        """Start syncing if a server is set (else when one is set); the first round comes at once."""
        if self.worker is not None or self.service.server() is None:
            self.refresh_state()
            return
        self.jobs = Jobs()
        self.worker = SyncWorker(
            self.service.run_round, from_worker(self._started), from_worker(self._finished), self.timing
        )
        self.worker.start()
        self.refresh_state()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Jobs already asked for (a lease given back) run first; a round under way gets `timeout_s`."""
        self._refresh.stop()
        worker, jobs, self.worker, self.jobs = self.worker, self.jobs, None, None
        if jobs is not None and not jobs.stop(timeout_s):
            log.warning("sync jobs still running at exit: the server answers them to nobody")
        if worker is not None and not worker.stop(timeout_s):
            log.warning("a sync round was still running at exit; the next start continues it")
        self.service.close()

    # -- asking ------------------------------------------------------------------------------------------------

    @Slot()
    def sync_now(self) -> None:
        if self.worker is None:
            self.start()
        elif self.worker is not None:
            self.worker.sync_now()

    @Slot()
    @Slot(str)
    @Slot(object)
    def changes_committed(self, _what: object = None) -> None:
        """Something was written (a scan, an action): a round soon, and the count of changes not synced."""
        if self.worker is not None:
            self.worker.changed()
        if not self._refresh.isActive():
            self._refresh.start()

    def sign_in(self, user_id: str, secret: str, current: bool = True) -> None:
        """A PIN was just checked on this device: the same user signs in to the server, in the background."""
        if self.jobs is None:
            return
        self.service.queue_sign_in(user_id, secret, current)
        self.jobs.submit(lambda: self.service.sign_in_queued(user_id), self._signed_in)

    def forget(self, user_id: str) -> None:
        self.service.forget_sign_in(user_id)

    def lease(self, op: str, session_id: str, user_id: str, answered: Callable[[LeaseAnswer], None]) -> bool:
        """Call the server about a session's lease for `user_id` (under their own sign-in) in the background;
        `answered` gets the LeaseAnswer on the main thread. False (and no call) when sync is off."""
        if self.jobs is None:
            return False

        def call() -> Any:
            return self.service.lease(op, session_id, user_id)

        def done(lease: Any, err: BaseException | None) -> None:
            error = err if isinstance(err, SyncError) else SyncError(str(err)) if err is not None else None
            from_worker(self._answered)(answered, LeaseAnswer(op, session_id, lease, error))

        self.jobs.submit(call, done)
        return True

    def set_server(self, text: str) -> str | None:
        """Keep a new sync server (BadServerUrl if it is not one) and sync with it at once."""
        url = self.service.set_server(text)
        if url is not None:
            self.start()
            self.sync_now()
        self.refresh_state()
        return url

    # -- hearing back ------------------------------------------------------------------------------------------

    @Slot()
    def refresh_state(self) -> None:
        self.state = self.service.state(syncing=self.syncing)
        self.state_changed.emit(self.state)

    def _signed_in(self, refusal: Any, err: BaseException | None) -> None:
        """On the jobs thread: a sign-in that worked may let a failed round through now."""
        if err is None and refusal is None:
            self._server_back()
        from_worker(self._finished)(None)  # the header reads the state again (a refusal is said there)

    @Slot()
    def _on_started(self) -> None:
        self.syncing = True
        self.round_started.emit()
        self.refresh_state()

    @Slot(object)
    def _on_finished(self, result: RoundResult | None) -> None:
        if result is None:
            self.refresh_state()
            return
        self.syncing = False
        self.last_result = result
        self.refresh_state()
        if result.reviewed:
            self.sessions_reviewed.emit(result.reviewed)
        self.round_finished.emit(result)

    @Slot(object, object)
    def _on_answered(self, answered: Callable[[LeaseAnswer], None], answer: LeaseAnswer) -> None:
        if answer.lease is not None:
            self._server_back()
        answered(answer)

    def _server_back(self) -> None:
        """The server answered a call: when the last round failed, the next need not wait out its backoff."""
        worker, last = self.worker, self.last_result
        if worker is not None and last is not None and not last.ok:
            worker.sync_now()


def from_worker(signal: Any) -> Callable[..., None]:
    """`signal.emit` for a worker thread. The window may close while a round runs on past stop()'s bound: the
    bridge is deleted then, and what the round has to say reaches nobody (Qt raises; nothing is lost, the
    result is in the store)."""

    def emit(*args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError as err:  # "Signal source has been deleted"
            log.info("a sync result arrived after the window closed: %s", err)

    return emit
