"""Hand-Counted Items (C9): search by SKU or parent product name and press Enter to add the item; set the
quantity by typing it (readable while typed; the mouse wheel never changes it) or with + and −, 0 included
(C10); × removes; Save adds them all to the session. In directed counts
only items on the directed list can be found and added."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.counts import Count, CountKind
from scanapp.errors import KnownError
from scanapp.gui.models.candidates import CandidateModel
from scanapp.gui.models.hand_counted import MAX_QTY, HandCountModel
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_parts import button_row, error_label, fit_to_window, search_field
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.views import TableView
from scanapp.services.candidates import search_matches


class QuantityDelegate(QStyledItemDelegate):
    """Typing a quantity, from 0 (counted, none there: C10) to MAX_QTY, in a plain line edit over the whole
    cell: no spin box, so the mouse wheel scrolls the list and never changes a count, and no room kept for
    spin arrows (the app's spin boxes keep 40 px each side for their touch − and +, which left the digits
    being typed 1 px of a 90 px cell). The row's own − and + step it."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        box = QLineEdit(parent)
        box.setValidator(QIntValidator(0, MAX_QTY, box))
        box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return box

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        editor.setGeometry(option.rect)  # the whole cell: the digits stay readable

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole)))
            editor.selectAll()  # what is typed replaces the quantity

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QLineEdit) and editor.text().strip():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class HandItemsView(TableView):
    """+ and − on the keyboard step the selected item's quantity; digits start typing a new quantity."""

    step_requested = Signal(int, int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.current_row()
        if row >= 0 and event.text() in ("+", "="):
            self.step_requested.emit(row, +1)
            return
        if row >= 0 and event.text() in ("-", "−"):
            self.step_requested.emit(row, -1)
            return
        if row >= 0 and event.text().isdigit() and self.state() != TableView.State.EditingState:
            # A digit starts a new quantity for the selected item (the key goes on to the editor).
            self.setCurrentIndex(self.model().index(row, HandCountModel.QTY))
        super().keyPressEvent(event)


class HandCountedDialog(QDialog):
    results_changed = Signal(int)
    """The search results were refreshed; how many there are."""
    saved = Signal(int)
    """Save added this many units to the session."""

    def __init__(self, engine: Engine, session_id: str, count: Count, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.session_id = session_id
        self.count = count
        self.directed = count.kind is CountKind.DIRECTED
        self.setWindowTitle(self.tr("Hand-Counted Items"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(self.windowTitle())
        heading.setProperty("role", "title")
        hint = QLabel(
            self.tr(
                "Search by SKU or parent product name and press Enter to add. "
                "Only items on this count's directed list can be added."
            )
            if self.directed
            else self.tr("Search by SKU or parent product name and press Enter to add.")
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self._build_search()
        self._build_table()
        buttons, cancel, self.save_button = button_row(self, self.tr("Save"), leading=self.total)
        self.save_button.clicked.connect(self.save)
        # Enter belongs to the search field and the lists here, never to a default button.
        for button in (cancel, self.save_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.search.returnPressed.connect(self.add_selected)
        self.results.row_activated.connect(self._add_row)
        self.results.button_clicked.connect(lambda row, _col: self._add_row(row))
        self.table.button_clicked.connect(self._on_button)
        self.table.delete_requested.connect(self.model.remove)
        self.table.step_requested.connect(self.model.step)
        self.model.total_changed.connect(self._on_total)
        fit_to_window(self, parent)
        self._on_total(0)
        self.search.setFocus()

    def _build_search(self) -> None:
        """The search field and the results it offers (hidden until there are some)."""
        self.search, self._timer = search_field(
            self, self.tr("SKU or parent product name, then Enter"), self.run_search
        )
        self.search.installEventFilter(self)
        self.results_model = CandidateModel(self, show_reason=False)
        self.results = TableView(self.results_model, stretch=CandidateModel.PRODUCT, lines_per_row=2)
        self.results.size_columns([(CandidateModel.SKU, 110), (CandidateModel.CODE, 150)])
        self.results.setMaximumHeight(150)
        self.results.hide()

    def _build_table(self) -> None:
        """The items added so far, with their quantity editor and the +, − and × buttons."""
        self.status = QLabel()
        self.status.setProperty("role", "hint")
        self.model = HandCountModel(self)
        self.table = HandItemsView(
            self.model,
            stretch=HandCountModel.PRODUCT,
            button_columns={HandCountModel.MINUS: 52, HandCountModel.PLUS: 52, HandCountModel.REMOVE: 52},
            fixed_columns={HandCountModel.QTY: 90, HandCountModel.SKU: 110},
            lines_per_row=2,
        )
        self.table.setItemDelegateForColumn(HandCountModel.QTY, QuantityDelegate(self.table))
        triggers = TableView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked | triggers.SelectedClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.error = error_label()
        self.total = QLabel()
        self.total.setProperty("role", "totals")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search field walks into the results, so any of them can be picked by keyboard.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results_model.rowCount()
        ):
            self.results.setFocus()
            self.results.selectRow(min(1, self.results_model.rowCount() - 1))
            return True
        return False

    @Slot()
    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        found = self.engine.read(search_matches, text, self.count.id if self.directed else None) if text else []
        self.results_model.set_candidates(found)
        self.results.setVisible(bool(found))
        if found:
            self.results.selectRow(0)
            self.status.setText(self.tr("%n matches: Enter adds the highlighted one.", "", len(found)))
        elif text:
            none = (
                self.tr("No product on this count's directed list matches “{text}”.")
                if self.directed
                else self.tr("No product matches “{text}”.")
            )
            self.status.setText(none.format(text=text))
        else:
            self.status.setText("")
        self.results_changed.emit(len(found))

    @Slot()
    def add_selected(self) -> None:
        if self._timer.isActive() or self.results_model.rowCount() == 0:
            self.run_search()
        row = max(self.results.current_row(), 0)
        self._add_row(row)

    @Slot(int)
    def _add_row(self, row: int) -> None:
        candidate = self.results_model.candidate(row)
        if candidate is None:
            return
        added = self.model.add(candidate)
        self.table.selectRow(added)
        self.status.setText(self.tr("Added {name} ({sku}).").format(name=candidate.name, sku=candidate.sku))
        self.search.clear()
        self._timer.stop()
        self.results_model.set_candidates([])
        self.results.hide()
        self.search.setFocus()

    @Slot(int, int)
    def _on_button(self, row: int, column: int) -> None:
        if column == HandCountModel.MINUS:
            self.model.step(row, -1)
        elif column == HandCountModel.PLUS:
            self.model.step(row, +1)
        elif column == HandCountModel.REMOVE:
            self.model.remove(row)

    @Slot(int)
    def _on_total(self, units: int) -> None:
        items = self.model.rowCount()
        self.total.setText(
            self.tr("{items}, {units}").format(
                items=self.tr("%n items", "", items), units=self.tr("%n units", "", units)
            )
        )
        self.save_button.setEnabled(items > 0)

    @Slot()
    def save(self) -> None:
        items = self.model.items()
        if not items:
            return
        try:
            units = self.engine.counting.add_hand_counted(self.engine.actor, self.session_id, items)
        except KnownError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.saved.emit(units)
        self.accept()
