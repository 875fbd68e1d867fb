"""Scanner settings and test pad: the form round-trips and saves per device; the pad shows raw bytes, key
gaps, symbology and GS for wedge scans (hand-made key events) and serial scans (socat)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from scanapp.domain.barcodes import GS
from scanapp.gui.scanner_settings import ScannerSettingsDialog, ScannerSettingsPage
from scanapp.gui.scanner_test_pad import PadRow, ScannerTestPad, TestPadModel
from scanapp.scanners import settings as saved
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.state import CONNECTED
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


def test_form_round_trips_every_setting(qtbot, store):
    page = ScannerSettingsPage(store)
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


def test_saved_per_device_and_the_active_one_comes_back(qtbot, store):
    page = ScannerSettingsPage(store)
    qtbot.addWidget(page)
    page.show_settings(ScannerSettings(kind="serial", device="/dev/ttyACM0", baud=19200, terminator="LF"))
    with qtbot.waitSignal(page.settings_saved) as done:
        page.save()
    assert done.args[0].device_key == "serial:/dev/ttyACM0"
    page.show_settings(ScannerSettings(kind="wedge", key_gap_ms=70))
    page.save()
    assert saved.load(store).key_gap_ms == 70  # the wedge is now the active scanner
    assert saved.load(store, "serial:/dev/ttyACM0").baud == 19200
    # Choosing that serial port again shows what was saved for it.
    page.show_settings(ScannerSettings(kind="serial"))
    page.device.setEditText("/dev/ttyACM0")
    assert (page.current_settings().baud, page.current_settings().terminator) == (19200, "LF")
    # A new page opens on the active scanner.
    again = ScannerSettingsPage(store)
    qtbot.addWidget(again)
    assert again.current_settings().kind == "wedge" and again.current_settings().key_gap_ms == 70


def test_settings_from_the_store_survive_junk(store):
    with store.write() as conn:
        from scanapp.store import schema as t

        conn.execute(t.settings.insert().values(key="scanner.wedge", value='{"key_gap_ms": "fast", "aim": "x"}'))
        conn.execute(t.settings.insert().values(key="scanner.active", value='"wedge"'))
    assert saved.load(store) == ScannerSettings()


def test_wedge_scan_on_the_pad_shows_hex_gaps_symbology_and_gs(qtbot):
    pad = ScannerTestPad(ScannerSettings())
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
    pad = ScannerTestPad(ScannerSettings())
    qtbot.addWidget(pad)
    type_into(pad.scanner_input, "4006381333932\r")
    assert pad.model.rows[0].result.startswith("rejected: bad check digit")
    pad.set_settings(ScannerSettings(strip_prefix="X"))
    type_into(pad.scanner_input, "X96385074\r")
    assert pad.model.rows[0].ok and pad.model.rows[0].result.startswith("GTIN-14 00000096385074")


def test_model_is_a_well_behaved_table(qtmodeltester):
    model = TestPadModel()
    from datetime import UTC, datetime

    from scanapp.scanners.pipeline import ScanPipeline
    from scanapp.scanners.read import ScanRead

    for text in ("4006381333931", "bad\x01", ""):
        model.add(PadRow.of(ScanPipeline().process(ScanRead(text, "wedge", datetime(2026, 1, 1, tzinfo=UTC)))))
    qtmodeltester.check(model)


@pytest.mark.skipif(SOCAT is None, reason="socat is not installed")
def test_serial_scanner_on_the_pad(qtbot, tmp_path):
    cable = SocatPair(tmp_path)
    cable.plug()
    pad = ScannerTestPad(ScannerSettings(kind="serial", device=cable.host, terminator="CR"))
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
    pad = ScannerTestPad(ScannerSettings(kind="serial"))
    qtbot.addWidget(pad)
    pad.start()
    assert pad.source is None and "Choose the scanner's device" in pad.state_label.text()


def test_dialog_opens_on_the_saved_scanner(qtbot, store):
    saved.save(store, ScannerSettings(kind="serial", device="/dev/ttyS3", baud=38400))
    dialog = ScannerSettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.page.current_settings().device == "/dev/ttyS3"
    assert dialog.page.current_settings().baud == 38400
