"""The window's scanning banner, above every page: a scan refused where no page takes scans (sign-in, the
counts list), and, while another program has the focus, that a keyboard-wedge scanner now types there. A
sound says when ScanApp has the focus back.

    capture = ScanCapture(load_settings, clock, window)   # the capture, the router and this banner, installed
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QVBoxLayout, QWidget

from scanapp.domain.clock import Clock
from scanapp.domain.refusals import RefusalReason
from scanapp.gui.capture.app_filter import KeyCapture
from scanapp.gui.capture.router import Refusal, ScanRouter
from scanapp.gui.widgets.message_bar import MessageBar
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings

ELSEWHERE = "elsewhere"
REFUSED = "refused"


class CaptureBanner(MessageBar):
    def __init__(self, router: ScanRouter, keys: KeyCapture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.router = router
        self.keys = keys
        self.showing = ""
        """What the banner says now: ELSEWHERE, REFUSED or "" (hidden)."""
        router.refused.connect(self._on_refused)
        router.taken.connect(self._on_taken)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.applicationStateChanged.connect(self._on_application_state)
        app.focusWindowChanged.connect(self._on_focus_window)

    @Slot()
    def clear(self) -> None:
        self.showing = ""
        super().clear()

    @Slot(object, str, bool)
    def _on_refused(self, _read: ScanRead, message: str, on_page: bool) -> None:
        if not on_page:  # a session page on screen says it itself
            self.showing = REFUSED
            self.show_error(message)

    @Slot(object)
    def _on_taken(self, _read: ScanRead) -> None:
        if self.showing == REFUSED:
            self.clear()

    @Slot(bool)
    def lock_changed(self, locked: bool) -> None:
        """A refusal said while locked would stay up over the unlocked page, saying the app is locked."""
        if not locked and self.showing == REFUSED:
            self.clear()

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        self.follow_focus(state == Qt.ApplicationState.ApplicationActive)

    @Slot(QWindow)
    def _on_focus_window(self, window: QWindow | None) -> None:
        # Between two of ScanApp's windows there is no focus window for a moment: only the state says "left".
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        self.follow_focus(window is not None or active)

    def follow_focus(self, active: bool) -> None:
        """Another program took the focus (active False), or ScanApp has it back."""
        if not active and self.keys.settings.kind == "wedge" and self.showing != ELSEWHERE:
            self.showing = ELSEWHERE
            self.show_warning(
                self.tr(
                    "ScanApp is not the active window: the scanner now types into the other program. "
                    "Tap ScanApp to scan here again."
                )
            )
        elif active and self.showing == ELSEWHERE:
            self.clear()
            self.router.feedback.play("accepted")  # heard without looking: scans come here again


class ScanCapture(QObject):
    """The application-wide capture, its router and the banner, for one window; installed while it lives."""

    def __init__(self, settings: Callable[[], ScannerSettings], clock: Clock, parent: QObject | None = None) -> None:
        """`settings` loads the active scanner's settings: read at the start and whenever a page registers
        or leaves, so thresholds changed in the settings window apply to the next session."""
        super().__init__(parent)
        self._load = settings
        self.keys = KeyCapture(settings(), clock, self)
        self.router = ScanRouter(self)
        self.router.window = parent if isinstance(parent, QWidget) else None
        self.banner = CaptureBanner(self.router, self.keys)
        self.keys.scan_read.connect(self.router.route)
        self.router.target_changed.connect(self.reload_settings)
        self.keys.install()

    @Slot()
    def reload_settings(self) -> None:
        self.keys.set_settings(self._load())

    def framed(self, content: QWidget) -> QWidget:
        """The window's content with the banner above it."""
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(content, 1)
        return frame

    def refuse_while(self, locked: Callable[[], bool], changed: SignalInstance) -> None:
        """While `locked()` (the idle lock), every scan is refused: it would land in the PIN field. `changed`
        (the lock's locked_changed) ending the lock takes the refusal off the banner: it was about the lock."""

        def gate() -> Refusal | None:
            return Refusal(RefusalReason.APP_LOCKED) if locked() else None

        self.router.gate = gate
        changed.connect(self.banner.lock_changed)
