"""Scanner test pad (B3): scan anything and see exactly what arrived and how it was read — raw bytes in
hex, key gaps, symbology, GS characters, typed-or-scanned, and the decoded result or the reason it would be
rejected. Nothing is recorded in any count: this is the first thing support asks for."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.barcodes import GS, printable
from scanapp.domain.clock import Clock, SystemClock
from scanapp.errors import KnownError
from scanapp.gui.capture.feedback import ScanFeedback, colour
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.gui.widgets.error_text import error_text, stored_text_shown
from scanapp.scanners.pipeline import PipelineResult, ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import DeviceSource, DeviceSourceFactory
from scanapp.scanners.state import CONNECTED, STOPPED

MAX_ROWS = 500
LIVE_BYTES = 256


@dataclass(frozen=True)
class PadRow:
    time: str
    source: str
    raw: str
    hex: str
    gaps: str
    symbology: str
    gs_count: int
    manual: bool
    result: str
    ok: bool

    @classmethod
    def of(cls, result: PipelineResult) -> PadRow:
        read = result.read
        barcode = result.barcode
        none = QCoreApplication.translate("PadRow", "none")
        if barcode is not None:
            gtin = QCoreApplication.translate("PadRow", "GTIN-14 {gtin} ({format})").format(
                gtin=barcode.gtin14, format=barcode.gtin_format
            )
            parts = [(barcode.gtin14 and gtin) or f"{barcode.code}"]
            parts += [e.shown for e in barcode.elements if e.ai not in ("01", "02")]  # dates as ISO dates
            outcome = " ".join(p for p in parts if p)
            symbology = f"{barcode.symbology} {barcode.symbology_name}" if barcode.symbology else none
        else:
            outcome = QCoreApplication.translate("PadRow", "rejected: {reason}").format(
                reason=stored_text_shown(result.reason or "")
            )
            symbology = read.text[:3] if read.text.startswith("]") else none
        data = read.data or read.text.encode("utf-8", errors="replace")
        return cls(
            time=read.at.astimezone().strftime("%H:%M:%S.%f")[:-3],
            source=read.source,
            raw=printable(read.text),
            hex=data[:LIVE_BYTES].hex(" ") + (" …" if len(data) > LIVE_BYTES else ""),
            gaps=_gaps_text(read.key_gaps_ms),
            symbology=symbology,
            gs_count=read.text.count(GS),
            manual=read.manual,
            result=outcome,
            ok=result.ok,
        )


def _gaps_text(gaps: tuple[float, ...]) -> str:
    if not gaps:
        return ""
    return f"{min(gaps):.0f} / {statistics.median(gaps):.0f} / {max(gaps):.0f}"


class TestPadModel(QAbstractTableModel):
    """Reads seen on the test pad, newest first, at most MAX_ROWS."""

    __test__ = False  # not a pytest test class, whatever its name
    COLUMNS = (
        QT_TRANSLATE_NOOP("TestPadModel", "Time"),
        QT_TRANSLATE_NOOP("TestPadModel", "Source"),
        QT_TRANSLATE_NOOP("TestPadModel", "Raw"),
        QT_TRANSLATE_NOOP("TestPadModel", "Hex"),
        QT_TRANSLATE_NOOP("TestPadModel", "Key gaps min/median/max ms"),
        QT_TRANSLATE_NOOP("TestPadModel", "Symbology"),
        QT_TRANSLATE_NOOP("TestPadModel", "GS"),
        QT_TRANSLATE_NOOP("TestPadModel", "Typed"),
        QT_TRANSLATE_NOOP("TestPadModel", "Result"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PadRow] = []

    def add(self, row: PadRow) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, row)
        self.endInsertRows()
        if len(self.rows) > MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), MAX_ROWS, len(self.rows) - 1)
            del self.rows[MAX_ROWS:]
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                row.time,
                row.source,
                row.raw,
                row.hex,
                row.gaps,
                row.symbology,
                str(row.gs_count),
                self.tr("typed") if row.manual else self.tr("scanned"),
                row.result,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == len(self.COLUMNS) - 1:
            return colour("accepted" if row.ok else "rejected")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("TestPadModel", str(self.COLUMNS[section]))
        return None


class ScannerTestPad(QWidget):
    """Shows every read from the configured source. Wedge: scan into its input field. evdev/serial: press
    Start to open the device (stopped again when the pad hides or the settings change)."""

    __test__ = False
    result_shown = Signal(object)
    """A PipelineResult, after its row is added."""

    def __init__(
        self,
        settings: ScannerSettings,
        device_sources: DeviceSourceFactory,
        feedback: ScanFeedback | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.device_sources = device_sources
        self.clock = clock or SystemClock()
        self.feedback = feedback
        self.pipeline = ScanPipeline(self.settings)
        self.source: DeviceSource | None = None
        self.model = TestPadModel(self)

        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.toggle)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.clear)
        self.scanner_input = QLineEdit()
        self.scanner_input.setPlaceholderText(self.tr("Scan here (keyboard wedge)"))
        self.scanner_input.setAccessibleName(self.tr("Test pad scanner input"))
        self.wedge = WedgeInput(self.scanner_input, self.settings, self.clock)
        self.wedge.scan_read.connect(self.show_read)
        self.wedge.key_received.connect(self._key)
        self.live = QPlainTextEdit()
        self.live.setReadOnly(True)
        self.live.setMaximumBlockCount(50)
        self.live.setFont(QFont("monospace"))
        self.live.setFixedHeight(80)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()

        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.start_button)
        top.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scanner_input)
        live_label = QLabel(self.tr("Live input (hex; key gaps in ms for keyboard sources)"))
        live_label.setWordWrap(True)  # a longer translation wraps rather than widen the pad past the form
        layout.addWidget(live_label)
        layout.addWidget(self.live)
        layout.addWidget(self.table, 1)
        self._show_kind()

    def set_settings(self, settings: ScannerSettings) -> None:
        """New settings from the form: the pipeline follows at once; a running device source is stopped."""
        self.settings = settings
        self.pipeline.set_settings(settings)
        self.wedge.set_settings(settings)
        self.stop()
        self._show_kind()

    @Slot()
    def toggle(self) -> None:
        if self.source is None:
            self.start()
        else:
            self.stop()

    @Slot()
    def start(self) -> None:
        if self.settings.kind == "wedge" or self.source is not None:
            return
        try:
            source = self.device_sources(self.settings, self)
        except KnownError as err:
            self._state(STOPPED, error_text(err))
            return
        self.source = source
        source.scan_read.connect(self.show_read)
        source.state_changed.connect(self._state)
        live = getattr(source, "bytes_received", None)  # serial sources show their raw bytes as they come
        if isinstance(live, SignalInstance):
            live.connect(self._bytes)
        self.start_button.setText(self.tr("Stop"))
        source.start()

    @Slot()
    def stop(self) -> None:
        if self.source is None:
            return
        source, self.source = self.source, None
        source.stop()
        source.deleteLater()
        self.start_button.setText(self.tr("Start"))

    @Slot()
    def clear(self) -> None:
        self.model.clear()
        self.live.clear()

    @Slot(object)
    def show_read(self, read: ScanRead) -> None:
        result = self.pipeline.process(read)
        self.model.add(PadRow.of(result))
        if self.feedback is not None:
            self.feedback.give("accepted" if result.ok else "rejected", self.table)
        self.result_shown.emit(result)

    @Slot(str, str)
    def _state(self, state: str, message: str) -> None:
        self.state_label.setText(message)
        self.state_label.setProperty("scannerState", state)
        self.state_label.setStyleSheet("" if state == CONNECTED else f"color: {colour('rejected').name()};")

    @Slot(bytes)
    def _bytes(self, data: bytes) -> None:
        self.live.appendPlainText(data[:LIVE_BYTES].hex(" "))

    @Slot(str, float)
    def _key(self, char: str, gap_ms: float) -> None:
        gap = "" if gap_ms < 0 else f" +{gap_ms:.0f}ms"
        self.live.appendPlainText(f"{char.encode('utf-8').hex(' ')}  {printable(char)}{gap}")

    def hideEvent(self, event: Any) -> None:
        # A grabbed evdev device or an open port must not stay held by a pad nobody looks at.
        self.stop()
        super().hideEvent(event)

    def _show_kind(self) -> None:
        wedge = self.settings.kind == "wedge"
        self.scanner_input.setVisible(wedge)
        self.start_button.setVisible(not wedge)
        if wedge:
            self._state(CONNECTED, self.tr("Keyboard wedge: click the field below and scan."))
        else:
            device = self.settings.device or self.tr("(no device chosen)")
            self._state(
                STOPPED,
                self.tr("{kind} scanner {device}: press Start to read it here.").format(
                    kind=self.settings.kind, device=device
                ),
            )
