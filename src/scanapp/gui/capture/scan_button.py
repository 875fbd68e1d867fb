"""The scan action button (C5). Since scans are captured application-wide (H6), "the scanner has the focus"
means the window takes scans: the session page is the router's target (its scan row shown and enabled), its
window is the active one and no dialog waits for an answer. Which widget inside has the focus no longer
matters: a scan is taken from the Counted table as well as from the scanner input.

- *Start counting* (green) before the session starts: starts it and focuses the scanner input;
- *Resume counting* (red) while scans do not come here (another program's window, a dialog open): brings
  the window to the front with the focus on the scanner input;
- *Scanner ready* (disabled) while scans come here.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from scanapp.gui.capture.router import open_dialog
from scanapp.gui.shell.style import set_property


class ScanMode(StrEnum):
    START = "start"
    RESUME = "resume"
    READY = "ready"


SHORTCUT = "F2"

LABELS = {
    ScanMode.START: QT_TRANSLATE_NOOP("ScanButton", "Start counting"),
    ScanMode.RESUME: QT_TRANSLATE_NOOP("ScanButton", "Resume counting"),
    ScanMode.READY: QT_TRANSLATE_NOOP("ScanButton", "Scanner ready"),
}


class ScanButton(QPushButton):
    start_requested = Signal()
    resume_requested = Signal()
    mode_changed = Signal(str)
    """The button now shows this ScanMode."""

    def __init__(self, scanner_input: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanButton")
        self.scanner_input = scanner_input
        self._started = False
        self._allowed = False
        self._why_not = ""
        self._mode: ScanMode | None = None
        # Pressing the button must not itself take the focus away from the scanner input.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumWidth(190)
        self.clicked.connect(self._on_clicked)
        # Keyboard: F2 does what the button shows (start, or back to the scanner input).
        QShortcut(QKeySequence(SHORTCUT), self, self._on_shortcut)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        app.applicationStateChanged.connect(self._on_application_state)
        self._window: QWidget | None = None
        self._update()

    @property
    def mode(self) -> ScanMode:
        assert self._mode is not None
        return self._mode

    def set_session_state(self, started: bool, allowed: bool, why_not: str = "") -> None:
        """`started`: the session is In progress. `allowed`: this user may start/scan it now (else the
        button is disabled and `why_not` says why)."""
        self._started, self._allowed, self._why_not = started, allowed, why_not
        self._update()

    def scans_come_here(self) -> bool:
        """The scan row is shown and enabled (the page takes scans), its window is active, no dialog is open."""
        w = self.scanner_input
        active = w.window().isActiveWindow() and open_dialog(w.window()) is None
        return self._allowed and w.isEnabled() and w.isVisible() and active

    def showEvent(self, event: QShowEvent) -> None:
        window = self.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            self._window = window
            window.installEventFilter(self)
        super().showEvent(event)
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.ActivationChange, QEvent.Type.WindowStateChange):
            self._update()
        return False

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._update()

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, _state: Qt.ApplicationState) -> None:
        self._update()

    def _update(self) -> None:
        if not self._started:
            mode = ScanMode.START
        elif self.scans_come_here():
            mode = ScanMode.READY
        else:
            mode = ScanMode.RESUME
        self.setText(self.tr(str(LABELS[mode])))  # QT_TRANSLATE_NOOP is typed as returning object
        self.setEnabled(self._allowed and mode is not ScanMode.READY)
        if not self._allowed and self._why_not:
            self.setToolTip(self._why_not)
        elif mode is ScanMode.READY:
            self.setToolTip(self.tr("Scans come here, whatever is selected on the screen: scan away."))
        elif mode is ScanMode.RESUME:
            self.setToolTip(
                self.tr("Scans do not come here now (another window or a dialog has the focus): press to scan again.")
            )
        else:
            self.setToolTip(self.tr("Start the session and focus the scanner input ({key}).").format(key=SHORTCUT))
        if mode is not self._mode:
            self._mode = mode
            set_property(self, "mode", mode.value)
            self.mode_changed.emit(mode.value)

    @Slot()
    def _on_shortcut(self) -> None:
        if self.isVisible() and self.isEnabled():
            self.click()

    @Slot()
    def _on_clicked(self) -> None:
        if self._mode is ScanMode.START:
            self.start_requested.emit()
        elif self._mode is ScanMode.RESUME:
            self.resume_requested.emit()
