"""The seed's three listings of a session (L5), as one paged table model over the store: only the pages a view
shows are read, so the listing of a 100,000-item scope opens as fast as one of ten."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from scanapp.domain.lab_rows import ListingRow, View
from scanapp.gui.models.lab_colours import TAG_COLOURS, tag_name
from scanapp.gui.models.paged import PagedTableModel
from scanapp.gui.shell.style import MUTED_COLOUR
from scanapp.gui.widgets.formatting import amount, inventory_status_name, resolution_name
from scanapp.services.lab_reads import LabReads

COLUMN_TITLES = {
    "barcode": QT_TRANSLATE_NOOP("Columns", "Barcode"),
    "ingredient": QT_TRANSLATE_NOOP("Columns", "Ingredient"),
    "lab": QT_TRANSLATE_NOOP("Columns", "Lab"),
    "location": QT_TRANSLATE_NOOP("Columns", "Location"),
    "quantity": QT_TRANSLATE_NOOP("Columns", "Quantity"),
    "unit": QT_TRANSLATE_NOOP("Columns", "Unit"),
    "status": QT_TRANSLATE_NOOP("Columns", "Status"),
    "found": QT_TRANSLATE_NOOP("Columns", "Found"),
    "resolution": QT_TRANSLATE_NOOP("Columns", "Resolution"),
}


class ListingModel(PagedTableModel[ListingRow]):
    """One view's rows with the listing config's columns, then Found (where) and, for items not scanned, their
    Resolution."""

    headers: ClassVar[tuple[str, ...]] = ()

    def __init__(self, reads: LabReads, view: View, columns: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.view = view
        self.session_id: str | None = None
        extra = ("found", "resolution") if view is View.NOT_SCANNED else ("found",)
        self.fields = tuple(c for c in columns if c in COLUMN_TITLES) + extra
        self.headers = tuple(str(COLUMN_TITLES[f]) for f in self.fields)  # type: ignore[misc]

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.reload()

    def count_rows(self) -> int:
        return self.reads.view_count(self.session_id, self.view) if self.session_id else 0

    def fetch_rows(self, offset: int, limit: int) -> list[ListingRow]:
        return self.reads.view_rows(self.session_id, self.view, offset, limit) if self.session_id else []

    def cell(self, row: ListingRow, column: int, role: int) -> Any:
        field = self.fields[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, field)
        if role == Qt.ItemDataRole.ForegroundRole:
            if field == "found" and row.tag is not None:
                return TAG_COLOURS[row.tag]
            if field in ("found", "resolution") and not row.found:
                return MUTED_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "quantity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: ListingRow, field: str) -> str:
        if field == "found":
            if row.found_at is None:
                return QCoreApplication.translate("ListingModel", "not scanned")
            place = row.found_at or QCoreApplication.translate("ListingModel", "place not scanned")
            return f"{tag_name(row.tag)} · {place}" if row.tag is not None else place
        if field == "resolution":
            if row.resolution:
                return resolution_name(row.resolution)
            return QCoreApplication.translate("ListingModel", "unresolved")
        if field == "quantity":
            return amount(row.item.quantity)
        if field == "status":
            return inventory_status_name(row.item.status)
        return str(getattr(row.item, field))
