"""What the station's tables share: columns sized to what they show (few rows, many columns)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from scanapp.gui.widgets.views import TableView


def fit_columns(view: TableView, widest: int) -> None:
    """Each column as wide as its contents (and header), up to `widest`; the stretching one takes the rest."""
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        if header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
            continue
        view.resizeColumnToContents(column)
        header.resizeSection(column, min(header.sectionSize(column), widest))
