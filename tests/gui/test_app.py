"""Starting the GUI: `run` opens the store, shows the window on the sign-in page and returns the exit status;
a store it must not touch is refused in plain words; bugs reach the crash handler with their traceback."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from scanapp.bootstrap import App
from scanapp.errors import KnownError
from scanapp.gui.shell import app as gui
from scanapp.gui.shell.crash import CrashHandler


def test_start_shows_the_window_on_sign_in(qtbot, gui_app):
    window = gui.start(gui_app)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is window.sign_in
    assert set(window.sign_in.buttons) == {"alex", "pat", "morgan", "sam", "lee"}
    assert window.windowTitle() == "ScanApp"


def test_a_damaged_store_is_refused_in_plain_words(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "damaged"
    data.mkdir()
    (data / "scanapp.db").write_bytes(b"this is not a database, just bytes")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text)))
    assert gui.run(App(data_dir=data), argparse.Namespace()) == 2
    assert shown[0][0] == "ScanApp cannot start"
    assert "is not an SQLite database" in shown[0][1] and "left it untouched" in shown[0][1]
    assert (data / "scanapp.db").read_bytes() == b"this is not a database, just bytes"


def test_the_starting_window_is_on_screen_before_the_screens_are_loaded(qtbot, tmp_path, monkeypatch):
    from scanapp.gui.shell import launch

    seen = []
    monkeypatch.setattr(gui, "run", lambda app, args, starting: seen.append(starting) or 0)
    assert launch.run(App(data_dir=tmp_path), argparse.Namespace(smoke_test=True)) == 0
    assert seen[0].isVisible() and seen[0].text() == "Starting ScanApp…"
    seen[0].close()


def test_the_starting_window_closes_when_the_main_window_is_up(qtbot, tmp_path, monkeypatch):
    from scanapp.gui.shell import launch

    starting = launch.starting_window()
    starting.show()
    windows = []

    # The real smoke test runs the event loop (exec), which a test must not: the window is closed by hand, and
    # handed to qtbot, which deletes it (with it the app-wide key capture it installed).
    def smoke_test(_qt, window, _crash):
        qtbot.addWidget(window)
        windows.append(window)
        window.close()
        return 0

    monkeypatch.setattr(gui, "smoke_test", smoke_test)
    assert gui.run(App(data_dir=tmp_path), argparse.Namespace(smoke_test=True), starting) == 0
    assert windows and not starting.isVisible()


def test_the_starting_window_closes_when_the_store_cannot_be_opened(qtbot, tmp_path):
    from scanapp.gui.shell import launch

    starting = launch.starting_window()
    starting.show()
    (tmp_path / "scanapp.db").write_bytes(b"not a database")
    assert gui.run(App(data_dir=tmp_path), argparse.Namespace(smoke_test=True), starting) == 2
    assert not starting.isVisible()


def raised(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_bug_is_logged_with_its_traceback_and_shown(qtbot, caplog):
    handler = CrashHandler()
    with caplog.at_level(logging.CRITICAL, logger="scanapp.gui.shell.crash"):
        handler(*raised(ZeroDivisionError("division by zero in a slot")))
    assert "Traceback" in caplog.text and "ZeroDivisionError: division by zero in a slot" in caplog.text
    dialog = handler.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "ScanApp hit a bug"
    assert "Every scan shown as accepted is saved" in dialog.intro.text()
    assert "ZeroDivisionError" in dialog.text.toPlainText()
    dialog.copy_details()
    assert "ZeroDivisionError" in QGuiApplication.clipboard().text()
    dialog.accept()
    assert handler.dialogs == []


def test_a_world_error_that_escapes_is_said_plainly_without_a_traceback(qtbot, caplog):
    handler = CrashHandler()
    with caplog.at_level(logging.ERROR, logger="scanapp.gui.shell.crash"):
        handler(*raised(KnownError("The scanner on /dev/ttyUSB0 was unplugged.")))
    dialog = handler.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "ScanApp problem"
    assert dialog.intro.text() == "The scanner on /dev/ttyUSB0 was unplugged."
    assert dialog.text.isHidden() and dialog.copy_button.isHidden()
    assert "Traceback" not in caplog.text


def test_install_and_uninstall(qtbot):
    before = sys.excepthook
    handler = CrashHandler()
    handler.install()
    try:
        assert sys.excepthook is handler
    finally:
        handler.uninstall()
    assert sys.excepthook is before
