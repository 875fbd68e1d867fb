"""Match Product (C8, C11): the unknown code is already in the search field, every scan of it is listed with its
time and neighbours, and likely products are offered (B2: other forms of the code, mis-reads); search by SKU or
name; Save moves every scan of the code to Counted (on the count) or Undirected (not on it), optionally
remembering the code as an alias of the product."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from scanapp.domain.barcodes import printable
from scanapp.domain.classification import Category
from scanapp.domain.rows import Candidate, UnmatchedCode
from scanapp.errors import KnownError
from scanapp.gui.models.candidates import CandidateModel
from scanapp.gui.models.unmatched import UnmatchedModel
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_parts import button_row, error_label, fit_to_window, search_field
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.views import TableView
from scanapp.services.candidates import candidates_for


class MatchProductDialog(QDialog):
    candidates_changed = Signal(int)
    """The candidate list was refreshed; how many candidates it holds."""
    matched = Signal(str, str, int)
    """Saved: the product's SKU, the category the scans moved to and how many scans moved."""

    def __init__(
        self,
        engine: Engine,
        session_id: str,
        card: UnmatchedCode,
        count_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`count_id`: the count the session belongs to; products on its directed list are offered first."""
        super().__init__(parent)
        self.engine = engine
        self.session_id = session_id
        self.count_id = count_id
        self.card = card
        self.line = card.line
        self.code = card.code
        self.result_category: Category | None = None
        self.setWindowTitle(self.tr("Match Product"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(self.windowTitle())
        heading.setProperty("role", "title")
        texts = UnmatchedModel(engine.reads, self)  # one card text for the tab and this dialog
        info = QLabel(
            "\n".join(
                [
                    self.tr("{code} matches no product: %n scans, all matched by one Save.", "", card.quantity).format(
                        code=printable(self.line.raw)
                    ),
                    *(texts.scan_text(s) for s in card.scans[:8]),
                    *([self.tr("…and %n earlier scans", "", card.quantity - 8)] if card.quantity > 8 else []),
                ]
            )
        )
        info.setProperty("role", "hint")
        info.setWordWrap(True)
        self.search, self._timer = search_field(
            self, self.tr("Code, SKU or product name"), self.run_search, text=self.code
        )
        self.model = CandidateModel(self)
        self.table = TableView(self.model, stretch=CandidateModel.PRODUCT, lines_per_row=2)
        self.table.size_columns([(CandidateModel.SKU, 110), (CandidateModel.CODE, 150)])
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.alias = QCheckBox(self.tr("Also add this code as an alias of the product"))
        self.alias.setToolTip(self.tr("Later scans of this code will match the product on every device."))
        self.error = error_label()
        buttons, cancel, self.save_button = button_row(self, self.tr("Save"), leading=self.alias)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        # Enter belongs to the search field and the lists here, never to a default button.
        for button in (cancel, self.save_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(info)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.search.returnPressed.connect(self._on_return)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.row_activated.connect(self._save_row)
        fit_to_window(self, parent)
        self.run_search()
        self.search.setFocus()

    def selected(self) -> Candidate | None:
        return self.model.candidate(self.table.current_row())

    @Slot()
    def run_search(self) -> None:
        self._timer.stop()
        found = self.engine.read(candidates_for, self.code, self.search.text(), self.count_id)
        self.model.set_candidates(found)
        if found:
            self.empty.setText(self.tr("%n possible products. Pick one and Save.", "", len(found)))
            self.table.selectRow(0)
        else:
            self.empty.setText(self.tr("No product found. Search by SKU, product name or another code."))
        self._on_selection()
        self.candidates_changed.emit(len(found))

    @Slot()
    def _on_return(self) -> None:
        if self._timer.isActive() or not self.model.rowCount():
            self.run_search()
        if self.model.rowCount():
            self.table.setFocus()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_args: object) -> None:
        self.save_button.setEnabled(self.selected() is not None)

    @Slot(int)
    def _save_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.save()

    @Slot()
    def save(self) -> None:
        candidate = self.selected()
        if candidate is None:
            return
        # Every scan of the code as the store has it now, not only those the card had when it opened.
        line_ids = self.engine.reads.unmatched_line_ids(self.session_id, self.code)
        try:
            category = self.engine.counting.match_lines(
                self.engine.actor, self.session_id, line_ids, candidate.sku, add_alias=self.alias.isChecked()
            )
        except KnownError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.result_category = category
        self.matched.emit(candidate.sku, category.value, len(line_ids))
        self.accept()
