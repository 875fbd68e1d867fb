"""The GUI's start: a window on screen at once, then the store and the screens.

Loading SQLAlchemy, the services and every screen takes a second or more on a handheld; until then the
person sees "Starting ScanApp…" instead of nothing, so nobody taps the icon again. Only Qt is imported here.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel

from scanapp.gui.shell import style
from scanapp.gui.shell.translations import install_translators

if TYPE_CHECKING:
    from scanapp.gui.shell.parts import Parts


def run(app: Parts, args: argparse.Namespace) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("ScanApp")
    qt_app.setApplicationDisplayName("ScanApp")
    style.apply(qt_app)
    install_translators(qt_app, getattr(args, "language", None))
    starting = starting_window()
    starting.show()
    qt_app.processEvents()  # painted now, before the imports below hold the event loop
    from scanapp.gui.shell.app import run as run_app

    return run_app(app, args, starting)


def starting_window() -> QLabel:
    label = QLabel(QCoreApplication.translate("Launch", "Starting ScanApp…"))
    label.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("QLabel { background: #f6f7f9; color: #202124; font-size: 20px; padding: 32px 48px; }")
    label.adjustSize()
    screen = label.screen().availableGeometry()
    label.move(screen.center() - label.rect().center())
    return label
