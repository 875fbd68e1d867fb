"""Runs the GUI: the crash handler, the store, the main window (gui.shell.launch made the QApplication)."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QWidget

from scanapp.errors import KnownError
from scanapp.gui.shell.crash import CrashHandler
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.main_window import MainWindow
from scanapp.gui.shell.parts import Parts
from scanapp.gui.widgets.error_text import error_text

log = logging.getLogger(__name__)

# Below this the window fills the screen (handhelds); above it, it opens at this size.
DEFAULT_SIZE = (1024, 640)


def run(app: Parts, args: argparse.Namespace, starting: QWidget | None = None) -> int:
    """The app on the QApplication `gui.shell.launch` made; `starting`, its first window, closes once the
    main window is up (or the store could not be opened)."""
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    window: MainWindow | None = None
    crash = CrashHandler(lambda: window)
    crash.install()
    smoke = bool(getattr(args, "smoke_test", False))
    try:
        window = start(app, interactive=not smoke)
        if starting is not None:
            starting.close()
        if window is None:
            return 2
        if smoke:
            return smoke_test(qt_app, window, crash)
        return int(qt_app.exec())
    finally:
        crash.uninstall()
        if window is not None:
            window.sync.stop()  # closing stopped it already; a window that never closed must not leave threads
        app.close()


def start(app: Parts, interactive: bool = True) -> MainWindow | None:
    """Open the store (creating the demo data if asked) and show the window on the sign-in page. A store
    that cannot be opened (locked, damaged, from a newer ScanApp) is logged, shown in a dialog when
    `interactive`, and None returned."""
    try:
        app.open()
    except KnownError as err:
        log.error("cannot open the store: %s", err)  # on stderr too: all that a smoke test shows
        if interactive:
            title = QCoreApplication.translate("App", "ScanApp cannot start")
            QMessageBox.critical(None, title, error_text(err))
        return None
    window = MainWindow(Engine(app))
    show(window)
    return window


def smoke_test(qt_app: QApplication, window: MainWindow, crash: CrashHandler) -> int:
    """`--smoke-test`: run the real event loop until the shown window closes (at once), then exit 0, or 1
    when a bug reached the crash handler on the way (packaged builds run this to prove they start)."""
    window.ask_before_close = False  # nothing was done: no sync to wait for, no question to answer
    QTimer.singleShot(0, window.close)
    status = int(qt_app.exec())
    if crash.seen:
        print("scanapp: smoke test: an error reached the crash handler (see the log)", file=sys.stderr)
        return 1
    return status


def show(window: MainWindow) -> None:
    """Fill a small screen; on a larger one, open at DEFAULT_SIZE in its middle. The geometry is set by hand
    because with no window manager (a kiosk's X session) nobody maximizes or places the window."""
    screen = window.screen().availableGeometry()
    width, height = DEFAULT_SIZE
    if screen.width() <= width or screen.height() <= height:
        window.setGeometry(screen)
        window.showMaximized()
    else:
        window.setGeometry(
            QStyle.alignedRect(
                Qt.LayoutDirection.LeftToRight, Qt.AlignmentFlag.AlignCenter, QSize(width, height), screen
            )
        )
        window.show()
    window.activateWindow()  # no window manager gives it the keyboard either: the PIN field takes keys at once
