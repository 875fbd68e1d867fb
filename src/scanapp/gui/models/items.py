"""The Counted / Undirected / Uncounted tabs (C7): products with their units and, on directed counts, the
quantity expected."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from scanapp.domain.classification import Category
from scanapp.domain.rows import ItemRow, ScanRow
from scanapp.gui.models.paged import SessionPagedModel
from scanapp.gui.shell.style import MUTED_COLOUR
from scanapp.gui.widgets.formatting import amount, grouped
from scanapp.services.reads import Reads

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


_COUNTED_ZERO = str(QT_TRANSLATE_NOOP("ItemsModel", "counted 0"))


def counted_zero() -> str:
    """What the Units column says for an item counted as 0 (C10): not the same as not counted."""
    return QCoreApplication.translate("ItemsModel", _COUNTED_ZERO)


def _qty(value: float | None) -> str:
    if value is None:
        return "—"
    return amount(value)


class _ProductRows(SessionPagedModel[ItemRow]):
    """Products with their SKU, units and expected quantity; each subclass names its columns in `fields`."""

    fields: ClassVar[tuple[str, ...]] = ()
    muted: ClassVar[frozenset[str]] = frozenset({"sku"})

    def product_text(self, row: ItemRow) -> str:
        return f"{row.name}\n{row.parent_name}" if row.parent_name else row.name

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        field = self.fields[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "product":
                return self.product_text(row)
            if field == "sku":
                return row.item_key
            if field == "units":
                return grouped(row.units)
            return _qty(row.expected_qty)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("units", "expected"):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and field in self.muted:
            return MUTED_COLOUR
        return None


class ItemsModel(_ProductRows):
    """Products of one category in a session, by name, with units scanned (and expected, when listed)."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Product")),
        str(QT_TRANSLATE_NOOP("Columns", "SKU")),
        str(QT_TRANSLATE_NOOP("Columns", "Units")),
        str(QT_TRANSLATE_NOOP("Columns", "Expected")),
    )
    fields: ClassVar[tuple[str, ...]] = ("product", "sku", "units", "expected")
    muted: ClassVar[frozenset[str]] = frozenset({"sku", "expected"})
    PRODUCT, SKU, UNITS, EXPECTED = range(4)

    def __init__(self, reads: Reads, category: Category, parent: Any = None) -> None:
        super().__init__(reads, parent)
        self.category = category

    def count_session(self, session_id: str) -> int:
        return self.reads.item_count(session_id, self.category)

    def product_text(self, row: ItemRow) -> str:
        """An item counted as none (C10) says so on its second line: the Units column is too narrow for words
        at 800 px, and a bare 0 would read like an item not counted yet."""
        if row.units:
            return super().product_text(row)
        return f"{row.name}\n{' · '.join(p for p in (counted_zero(), row.parent_name) if p)}"  # first: never cut

    def fetch_session(self, session_id: str, offset: int, limit: int) -> list[ItemRow]:
        return self.reads.items(session_id, self.category, offset, limit)

    def lines_added(self, rows: list[ScanRow], units: dict[str, tuple[int, int]] | None = None) -> bool:
        """New lines came in: a product already listed changes its units in place (one key lookup, no
        recount); a product new to the list (its first line, a hand count of 0 included) reloads it. Returns
        whether a product joined the list. `units`: the items' (units, lines) now, when read already."""
        added: dict[str, int] = {}
        for row in rows:
            line = row.line
            if line.counts and line.category is self.category and line.item_key:
                added[line.item_key] = added.get(line.item_key, 0) + 1
        if not added or not self.session_id:
            return False
        now = units if units is not None else self.reads.item_units(self.session_id, list(added))
        if any(now.get(key, (0, 0))[1] - n <= 0 for key, n in added.items()):
            self.refresh()
            return True
        last = len(self.headers) - 1
        for number, page in self._pages.items():
            for j, item in enumerate(page):
                if item.item_key in added:
                    page[j] = replace(item, units=now[item.item_key][0])
                    i = number * self.page_size + j
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        return False

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if not row.units:
                return self.tr("{name} ({sku}): counted as 0 (none there), expected {expected}").format(
                    name=row.name, sku=row.item_key, expected=_qty(row.expected_qty)
                )
            return self.tr("{name} ({sku}): {units} scanned, expected {expected}").format(
                name=row.name, sku=row.item_key, units=row.units, expected=_qty(row.expected_qty)
            )
        return super().cell(row, column, role)


class UncountedModel(_ProductRows):
    """Products on the directed list not yet scanned in this session."""

    headers: ClassVar[tuple[str, ...]] = (
        str(QT_TRANSLATE_NOOP("Columns", "Product")),
        str(QT_TRANSLATE_NOOP("Columns", "SKU")),
        str(QT_TRANSLATE_NOOP("Columns", "Expected")),
    )
    fields: ClassVar[tuple[str, ...]] = ("product", "sku", "expected")
    PRODUCT, SKU, EXPECTED = range(3)

    def count_session(self, session_id: str) -> int:
        return self.reads.uncounted_count(session_id)

    def fetch_session(self, session_id: str, offset: int, limit: int) -> list[ItemRow]:
        return self.reads.uncounted(session_id, offset, limit)
