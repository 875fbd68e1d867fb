"""Scanner settings and test pad: the form round-trips and saves per device; the pad shows raw bytes, key
gaps, symbology and GS for wedge scans (hand-made key events) and serial scans (socat)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from scanapp.domain.barcodes import GS
from scanapp.gui.scanner_setup.settings_dialog import ScannerSettingsDialog, ScannerSettingsPage
from scanapp.gui.scanner_setup.test_pad import PadRow, ScannerTestPad, TestPadModel
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import device_source
from scanapp.scanners.state import CONNECTED, STOPPED
from scanapp.services.scanner_settings import ScannerSettingsService
from scanapp.store import schema as t
from scanapp.store.settings import StoredSettings
from scanapp.store.uow import SqlUnitOfWork
from tests.integration.socat_pair import SOCAT, SocatPair

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def type_into(widget, text: str, gap_ms: int = 2, start_ms: int = 10_000) -> None:
    now = start_ms
    for ch in text:
        now += gap_ms
        if ch == GS:
            key, mods = Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier
        elif ch == "\r":
            key, mods = Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier
        else:
            key, mods = Qt.Key(ord(ch.upper())) if ch.isalnum() else Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier
        event = QKeyEvent(QEvent.Type.KeyPress, key, mods, ch)
        event.setTimestamp(now)
        QApplication.sendEvent(widget, event)


def real_sources(settings, parent=None):
    return device_source(settings, None, parent)


class FakeSource(QObject):
    """A device source that reads what the test hands it."""

    scan_read = Signal(object)
    state_changed = Signal(str, str)

    def __init__(self, settings: ScannerSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.running = False

    def start(self) -> None:
        self.running = True
        self.state_changed.emit(CONNECTED, f"Reading {self.settings.device}.")

    def stop(self) -> None:
        self.running = False
        self.state_changed.emit(STOPPED, "Stopped.")

    def scan(self, text: str) -> None:
        self.scan_read.emit(ScanRead(text, f"serial:{self.settings.device}", datetime(2026, 1, 1, tzinfo=UTC)))


@pytest.fixture
def service(store) -> ScannerSettingsService:
    return ScannerSettingsService(StoredSettings(store), lambda: SqlUnitOfWork(store))


def test_form_round_trips_every_setting(qtbot, service):
    page = ScannerSettingsPage(service, real_sources)
    qtbot.addWidget(page)
    wanted = ScannerSettings(
        kind="serial",
        device="/dev/ttyUSB7",
        key_gap_ms=25,
        min_length=6,
        end_on_tab=False,
        baud=115200,
        terminator="CRLF",
        encoding="latin-1",
        strip_prefix="#",
        strip_suffix="!",
        gs_substitute="~",
        aim="require",
        max_length=100,
        control_chars="strip",
        double_read_ms=300,
    )
    page.show_settings(wanted)
    assert page.current_settings() == wanted
    assert page.pad.settings == wanted


def test_saved_per_device_and_the_active_one_comes_back(qtbot, service):
    page = ScannerSettingsPage(service, real_sources)
    qtbot.addWidget(page)
    page.show_settings(ScannerSettings(kind="serial", device="/dev/ttyACM0", baud=19200, terminator="LF"))
    with qtbot.waitSignal(page.settings_saved) as done:
        page.save()
    assert done.args[0].device_key == "serial:/dev/ttyACM0"
    page.show_settings(ScannerSettings(kind="wedge", key_gap_ms=70))
    page.save()
    assert service.load().key_gap_ms == 70  # the wedge is now the active scanner
    assert service.load("serial:/dev/ttyACM0").baud == 19200
    # Choosing that serial port again shows what was saved for it.
    page.show_settings(ScannerSettings(kind="serial"))
    page.device.setEditText("/dev/ttyACM0")
    assert (page.current_settings().baud, page.current_settings().terminator) == (19200, "LF")
    # A new page opens on the active scanner.
    again = ScannerSettingsPage(service, real_sources)
    qtbot.addWidget(again)
    assert again.current_settings().kind == "wedge" and again.current_settings().key_gap_ms == 70


def test_settings_from_the_store_survive_junk(qtbot, store, service):
    with store.write() as conn:
        conn.execute(t.settings.insert().values(key="scanner.wedge", value='{"key_gap_ms": "fast", "aim": "x"}'))
        conn.execute(t.settings.insert().values(key="scanner.active", value='"wedge"'))
    page = ScannerSettingsPage(service, real_sources)
    qtbot.addWidget(page)
    assert page.current_settings() == ScannerSettings()


def test_wedge_scan_on_the_pad_shows_hex_gaps_symbology_and_gs(qtbot):
    pad = ScannerTestPad(ScannerSettings(), real_sources)
    qtbot.addWidget(pad)
    with qtbot.waitSignal(pad.result_shown) as shown:
        type_into(pad.scanner_input, f"]C10100012345678905{GS}10ABC123\r", gap_ms=3)
    assert shown.args[0].ok
    row = pad.model.rows[0]
    assert row.symbology == "]C1 GS1 128" and row.gs_count == 1 and not row.manual
    assert " 1d " in row.hex and row.raw == "]C10100012345678905<GS>10ABC123"
    assert row.gaps == "3 / 3 / 3"
    assert "GTIN-14 00012345678905" in row.result and "(10) ABC123" in row.result
    assert "1d  <GS> +3ms" in pad.live.toPlainText()


def test_pad_shows_rejections_and_follows_new_settings_at_once(qtbot):
    pad = ScannerTestPad(ScannerSettings(), real_sources)
    qtbot.addWidget(pad)
    type_into(pad.scanner_input, "4006381333932\r")
    assert pad.model.rows[0].result.startswith("rejected: bad check digit")
    pad.set_settings(ScannerSettings(strip_prefix="X"))
    type_into(pad.scanner_input, "X96385074\r")
    assert pad.model.rows[0].ok and pad.model.rows[0].result.startswith("GTIN-14 00000096385074")


def test_model_is_a_well_behaved_table(qtmodeltester):
    model = TestPadModel()
    for text in ("4006381333931", "bad\x01", ""):
        model.add(PadRow.of(ScanPipeline().process(ScanRead(text, "wedge", datetime(2026, 1, 1, tzinfo=UTC)))))
    qtmodeltester.check(model)


@pytest.mark.skipif(SOCAT is None, reason="socat is not installed")
def test_serial_scanner_on_the_pad(qtbot, tmp_path):
    cable = SocatPair(tmp_path)
    cable.plug()
    pad = ScannerTestPad(ScannerSettings(kind="serial", device=cable.host, terminator="CR"), real_sources)
    qtbot.addWidget(pad)
    try:
        pad.start()
        assert pad.source.state == CONNECTED
        with qtbot.waitSignal(pad.result_shown, timeout=10_000) as shown:
            threading.Thread(target=cable.write, args=(b"96385074\r",), daemon=True).start()
        assert shown.args[0].barcode.gtin14 == "00000096385074"
        assert "39 36 33 38" in pad.live.toPlainText()
        assert pad.model.rows[0].source == f"serial:{cable.host}"
    finally:
        pad.stop()
        cable.unplug()


def test_a_device_source_without_a_device_says_so(qtbot):
    pad = ScannerTestPad(ScannerSettings(kind="serial"), real_sources)
    qtbot.addWidget(pad)
    pad.start()
    assert pad.source is None and "Choose the scanner's device" in pad.state_label.text()


def test_the_pad_reads_the_source_its_factory_makes_and_lets_it_go(qtbot):
    made: list[FakeSource] = []

    def fake_sources(settings: ScannerSettings, parent: QObject | None) -> FakeSource:
        made.append(FakeSource(settings, parent))
        return made[-1]

    settings = ScannerSettings(kind="serial", device="/dev/ttyFAKE1")
    pad = ScannerTestPad(settings, fake_sources)
    qtbot.addWidget(pad)
    assert not pad.start_button.isHidden() and pad.scanner_input.isHidden()  # a device, not the wedge
    pad.toggle()
    (source,) = made
    assert source.settings == settings and source.running and source.parent() is pad
    assert pad.state_label.text() == "Reading /dev/ttyFAKE1." and pad.start_button.text() == "Stop"
    with qtbot.waitSignal(pad.result_shown) as shown:
        source.scan("96385074")
    assert shown.args[0].barcode.gtin14 == "00000096385074"
    assert pad.model.rows[0].source == "serial:/dev/ttyFAKE1"
    # New settings stop the running source; the next start makes a new one for them.
    pad.set_settings(ScannerSettings(kind="serial", device="/dev/ttyFAKE2"))
    assert not source.running and pad.source is None and pad.start_button.text() == "Start"
    pad.toggle()
    assert [s.settings.device for s in made] == ["/dev/ttyFAKE1", "/dev/ttyFAKE2"]
    pad.toggle()
    assert not made[-1].running


def test_dialog_opens_on_the_saved_scanner(qtbot, service):
    service.save(ScannerSettings(kind="serial", device="/dev/ttyS3", baud=38400))
    dialog = ScannerSettingsDialog(service, real_sources)
    qtbot.addWidget(dialog)
    assert dialog.page.current_settings().device == "/dev/ttyS3"
    assert dialog.page.current_settings().baud == 38400
