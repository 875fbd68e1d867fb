"""What every table model here shares: fixed column headers, given as a class attribute and marked for
translation in the one "Columns" context (the same word is the same column header everywhere)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "Columns"


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
