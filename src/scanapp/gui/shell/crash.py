"""The crash handler: a bug (anything that is not a KnownError) is logged with its traceback and shown in a
dialog that says the scans are safe and offers the details for support. The world's errors never get here:
screens catch KnownError and say what happened in plain words."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from scanapp.errors import KnownError
from scanapp.gui.widgets.error_text import error_text

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashDialog(QDialog):
    def __init__(self, details: str, known: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ScanApp problem") if known else self.tr("ScanApp hit a bug"))
        self.details = details
        if known:
            intro = details
        else:
            intro = self.tr(
                "Something went wrong inside ScanApp. Every scan shown as accepted is saved. "
                "The details below are in the log; please pass them on to support."
            )
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setVisible(not known)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setVisible(not known)
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(self.tr("Close"))
        close.setProperty("variant", "primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.resize(640, 360 if not known else 160)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class CrashHandler:
    """Installed as sys.excepthook while the GUI runs."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self.parent = parent
        self.previous: ExceptHook = sys.excepthook
        self.dialogs: list[CrashDialog] = []
        self.seen = 0
        """How many exceptions reached the handler (the smoke test fails on any)."""

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        self.seen += 1
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        known = isinstance(exc, KnownError)
        if known:
            log.error("%s", exc)
        else:
            log.critical("unhandled exception (a bug):\n%s", details)
        try:
            dialog = CrashDialog(error_text(exc) if known else details, known, self.parent())
            self.dialogs.append(dialog)
            dialog.finished.connect(lambda _result, d=dialog: self.dialogs.remove(d))
            dialog.open()
        except Exception:  # the dialog itself must never take the app down
            log.exception("could not show the crash dialog")
