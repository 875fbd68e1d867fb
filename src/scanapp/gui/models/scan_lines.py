"""The left panel (C6): every scan of a session, newest first, with what it became and a remove cell."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPixmap

from scanapp.domain.barcodes import printable
from scanapp.domain.rows import ScanRow
from scanapp.domain.tally import LineKind
from scanapp.gui.formatting import clock_time
from scanapp.gui.models.paged import ROW_ROLE, OrdinalPagedModel
from scanapp.gui.style import CATEGORY_COLOURS, MUTED_COLOUR, REJECTED_COLOUR
from scanapp.services.reads import Reads

STATUS_ROLE = ROW_ROLE + 1
"""data(index, STATUS_ROLE): "Counted", "Unmatched", "Undirected" or "Rejected"."""


def _status_bar(colour: QColor) -> QPixmap:
    """The coloured stripe at the start of each row: the scan's status at a glance."""
    bar = QPixmap(6, 36)
    bar.fill(colour)
    return bar


class ScanListModel(OrdinalPagedModel[ScanRow]):
    headers: ClassVar[tuple[str, ...]] = ("Scan", "")
    SCAN, REMOVE = range(2)

    def __init__(self, reads: Reads, parent: Any = None) -> None:
        super().__init__(reads, parent)
        self._big = QFont()
        self._big.setPointSize(16)
        self._big.setBold(True)
        self._bars: dict[str, QPixmap] = {}

    def _bar(self, row: ScanRow) -> QPixmap:
        status = row.status
        if status not in self._bars:
            line = row.line
            colour = CATEGORY_COLOURS[line.category] if line.category is not None else REJECTED_COLOUR
            self._bars[status] = _status_bar(colour)
        return self._bars[status]

    def load_ordinals(self, session_id: str, after: int) -> list[int]:
        return self.reads.line_ordinals(session_id, None, after)

    def rows_for(self, session_id: str, ordinals: list[int]) -> list[ScanRow]:
        return self.reads.scan_rows(session_id, ordinals)

    def cell(self, row: ScanRow, column: int, role: int) -> Any:
        line = row.line
        if column == self.SCAN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{_title(row)}\n{_detail(row)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tooltip(row)
            if role == Qt.ItemDataRole.DecorationRole:
                return self._bar(row)
            if role == Qt.ItemDataRole.ForegroundRole and line.kind is LineKind.REJECTED:
                return REJECTED_COLOUR
            if role == STATUS_ROLE:
                return row.status
        elif column == self.REMOVE:
            if role == Qt.ItemDataRole.DisplayRole:
                return "×"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return "Remove this scan"
            if role == Qt.ItemDataRole.ForegroundRole:
                return MUTED_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                return self._big
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _title(row: ScanRow) -> str:
    line = row.line
    if line.kind is LineKind.REJECTED:
        return f"Rejected: {line.reason}"
    if row.name:
        return row.name
    return line.code or printable(line.raw)


def _detail(row: ScanRow) -> str:
    line = row.line
    parts = [] if line.kind is LineKind.REJECTED else [row.status]
    parts.append(clock_time(line.at))
    if line.kind is LineKind.HAND:
        parts.append(f"hand-counted × {line.units}")
    elif line.kind is LineKind.REJECTED:
        parts.append(printable(line.raw)[:40])
    elif row.name:  # without a product the title already is the code
        parts.append(line.code or printable(line.raw))
    if line.manual and line.kind is LineKind.SCAN:
        parts.append("typed")
    return " · ".join(parts)


def _tooltip(row: ScanRow) -> str:
    line = row.line
    lines = [f"Scan #{line.ordinal} at {clock_time(line.at)} from {line.source or 'unknown source'}"]
    lines.append(f"Scanned data: {printable(line.raw)}")
    if line.code:
        lines.append(f"Code: {line.code}")
    if line.item_key:
        lines.append(f"Product: {row.name or line.item_key} ({line.item_key})")
    if line.reason:
        lines.append(f"Rejected: {line.reason}")
    return "\n".join(lines)
