"""The Barcode Tracking list: the scans of the active session since the last Clear All, newest first, each
with its item and its tag (In Scope, Not in Scope, Wrong location)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPixmap

from scanapp.domain.barcodes import printable
from scanapp.domain.lab_rows import LabScanRow
from scanapp.domain.tally import LineKind
from scanapp.gui.models.lab_colours import TAG_COLOURS, tag_name
from scanapp.gui.models.paged import OrdinalPagedModel
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.shell.style import REJECTED_COLOUR
from scanapp.gui.widgets.error_text import stored_text_shown
from scanapp.gui.widgets.formatting import amount, clock_time, inventory_status_name
from scanapp.services.lab_reads import LabReads

TAG_ROLE = ROW_ROLE + 1
"""data(index, TAG_ROLE): "In Scope", "Not in Scope", "Wrong location" or "Rejected"."""


class LabScanModel(OrdinalPagedModel[LabScanRow]):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Scan")),
        str(QT_TRANSLATE_NOOP("Columns", "Tag")),
    )
    SCAN, TAG = range(2)

    def __init__(self, reads: LabReads, parent: Any = None) -> None:
        super().__init__(None, parent)  # type: ignore[arg-type]  # reads through the lab port below
        self.lab_reads = reads
        self.cleared_after = 0
        """Scans up to this ordinal were cleared from the list (Clear All); the session keeps them."""
        self._bars: dict[str, QPixmap] = {}

    def set_session(self, session_id: str | None, cleared_after: int = 0) -> None:
        self.cleared_after = cleared_after
        super().set_session(session_id)

    def load_ordinals(self, session_id: str, after: int) -> list[int]:
        return self.lab_reads.line_ordinals(session_id, max(after, self.cleared_after))

    def rows_for(self, session_id: str, ordinals: list[int]) -> list[LabScanRow]:
        return self.lab_reads.scan_rows(session_id, ordinals)

    def ordinal_of(self, row: LabScanRow) -> int:
        return row.line.ordinal

    def cell(self, row: LabScanRow, column: int, role: int) -> Any:
        line = row.line
        rejected = line.kind is LineKind.REJECTED
        if role == TAG_ROLE:
            return "Rejected" if rejected else row.tag.value
        if column == self.SCAN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{_title(row)}\n{_detail(row)}"
            if role == Qt.ItemDataRole.DecorationRole:
                return self._bar("Rejected" if rejected else row.tag.value)
            if role == Qt.ItemDataRole.ForegroundRole and rejected:
                return REJECTED_COLOUR
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tooltip(row)
        elif column == self.TAG:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("LabScanModel", "Rejected") if rejected else tag_name(row.tag)
            if role == Qt.ItemDataRole.ForegroundRole:
                return REJECTED_COLOUR if rejected else TAG_COLOURS[row.tag]
        return None

    def _bar(self, key: str) -> QPixmap:
        if key not in self._bars:
            colour = next((c for t, c in TAG_COLOURS.items() if t.value == key), REJECTED_COLOUR)
            bar = QPixmap(6, 36)
            bar.fill(colour)
            self._bars[key] = bar
        return self._bars[key]


def _title(row: LabScanRow) -> str:
    line = row.line
    if line.kind is LineKind.REJECTED:
        return QCoreApplication.translate("LabScanModel", "Rejected: {reason}").format(
            reason=stored_text_shown(line.reason or "")
        )
    if row.item is None:
        return QCoreApplication.translate("LabScanModel", "{code} · unknown code").format(code=line.code)
    return f"{row.item.barcode} · {row.item.ingredient}"


def _detail(row: LabScanRow) -> str:
    line = row.line
    parts = [clock_time(line.at)]
    if line.kind is LineKind.REJECTED:
        parts.append(printable(line.raw)[:40])
    elif row.item is None:
        parts.append(row.note or QCoreApplication.translate("LabScanModel", "no note"))
    else:
        item = row.item
        parts.append(f"{item.lab} · {item.location}")
        if row.found_at and row.found_at != item.location:
            parts.append(QCoreApplication.translate("LabScanModel", "found at {place}").format(place=row.found_at))
    return " · ".join(parts)


def _tooltip(row: LabScanRow) -> str:
    line = row.line
    text = QCoreApplication.translate("LabScanModel", "Scan #{ordinal} at {time}: {data}").format(
        ordinal=line.ordinal, time=clock_time(line.at), data=printable(line.raw)
    )
    if row.item is not None:
        item = row.item
        text += "\n" + QCoreApplication.translate(
            "LabScanModel", "{barcode}: {ingredient}, {quantity} {unit}, {status}"
        ).format(
            barcode=item.barcode,
            ingredient=item.ingredient,
            quantity=amount(item.quantity),
            unit=item.unit,
            status=inventory_status_name(item.status),
        )
    return text
