"""Serial and evdev scanners in a session: read while the session is open (whatever has the focus), their
state shown in plain words, stopped when the session is left; the settings window is reachable from the
counts list."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.scanner_setup.settings_dialog import ScannerSettingsDialog
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from tests.gui.conftest import open_session, scan_shown, sign_in
from tests.helpers import COLA


class FakeSerial(QObject):
    """Stands in for the serial source (the real one is tested with socat pty pairs by its own tests)."""

    scan_read = Signal(object)
    state_changed = Signal(str, str)
    made: ClassVar[list[FakeSerial]] = []

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.source = f"serial:{settings.device}"
        self.running = False
        FakeSerial.made.append(self)

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False


# The App makes its device sources with this (conftest's gui_app passes it in): the fake, for these tests.
with_fake_serial = pytest.mark.parametrize("device_sources", [FakeSerial])


@pytest.fixture
def serial_scanner(gui_app):
    FakeSerial.made = []
    gui_app.scanner_settings.save(ScannerSettings(kind="serial", device="/dev/ttyFAKE0", baud=9600))


@with_fake_serial
def test_a_serial_scanner_is_read_while_the_session_is_open(qtbot, window, retail, serial_scanner):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    source = FakeSerial.made[-1]
    assert source.running and source.settings.device == "/dev/ttyFAKE0"
    source.state_changed.emit("connected", "/dev/ttyFAKE0 open")
    assert page.action_row.scanner_input.placeholderText() == "serial:/dev/ttyFAKE0: connected"
    page.hand_button.setFocus()  # a device scanner does not need the scanner input's focus
    with scan_shown(qtbot, page) as recorded:
        source.scan_read.emit(ScanRead(text=COLA, source="serial:/dev/ttyFAKE0", at=datetime.now(UTC)))
    assert recorded.args[0].status == "accepted"
    line = page.lists.scan_model.data(page.lists.scan_model.index(0, 0), ROW_ROLE)
    assert line.line.source == "serial:/dev/ttyFAKE0"
    page.leave()
    assert not source.running


@with_fake_serial
def test_unplugging_says_so_and_replugging_clears_it(qtbot, window, retail, serial_scanner):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    page = window.session
    source = FakeSerial.made[-1]
    source.state_changed.emit("disconnected", "/dev/ttyFAKE0 not available (unplugged); trying again")
    assert page.message_bar.text == (
        "Scanner serial:/dev/ttyFAKE0 disconnected: /dev/ttyFAKE0 not available (unplugged); trying again"
    )
    assert page.message_bar.kind == "warning"
    source.state_changed.emit("connected", "/dev/ttyFAKE0 open")
    assert page.message_bar.text == ""


def test_a_device_that_cannot_be_read_is_explained(qtbot, window, retail, gui_app):
    gui_app.scanner_settings.save(ScannerSettings(kind="serial", device=""))
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    assert window.session.message_bar.text == "Scanner: Choose the scanner's device first."
    assert window.session.scanning.device is None


def test_the_keyboard_wedge_needs_no_device(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    open_session(qtbot, window, retail.directed_session)
    assert window.session.scanning.device is None
    assert window.session.action_row.scanner_input.placeholderText() == "Scan here"


def test_scanner_settings_open_from_the_counts_list(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    qtbot.mouseClick(window.counts.scanner_button, Qt.MouseButton.LeftButton)
    dialog = window.counts.dialog
    assert isinstance(dialog, ScannerSettingsDialog)
    assert dialog.windowTitle() == "Scanner settings and test pad"
    dialog.reject()
