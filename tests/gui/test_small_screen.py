"""At 800x480 (a handheld): the scanner settings window fits with Save and Close on screen and nothing cut
off, its spin boxes draw their arrows, dropdown rows are tall enough for a finger, and the main window
fills a small screen or opens in the middle of a large one (no window manager places it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QSpinBox

from scanapp.gui.scanner_setup.settings_dialog import ScannerSettingsDialog
from scanapp.gui.shell import app as gui
from tests.gui.conftest import OFFSCREEN_NOTES, sign_in

ARROW = QColor("#3c4043")  # the colour of resources/icons/spin-*.png


def open_settings(qtbot, window) -> ScannerSettingsDialog:
    qtbot.mouseClick(window.counts.scanner_button, Qt.MouseButton.LeftButton)
    dialog = window.counts.dialog
    assert isinstance(dialog, ScannerSettingsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def on_screen(widget, area: QRect) -> bool:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return widget.isVisible() and area.contains(QRect(top_left, widget.size()))


def test_the_scanner_settings_fit_800x480_with_save_and_close_on_screen(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    assert window.size().toTuple() == (800, 480)
    dialog = open_settings(qtbot, window)
    window_area = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    assert dialog.width() <= 800 and dialog.height() <= 480
    assert dialog.minimumSizeHint().width() <= 800 and dialog.minimumSizeHint().height() <= 480
    assert on_screen(dialog.save_button, window_area) and on_screen(dialog.close_button, window_area)
    form = dialog.page.form_scroll
    assert form.widget().width() <= form.viewport().width()  # no field cut off at the right
    for field in (dialog.page.kind, dialog.page.refresh, dialog.page.key_gap):
        right = field.mapTo(form.viewport(), QPoint(field.width(), 0)).x()
        assert right <= form.viewport().width(), field
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert window.counts.dialog is None


def arrow_pixels(spin: QSpinBox, left: int, right: int) -> int:
    image = spin.grab().toImage()
    return sum(
        1 for x in range(left, right) for y in range(image.height()) if QColor(image.pixel(x, y)).rgb() == ARROW.rgb()
    )


def test_spin_boxes_draw_their_arrows(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    dialog = open_settings(qtbot, window)
    spin = dialog.page.key_gap
    spin.setValue(40)  # neither end: both arrows live
    width = spin.width()
    assert arrow_pixels(spin, width - 36, width) > 20  # up (+) at the right end
    assert arrow_pixels(spin, 0, 36) > 20  # down (−) at the left end
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(width - 18, spin.height() // 2))
    assert spin.value() == 41
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(18, spin.height() // 2))
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(18, spin.height() // 2))
    assert spin.value() == 39


@pytest.mark.qt_log_ignore(*OFFSCREEN_NOTES, "This plugin does not support grabbing the keyboard")  # the popups
def test_dropdown_rows_are_at_least_32_px_for_touch(qtbot, window, retail):
    sign_in(qtbot, window, "alex")
    dialog = open_settings(qtbot, window)
    boxes = dialog.findChildren(QComboBox)
    assert len(boxes) >= 6
    for box in (dialog.page.kind, dialog.page.aim, dialog.page.encoding):
        box.showPopup()
        view = box.view()
        qtbot.waitUntil(view.isVisible)
        heights = [view.visualRect(view.model().index(row, 0)).height() for row in range(box.count())]
        box.hidePopup()
        assert min(heights) >= 32, (box, heights)


def test_the_window_fills_a_small_screen(qtbot, engine, monkeypatch):
    from scanapp.gui.shell.main_window import MainWindow

    w = MainWindow(engine)
    qtbot.addWidget(w)
    screen = w.screen().availableGeometry()
    monkeypatch.setattr(gui, "DEFAULT_SIZE", (screen.width(), screen.height()))
    gui.show(w)
    qtbot.waitExposed(w)
    assert w.geometry() == screen or w.isMaximized()


def test_the_window_opens_in_the_middle_of_a_large_screen(qtbot, engine, monkeypatch):
    from scanapp.gui.shell.main_window import MainWindow

    w = MainWindow(engine)
    qtbot.addWidget(w)
    screen = w.screen().availableGeometry()
    size = (screen.width() - 100, screen.height() - 60)
    monkeypatch.setattr(gui, "DEFAULT_SIZE", size)
    gui.show(w)
    qtbot.waitExposed(w)
    assert w.size().toTuple() == size
    assert w.geometry().center() == screen.center()
