"""The server's lease on the session open on the page (SPEC S3): asked for when it opens (scans wait a moment
for the answer, then go on under the claim made here), renewed by heartbeats while it is open, given back on
leaving (after pushing), confirmed at the next sync when the device was offline. When it is lost the page is
told at once and turns read-only. The decisions are services.sync_leases'; this makes the calls and keeps time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from scanapp.domain.counts import Session
from scanapp.domain.errors import NotFound
from scanapp.domain.permissions import Actor
from scanapp.services.sync_leases import PENDING_S, LeaseAnswer, LeasePhase, LeaseTracker, Next
from scanapp.services.sync_service import RoundResult

if TYPE_CHECKING:
    from scanapp.gui.retail.session.page import SessionPage

log = logging.getLogger(__name__)


class SessionLease(QObject):
    changed = Signal()
    """The lease moved on (asked, held, claimed here, lost): the page shows what that allows."""
    lost = Signal(str)
    """The lease was lost (why, in words): the page says so at once."""

    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.engine = page.engine
        self.tracker: LeaseTracker | None = None
        self._heartbeat = QTimer(self)
        self._heartbeat.timeout.connect(self._beat)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(int(PENDING_S * 1000))
        self._pending.timeout.connect(self._waited)
        if self.engine.sync is not None:
            self.engine.sync.round_finished.connect(self._synced)

    @property
    def phase(self) -> LeasePhase:
        return self.tracker.phase if self.tracker is not None else LeasePhase.OFF

    @property
    def why_lost(self) -> str | None:
        return self.tracker.why if self.tracker is not None and self.phase is LeasePhase.LOST else None

    def blocks_work(self) -> bool:
        """Scans and actions wait (the server is asked) or are refused (the lease is lost)."""
        return self.phase in (LeasePhase.PENDING, LeasePhase.LOST)

    def open(self, session: Session, actor: Actor) -> None:
        """The session was claimed on this device: ask the server for its lease too, when there is one."""
        self.leave()
        self.tracker = LeaseTracker(session.id, actor.user_id, actor.device_id, claimed_epoch=session.epoch)
        bridge = self.engine.sync
        if bridge is None or not bridge.enabled:
            self.tracker.phase = LeasePhase.OFF
            return
        self._pending.start()
        self._call("acquire", self.tracker)

    def leave(self) -> None:
        tracker, self.tracker = self.tracker, None
        self._heartbeat.stop()
        self._pending.stop()
        if tracker is not None and tracker.leave() is Next.RELEASE:
            self._call("release", tracker)

    def _call(self, op: str, tracker: LeaseTracker) -> None:
        bridge = self.engine.sync
        if bridge is None or not bridge.lease(
            op, tracker.session_id, tracker.user_id, lambda a: self._answered(tracker, a)
        ):
            tracker.waited_too_long()
            self._show(tracker)

    def _answered(self, tracker: LeaseTracker, answer: LeaseAnswer) -> None:
        if answer.op == "acquire":
            follow = tracker.acquired(answer)
        elif answer.op == "heartbeat":
            follow = tracker.renewed(answer)
        else:
            if answer.error is not None:
                log.warning("the server's lease on %s was not given back: %s", answer.session_id, answer.error)
            return
        if answer.error is not None:
            log.info("lease %s of %s: %s", answer.op, answer.session_id, answer.error)
        self._do(tracker, follow)

    def _do(self, tracker: LeaseTracker, follow: Next) -> None:
        if follow is not Next.NOTHING:
            self._call(follow.value, tracker)
        self._show(tracker)

    def _show(self, tracker: LeaseTracker) -> None:
        if tracker is not self.tracker:
            return  # an answer about a session left meanwhile
        if tracker.phase is not LeasePhase.PENDING:
            self._pending.stop()
        if tracker.phase is LeasePhase.HELD:
            interval = int(tracker.heartbeat_s * 1000)
            if not self._heartbeat.isActive() or self._heartbeat.interval() != interval:
                self._heartbeat.start(interval)
        else:
            self._heartbeat.stop()
        if tracker.phase is LeasePhase.LOST and tracker.why is not None and not tracker.told:
            tracker.told = True
            self.lost.emit(tracker.why)
        self.changed.emit()

    @Slot()
    def _beat(self) -> None:
        if self.tracker is not None and self.tracker.phase is LeasePhase.HELD:
            self._call("heartbeat", self.tracker)

    @Slot()
    def _waited(self) -> None:
        if self.tracker is not None:
            self.tracker.waited_too_long()
            self._show(self.tracker)

    @Slot(object)
    def _synced(self, result: RoundResult) -> None:
        tracker = self.tracker
        if tracker is None:
            return
        try:
            session = self.engine.reads.session(tracker.session_id)
        except NotFound:  # the session is gone from this device: nothing to keep
            log.warning("session %s not found after a sync", tracker.session_id)
            return
        self._do(tracker, tracker.synced(result.ok, session))
