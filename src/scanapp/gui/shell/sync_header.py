"""The sync state above every page (SPEC S2): synced, syncing, offline (quiet), error (loud, with the reason),
the last successful sync and the last attempt, and "N changes not synced" whenever there are any. Tapping it
syncs now; the result shows in the same place. End shift and the sync server's address sit beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.formatting import day_and_time
from scanapp.services.sync_state import Phase, SyncState


class SyncHeader(QFrame):
    sync_requested = Signal()
    """Tapped: sync now."""
    end_shift_requested = Signal()
    server_requested = Signal()
    """Set the sync server's address (a supervisor's PIN is asked)."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncHeader")
        self.now = now
        self.state: SyncState | None = None
        self.dot = QLabel()  # a coloured disc (the style sheet's): the state at a glance
        self.dot.setObjectName("syncDot")
        self.dot.setFixedSize(12, 12)
        self.status = ElidedButton()
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(self.tr("Sync state: tap to sync now"))
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status.clicked.connect(self.sync_requested)
        # A tap syncs; it does not take the keyboard from the scanner input (the scan button stays ready).
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.server_button = QPushButton(self.tr("Ser&ver…"))
        self.server_button.setObjectName("syncButton")
        self.server_button.setToolTip(self.tr("The sync server this device sends its counts to (a supervisor's PIN)"))
        self.server_button.clicked.connect(self.server_requested)
        self.end_shift_button = QPushButton(self.tr("End shif&t"))
        self.end_shift_button.setObjectName("syncButton")
        self.end_shift_button.setToolTip(self.tr("Sync everything, say what is left, then sign out"))
        self.end_shift_button.clicked.connect(self.end_shift_requested)
        self.end_shift_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.dot)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.server_button)
        layout.addWidget(self.end_shift_button)

    @property
    def text(self) -> str:
        """The whole line (the button shows as much of it as fits; its tooltip has the details)."""
        return self.status.full_text

    def set_signed_in(self, signed_in: bool) -> None:
        self.end_shift_button.setVisible(signed_in)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self.status.set_full_text(self.describe(state))
        self.status.setToolTip(self.details(state))
        for widget in (self, self.dot, self.status):
            set_property(widget, "syncState", state.phase.value)

    def describe(self, state: SyncState) -> str:
        """One line: the state first, then what is not synced, then when it last worked and was tried."""
        now = self.now()
        parts = [self._headline(state)]
        if state.unsent:
            parts.append(self.tr("%n changes not synced", "", state.unsent))
        if state.in_review:
            parts.append(self.tr("%n in supervisor review", "", state.in_review))
        if state.phase in (Phase.OFFLINE, Phase.ERROR, Phase.SYNCING):
            if state.last_success is not None:
                parts.append(self.tr("last synced {when}").format(when=day_and_time(state.last_success, now)))
            if state.last_attempt is not None and state.phase is not Phase.SYNCING:
                parts.append(self.tr("tried {when}").format(when=day_and_time(state.last_attempt, now)))
        return " · ".join(parts)

    def _headline(self, state: SyncState) -> str:
        phase = state.phase
        if phase is Phase.OFF:
            return self.tr("Sync off: no server set")
        if phase is Phase.NEVER:
            return self.tr("Not synced yet")
        if phase is Phase.SYNCING:
            return self.tr("Syncing…")
        if phase is Phase.SYNCED:
            when = state.last_success
            return self.tr("Synced {when}").format(when=day_and_time(when, self.now()) if when else "")
        if phase is Phase.OFFLINE:
            return self.tr("Offline: the server cannot be reached")
        if state.needs_sign_in:
            return self.tr("Sync error: the server asks for a sign-in. Tap here, then enter your PIN")
        return self.tr("Sync error: {reason}").format(reason=state.error or "")

    def details(self, state: SyncState) -> str:
        now = self.now()
        never = self.tr("never")
        lines = [
            self.tr("Server: {server}").format(server=state.server or self.tr("none")),
            self.tr("Last successful sync: {when}").format(
                when=day_and_time(state.last_success, now) if state.last_success else never
            ),
            self.tr("Last attempt: {when}").format(
                when=day_and_time(state.last_attempt, now) if state.last_attempt else never
            ),
        ]
        if state.error:
            lines.append(state.error)
        lines.append(self.tr("Tap to sync now."))
        return "\n".join(lines)

    def sizeHint(self) -> QSize:
        """One line of touch height, whatever the text."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 40))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())


class ElidedButton(QPushButton):
    """A flat button whose one line of text ends in "…" where it does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleDescription(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(40, self.contentsRect().width() - 16)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))
