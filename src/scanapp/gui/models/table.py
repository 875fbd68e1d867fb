"""What every table model here shares: fixed column headers, given as a class attribute and marked for
translation in the one "Columns" context (the same word is the same column header everywhere)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "Columns"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, ROW_ROLE) gives the row's plain object (a Line, an ItemRow …)."""
R = TypeVar("R")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class HeaderedTableModel(QAbstractTableModel):
    headers: ClassVar[tuple[str, ...]] = ()
    """Source texts, each marked with QT_TRANSLATE_NOOP("Columns", …); shown translated."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if not horizontal or not 0 <= section < len(self.headers):
            return None
        header = self.headers[section]
        return QCoreApplication.translate(CONTEXT, header) if header else ""


class RowsModel(HeaderedTableModel, Generic[R]):
    """A short read-only table over a list of plain rows, replaced whole by `set_rows`. Each subclass says a
    cell's text in `text` and any other role in `extra`; the columns in `right` are right-aligned (numbers)."""

    right: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or index.column() >= len(self.headers):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return _RIGHT
        return self.extra(row, index.column(), role)

    def text(self, row: R, column: int) -> str:
        """Every subclass says its cells' text (the base has no columns of its own)."""
        raise NotImplementedError

    def extra(self, row: R, column: int, role: int) -> Any:
        return None
