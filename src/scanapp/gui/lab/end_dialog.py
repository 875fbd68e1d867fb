"""End Reconciliation Session (L6, L9, B6): every expected item nobody found gets a resolution first (still
missing, archived, moved elsewhere, not applicable), one by one or all the rest at once; a live re-check of the
listing config shows what changed in the inventory since the start; then the end time is set."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scanapp.domain.lab import Resolution
from scanapp.domain.lab_rows import LabSessionRow, ListingRow, View
from scanapp.errors import KnownError
from scanapp.gui.models.lab_listing import ListingModel
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_parts import button_row, error_label, fit_to_window
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.formatting import grouped, resolution_name
from scanapp.gui.widgets.views import TableView


class EndSessionDialog(QDialog):
    ended = Signal()

    def __init__(self, engine: Engine, row: LabSessionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.row = row
        self.setWindowTitle(self.tr("End Reconciliation Session"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(self.tr("End Reconciliation Session: {name}").format(name=row.count.name))
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.recheck_label = QLabel()
        self.recheck_label.setWordWrap(True)
        self.recheck_label.setProperty("role", "hint")
        self.model = ListingModel(engine.lab_reads, View.NOT_SCANNED, ("barcode", "ingredient", "location"), self)
        self.table = TableView(self.model, stretch=1)
        self.resolution = QComboBox()
        for resolution in Resolution:
            self.resolution.addItem(resolution_name(resolution), resolution)
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.addItems(engine.lab_reads.filter_values("location", row.count.lab))
        self.place.setAccessibleName(self.tr("Where the items are now"))
        self.resolution.currentIndexChanged.connect(self._resolution_changed)
        self.selected_button = QPushButton(self.tr("Resolve &selected"))
        self.selected_button.clicked.connect(self.resolve_selected)
        self.rest_button = QPushButton(self.tr("Resolve all &unresolved"))
        self.rest_button.clicked.connect(self.resolve_rest)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Resolution:")))
        tools.addWidget(self.resolution)
        tools.addWidget(self.place, 1)
        tools.addWidget(self.selected_button)
        tools.addWidget(self.rest_button)
        self.error = error_label()
        buttons, _cancel, self.end_button = button_row(self, self.tr("&End Reconciliation Session"), variant="danger")
        self.end_button.clicked.connect(self.end)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.recheck_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._resolution_changed()
        self.refresh()
        fit_to_window(self, parent)

    def refresh(self) -> None:
        session_id = self.row.session.id
        self.model.set_session(session_id)
        not_found = self.model.rowCount()
        left = self.engine.lab_reads.unresolved(session_id)
        self.summary.setText(
            self.tr(
                "{not_found} of {expected} expected items were not found; {left} still need a resolution. "
                "Found: {found}."
            ).format(
                not_found=grouped(not_found),
                expected=grouped(self.row.expected),
                left=grouped(left),
                found=grouped(self.row.found),
            )
        )
        recheck = self.engine.lab_reads.recheck(session_id)
        added = ", ".join(recheck.added[:5]) + (" …" if recheck.added_total > 5 else "")
        removed = ", ".join(recheck.removed[:5]) + (" …" if recheck.removed_total > 5 else "")
        text = self.tr("Live re-check of “{config}”: ").format(config=recheck.config.name)
        if not recheck.added_total and not recheck.removed_total:
            text += self.tr("the scope is as it was at the start.")
        else:
            text += self.tr(
                "{added} item(s) match now that were not in the scope ({added_list}); {removed} in the scope no "
                "longer match ({removed_list})."
            ).format(
                added=recheck.added_total,
                added_list=added or "—",
                removed=recheck.removed_total,
                removed_list=removed or "—",
            )
        self.recheck_label.setText(text)
        self.end_button.setEnabled(left == 0)
        self.rest_button.setEnabled(left > 0)
        self.selected_button.setEnabled(not_found > 0)

    @Slot()
    def _resolution_changed(self) -> None:
        self.place.setVisible(self.resolution.currentData() == Resolution.MOVED.value)

    def _resolve(self, barcodes: list[str]) -> None:
        if not barcodes:
            return
        resolution = Resolution(self.resolution.currentData())
        try:
            self.engine.lab.resolve(
                self.engine.actor, self.row.session.id, barcodes, resolution, to=self.place.currentText()
            )
        except KnownError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.error.hide()
        self.refresh()

    @Slot()
    def resolve_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()} or {max(self.table.current_row(), 0)}
        picked = [self.model.data(self.model.index(r, 0), ROW_ROLE) for r in sorted(rows)]
        self._resolve([r.item.barcode for r in picked if isinstance(r, ListingRow)])

    @Slot()
    def resolve_rest(self) -> None:
        self._resolve(self.engine.lab_reads.unresolved_items(self.row.session.id))

    @Slot()
    def end(self) -> None:
        try:
            self.engine.lab.end(self.engine.actor, self.row.session.id)
        except KnownError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.ended.emit()
        self.accept()
