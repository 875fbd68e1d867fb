"""The session screen: count name and type, the session's actions (C4), the scan button and scanner input
(C5), the scans newest first with remove (C6), the category tabs with their counts and the totals (C7),
matching unmatched scans (C8) and hand-counted items (C9).

Opening a session takes its lock (one user/device at a time); leaving releases it. A session held by
someone else opens read-only: every action is disabled and the page says who holds it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from scanapp.domain import counts as rules
from scanapp.domain.counts import Count, Session, SessionState
from scanapp.domain.errors import SessionLocked
from scanapp.domain.permissions import OPEN_COUNTS
from scanapp.domain.refusals import RefusalReason
from scanapp.domain.tally import Totals
from scanapp.errors import KnownError
from scanapp.gui.retail.session.actions import ActionRow, SessionActions
from scanapp.gui.retail.session.header import SessionHeader
from scanapp.gui.retail.session.lease import SessionLease
from scanapp.gui.retail.session.line_actions import LineActions
from scanapp.gui.retail.session.scan_controller import ScanController
from scanapp.gui.retail.session.tabs import SessionTabs
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.dialog_host import DialogHost
from scanapp.gui.widgets.error_text import error_text, refusal_text
from scanapp.gui.widgets.formatting import day_and_time, holder
from scanapp.gui.widgets.message_bar import MessageBar
from scanapp.services.sync_leases import LeasePhase

log = logging.getLogger(__name__)

# QTimer's longest single shot is about 24 days; a later start is picked up by the next refresh.
_MAX_TIMER_MS = 2**31 - 1


class SessionPage(QWidget):
    closed = Signal()
    """The user left the session (back to the counts list)."""
    discarded = Signal(str)
    """The session was discarded (its name); the page has closed."""
    scan_recorded = Signal(object)
    """A ScanOutcome, emitted only after the scan was durably recorded."""
    refreshed = Signal()
    """The page shows the store's current state of the session."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.session: Session | None = None
        self.count: Count | None = None
        self.last_session_id: str | None = None
        """The session shown last (kept after leaving, so the counts list can put the focus back on it)."""
        self.totals = Totals()
        self._user_names: dict[str, str] = {}
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._refresh_all)
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.setInterval(0)
        self._catch_up.timeout.connect(self._caught_up)
        self._shown: tuple[object, ...] | None = None
        """What the header, lock and actions were last drawn from."""
        self.dialogs = DialogHost(self)
        self.dialogs.closed.connect(self._dialog_closed)

        self.header = SessionHeader()
        self.header.back_requested.connect(self.leave)
        self.lock_bar = MessageBar()
        self.lock_bar.close_button.hide()
        self.message_bar = MessageBar()
        self.action_row = ActionRow()
        self.lists = SessionTabs(engine.reads)
        # -- bottom: hand-counted items and the last scan
        self.hand_button = QPushButton(self.tr("&Hand-Counted Items"))
        self.hand_button.setToolTip(self.tr("Add items that were counted by hand"))
        self.last_scan = QLabel()
        self.last_scan.setObjectName("lastScan")
        self.last_scan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hand_button)
        bottom.addWidget(self.last_scan, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        for widget in (self.header, self.lock_bar, self.message_bar, self.action_row):
            layout.addWidget(widget)
        layout.addWidget(self.lists, 1)
        layout.addLayout(bottom)

        self.scanning = ScanController(self)
        self.scanning.recorded.connect(self.scan_recorded)
        self.session_actions = SessionActions(self)
        self.line_actions = LineActions(self)
        self.lease = SessionLease(self)
        """The sync server's lease on the open session (S3): lost, the session is read-only here."""
        self.lease.changed.connect(self._lease_changed)
        self.lease.lost.connect(self._lease_lost)

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open over the page, if any."""
        return self.dialogs.dialog

    # -- opening and leaving ---------------------------------------------------------------------------------

    def open(self, session_id: str, focus: bool = True) -> None:
        """Show a session and take its lock. If someone else holds it, show it read-only and say who."""
        self.message_bar.clear()
        self.last_scan.clear()
        set_property(self.last_scan, "status", "")
        reads = self.engine.reads
        self.session = reads.session(session_id)
        self.last_session_id = session_id
        self.count = reads.count(self.session.count_id)
        self._user_names = reads.user_names()
        self.scanning.start()
        if self.session.state is not SessionState.DISCARDED:
            try:
                claimed = self.engine.counting.claim(self.engine.actor, session_id)
            except SessionLocked:
                pass  # shown read-only: refresh() says who holds it
            except KnownError as err:
                self.message_bar.show_error(error_text(err))
            else:
                self.lease.open(claimed, self.engine.actor)
        self.lists.set_session(session_id, self.count.kind)
        self._shown = None
        self.refresh()
        if focus and self.can_scan():
            self.focus_scanner()

    @Slot()
    def leave(self) -> None:
        """Back to the counts list, releasing the lock for the next user or device."""
        if self.dialogs.is_open():
            return
        self.release()
        self.closed.emit()

    def release(self) -> None:
        self.scanning.flush()  # what was taken is recorded under the lock, before it is released
        self.lease.leave()  # the server's lease goes back in the background, after a push
        session = self.session
        actor = self.engine.signed_in_actor
        if session is not None and actor is not None:
            try:
                self.engine.counting.release(actor, session.id)
            except KnownError as err:  # the store is locked or gone: the lock stays, a supervisor can free it
                log.warning("could not release session %s: %s", session.id, err)
            self.engine.session_changed.emit(session.id)
        self.forget_session()
        self._start_timer.stop()
        self.scanning.stop()

    def forget_session(self) -> None:
        """Show no session (left, or discarded: nothing left to release); scans are no longer taken here."""
        self.scanning.stop()
        self.session = None
        self.count = None
        self.lists.set_session(None)

    # -- state -------------------------------------------------------------------------------------------------

    def locked_elsewhere(self) -> bool:
        return self.session is not None and rules.locked_by_other(self.session, self.engine.actor, self.engine.now())

    def may_count(self) -> bool:
        return self.engine.actor.has_any(OPEN_COUNTS)

    def can_work(self) -> bool:
        """Every session action: this user may count, no one else holds the session, and this device has not
        lost (nor is still asking for) the sync server's lease on it."""
        return (
            self.session is not None
            and self.may_count()
            and not self.locked_elsewhere()
            and not self.lease.blocks_work()
        )

    def can_scan(self) -> bool:
        return self.can_work() and self.session is not None and self.session.state is SessionState.IN_PROGRESS

    @Slot()
    def refresh(self, lines_changed: bool = False) -> None:
        """Show the store's current state of the session: header, lock, actions, lists, totals.

        After a scan only new lines need finding; `lines_changed` (a match, a removal) re-reads which lines
        are unmatched too."""
        if self.session is None or self.count is None:
            return
        update = None
        if lines_changed:
            self.session = self.engine.reads.session(self.session.id)
            self.totals = self.engine.reads.totals(self.session.id)
        else:  # after scans: the session, totals and new lines in one read
            update = self.engine.reads.catch_up(self.session.id, self.lists.scan_model.newest)
            self.session, self.totals = update.session, update.totals
        # A scan changes the lines and totals, not the session: header, lock and actions are redrawn only when
        # what they show from has moved (a scan at 100,000 lines stays within one frame).
        shown = (self.session, self.engine.actor, self.locked_elsewhere(), self.lease.phase)
        if lines_changed or shown != self._shown:
            self._shown = shown
            self.header.show_session(self.count, self.session, self.engine.actor)
            self._show_lock()
            self._show_actions()
        if update is None:
            self.lists.refresh(lines_changed=True)
        else:
            self.lists.take_in(update.rows, update.item_units)
        self.lists.show_counts(self.totals.rejected)
        self.header.show_totals(self.totals)
        self.refreshed.emit()

    def lines_recorded(self, now: bool = False) -> None:
        """Lines were recorded here (the scan controller says so after a durable record): the lists and totals
        catch up at the next turn of the event loop, so what arrived together is taken in with one read and shown
        with one repaint. `now`: at once, in this turn (the scans of a burst were recorded together already, and
        their outcome is drawn in the same repaint as the lists)."""
        if now:
            self._catch_up.stop()
            self._caught_up()
        else:
            self._catch_up.start()

    @Slot()
    def _caught_up(self) -> None:
        if self.session is not None:
            self.refresh()

    @Slot()
    def _refresh_all(self) -> None:
        """The planned start came: the actions depend on the time, not only on the session."""
        self._shown = None
        self.refresh()

    @Slot()
    def after_change(self) -> None:
        """A session action or a line action changed the session: show it, and tell the other pages."""
        if self.session is not None:
            self.refresh(lines_changed=True)
            self.engine.session_changed.emit(self.session.id)

    def _show_lock(self) -> None:
        assert self.session is not None
        if self.locked_elsewhere():
            who = holder(self.session, self.engine.actor, self._user_names)
            self.lock_bar.show_warning(
                self.tr(
                    "Held by {who}. Every action is disabled until the session is released; a supervisor can "
                    "force-release it from the sessions list."
                ).format(who=who)
            )
        elif self.lease.phase is LeasePhase.LOCAL:
            self.lock_bar.show_info(
                self.tr(
                    "Working offline: the session is claimed on this device, and the sync server confirms it at the "
                    "next sync."
                )
            )
        else:
            self.lock_bar.clear()

    def _show_actions(self) -> None:
        assert self.session is not None
        state = self.session.state
        work = self.can_work()
        in_progress = state is SessionState.IN_PROGRESS
        open_ = state not in (SessionState.SUBMITTED, SessionState.DISCARDED)
        self.action_row.show_state(state, work)
        self.hand_button.setVisible(open_)
        self.hand_button.setEnabled(work and in_progress)
        allowed, why_not = self._why_not_counting()
        self.action_row.scan_button.set_session_state(in_progress, allowed, why_not)
        if self.lease.why_lost is not None:
            self.lock_bar.show_error(why_not)  # stays while the session is open; said loudly
        elif why_not and not self.locked_elsewhere() and open_:
            self.lock_bar.show_warning(why_not)  # said on screen too: a touch screen has no tooltips
        self.lists.set_actions_shown(work and in_progress)

    def _why_not_counting(self) -> tuple[bool, str]:
        """Whether Start counting / scanning is allowed, and if not why, in words."""
        assert self.session is not None and self.count is not None
        if not self.may_count():
            return self.can_work(), self.tr(
                "Your account cannot count: ask a supervisor, or sign in as a user who counts."
            )
        if self.locked_elsewhere():
            return False, self.tr("Another user or device holds this session.")
        if self.lease.why_lost is not None:
            return False, self.lost_text(self.lease.why_lost)
        if self.lease.phase is LeasePhase.PENDING:
            return False, self.tr("Taking this session from the sync server: scanning starts in a moment.")
        now = self.engine.now()
        if self.session.state is SessionState.NOT_STARTED and not rules.can_start_now(
            self.count, self.engine.actor, now
        ):
            self._arm_start_timer(self.count.planned_start, now)
            return False, self.tr(
                "Start counting opens {when}. To start earlier, sign in as a manager, a supervisor or an associate "
                "allowed to start early."
            ).format(when=day_and_time(self.count.planned_start, now))
        return self.can_work(), ""

    def lost_text(self, why: str) -> str:
        return refusal_text(RefusalReason.LEASE_LOST, why)

    @Slot()
    def _lease_changed(self) -> None:
        self._shown = None
        self.refresh()

    @Slot(str)
    def _lease_lost(self, _why: str) -> None:
        """Said at once, loudly (the lock bar shows why, in red): the associate may be scanning into a session
        that is no longer theirs."""
        self.message_bar.clear()
        self.scanning.feedback.give("rejected", self.last_scan)

    def _arm_start_timer(self, planned: datetime, now: datetime) -> None:
        ms = int((planned - now).total_seconds() * 1000) + 500
        if 0 < ms <= _MAX_TIMER_MS:
            self._start_timer.start(ms)

    def tab_titles(self) -> list[str]:
        return self.lists.tab_titles()

    @Slot()
    def show_unmatched(self) -> None:
        self.lists.show_unmatched()

    @Slot()
    def focus_scanner(self) -> None:
        window = self.window()
        window.activateWindow()
        window.raise_()
        self.action_row.scanner_input.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _dialog_closed(self) -> None:
        if self.can_scan():
            self.focus_scanner()
