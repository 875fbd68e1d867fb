"""The left panel (C6): every scan of a session, newest first, with what it became and a remove cell; and the
scans refused in the session (H6), in red with why, where they came, with nothing to remove."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPixmap

from scanapp.domain.barcodes import printable
from scanapp.domain.rows import ScanRow
from scanapp.domain.tally import LineKind
from scanapp.gui.models.paged import OrdinalPagedModel
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.shell.style import CATEGORY_COLOURS, MUTED_COLOUR, REJECTED_COLOUR, REVIEW_COLOUR
from scanapp.gui.widgets.error_text import refusal_text, stored_text_shown
from scanapp.gui.widgets.formatting import clock_time, line_status_name
from scanapp.services.reads import Reads

STATUS_ROLE = ROW_ROLE + 1
"""data(index, STATUS_ROLE): "Counted", "Unmatched", "Undirected", "Rejected" or "Refused"."""


def _status_bar(colour: QColor) -> QPixmap:
    """The coloured stripe at the start of each row: the scan's status at a glance."""
    bar = QPixmap(6, 36)
    bar.fill(colour)
    return bar


class ScanListModel(OrdinalPagedModel[ScanRow]):
    headers: ClassVar[tuple[str, ...]] = (str(QT_TRANSLATE_NOOP("Columns", "Scan")), "")
    SCAN, REMOVE = range(2)

    def __init__(self, reads: Reads, parent: Any = None) -> None:
        super().__init__(reads, parent)
        self._big = QFont()
        self._big.setPointSize(16)
        self._big.setBold(True)
        self._bars: dict[str, QPixmap] = {}
        self.refused = 0
        """Refused scans in the list."""

    def _bar(self, row: ScanRow) -> QPixmap:
        status = row.status
        if status not in self._bars:
            line = row.line
            if line.review is not None:
                colour = REVIEW_COLOUR
            else:
                colour = CATEGORY_COLOURS[line.category] if line.category is not None else REJECTED_COLOUR
            self._bars[status] = _status_bar(colour)
        return self._bars[status]

    # The list is keyed by place in the scan log (domain.refusals.log_key): lines and refused scans in one order.
    def load_ordinals(self, session_id: str, after: int) -> list[int]:
        return self.reads.scan_log_keys(session_id, after)

    def rows_for(self, session_id: str, ordinals: list[int]) -> list[ScanRow]:
        return self.reads.scan_log_rows(session_id, ordinals)

    def ordinal_of(self, row: ScanRow) -> int:
        return row.key

    def count_rows(self) -> int:
        self.refused = self.reads.refused_count(self.session_id) if self.session_id else 0
        return super().count_rows()

    def add_on_top(self, rows: list[ScanRow]) -> None:
        newest = self.newest
        self.refused += sum(1 for r in rows if r.refused is not None and r.key > newest)
        super().add_on_top(rows)

    def cell(self, row: ScanRow, column: int, role: int) -> Any:
        line = row.line
        if column == self.SCAN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{_title(row)}\n{_detail(row)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tooltip(row)
            if role == Qt.ItemDataRole.DecorationRole:
                return self._bar(row)
            if role == Qt.ItemDataRole.ForegroundRole and line.kind in (LineKind.REJECTED, LineKind.REFUSED):
                return REJECTED_COLOUR
            if role == Qt.ItemDataRole.ForegroundRole and line.review is not None:
                return MUTED_COLOUR
            if role == STATUS_ROLE:
                return row.status
        elif row.refused is not None:
            return None  # never counted: nothing to remove
        elif column == self.REMOVE and line.review is None:  # a line in review is the supervisor's to decide
            if role == Qt.ItemDataRole.DisplayRole:
                return "×"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Remove this scan")
            if role == Qt.ItemDataRole.ForegroundRole:
                return MUTED_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                return self._big
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _title(row: ScanRow) -> str:
    line = row.line
    if row.refused is not None:  # why, in a few words, is on the second line; in full in the tooltip
        return QCoreApplication.translate("ScanListModel", "Refused: {code}").format(code=printable(line.raw))
    if line.kind is LineKind.REJECTED:
        return QCoreApplication.translate("ScanListModel", "Rejected: {reason}").format(
            reason=stored_text_shown(line.reason or "")
        )
    if row.name:
        return row.name
    return line.code or printable(line.raw)


def _detail(row: ScanRow) -> str:
    line = row.line
    if line.review is not None:  # counts in no total until a supervisor decides
        parts = [QCoreApplication.translate("ScanListModel", "In supervisor review")]
    else:
        parts = [] if line.kind in (LineKind.REJECTED, LineKind.REFUSED) else [line_status_name(row.status)]
    parts.append(clock_time(line.at))
    if line.kind is LineKind.HAND:
        parts.append(QCoreApplication.translate("ScanListModel", "hand-counted × {units}").format(units=line.units))
    elif row.refused is not None:
        parts.append(refusal_text(row.refused.reason, row.refused.detail, short=True))
    elif line.kind is LineKind.REJECTED:
        parts.append(printable(line.raw)[:40])
    elif row.name:  # without a product the title already is the code
        parts.append(line.code or printable(line.raw))
    if line.manual and line.kind is LineKind.SCAN:
        parts.append(QCoreApplication.translate("ScanListModel", "typed"))
    return " · ".join(parts)


def _tooltip(row: ScanRow) -> str:
    line = row.line
    source = line.source or QCoreApplication.translate("ScanListModel", "unknown source")
    if row.refused is not None:
        return "\n".join(
            [
                QCoreApplication.translate("ScanListModel", "Refused at {time} from {source}, not counted").format(
                    time=clock_time(line.at), source=source
                ),
                QCoreApplication.translate("ScanListModel", "Scanned data: {data}").format(data=printable(line.raw)),
                refusal_text(row.refused.reason, row.refused.detail),
            ]
        )
    lines = [
        QCoreApplication.translate("ScanListModel", "Scan #{ordinal} at {time} from {source}").format(
            ordinal=line.ordinal, time=clock_time(line.at), source=source
        )
    ]
    lines.append(QCoreApplication.translate("ScanListModel", "Scanned data: {data}").format(data=printable(line.raw)))
    if line.code:
        lines.append(QCoreApplication.translate("ScanListModel", "Code: {code}").format(code=line.code))
    if line.item_key:
        lines.append(
            QCoreApplication.translate("ScanListModel", "Product: {name} ({sku})").format(
                name=row.name or line.item_key, sku=line.item_key
            )
        )
    if line.reason:
        lines.append(
            QCoreApplication.translate("ScanListModel", "Rejected: {reason}").format(
                reason=stored_text_shown(line.reason or "")
            )
        )
    if line.review is not None:
        lines.append(
            QCoreApplication.translate(
                "ScanListModel", "In supervisor review, not in any total: the sync server did not apply it ({why})."
            ).format(why=line.review)
        )
    return "\n".join(lines)
