"""The counts list (C1) with its count cards, and the sessions of the chosen count (C3): the default session,
New session (name, area), each session's state and who holds it, Open, and Force release for supervisors."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scanapp.domain import counts as rules
from scanapp.domain.counts import CountKind, CountState
from scanapp.domain.permissions import FORCE_RELEASE, LAB, SUPERVISE, Actor, can_open_counts
from scanapp.domain.rows import CountRow
from scanapp.errors import KnownError
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.retail.count_cards import CardList, CountCard, SessionCard
from scanapp.gui.retail.session_form import SessionFormDialog
from scanapp.gui.scanner_setup.settings_dialog import ScannerSettingsDialog
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.idle_lock_dialog import IdleLockDialog
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.supervisor.remote_text import failed_text
from scanapp.gui.widgets.background import Background
from scanapp.gui.widgets.dialog_host import DialogHost
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.message_bar import MessageBar

_MAX_TIMER_MS = 2**31 - 1


class CountsPage(QWidget):
    open_session = Signal(str)
    """Open this session on the session screen."""
    sign_out_requested = Signal()
    lab_requested = Signal()
    """To the lab's Barcode Tracking page (users with lab permission)."""
    station_requested = Signal()
    """To the supervisor station (users who may supervise)."""
    refreshed = Signal()
    idle_lock_changed = Signal(float)
    """A supervisor set how many minutes idle the app locks after (0: never): apply it now."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.selected_count: str | None = None
        self.count_cards: dict[str, CountCard] = {}
        self.session_cards: dict[str, SessionCard] = {}
        self.rows: list[CountRow] = []
        self.dialogs = DialogHost(self)
        self.feedback = ScanFeedback(self)
        """Sounds and colours for the scanner test pad."""
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.refresh)
        header = self._build_header()
        self.message_bar = MessageBar()
        self.background = Background(self)  # a force release goes to the server off the GUI thread
        self.denied = QLabel(
            self.tr(
                "Your account cannot open the counts list. Ask a supervisor for counting rights, or sign out and "
                "sign in as a user who has them."
            )
        )
        self.denied.setWordWrap(True)
        self.denied.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = self._build_body()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.denied, 1)
        layout.addWidget(self.body, 1)

    def _build_header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Counts"))
        title.setProperty("role", "title")
        self.user_label = QLabel()
        self.user_label.setProperty("role", "hint")
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.scanner_button = QPushButton(self.tr("S&canner…"))
        self.scanner_button.setToolTip(self.tr("Scanner settings and test pad: source, device, timing, decoding"))
        self.scanner_button.clicked.connect(self.scanner_settings)
        self.lab_button = QPushButton(self.tr("&Barcode Tracking"))
        self.lab_button.setToolTip(self.tr("The lab's inventory reconciliation"))
        self.lab_button.clicked.connect(self.lab_requested)
        self.station_button = QPushButton(self.tr("Super&visor"))
        self.station_button.setToolTip(self.tr("Supervisor station: devices, review queue"))
        self.station_button.clicked.connect(self.station_requested)
        self.idle_lock_button = QPushButton(self.tr("&Lock…"))
        self.idle_lock_button.setToolTip(self.tr("When ScanApp locks itself: minutes without a touch (supervisor)"))
        self.idle_lock_button.clicked.connect(self.idle_lock_settings)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.user_label)
        header.addWidget(self.station_button)
        header.addWidget(self.lab_button)
        header.addWidget(self.idle_lock_button)
        header.addWidget(self.scanner_button)
        header.addWidget(self.sign_out_button)
        return header

    def _build_body(self) -> QWidget:
        """The counts on the left, the chosen count's sessions on the right."""
        self.count_list = CardList()
        self.sessions_title = QLabel(self.tr("Sessions"))
        self.sessions_title.setProperty("role", "title")
        self.sessions_title.setWordWrap(True)
        self.new_session_button = QPushButton(self.tr("&New session"))
        self.new_session_button.clicked.connect(self.new_session)
        sessions_header = QHBoxLayout()
        sessions_header.addWidget(self.sessions_title, 1)
        sessions_header.addWidget(self.new_session_button)
        self.session_list = CardList()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(sessions_header)
        right_layout.addWidget(self.session_list, 1)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addWidget(self.count_list, 5)
        body_layout.addWidget(right, 6)
        return body

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open over the page, if any."""
        return self.dialogs.dialog

    # -- refresh -----------------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        actor = self.engine.actor
        self.user_label.setText(actor.display_name or actor.user_id)
        self.lab_button.setVisible(actor.has_any(LAB))
        self.station_button.setVisible(actor.has_any(SUPERVISE))
        allowed = can_open_counts(actor)
        self.denied.setVisible(not allowed)
        self.body.setVisible(allowed)
        if not allowed:
            self.rows = []
            self.count_cards, self.session_cards = {}, {}
            self.count_list.set_cards([])
            self.session_list.set_cards([])
            self.refreshed.emit()
            return
        now = self.engine.now()
        self.rows = [r for r in self.engine.reads.counts_overview() if r.count.kind is not CountKind.SCOPED]
        self.count_cards = {}
        cards: list[QWidget] = []
        for row in self.rows:
            card = CountCard(row, actor, now)
            card.picked.connect(self.select_count)
            card.entered.connect(self.enter_count)
            card.start_requested.connect(self.start_count)
            self.count_cards[row.count.id] = card
            cards.append(card)
        self.count_list.set_cards(cards, self.tr("No counts on this device yet: a supervisor creates them."))
        if self.selected_count not in self.count_cards:
            self.selected_count = self.rows[0].count.id if self.rows else None
        self._arm_start_timer(now)
        self._show_sessions()
        # Keyboard: the focus starts on the chosen count (Enter goes on to its sessions).
        focus = QApplication.focusWidget()
        selected = self.count_cards.get(self.selected_count or "")
        if selected is not None and (focus is None or not self.isAncestorOf(focus)):
            selected.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refreshed.emit()

    def _arm_start_timer(self, now: datetime) -> None:
        """Start counting becomes active when a planned start arrives: refresh then."""
        upcoming = [
            r.count.planned_start for r in self.rows if r.state is CountState.SCHEDULED and r.count.planned_start > now
        ]
        self._start_timer.stop()
        if upcoming:
            ms = int((min(upcoming) - now).total_seconds() * 1000) + 500
            if ms <= _MAX_TIMER_MS:
                self._start_timer.start(ms)

    @Slot(str)
    def select_count(self, count_id: str) -> None:
        self.selected_count = count_id
        self._show_sessions()
        card = self.count_cards.get(count_id)
        if card is not None:
            self.count_list.ensureWidgetVisible(card)

    @Slot(str)
    def enter_count(self, count_id: str) -> None:
        """Keyboard: a count chosen with Enter hands the focus to its first session."""
        self.select_count(count_id)
        first = next(iter(self.session_cards.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_session(self, session_id: str) -> None:
        """Back from a session: its count is the one shown (whichever was shown before it was opened), and the
        focus is on its card, so Enter opens it again."""
        if session_id not in self.session_cards:
            count_id = next((r.count.id for r in self.rows if r.count.id == self._count_of(session_id)), None)
            if count_id is not None:
                self.select_count(count_id)
        card = self.session_cards.get(session_id)
        if card is not None:
            self.session_list.ensureWidgetVisible(card)
            card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _count_of(self, session_id: str) -> str | None:
        try:
            return self.engine.reads.session(session_id).count_id
        except (KnownError, LookupError):  # gone meanwhile (a sync): nothing to show
            return None

    def _show_sessions(self) -> None:
        for key, card in self.count_cards.items():
            card.set_selected(key == self.selected_count)
        self.session_cards = {}
        row = next((r for r in self.rows if r.count.id == self.selected_count), None)
        self.new_session_button.setEnabled(row is not None)
        if row is None:
            self.sessions_title.setText(self.tr("Sessions"))
            self.session_list.set_cards([])
            return
        self.sessions_title.setText(self.tr("Sessions · {count}").format(count=row.count.name))
        actor, now = self.engine.actor, self.engine.now()
        names = self.engine.reads.user_names()
        cards: list[QWidget] = []
        for s in self.engine.reads.sessions_of(row.count.id):
            session_card = SessionCard(s, actor, now, names)
            session_card.picked.connect(self.open_session)
            session_card.open_requested.connect(self.open_session)
            session_card.release_requested.connect(self.force_release)
            self.session_cards[s.session.id] = session_card
            cards.append(session_card)
        self.session_list.set_cards(cards)

    # -- actions -----------------------------------------------------------------------------------------------

    @Slot(str)
    def start_count(self, count_id: str) -> None:
        """The count card's Start counting: start the default session and open it for scanning."""
        sessions = self.engine.reads.sessions_of(count_id)
        default = next((s.session for s in sessions if s.session.is_default), sessions[0].session if sessions else None)
        if default is None:
            return
        self.select_count(count_id)  # back from the session, this count's sessions are shown
        started = self.message_bar.attempt(lambda: self.engine.counting.start(self.engine.actor, default.id))
        if started is None:
            self.refresh()
            return
        self.engine.session_changed.emit(started.id)
        self.open_session.emit(started.id)

    @Slot()
    def new_session(self) -> None:
        count_id = self.selected_count
        if count_id is None:
            return
        existing = [s.session for s in self.engine.reads.sessions_of(count_id)]
        actor = self.engine.actor
        dialog = SessionFormDialog(
            self.tr("New session"),
            rules.new_session_name(existing),
            "",
            self.engine.reads.areas(),
            lambda name, area: self.engine.counting.new_session(actor, count_id, name, area),
            save_text=self.tr("Create session"),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._session_created(dialog))
        self.dialogs.open(dialog)

    def _session_created(self, dialog: SessionFormDialog) -> None:
        self.refresh()
        if dialog.result_value is not None:
            session_id = dialog.result_value.id  # type: ignore[attr-defined]
            self.message_bar.show_info(self.tr("Session created. Open it to start counting."))
            card = self.session_cards.get(session_id)
            if card is not None:
                self.session_list.ensureWidgetVisible(card)
                card.setFocus()

    @Slot(str)
    def force_release(self, session_id: str) -> None:
        """A supervisor's action: their PIN is asked even when they are signed in, and the release is theirs."""
        card = self.session_cards.get(session_id)
        if card is None:
            return
        dialog = SupervisorPrompt(
            self.engine,
            self.tr("Force-release session?"),
            self.tr(
                "“{name}” is {holder}. Releasing it lets another user or device work on it. Scans made under the old "
                "lock on a device that was offline are kept for a supervisor to review, never lost."
            ).format(name=card.row.session.name, holder=card.holder_text[0].lower() + card.holder_text[1:]),
            self.tr("Force release"),
            FORCE_RELEASE,
            parent=self,
            danger=True,
        )
        dialog.accepted.connect(lambda: self._release_confirmed(session_id, dialog.actor))
        self.dialogs.open(dialog)

    def _release_confirmed(self, session_id: str, supervisor: Actor | None) -> None:
        assert supervisor is not None, "accepted only once a supervisor's PIN was checked"
        sync = self.engine.sync
        if sync is not None and sync.enabled:  # the server holds the lease: released there, as the supervisor
            self.background.run(
                lambda: self.engine.parts.supervisor_remote.force_release(supervisor.user_id, session_id),
                lambda _epoch, err: self._released_on_server(session_id, supervisor, err),
            )
            return
        self._release_here(session_id, supervisor)

    def _released_on_server(self, session_id: str, supervisor: Actor, err: BaseException | None) -> None:
        if err is not None:
            self.message_bar.show_error(failed_text(err))
            return
        self._release_here(session_id, supervisor)
        if self.engine.sync is not None:
            self.engine.sync.sync_now()  # the server's new epoch comes down

    def _release_here(self, session_id: str, supervisor: Actor) -> None:
        try:
            self.engine.counting.force_release(supervisor, session_id)
        except KnownError as err:
            self.message_bar.show_error(error_text(err))
        else:
            self.message_bar.show_info(self.tr("Session released."))
            self.engine.session_changed.emit(session_id)
        self.refresh()

    @Slot()
    def idle_lock_settings(self) -> None:
        """How long the app waits before it locks: anyone sees it, a supervisor's own PIN changes it."""
        users = self.engine.parts.users
        dialog = IdleLockDialog(self.engine, users.idle_lock_minutes(), parent=self)

        def save() -> None:
            supervisor, minutes = dialog.actor, dialog.value()
            assert supervisor is not None, "accepted only once a supervisor's PIN was checked"
            try:
                users.set_idle_lock_minutes(minutes, supervisor)
            except KnownError as err:
                self.message_bar.show_error(error_text(err))
                return
            self.idle_lock_changed.emit(float(minutes))
            if minutes:
                done = self.tr("ScanApp now locks after %n minutes without a touch.", "", minutes)
            else:
                done = self.tr("ScanApp no longer locks by itself.")
            self.message_bar.show_info(done)

        dialog.accepted.connect(save)
        self.dialogs.open(dialog)

    @Slot()
    def scanner_settings(self) -> None:
        """The scanner settings and test pad; saved settings apply to the next session opened."""
        engine = self.engine
        dialog = ScannerSettingsDialog(
            engine.scanner_settings, engine.device_sources, self, self.feedback, engine.clock
        )
        dialog.page.settings_saved.connect(
            lambda s: self.message_bar.show_info(
                self.tr("Scanner settings saved ({device}); they apply from the next session opened.").format(
                    device=s.device_key
                )
            )
        )
        self.dialogs.open(dialog)
