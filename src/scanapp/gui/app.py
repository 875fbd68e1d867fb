"""Starts the GUI: the QApplication, the style, the crash handler, the window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from scanapp.bootstrap import App
from scanapp.errors import KnownError
from scanapp.gui import style
from scanapp.gui.crash import CrashHandler
from scanapp.gui.engine import Engine
from scanapp.gui.main_window import MainWindow

log = logging.getLogger(__name__)

# Below this the window fills the screen (handhelds); above it, it opens at this size.
DEFAULT_SIZE = (1024, 640)


def run(app: App, args: argparse.Namespace) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("ScanApp")
    qt_app.setApplicationDisplayName("ScanApp")
    style.apply(qt_app)
    window: MainWindow | None = None
    crash = CrashHandler(lambda: window)
    crash.install()
    try:
        window = start(app)
        if window is None:
            return 2
        return int(qt_app.exec())
    finally:
        crash.uninstall()
        app.close()


def start(app: App) -> MainWindow | None:
    """Open the store (creating the demo data if asked) and show the window on the sign-in page. A store
    that cannot be opened (locked, damaged, from a newer ScanApp) is explained and None returned."""
    try:
        _ = app.store
    except KnownError as err:
        log.error("cannot open the store: %s", err)
        QMessageBox.critical(None, "ScanApp cannot start", str(err))
        return None
    window = MainWindow(Engine(app))
    show(window)
    return window


def show(window: MainWindow) -> None:
    screen = window.screen().availableGeometry()
    width, height = DEFAULT_SIZE
    if screen.width() <= width or screen.height() <= height:
        window.setGeometry(screen)  # fills the screen even where no window manager maximizes (kiosk shells)
        window.showMaximized()
    else:
        window.resize(width, height)
        window.show()
