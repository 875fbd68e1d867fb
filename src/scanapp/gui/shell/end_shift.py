"""End shift, sign out and closing the app sync first (SPEC S6): a round now, its progress (the changes still
to send going down), then plainly whether anything is left unsynced, how much and why. Nothing left: sign-out
and closing go on by themselves; something left: the person chooses (it stays on the device and goes up at the
next sync). End shift always shows the result, so whoever ends the shift has read it."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from scanapp.gui.shell.sync_bridge import SyncBridge
from scanapp.gui.widgets.dialog_parts import button_row
from scanapp.services.sync_service import RoundResult
from scanapp.services.sync_state import SyncState

# While a round runs, the count of changes still to send is read this often (a read, no lock).
PROGRESS_MS = 300


class Purpose(StrEnum):
    END_SHIFT = "end shift"
    SIGN_OUT = "sign out"
    CLOSE = "close"


class EndShiftDialog(QDialog):
    """Accepted: go on (sign out, close). Rejected: stay (the sync goes on in the background)."""

    def __init__(self, bridge: SyncBridge, purpose: Purpose, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.purpose = purpose
        self.result_state: SyncState | None = None
        self.result_round: RoundResult | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self._title())
        heading = QLabel(self._title())
        heading.setProperty("role", "title")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 0)  # busy until the first count of what is left
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.start)
        self.retry_button.hide()
        buttons, self.cancel_button, self.go_button = button_row(self, "", leading=self.retry_button)
        self.cancel_button.setText(self.tr("Stay signed in") if purpose is not Purpose.CLOSE else self.tr("Cancel"))
        self.go_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(min(560, parent.window().width() - 40) if parent is not None else 480)
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_MS)
        self._poll.timeout.connect(bridge.refresh_state)
        self._first_unsent = 0
        self._round_began = False
        bridge.round_started.connect(self._round_started)
        bridge.round_finished.connect(self._round_finished)
        bridge.state_changed.connect(self._progress)

    def _title(self) -> str:
        return {
            Purpose.END_SHIFT: self.tr("End shift"),
            Purpose.SIGN_OUT: self.tr("Sign out"),
            Purpose.CLOSE: self.tr("Close ScanApp"),
        }[self.purpose]

    def _go_text(self, waiting: bool, left: bool) -> str:
        if self.purpose is Purpose.CLOSE:
            return self.tr("Close without waiting") if waiting else self.tr("Close anyway") if left else ""
        if waiting:
            return self.tr("Sign out without waiting")
        return self.tr("Sign out anyway") if left else self.tr("Sign out")

    @Slot()
    def start(self) -> None:
        """A round now; the dialog follows it."""
        state = self.bridge.state
        self._first_unsent = state.unsent
        self._round_began = False
        self.result_state = self.result_round = None
        self.retry_button.hide()
        self.progress.show()
        self.progress.setRange(0, 0)
        self.go_button.setText(self._go_text(waiting=True, left=True))
        self.go_button.setProperty("variant", "danger")
        self.message.setText(self._sending(state.unsent))
        self.adjustSize()
        self._poll.start()
        self.bridge.sync_now()

    def _sending(self, unsent: int) -> str:
        if unsent:
            return self.tr("Syncing with the server: %n changes still to send…", "", unsent)
        return self.tr("Syncing with the server…")

    @Slot()
    def _round_started(self) -> None:
        self._round_began = True

    @Slot(object)
    def _progress(self, state: SyncState) -> None:
        if self.result_state is not None:
            return
        if self._first_unsent and state.unsent <= self._first_unsent:
            self.progress.setRange(0, self._first_unsent)
            self.progress.setValue(self._first_unsent - state.unsent)
        self.message.setText(self._sending(state.unsent))

    @Slot(object)
    def _round_finished(self, result: RoundResult) -> None:
        """A round that began before this dialog asked may not have taken the last changes: wait for ours."""
        if not self._round_began or self.result_state is not None:
            return
        self._poll.stop()
        self.bridge.refresh_state()
        state = self.bridge.state
        self.result_state, self.result_round = state, result
        self.progress.hide()
        left = state.unsent > 0
        self.message.setText(self.outcome(state, result))
        self.retry_button.setVisible(left or not result.ok)
        self.go_button.setText(self._go_text(waiting=False, left=left))
        self.go_button.setProperty("variant", "danger" if left else "primary")
        self.go_button.style().unpolish(self.go_button)
        self.go_button.style().polish(self.go_button)
        self.adjustSize()  # the answer is longer than "Syncing…": the dialog grows to show all of it
        if not left and self.purpose is not Purpose.END_SHIFT:
            self.accept()  # nothing left: sign-out and closing need no answer

    def outcome(self, state: SyncState, result: RoundResult) -> str:
        """In plain words: everything synced, or how many changes are left and why."""
        review = self.tr(" %n scans wait for a supervisor's review.", "", state.in_review) if state.in_review else ""
        if state.unsent == 0:
            return self.tr("Everything is synced.") + review
        why = result.error or self.tr("the server did not take them yet")
        left = self.tr(
            "%n changes are not synced. They stay on this device and go up at the next sync.", "", state.unsent
        )
        return self.tr("{left} Why: {why}").format(left=left, why=why) + review

    def done(self, result: int) -> None:
        self._poll.stop()
        for signal, slot in (
            (self.bridge.round_started, self._round_started),
            (self.bridge.round_finished, self._round_finished),
            (self.bridge.state_changed, self._progress),
        ):
            signal.disconnect(slot)
        super().done(result)
