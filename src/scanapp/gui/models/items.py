"""The Counted / Undirected / Uncounted tabs (C7): products with their units and, on directed counts, the
quantity expected."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt

from scanapp.domain.classification import Category
from scanapp.gui.engine import Engine
from scanapp.gui.models.paged import PagedTableModel
from scanapp.gui.style import MUTED_COLOUR
from scanapp.store import queries
from scanapp.store.queries import ItemRow

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _qty(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


class ItemsModel(PagedTableModel[ItemRow]):
    """Products of one category in a session, by name, with units scanned (and expected, when listed)."""

    headers: ClassVar[tuple[str, ...]] = ("Product", "SKU", "Units", "Expected")
    PRODUCT, SKU, UNITS, EXPECTED = range(4)

    def __init__(self, engine: Engine, category: Category, parent: Any = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.category = category
        self.session_id: str | None = None

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.reload()

    def count_rows(self) -> int:
        return self.engine.read(queries.item_count, self.session_id, self.category) if self.session_id else 0

    def fetch_rows(self, offset: int, limit: int) -> list[ItemRow]:
        if not self.session_id:
            return []
        return self.engine.read(queries.items, self.session_id, self.category, offset, limit)

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                return f"{row.name}\n{row.parent_name}" if row.parent_name else row.name
            if column == self.SKU:
                return row.item_key
            if column == self.UNITS:
                return f"{row.units:,}"
            if column == self.EXPECTED:
                return _qty(row.expected_qty)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.UNITS, self.EXPECTED):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.SKU, self.EXPECTED):
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} ({row.item_key}): {row.units} scanned, expected {_qty(row.expected_qty)}"
        return None


class UncountedModel(PagedTableModel[ItemRow]):
    """Products on the directed list not yet scanned in this session."""

    headers: ClassVar[tuple[str, ...]] = ("Product", "SKU", "Expected")
    PRODUCT, SKU, EXPECTED = range(3)

    def __init__(self, engine: Engine, parent: Any = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.session_id: str | None = None

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.reload()

    def count_rows(self) -> int:
        return self.engine.read(queries.uncounted_count, self.session_id) if self.session_id else 0

    def fetch_rows(self, offset: int, limit: int) -> list[ItemRow]:
        return self.engine.read(queries.uncounted, self.session_id, offset, limit) if self.session_id else []

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PRODUCT:
                return f"{row.name}\n{row.parent_name}" if row.parent_name else row.name
            if column == self.SKU:
                return row.item_key
            if column == self.EXPECTED:
                return _qty(row.expected_qty)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EXPECTED:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SKU:
            return MUTED_COLOUR
        return None
