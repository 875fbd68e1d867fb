"""The counts list (C1) with its count cards, and the sessions of the chosen count (C3): the default session,
New session (name, area), each session's state and who holds it, Open, and Force release for supervisors."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain import counts as rules
from scanapp.domain.counts import CountKind, CountState, SessionState
from scanapp.domain.permissions import OPEN_COUNTS, START_EARLY, Actor, can_force_release, can_open_counts
from scanapp.errors import KnownError
from scanapp.gui.dialogs.confirm import ConfirmDialog
from scanapp.gui.dialogs.session_form import SessionFormDialog
from scanapp.gui.engine import Engine
from scanapp.gui.feedback import ScanFeedback
from scanapp.gui.formatting import day_and_time, holder, plural
from scanapp.gui.message_bar import MessageBar
from scanapp.gui.scanner_settings import ScannerSettingsDialog
from scanapp.gui.style import set_property
from scanapp.store import queries
from scanapp.store.queries import CountRow, SessionRow

_MAX_TIMER_MS = 2**31 - 1


def _chip(text: str, kind: str) -> QLabel:
    chip = QLabel(text)
    chip.setProperty("chip", kind)
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return chip


class _Card(QFrame):
    """A card that is picked by tap, click, Enter or Space."""

    picked = Signal(str)
    entered = Signal(str)
    """Picked from the keyboard (Enter or Space): the page moves the focus on into it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setProperty("card", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_selected(self, selected: bool) -> None:
        set_property(self, "selected", selected)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.picked.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.picked.emit(self.key)
            self.entered.emit(self.key)
            return
        super().keyPressEvent(event)


class CountCard(_Card):
    """C1: name, type, planned start, state; Start counting once the start time arrives (earlier only with a
    pre-start permission)."""

    start_requested = Signal(str)

    def __init__(self, row: CountRow, actor: Actor, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(row.count.id, parent)
        count = row.count
        self.row = row
        name = QLabel(count.name)
        name.setProperty("role", "cardTitle")
        name.setWordWrap(True)
        self.state_chip = _chip(row.state.value, row.state.value)
        top = QHBoxLayout()
        top.addWidget(name, 1)
        top.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)
        planned = QLabel(f"{count.type_label} · planned {day_and_time(count.planned_start, now)}")
        planned.setProperty("role", "subtitle")
        planned.setWordWrap(True)
        progress = QLabel(f"{plural(row.sessions, 'session')} · {plural(row.units, 'unit')} scanned")
        progress.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(planned)
        layout.addWidget(progress)
        self.start_button: QPushButton | None = None
        self.start_hint: QLabel | None = None
        if row.state is CountState.SCHEDULED:
            self.start_button = QPushButton("Start counting")
            self.start_button.setObjectName("scanButton")
            self.start_button.setProperty("mode", "start")
            opens = rules.can_start_now(count, actor, now)
            self.start_button.setEnabled(opens and can_open_counts(actor))
            self.start_button.clicked.connect(lambda: self.start_requested.emit(count.id))
            layout.addWidget(self.start_button)
            if not opens:
                self.start_hint = QLabel(
                    f"Opens {day_and_time(count.planned_start, now)}. Starting earlier needs "
                    f"{' or '.join(sorted(START_EARLY))}."
                )
                self.start_hint.setProperty("role", "hint")
                self.start_hint.setWordWrap(True)
                self.start_button.setToolTip(self.start_hint.text())
                layout.addWidget(self.start_hint)


class SessionCard(_Card):
    """C3: a session with its area, state, who holds it and its units; Open; Force release (COMMON_ADMIN)."""

    open_requested = Signal(str)
    release_requested = Signal(str)

    def __init__(
        self, row: SessionRow, actor: Actor, now: datetime, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        session = row.session
        super().__init__(session.id, parent)
        self.row = row
        title = QLabel(session.name + (" (default)" if session.is_default else ""))
        title.setProperty("role", "cardTitle")
        title.setWordWrap(True)
        area = QLabel(session.area or "no area")
        area.setProperty("role", "subtitle")
        self.state_chip = _chip(session.state.value, session.state.value)
        held = session.lock is not None and session.lock.live(now)
        self.held_elsewhere = rules.locked_by_other(session, actor, now)
        self.holder_text = f"Held by {holder(session, actor, names)}" if held else "Free"
        self.holder_chip = _chip(self.holder_text, "held" if held else "free")
        self.holder_chip.setWordWrap(True)
        totals = QLabel(f"{plural(row.totals.units, 'unit')} · {plural(row.totals.unique_items, 'product')}")
        totals.setProperty("role", "hint")
        self.open_button = QPushButton("Open")
        self.open_button.setProperty("variant", "primary")
        self.open_button.setToolTip(
            "View this session (another user or device holds it)" if self.held_elsewhere else "Work on this session"
        )
        self.open_button.clicked.connect(lambda: self.open_requested.emit(session.id))
        self.release_button = QPushButton("Force release")
        self.release_button.setProperty("variant", "danger")
        self.release_button.setEnabled(can_force_release(actor))
        self.release_button.setToolTip(
            "Free the session so another user or device can work it"
            if can_force_release(actor)
            else "Only a supervisor (COMMON_ADMIN) can force-release another user's session."
        )
        self.release_button.clicked.connect(lambda: self.release_requested.emit(session.id))
        first = QHBoxLayout()
        first.addWidget(title, 1)
        first.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)
        second = QHBoxLayout()
        second.addWidget(area)
        second.addWidget(totals, 1)
        third = QHBoxLayout()
        third.addWidget(self.holder_chip)
        third.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addLayout(buttons)
        self.release_button.setVisible(self.held_elsewhere and session.state is not SessionState.DISCARDED)


class _CardList(QScrollArea):
    """A vertical, scrolling stack of cards, rebuilt from rows on refresh (a few dozen at most)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner_layout = QVBoxLayout(self.inner)
        self.inner_layout.setContentsMargins(0, 0, 4, 0)
        self.inner_layout.setSpacing(8)
        self.inner_layout.addStretch(1)
        self.setWidget(self.inner)

    def set_cards(self, cards: list[QWidget], empty_text: str = "") -> None:
        while self.inner_layout.count() > 1:
            item = self.inner_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if not cards and empty_text:
            empty = QLabel(empty_text)
            empty.setProperty("role", "hint")
            empty.setWordWrap(True)
            cards = [empty]
        for i, card in enumerate(cards):
            self.inner_layout.insertWidget(i, card)


class CountsPage(QWidget):
    open_session = Signal(str)
    """Open this session on the session screen."""
    sign_out_requested = Signal()
    refreshed = Signal()

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.selected_count: str | None = None
        self.count_cards: dict[str, CountCard] = {}
        self.session_cards: dict[str, SessionCard] = {}
        self.rows: list[CountRow] = []
        self.dialog: ConfirmDialog | SessionFormDialog | ScannerSettingsDialog | None = None
        self.feedback = ScanFeedback(self)
        """Sounds and colours for the scanner test pad."""
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.refresh)

        title = QLabel("Counts")
        title.setProperty("role", "title")
        self.user_label = QLabel()
        self.user_label.setProperty("role", "hint")
        self.sign_out_button = QPushButton("Sign &out")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.scanner_button = QPushButton("S&canner…")
        self.scanner_button.setToolTip("Scanner settings and test pad: source, device, timing, decoding")
        self.scanner_button.clicked.connect(self.scanner_settings)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.user_label)
        header.addWidget(self.scanner_button)
        header.addWidget(self.sign_out_button)

        self.message_bar = MessageBar()
        self.denied = QLabel(
            f"You need {' or '.join(sorted(OPEN_COUNTS))} to open the counts list. Sign in as a user who has it."
        )
        self.denied.setWordWrap(True)
        self.denied.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.count_list = _CardList()
        self.sessions_title = QLabel("Sessions")
        self.sessions_title.setProperty("role", "title")
        self.sessions_title.setWordWrap(True)
        self.new_session_button = QPushButton("&New session")
        self.new_session_button.clicked.connect(self.new_session)
        sessions_header = QHBoxLayout()
        sessions_header.addWidget(self.sessions_title, 1)
        sessions_header.addWidget(self.new_session_button)
        self.session_list = _CardList()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(sessions_header)
        right_layout.addWidget(self.session_list, 1)
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(12)
        body.addWidget(self.count_list, 5)
        body.addWidget(right, 6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.denied, 1)
        layout.addWidget(self.body, 1)

    # -- refresh -----------------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        actor = self.engine.actor
        self.user_label.setText(actor.display_name or actor.user_id)
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
        self.rows = [r for r in self.engine.read(queries.counts_overview) if r.count.kind is not CountKind.SCOPED]
        self.count_cards = {}
        cards: list[QWidget] = []
        for row in self.rows:
            card = CountCard(row, actor, now)
            card.picked.connect(self.select_count)
            card.entered.connect(self.enter_count)
            card.start_requested.connect(self.start_count)
            self.count_cards[row.count.id] = card
            cards.append(card)
        self.count_list.set_cards(cards, "No counts on this device yet: a supervisor creates them.")
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
        """Back from a session: the focus is on its card, so Enter opens it again."""
        card = self.session_cards.get(session_id)
        if card is not None:
            self.session_list.ensureWidgetVisible(card)
            card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_sessions(self) -> None:
        for key, card in self.count_cards.items():
            card.set_selected(key == self.selected_count)
        self.session_cards = {}
        row = next((r for r in self.rows if r.count.id == self.selected_count), None)
        self.new_session_button.setEnabled(row is not None)
        if row is None:
            self.sessions_title.setText("Sessions")
            self.session_list.set_cards([])
            return
        self.sessions_title.setText(f"Sessions · {row.count.name}")
        actor, now = self.engine.actor, self.engine.now()
        names = {u.user_id: u.display_name for u in self.engine.read(queries.users)}
        cards: list[QWidget] = []
        for s in self.engine.read(queries.sessions_of, row.count.id):
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
        sessions = self.engine.read(queries.sessions_of, count_id)
        default = next((s.session for s in sessions if s.session.is_default), sessions[0].session if sessions else None)
        if default is None:
            return
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
        existing = [s.session for s in self.engine.read(queries.sessions_of, count_id)]
        actor = self.engine.actor
        dialog = SessionFormDialog(
            "New session",
            rules.new_session_name(existing),
            "",
            self.engine.read(queries.areas),
            lambda name, area: self.engine.counting.new_session(actor, count_id, name, area),
            save_text="Create session",
            parent=self,
        )
        dialog.accepted.connect(lambda: self._session_created(dialog))
        self._open_dialog(dialog)

    def _session_created(self, dialog: SessionFormDialog) -> None:
        self.refresh()
        if dialog.result_value is not None:
            session_id = dialog.result_value.id  # type: ignore[attr-defined]
            self.message_bar.show_info("Session created. Open it to start counting.")
            card = self.session_cards.get(session_id)
            if card is not None:
                self.session_list.ensureWidgetVisible(card)
                card.setFocus()

    @Slot(str)
    def force_release(self, session_id: str) -> None:
        card = self.session_cards.get(session_id)
        if card is None:
            return
        dialog = ConfirmDialog(
            "Force-release session?",
            f"“{card.row.session.name}” is {card.holder_text[0].lower()}{card.holder_text[1:]}. Releasing it lets "
            "another user or device work on it. Scans made under the old lock on a device that was offline are kept "
            "for a supervisor to review, never lost.",
            "Force release",
            parent=self,
            danger=True,
        )
        dialog.accepted.connect(lambda: self._release_confirmed(session_id))
        self._open_dialog(dialog)

    def _release_confirmed(self, session_id: str) -> None:
        try:
            self.engine.counting.force_release(self.engine.actor, session_id)
        except KnownError as err:
            self.message_bar.show_error(str(err))
        else:
            self.message_bar.show_info("Session released.")
            self.engine.session_changed.emit(session_id)
        self.refresh()

    @Slot()
    def scanner_settings(self) -> None:
        """The scanner settings and test pad; saved settings apply to the next session opened."""
        app = self.engine.app
        dialog = ScannerSettingsDialog(app.scanner_settings, app.device_sources, self, self.feedback, app.clock)
        dialog.page.settings_saved.connect(
            lambda s: self.message_bar.show_info(
                f"Scanner settings saved ({s.device_key}); they apply from the next session opened."
            )
        )
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: ConfirmDialog | SessionFormDialog | ScannerSettingsDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    @Slot(int)
    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
