"""Products to pick from in Match Product (C8, B2) and Hand-Counted Items (C9); which products, and in what
order, scanapp.services.candidates decides."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from scanapp.domain.rows import Candidate
from scanapp.domain.suggestions import CONTEXT, ON_THE_LIST, WHY_TEXT
from scanapp.gui.models.table import ROW_ROLE, HeaderedTableModel
from scanapp.gui.shell.style import MUTED_COLOUR

Index = QModelIndex | QPersistentModelIndex


def reason_shown(c: Candidate) -> str:
    """Why the product is offered, in the person's language."""
    reason = QCoreApplication.translate(CONTEXT, WHY_TEXT[c.why]).format(**dict(c.params))
    return QCoreApplication.translate(CONTEXT, ON_THE_LIST).format(reason=reason) if c.listed else reason


class CandidateModel(HeaderedTableModel):
    """Products to pick from. Each row's second line says why it is offered (Match Product) or, with
    `show_reason=False`, which product family it belongs to (Hand-Counted Items search)."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Product")),
        str(QT_TRANSLATE_NOOP("Columns", "SKU")),
        str(QT_TRANSLATE_NOOP("Columns", "Code")),
    )
    PRODUCT, SKU, CODE = range(3)

    def __init__(self, parent: Any = None, show_reason: bool = True) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []
        self.show_reason = show_reason

    def set_candidates(self, rows: list[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.candidate(index.row())
        if c is None:
            return None
        if role == ROW_ROLE:
            return c
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                second = reason_shown(c) if self.show_reason else c.parent_name
                return f"{c.name}\n{second}" if second else c.name
            if column == self.SKU:
                return c.sku
            if column == self.CODE:
                return c.code or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CODE:
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name} ({sku}), code {code}: {reason}").format(
                name=c.name, sku=c.sku, code=c.code or "—", reason=reason_shown(c)
            )
        return None
