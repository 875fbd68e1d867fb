"""The window: sign-in, the counts list, the session screen, the lab's Barcode Tracking page and the lock screen
on one stack (lab techs land on Barcode Tracking; users with both permissions switch between the two), under
the sync state. Leaving a session or the app releases its lock; idle time (or a restart) locks the app until
the PIN is entered; signing out and closing sync first and say what is left."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QDir, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QWidget

from scanapp.domain.permissions import LAB, SUPERVISE, can_open_counts
from scanapp.domain.rows import UserRow
from scanapp.gui.capture.banner import ScanCapture
from scanapp.gui.capture.keeper import RefusalKeeper
from scanapp.gui.lab.page import BarcodeTrackingPage
from scanapp.gui.retail.counts_page import CountsPage
from scanapp.gui.retail.session.page import SessionPage
from scanapp.gui.shell import style
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.idle_lock import IdleLock
from scanapp.gui.shell.lock_screen import LockPage
from scanapp.gui.shell.sign_in import SignInPage
from scanapp.gui.shell.window_sync import WindowSync, refresh_keeping_focus
from scanapp.gui.supervisor.station import SupervisorStation
from scanapp.services.sync_service import RoundResult


class MainWindow(QMainWindow):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle("ScanApp")
        QDir.setSearchPaths("icons", [str(files("scanapp.resources") / "icons")])  # the style sheet's images
        self.setStyleSheet(style.sheet())
        self.setMinimumSize(640, 400)
        self.ask_before_close = True
        """Closing syncs first and asks when something is left (off for --smoke-test)."""
        self.sync = WindowSync(self)  # before the pages: the session page takes its leases through it
        # Made before the idle lock: its filter, installed later, runs first and sees a scan as activity.
        self.capture = ScanCapture(engine.scanner_settings.load, engine.clock, self)
        self.capture.router.keeper = RefusalKeeper(
            engine.counting.refusals, lambda: engine.signed_in_actor, lambda: self.capture.keys.settings
        )
        self.sign_in = SignInPage(engine)
        self.counts = CountsPage(engine)
        self.session = SessionPage(engine)
        self.session.scanning.attach(self.capture.router)
        self.lab = BarcodeTrackingPage(engine)
        self.lab.scanning.attach(self.capture.router)
        self.lock_page = LockPage(engine)
        self.station = SupervisorStation(engine)
        self.stack = QStackedWidget()
        for page in (self.sign_in, self.counts, self.session, self.lab, self.lock_page, self.station):
            self.stack.addWidget(page)
        self.idle_lock = IdleLock(engine.clock, engine.parts.users.idle_lock_minutes(), self)
        self._before_lock: QWidget | None = None
        self._hidden_dialogs: list[QDialog] = []
        self.idle_lock.locked_changed.connect(self._lock_changed)
        self.lock_page.unlocked.connect(self.idle_lock.unlock)
        self.lock_page.switch_user.connect(self._switch_user)
        self.setCentralWidget(self.sync.framed(self.capture.framed(self.stack)))
        self.capture.refuse_while(lambda: self.locked, self.idle_lock.locked_changed)
        self.sign_in.user_chosen.connect(self.sign_in_as)
        self.counts.open_session.connect(self.open_session)
        self.counts.sign_out_requested.connect(self.request_sign_out)
        self.counts.lab_requested.connect(self.show_lab)
        self.counts.station_requested.connect(self.show_station)
        self.station.back_requested.connect(self.show_counts)
        self.lab.counts_requested.connect(self.show_counts)
        self.lab.sign_out_requested.connect(self.request_sign_out)
        self.lab.scan_recorded.connect(self.sync.bridge.changes_committed)  # lab scans go up soon too
        self.sync.bridge.sessions_reviewed.connect(self._sessions_reviewed)
        self.sync.bridge.round_finished.connect(self._synced)
        self.counts.idle_lock_changed.connect(self.idle_lock.set_minutes)
        self.session.closed.connect(self._session_closed)
        self.session.discarded.connect(self._session_discarded)
        self.sign_in.refresh()
        self.stack.setCurrentWidget(self.sign_in)
        self.sync.bridge.start()
        remembered = engine.remembered_user()
        if remembered is not None:
            self.sign_in_as(remembered)
            self.idle_lock.lock()  # whoever holds the handheld after a restart enters the PIN first

    @property
    def locked(self) -> bool:
        """Locked (idle, or just restarted): nothing takes a scan until the PIN is entered."""
        return self.idle_lock.locked

    @Slot(object)
    def sign_in_as(self, user: UserRow) -> None:
        """Sign in a user whose PIN was checked (the sign-in page emits them only then)."""
        actor = self.engine.sign_in(user)
        self.idle_lock.arm()
        self.sync.show_signed_in(True)
        if actor.has_any(LAB) and not can_open_counts(actor):
            self.show_lab()
        else:
            self.show_counts()

    @Slot(bool)
    def _lock_changed(self, locked: bool) -> None:
        """Lock: the page and its dialogs are hidden, not closed, so an open session stays open and held."""
        self.sync.show_signed_in(not locked and self.engine.signed_in_actor is not None)
        if locked:
            self._before_lock = self.stack.currentWidget()
            self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
            for dialog in self._hidden_dialogs:
                dialog.hide()
            self.stack.setCurrentWidget(self.lock_page)
            actor = self.engine.actor
            self.lock_page.ask(UserRow(actor.user_id, actor.display_name or actor.user_id, actor.permissions))
            return
        self.stack.setCurrentWidget(self._before_lock or self.counts)
        dialogs, self._hidden_dialogs = self._hidden_dialogs, []
        for dialog in dialogs:
            dialog.show()

    @Slot()
    def _switch_user(self) -> None:
        """From the lock screen: the dialogs left open are cancelled, the session left, then sign-in."""
        dialogs, self._hidden_dialogs = self._hidden_dialogs, []
        for dialog in dialogs:
            dialog.reject()
        self.sign_out()

    @Slot()
    def show_counts(self) -> None:
        self.counts.refresh()
        self.stack.setCurrentWidget(self.counts)

    @Slot()
    def show_lab(self) -> None:
        self.lab.refresh()
        self.stack.setCurrentWidget(self.lab)

    @Slot()
    def show_station(self) -> None:
        """The supervisor station, for users who may supervise (the button is hidden from the others)."""
        actor = self.engine.signed_in_actor
        if actor is None or not actor.has_any(SUPERVISE):
            return
        self.stack.setCurrentWidget(self.station)
        self.station.refresh()

    @Slot()
    def _session_closed(self) -> None:
        left = self.session.last_session_id
        self.show_counts()
        if left is not None:
            self.counts.focus_session(left)

    @Slot(str)
    def open_session(self, session_id: str) -> None:
        self.stack.setCurrentWidget(self.session)
        self.session.open(session_id)

    @Slot(str)
    def _session_discarded(self, name: str) -> None:
        self.counts.message_bar.show_info(
            self.tr("Session “{name}” was discarded and removed from review.").format(name=name)
        )

    @Slot(object)
    def _sessions_reviewed(self, session_ids: frozenset[str]) -> None:
        """Some scans went to supervisor review: the open session shows them marked, out of its totals."""
        if self.session.session is not None and self.session.session.id in session_ids:
            self.session.refresh(lines_changed=True)
        if self.stack.currentWidget() is self.counts:
            self.counts.refresh()

    @Slot(object)
    def _synced(self, result: RoundResult) -> None:
        """Counts, sessions and users came down: the counts list shows them (a dialog open on it stays)."""
        pulled = result.report is not None and result.report.pulled > 0
        if pulled and self.stack.currentWidget() is self.counts and self.counts.dialog is None:
            refresh_keeping_focus(self.counts)
        elif pulled and self.stack.currentWidget() is self.sign_in:
            self.sign_in.refresh_users()

    def leave_session(self) -> None:
        """Off the session page (its locks given back) and onto the counts list."""
        if self.stack.currentWidget() is self.session or (self.locked and self._before_lock is self.session):
            self.session.release()
            if not self.locked:
                self.show_counts()

    @Slot()
    def request_sign_out(self) -> None:
        """Sign out after a sync that says what is left (at once when sync is off)."""
        self.sync.sign_out(self.sign_out)

    @Slot()
    def sign_out(self) -> None:
        self.idle_lock.disarm()  # back on the page that was locked, so a session on it is released
        if self.stack.currentWidget() is self.session:
            self.session.release()
        self.sync.show_signed_in(False)
        self.engine.sign_out()
        self.counts.message_bar.clear()
        self.sign_in.refresh()
        self.stack.setCurrentWidget(self.sign_in)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ask_before_close and not self.sync.close(self._close_now):
            event.ignore()  # a sync first; _close_now closes once it says nothing is left or the user agrees
            return
        if self.stack.currentWidget() is self.session or (self.locked and self._before_lock is self.session):
            self.session.release()
        self.sync.stop()  # the lease given back and the round under way finish first (bounded)
        self.station.stop()
        self.counts.background.stop()
        super().closeEvent(event)

    @Slot()
    def _close_now(self) -> None:
        self.ask_before_close = False
        self.close()
