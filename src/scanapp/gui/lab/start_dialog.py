"""The start modal (L1): Name, Lab and Listing Config: select one, or create one with its columns and filters
over inventory (location, ingredient, status), with a live count of the items a session started now would
expect. Starting records the start time and the user (the service does, in one transaction)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.catalog import ListingConfig
from scanapp.errors import KnownError
from scanapp.gui.models.lab_listing import COLUMN_TITLES
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_parts import button_row, error_label, fit_to_window
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.formatting import inventory_status_name

NEW = "__new__"
FILTERS = {
    "location": QT_TRANSLATE_NOOP("StartSessionDialog", "Location"),
    "ingredient": QT_TRANSLATE_NOOP("StartSessionDialog", "Ingredient"),
    "status": QT_TRANSLATE_NOOP("StartSessionDialog", "Status"),
}
COLUMNS = ("barcode", "ingredient", "lab", "location", "quantity", "unit", "status")


class StartSessionDialog(QDialog):
    started = Signal(str)
    """The new session's id, once it is durably started."""
    counted = Signal(int)
    """The live count was updated (the number of matching items)."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle(self.tr("Start Inventory Reconciliation Session"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(0)
        self._recount.timeout.connect(self.update_count)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("A descriptive name, e.g. Freezers, week 12"))
        self.lab = QComboBox()
        self.lab.addItems(engine.lab_reads.labs())
        self.config = QComboBox()
        for config in engine.lab_reads.listing_configs():
            self.config.addItem(config.name, config.id)
        self.config.addItem(self.tr("Create a listing config…"), NEW)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "subtitle")
        self.count_label.setWordWrap(True)
        self.editor = self._editor()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Lab"), self.lab)
        form.addRow(self.tr("Listing &Config"), self.config)
        self.error = error_label()
        buttons, _cancel, self.start_button = button_row(self, self.tr("&Start session"))
        self.start_button.clicked.connect(self.start)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addWidget(self.editor)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        heading = QLabel(self.tr("Start Inventory Reconciliation Session"))
        heading.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.lab.currentIndexChanged.connect(self._lab_changed)
        self.config.currentIndexChanged.connect(self._config_changed)
        self._lab_changed()
        self._config_changed()
        fit_to_window(self, parent)
        self.name.setFocus()

    def _editor(self) -> QWidget:
        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        self.config_name = QLineEdit()
        self.config_name.setPlaceholderText(self.tr("The new listing config's name"))
        columns = QWidget()
        grid = QGridLayout(columns)
        grid.setContentsMargins(0, 0, 0, 0)
        self.column_boxes: dict[str, QCheckBox] = {}
        for n, column in enumerate(COLUMNS):
            box = QCheckBox(QCoreApplication.translate("Columns", str(COLUMN_TITLES[column])))
            box.setChecked(column != "unit")
            grid.addWidget(box, n // 4, n % 4)
            self.column_boxes[column] = box
        self.filter_tabs = QTabWidget()
        self.filter_models: dict[str, QStandardItemModel] = {}
        for column, title in FILTERS.items():
            model = QStandardItemModel(self)
            model.itemChanged.connect(self._recount.start)
            view = QListView()
            view.setModel(model)
            view.setMinimumHeight(120)
            self.filter_tabs.addTab(view, QCoreApplication.translate("StartSessionDialog", str(title)))
            self.filter_models[column] = model
        hint = QLabel(self.tr("Filters: tick the values an item may have (none ticked: any value)."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(QLabel(self.tr("New listing config")))
        layout.addWidget(self.config_name)
        layout.addWidget(QLabel(self.tr("Columns")))
        layout.addWidget(columns)
        layout.addWidget(hint)
        layout.addWidget(self.filter_tabs)
        return editor

    @Slot()
    def _lab_changed(self) -> None:
        lab = self.lab.currentText() or None
        for column, model in self.filter_models.items():
            ticked = self._ticked(column)
            model.blockSignals(True)
            model.clear()
            for value in self.engine.lab_reads.filter_values(column, lab):
                item = QStandardItem(inventory_status_name(value) if column == "status" else value)
                item.setData(value, Qt.ItemDataRole.UserRole)  # the value filtered on; the text is in the language
                item.setCheckable(True)
                item.setEditable(False)
                item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
                model.appendRow(item)
            model.blockSignals(False)
        self._recount.start()

    @Slot()
    def _config_changed(self) -> None:
        self.editor.setVisible(self.config.currentData() == NEW)
        self._recount.start()

    def _ticked(self, column: str) -> list[str]:
        model = self.filter_models[column]
        ticked = [model.item(i) for i in range(model.rowCount()) if model.item(i).checkState() == Qt.CheckState.Checked]
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in ticked]

    def filters(self) -> dict[str, list[str]]:
        """The filters the session would start with: the chosen config's, or the editor's ticked values."""
        chosen = self.config.currentData()
        if chosen == NEW:
            return {column: values for column in FILTERS if (values := self._ticked(column))}
        config: ListingConfig = self.engine.lab_reads.listing_config(chosen)
        return {column: list(values) for column, values in config.filters}

    @Slot()
    def update_count(self) -> None:
        lab = self.lab.currentText()
        if not lab:
            self.count_label.setText(self.tr("There is no lab inventory on this device yet."))
            self.start_button.setEnabled(False)
            return
        n = self.engine.lab_reads.matching_count(lab, self.filters())
        self.count_label.setText(self.tr("%n inventory item(s) in scope: the session will expect them.", "", n))
        self.start_button.setEnabled(True)
        self.counted.emit(n)

    @Slot()
    def start(self) -> None:
        actor, lab = self.engine.actor, self.engine.lab
        if not self.name.text().strip():  # before a new listing config is kept for nothing
            self.error.setText(self.tr("Give the session a name."))
            self.error.show()
            self.name.setFocus()
            return
        try:
            config_id = self.config.currentData()
            if config_id == NEW:
                columns = tuple(c for c, box in self.column_boxes.items() if box.isChecked())
                config_id = lab.create_listing_config(actor, self.config_name.text(), self.filters(), columns).id
                self.config.insertItem(self.config.count() - 1, self.config_name.text().strip(), config_id)
                self.config.setCurrentIndex(self.config.count() - 2)
            _count, session = lab.start(actor, self.name.text(), self.lab.currentText(), config_id)
        except KnownError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.started.emit(session.id)
        self.accept()
