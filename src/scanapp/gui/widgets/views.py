"""A table view for touch and keyboard: rows a finger can hit, cells that act as buttons (× remove,
Match…), Delete and Enter on the selected row, and fixed row heights so 100,000 rows scroll smoothly."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from scanapp.gui.shell.style import ROW_HEIGHT


class TableView(QTableView):
    button_clicked = Signal(int, int)
    """A button cell (row, column) was pressed."""
    row_activated = Signal(int)
    """Enter or a double tap on a row."""
    delete_requested = Signal(int)
    """Delete pressed on a row."""

    def __init__(
        self,
        model: QAbstractItemModel,
        stretch: int = 0,
        button_columns: dict[int, int] | None = None,
        fixed_columns: dict[int, int] | None = None,
        lines_per_row: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.button_columns = dict(button_columns or {})
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT if lines_per_row == 1 else 10 + 22 * lines_per_row)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in {**(fixed_columns or {}), **self.button_columns}.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(self._on_clicked)
        self.doubleClicked.connect(self._on_double_clicked)

    def size_columns(self, widths: Iterable[tuple[int, int]]) -> None:
        header = self.horizontalHeader()
        for column, width in widths:
            header.resizeSection(column, width)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() in self.button_columns:
            self.button_clicked.emit(index.row(), index.column())

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() not in self.button_columns:
            self.row_activated.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.current_row()
        if row >= 0 and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(row)
            event.accept()
            return
        if row >= 0 and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.row_activated.emit(row)
            event.accept()
            return
        super().keyPressEvent(event)
