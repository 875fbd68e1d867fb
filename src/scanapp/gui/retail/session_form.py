"""New session and Edit session (C3, C4): a name and an area (Backstock, Display, … as configured)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from scanapp.errors import KnownError
from scanapp.gui.widgets.dialog_parts import button_row, error_label
from scanapp.gui.widgets.error_text import error_text

SaveAction = Callable[[str, str], object]


class SessionFormDialog(QDialog):
    """`save(name, area)` runs on Save (or `save_text`, already translated); if the world refuses (a rule,
    the lock) the dialog stays open and says why."""

    def __init__(
        self,
        title: str,
        name: str,
        area: str,
        areas: list[str],
        save: SaveAction,
        save_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._save = save
        self.result_value: object = None
        heading = QLabel(title)
        heading.setProperty("role", "title")
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("e.g. Backstock left wall"))
        self.name_edit.setMaxLength(120)
        self.area_box = QComboBox()
        self.area_box.setEditable(True)
        self.area_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area_box.addItems(areas)
        self.area_box.setCurrentText(area)
        area_edit = self.area_box.lineEdit()
        if area_edit is not None:
            area_edit.setPlaceholderText(self.tr("Choose or type an area"))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Area"), self.area_box)
        self.error = error_label()
        buttons, _cancel, self.save_button = button_row(self, save_text or self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.name_edit.textChanged.connect(self._on_name_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(min(520, parent.window().width() - 40) if parent is not None else 480)
        self.name_edit.selectAll()
        self.name_edit.setFocus()
        self._on_name_changed(name)

    @Slot(str)
    def _on_name_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))

    @Slot()
    def save(self) -> None:
        try:
            self.result_value = self._save(self.name_edit.text(), self.area_box.currentText())
        except KnownError as err:
            self.error.setText(error_text(err))
            self.error.show()
            return
        self.accept()
