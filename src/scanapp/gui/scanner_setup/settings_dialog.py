"""Scanner settings (H1–H3, B3): choose the source and device, set timing, line and decoding rules, try
them on the test pad, and save them for that device.

    dialog = ScannerSettingsDialog(engine.scanner_settings, engine.device_sources, parent, feedback=feedback)
    dialog.page.settings_saved.connect(on_new_scanner_settings)   # a ScannerSettings
    dialog.open()
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.barcodes import MAX_LENGTH
from scanapp.domain.clock import Clock
from scanapp.errors import KnownError
from scanapp.gui.capture.feedback import ScanFeedback
from scanapp.gui.scanner_setup.test_pad import ScannerTestPad
from scanapp.scanners.settings import BAUD_RATES, ENCODINGS, ScannerSettings
from scanapp.scanners.sources import DeviceSourceFactory
from scanapp.services.scanner_settings import ScannerSettingsService

log = logging.getLogger(__name__)

_CONTEXT = "ScannerSettingsPage"  # lupdate needs the literal in each QT_TRANSLATE_NOOP below
KINDS = (
    ("wedge", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Keyboard wedge")),
    ("evdev", QT_TRANSLATE_NOOP("ScannerSettingsPage", "USB scanner read directly (evdev, Linux)")),
    ("serial", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Serial port")),
)
AIM_CHOICES = (
    ("auto", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Read it when the scanner sends one")),
    ("require", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Require it (reject codes without)")),
    ("strip", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Remove it")),
)
CONTROL_CHOICES = (
    ("reject", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Reject the scan")),
    ("strip", QT_TRANSLATE_NOOP("ScannerSettingsPage", "Remove them and read the rest")),
)
TERMINATORS = (("CR", "CR"), ("LF", "LF"), ("CRLF", "CR LF"))  # names of bytes: the same in every language


# Fields may be narrower than their longest choice (the choice is elided): the form fits beside the pad.
FIELD_MIN_WIDTH = 150


def _combo(choices: tuple[tuple[str, object], ...], translate: bool = True) -> QComboBox:
    box = QComboBox()
    box.setMinimumWidth(FIELD_MIN_WIDTH)
    for value, label in choices:
        box.addItem(QCoreApplication.translate(_CONTEXT, str(label)) if translate else str(label), value)
    return box


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    if index < 0 and box.isEditable():
        box.setEditText(str(value))
    elif index >= 0:
        box.setCurrentIndex(index)


def _form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Each label above its field: the form shares an 800 px screen with the test pad, and its choices are
    long ("Read it when the scanner sends one"), so each field takes the form's whole width."""
    form = QFormLayout(parent)
    if parent is not None:
        form.setContentsMargins(6, 6, 6, 6)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setMinimumWidth(FIELD_MIN_WIDTH)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


class ScannerSettingsPage(QWidget):
    """The form on the left, the test pad on the right; the pad always runs the settings as shown."""

    settings_saved = Signal(object)
    """A ScannerSettings, after it was saved as the active scanner's."""

    def __init__(
        self,
        settings: ScannerSettingsService,
        device_sources: DeviceSourceFactory,
        parent: QWidget | None = None,
        feedback: ScanFeedback | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.saved = settings
        self._loading = False
        self._make_fields()
        self.pad = ScannerTestPad(self.saved.load(), device_sources, feedback=feedback, clock=clock)
        # The form scrolls, so the page fits an 800x480 handheld; the pad beside it keeps its height.
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setWidget(self._form())
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.form_scroll)
        splitter.addWidget(self.pad)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 1000])  # half each, as far as the pad's minimum allows
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._follow_changes()
        self.show_settings(self.pad.settings)

    def _make_fields(self) -> None:
        self.kind = _combo(KINDS)
        self.device = QComboBox()
        self.device.setEditable(True)
        self.device.setMinimumWidth(FIELD_MIN_WIDTH)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.refresh_devices)
        self.baud = QComboBox()
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.terminator = _combo(TERMINATORS, translate=False)
        self.key_gap = _spin(1, 1000, self.tr(" ms"))
        self.min_length = _spin(1, 64)
        self.end_on_tab = QCheckBox(self.tr("Tab ends a code, like Enter"))
        self.prefix = QLineEdit()
        self.suffix = QLineEdit()
        self.gs_substitute = QLineEdit()
        self.gs_substitute.setPlaceholderText(self.tr("e.g. ~ when the scanner cannot send GS"))
        self.aim = _combo(AIM_CHOICES)
        self.max_length = _spin(1, MAX_LENGTH, self.tr(" characters"))
        self.control_chars = _combo(CONTROL_CHOICES)
        self.encoding = _combo(tuple((e, e) for e in ENCODINGS), translate=False)
        self.double_read = _spin(0, 5000, self.tr(" ms"))
        self.double_read.setSpecialValueText(self.tr("off (two scans are two units)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save for this scanner"))
        self.save_button.clicked.connect(self.save)

    def _form(self) -> QWidget:
        device_row = QHBoxLayout()
        device_row.addWidget(self.device, 1)
        device_row.addWidget(self.refresh)
        source = _form_layout()
        source.addRow(self.tr("Source"), self.kind)
        source.addRow(self.tr("Device"), device_row)
        self.serial_box = QGroupBox(self.tr("Serial"))
        serial_form = _form_layout(self.serial_box)
        serial_form.addRow(self.tr("Baud"), self.baud)
        serial_form.addRow(self.tr("Line end"), self.terminator)
        self.timing_box = QGroupBox(self.tr("Scanner or person (key timing)"))
        timing = _form_layout(self.timing_box)
        timing.addRow(self.tr("Typed by hand above a median key gap of"), self.key_gap)
        timing.addRow(self.tr("and always below a length of"), self.min_length)
        timing.addRow(self.end_on_tab)
        decoding = QGroupBox(self.tr("Decoding"))
        dec = _form_layout(decoding)
        dec.addRow(self.tr("Strip prefix"), self.prefix)
        dec.addRow(self.tr("Strip suffix"), self.suffix)
        dec.addRow(self.tr("GS sent as"), self.gs_substitute)
        dec.addRow(self.tr("AIM symbology id"), self.aim)
        dec.addRow(self.tr("Longest code"), self.max_length)
        dec.addRow(self.tr("Control characters"), self.control_chars)
        dec.addRow(self.tr("Bytes are"), self.encoding)
        dec.addRow(self.tr("Same code again within"), self.double_read)

        form = QWidget()
        left = QVBoxLayout(form)
        left.setContentsMargins(0, 0, 2, 0)  # every pixel of width goes to the fields
        left.addLayout(source)
        left.addWidget(self.serial_box)
        left.addWidget(self.timing_box)
        left.addWidget(decoding)
        left.addStretch(1)
        return form

    def _follow_changes(self) -> None:
        """Every edit reaches the test pad at once; a new kind or device shows what was saved for it."""
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.device.currentTextChanged.connect(self._device_changed)
        for box in (self.baud, self.terminator, self.aim, self.control_chars, self.encoding):
            box.currentIndexChanged.connect(self._changed)
        for spin in (self.key_gap, self.min_length, self.max_length, self.double_read):
            spin.valueChanged.connect(self._changed)
        for edit in (self.prefix, self.suffix, self.gs_substitute):
            edit.textChanged.connect(self._changed)
        self.end_on_tab.toggled.connect(self._changed)

    def current_settings(self) -> ScannerSettings:
        """The settings as the form shows them."""
        return ScannerSettings(
            kind=self.kind.currentData(),
            device="" if self.kind.currentData() == "wedge" else self._device_path(),
            key_gap_ms=self.key_gap.value(),
            min_length=self.min_length.value(),
            end_on_tab=self.end_on_tab.isChecked(),
            baud=int(self.baud.currentData() or 9600),
            terminator=self.terminator.currentData(),
            encoding=self.encoding.currentData(),
            strip_prefix=self.prefix.text(),
            strip_suffix=self.suffix.text(),
            gs_substitute=self.gs_substitute.text(),
            aim=self.aim.currentData(),
            max_length=self.max_length.value(),
            control_chars=self.control_chars.currentData(),
            double_read_ms=self.double_read.value(),
        ).checked()

    def show_settings(self, settings: ScannerSettings) -> None:
        self._loading = True
        try:
            _select(self.kind, settings.kind)
            self.refresh_devices()
            _select(self.device, settings.device)
            if settings.device and self.device.findData(settings.device) < 0:
                self.device.setEditText(settings.device)
            _select(self.baud, settings.baud)
            _select(self.terminator, settings.terminator)
            self.key_gap.setValue(settings.key_gap_ms)
            self.min_length.setValue(settings.min_length)
            self.end_on_tab.setChecked(settings.end_on_tab)
            self.prefix.setText(settings.strip_prefix)
            self.suffix.setText(settings.strip_suffix)
            self.gs_substitute.setText(settings.gs_substitute)
            _select(self.aim, settings.aim)
            self.max_length.setValue(min(settings.max_length, MAX_LENGTH))
            _select(self.control_chars, settings.control_chars)
            _select(self.encoding, settings.encoding)
            self.double_read.setValue(settings.double_read_ms)
        finally:
            self._loading = False
        self._show_kind()
        self.pad.set_settings(self.current_settings())

    @Slot()
    def refresh_devices(self) -> None:
        """List the devices of the chosen kind: evdev by-id paths with names, serial ports with descriptions."""
        kind = self.kind.currentData()
        current = self._device_path()
        self.device.blockSignals(True)
        self.device.clear()
        try:
            for path, label in self._devices(kind):
                self.device.addItem(label, path)
        except OSError as err:
            self.status.setText(self.tr("Could not list devices: {error}").format(error=err))
        if current:
            _select(self.device, current)
        self.device.blockSignals(False)

    @Slot()
    def save(self) -> None:
        settings = self.current_settings()
        try:
            self.saved.save(settings)
        except KnownError as err:  # the store's plain-words errors: locked, disk full, …
            self.status.setText(self.tr("Not saved: {error}").format(error=err))
            return
        self.status.setText(self.tr("Saved for {device}.").format(device=settings.device_key))
        self.settings_saved.emit(settings)

    def _devices(self, kind: str) -> list[tuple[str, str]]:
        if kind == "serial":
            from scanapp.scanners.serial_source import list_ports

            label = self.tr("{device} — {description}")
            return [(p.device, label.format(device=p.device, description=p.description)) for p in list_ports()]
        if kind == "evdev" and sys.platform == "linux":
            from scanapp.scanners.evdev_source import list_devices

            label = self.tr("{name} — {path}")
            return [(d.path, label.format(name=d.name, path=d.path)) for d in list_devices()]
        return []

    def _device_path(self) -> str:
        text = self.device.currentText().strip()
        index = self.device.findText(text)
        data = self.device.itemData(index) if index >= 0 else None
        return str(data) if data else text

    @Slot()
    def _kind_changed(self) -> None:
        if self._loading:
            return
        self.refresh_devices()
        self._load_saved_for_device()

    @Slot()
    def _device_changed(self) -> None:
        if not self._loading:
            self._load_saved_for_device()

    def _load_saved_for_device(self) -> None:
        """Switching device shows what was saved for it (settings are per device), else keeps the form."""
        current = self.current_settings()
        stored = self.saved.load(current.device_key)
        if stored != ScannerSettings():
            self.show_settings(replace(stored, kind=current.kind, device=current.device))
        else:
            self._changed()

    @Slot()
    def _changed(self) -> None:
        if self._loading:
            return
        self._show_kind()
        self.pad.set_settings(self.current_settings())
        self.status.setText("")

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        self.device.setEnabled(kind != "wedge")
        self.refresh.setEnabled(kind != "wedge")
        self.serial_box.setVisible(kind == "serial")
        self.timing_box.setVisible(kind != "serial")


class ScannerSettingsDialog(QDialog):
    """The settings page in a window of its own, the size of the window it is opened from (at most 1000x640),
    with the status, Save and Close in a row along the bottom that is always on screen."""

    def __init__(
        self,
        settings: ScannerSettingsService,
        device_sources: DeviceSourceFactory,
        parent: QWidget | None = None,
        feedback: ScanFeedback | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scanner settings and test pad"))
        self.page = ScannerSettingsPage(settings, device_sources, self, feedback, clock)
        self.save_button = self.page.save_button
        self.save_button.setProperty("variant", "primary")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.page.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.page, 1)
        layout.addLayout(buttons)
        window = parent.window() if parent is not None else None
        width, height = (window.width(), window.height()) if window is not None else (1000, 640)
        self.resize(min(width, 1000), min(height, 640))
