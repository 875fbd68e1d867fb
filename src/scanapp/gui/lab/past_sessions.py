"""View Past Inventory Reconciliation Sessions (L7, L13): the ended sessions, and one of them read-only for
audit, with every scan and its tag, every action, every resolution and the unknown codes; its report saved as
CSV, JSON or PDF."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from scanapp.domain.lab_rows import LabSessionRow
from scanapp.gui.models.lab_tables import RecordsModel, SessionsModel
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_parts import button_row, error_label, fit_to_window
from scanapp.gui.widgets.views import TableView
from scanapp.services import lab_report

log = logging.getLogger(__name__)

PathChooser = Callable[[QWidget, str, str], str]
"""(parent, suggested file name, filter) -> the chosen path, "" when cancelled."""


def choose_path(parent: QWidget, suggested: str, filter_: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PastSessionsDialog", "Save the report"), suggested, filter_
    )
    return str(path)


SCANS = (
    (
        QT_TRANSLATE_NOOP("Columns", "When"),
        QT_TRANSLATE_NOOP("Columns", "Code"),
        QT_TRANSLATE_NOOP("Columns", "Ingredient"),
        QT_TRANSLATE_NOOP("Columns", "Found at"),
        QT_TRANSLATE_NOOP("Columns", "Tag"),
        QT_TRANSLATE_NOOP("Columns", "User"),
    ),
    ("at", "code", "ingredient", "found_at", "tag", "user"),
)
ACTIONS = (
    (
        QT_TRANSLATE_NOOP("Columns", "When"),
        QT_TRANSLATE_NOOP("Columns", "Item"),
        QT_TRANSLATE_NOOP("Columns", "Action"),
        QT_TRANSLATE_NOOP("Columns", "Detail"),
        QT_TRANSLATE_NOOP("Columns", "User"),
    ),
    ("at", "barcode", "action", "detail", "user"),
)
RESOLUTIONS = (
    (
        QT_TRANSLATE_NOOP("Columns", "When"),
        QT_TRANSLATE_NOOP("Columns", "Item"),
        QT_TRANSLATE_NOOP("Columns", "Resolution"),
        QT_TRANSLATE_NOOP("Columns", "Detail"),
        QT_TRANSLATE_NOOP("Columns", "User"),
    ),
    ("at", "barcode", "resolution", "detail", "user"),
)
UNKNOWN = (
    (QT_TRANSLATE_NOOP("Columns", "Code"), QT_TRANSLATE_NOOP("Columns", "Scans"), QT_TRANSLATE_NOOP("Columns", "Note")),
    ("code", "scans", "note"),
)


class PastSessionsDialog(QDialog):
    def __init__(self, engine: Engine, parent: QWidget | None = None, choose: PathChooser = choose_path) -> None:
        super().__init__(parent)
        self.engine = engine
        self.choose = choose
        self.report: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("View Past Inventory Reconciliation Sessions"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(self.tr("Past Inventory Reconciliation Sessions"))
        heading.setProperty("role", "title")
        self.sessions = SessionsModel(self)
        self.sessions.set_rows(engine.lab_reads.sessions(past=True))
        self.empty = QLabel(self.tr("No reconciliation session has ended yet."))
        self.empty.setVisible(self.sessions.rowCount() == 0)
        self.list = TableView(self.sessions, stretch=0)
        self.list.clicked.connect(self._chosen)
        self.list.row_activated.connect(lambda row: self.show_session(row))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setProperty("role", "subtitle")
        self.tabs = QTabWidget()
        self.models: dict[str, RecordsModel] = {}
        for key, (headers, keys), label in (
            ("scans", SCANS, self.tr("Scans")),
            ("actions", ACTIONS, self.tr("Actions")),
            ("resolutions", RESOLUTIONS, self.tr("Resolutions")),
            ("unknown_codes", UNKNOWN, self.tr("Unknown codes")),
        ):
            model = RecordsModel(tuple(str(h) for h in headers), keys, self)
            self.models[key] = model
            self.tabs.addTab(TableView(model, stretch=min(3, len(keys) - 1)), label)
        self.error = error_label()
        exports = QHBoxLayout()
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt in ("csv", "json", "pdf"):
            button = QPushButton(self.tr("Save {format}").format(format=fmt.upper()))
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
            button.setEnabled(False)
            exports.addWidget(button)
            self.export_buttons[fmt] = button
        holder = QWidget()
        holder.setLayout(exports)
        buttons, cancel, close = button_row(self, self.tr("Close"), leading=holder)
        cancel.hide()
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        fit_to_window(self, parent)

    @Slot(QModelIndex)
    def _chosen(self, index: QModelIndex) -> None:
        self.show_session(index.row())

    def show_session(self, row: int) -> None:
        chosen = self.sessions.data(self.sessions.index(row, 0), ROW_ROLE)
        if not isinstance(chosen, LabSessionRow):
            return
        self.list.selectRow(row)
        self.report = self.engine.lab_reads.report(chosen.session.id)
        totals = self.report["totals"]
        self.title.setText(
            self.tr(
                "{name} · read-only · found {found} of {expected}, {unknown} unknown code(s), {scans} scans"
            ).format(
                name=chosen.count.name,
                found=totals["found"],
                expected=totals["expected"],
                unknown=totals["unknown_codes"],
                scans=totals["scans"],
            )
        )
        for key, model in self.models.items():
            model.set_rows(self.report[key])
        for button in self.export_buttons.values():
            button.setEnabled(True)

    def export(self, fmt: str) -> None:
        if self.report is None:
            return
        name = str(self.report["session"]["name"]).replace("/", "-")
        path = self.choose(self, f"{name}.{fmt}", f"{fmt.upper()} (*.{fmt})")
        if not path:
            return
        try:
            if fmt == "pdf":
                lab_report.write_pdf(self.report, path)
            else:
                with open(path, "w", encoding="utf-8", newline="") as out:
                    (lab_report.write_json if fmt == "json" else lab_report.write_csv)(self.report, out)
        except OSError as err:
            log.warning("could not save the report to %s: %s", path, err)
            self.error.setText(self.tr("The report was not saved: {error}").format(error=err.strerror or err))
            self.error.show()
            return
        self.error.hide()
        self.title.setText(self.tr("Saved to {path}.").format(path=path))
