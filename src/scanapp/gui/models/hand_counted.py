"""The list being built in Hand-Counted Items (C9): products with a quantity typed or stepped with + and −,
and a × to take one out. Held in memory until Save adds them to the session."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from scanapp.domain.rows import Candidate
from scanapp.gui.models.table import ROW_ROLE, HeaderedTableModel
from scanapp.gui.shell.style import MUTED_COLOUR

Index = QModelIndex | QPersistentModelIndex
MAX_QTY = 99_999
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class HandItem:
    sku: str
    name: str
    parent_name: str
    qty: int = 1


class HandCountModel(HeaderedTableModel):
    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Product")),
        str(QT_TRANSLATE_NOOP("Columns", "SKU")),
        "",
        str(QT_TRANSLATE_NOOP("Columns", "Qty")),
        "",
        "",
    )
    PRODUCT, SKU, MINUS, QTY, PLUS, REMOVE = range(6)
    BUTTONS: ClassVar[dict[int, str]] = {MINUS: "−", PLUS: "+", REMOVE: "×"}
    total_changed = Signal(int)
    """Units over all items, after any change."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HandItem] = []
        self._big = QFont()
        self._big.setPointSize(16)
        self._big.setBold(True)

    # -- editing ---------------------------------------------------------------------------------------

    def add(self, candidate: Candidate) -> int:
        """Add a product with quantity 1, or one more of it if it is already listed. Returns its row."""
        for i, item in enumerate(self._rows):
            if item.sku == candidate.sku:
                self.step(i, +1)
                return i
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(HandItem(candidate.sku, candidate.name, candidate.parent_name))
        self.endInsertRows()
        self.total_changed.emit(self.total())
        return row

    def step(self, row: int, delta: int) -> None:
        if 0 <= row < len(self._rows):
            self._set_qty(row, self._rows[row].qty + delta)

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.total_changed.emit(self.total())

    def items(self) -> list[tuple[str, int]]:
        return [(r.sku, r.qty) for r in self._rows]

    def item(self, row: int) -> HandItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def total(self) -> int:
        return sum(r.qty for r in self._rows)

    def _set_qty(self, row: int, qty: int) -> bool:
        qty = max(0, min(MAX_QTY, qty))  # 0: counted, none there (C10)
        if qty == self._rows[row].qty:
            return False
        self._rows[row] = replace(self._rows[row], qty=qty)
        index = self.index(row, self.QTY)
        self.dataChanged.emit(index, index)
        self.total_changed.emit(self.total())
        return True

    # -- Qt ----------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.QTY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index.row())
        if item is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                return f"{item.name}\n{item.parent_name}" if item.parent_name else item.name
            if column == self.SKU:
                return item.sku
            if column == self.QTY:
                return str(item.qty)
            return self.BUTTONS.get(column)
        if role == Qt.ItemDataRole.EditRole and column == self.QTY:
            return item.qty
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.PRODUCT:
            return _CENTER
        if role == Qt.ItemDataRole.FontRole and column in self.BUTTONS:
            return self._big
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.SKU, self.REMOVE):
            return MUTED_COLOUR
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and column in self.BUTTONS:
            return {
                self.MINUS: self.tr("One less"),
                self.PLUS: self.tr("One more"),
                self.REMOVE: self.tr("Remove this item"),
            }[column]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.QTY or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            qty = int(str(value).strip())
        except ValueError:
            return False
        if qty < 0 or qty > MAX_QTY:
            return False
        self._set_qty(index.row(), qty)
        return True
