"""The lab's listing modals: one of the seed's three views of a session (L5), an item's inventory history
(L4), and the note on an unknown code (L12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from scanapp.domain.catalog import InventoryItem, ListingConfig
from scanapp.domain.lab_rows import LabSessionRow, View
from scanapp.gui.lab.banner import view_title
from scanapp.gui.models.lab_listing import ListingModel
from scanapp.gui.models.lab_tables import HistoryModel
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_parts import button_row, fit_to_window
from scanapp.gui.widgets.views import TableView
from scanapp.services.lab import MAX_NOTE


class ListingViewDialog(QDialog):
    """A listing modal: the view's items a page at a time, with the listing config's columns."""

    def __init__(self, engine: Engine, row: LabSessionRow, view: View, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(view_title(view))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        config: ListingConfig | None = None
        if row.count.listing_config_id:
            config = engine.lab_reads.listing_config(row.count.listing_config_id)
        columns = config.columns if config else ListingConfig("", "").columns
        self.model = ListingModel(engine.lab_reads, view, columns, self)
        self.model.set_session(row.session.id)
        heading = QLabel(view_title(view))
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        about = QLabel(
            self.tr("{session} · listing config {config} · %n item(s)", "", self.model.rowCount()).format(
                session=row.count.name, config=row.config_name or "—"
            )
        )
        about.setProperty("role", "hint")
        self.table = TableView(self.model, stretch=min(1, len(self.model.headers) - 1))
        close_row, _cancel, close = button_row(self, self.tr("Close"))
        _cancel.hide()
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addLayout(close_row)
        fit_to_window(self, parent)


class ItemHistoryDialog(QDialog):
    """An item's inventory history: every action on it, with the session it was done in."""

    def __init__(self, engine: Engine, item: InventoryItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inventory history: {item}").format(item=item.barcode))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.model = HistoryModel(self)
        self.model.set_rows(engine.lab_reads.history(item.barcode))
        heading = QLabel(
            self.tr("Inventory history of {item} · {ingredient}").format(item=item.barcode, ingredient=item.ingredient)
        )
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        empty = QLabel(self.tr("Nothing was done to this item yet."))
        empty.setVisible(self.model.rowCount() == 0)
        self.table = TableView(self.model, stretch=3)
        close_row, cancel, close = button_row(self, self.tr("Close"))
        cancel.hide()
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(close_row)
        fit_to_window(self, parent)


class NoteDialog(QDialog):
    """The note kept with an unknown code: what it is, where it came from (empty: no note)."""

    def __init__(self, code: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note on {code}").format(code=code))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(
            self.tr("{code} matches no inventory item. It is kept; a note says what it is.").format(code=code)
        )
        heading.setWordWrap(True)
        self.field = QLineEdit(note)
        self.field.setMaxLength(MAX_NOTE)
        self.field.setPlaceholderText(self.tr("e.g. supplier sticker on a new box"))
        buttons, _cancel, save = button_row(self, self.tr("Save note"))
        save.clicked.connect(self.accept)
        self.field.returnPressed.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.field)
        layout.addLayout(buttons)
        self.setMinimumWidth(min(560, parent.window().width() - 40) if parent is not None else 480)

    def note(self) -> str:
        return self.field.text()
