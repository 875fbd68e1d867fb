"""Figures and export (S11): completion and accuracy of a count, and per session, area or counter; Export CSV and
Export PDF write the same files as `scanapp export` (through the same service), and a file that cannot be
written (a read-only folder, a full disk) is said plainly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from scanapp.domain.variance import Grouping
from scanapp.errors import KnownError
from scanapp.gui.models.supervisor_tables import FiguresModel, percent_text
from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.ports import ExportFormat, SupervisionPort, SupervisorReadsPort
from scanapp.gui.supervisor.tab_parts import SupervisorTab, supervisor_table, user_names
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.formatting import grouped


class FiguresTab(SupervisorTab):
    TITLE = str(QT_TRANSLATE_NOOP("SupervisorStation", "Figures"))
    """The tab's name in the station's tab list (its source text, marked in the station's context)."""

    def title(self) -> str:
        return QCoreApplication.translate("SupervisorStation", self.TITLE)

    def __init__(
        self,
        engine: Engine,
        reads: SupervisorReadsPort | None = None,
        writes: SupervisionPort | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, reads, writes, parent)
        self.summary = QLabel()
        self.summary.setProperty("role", "title")
        self.summary.setWordWrap(True)
        self.grouping = QComboBox()
        self.grouping.setAccessibleName(self.tr("Figures per"))
        self.grouping.addItem(self.tr("per session"), Grouping.SESSION)
        self.grouping.addItem(self.tr("per area"), Grouping.AREA)
        self.grouping.addItem(self.tr("per counter"), Grouping.COUNTER)
        self.grouping.currentIndexChanged.connect(self._load_groups)
        self.model = FiguresModel(self)
        self.table = supervisor_table(self.model, stretch=0)
        self.table.size_columns([(1, 80), (2, 90), (3, 110), (4, 90), (5, 120), (6, 80)])
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Figures")))
        bar.addWidget(self.grouping)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        self.body.addWidget(self.summary)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        self.last_export: Path | None = None

    def load(self, count_id: str | None) -> None:
        self.model.user_names = user_names(self.engine)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(count_id is not None)
        if count_id is None:
            self.summary.setText(self.tr("No count yet."))
            self.model.set_rows([])
            return
        total = self.reads.figures(count_id, None)
        if total:
            f = total[0]
            self.summary.setText(
                self.tr(
                    "Completion {completion} ({counted} of {listed} listed) · accuracy {accuracy} · {units} units"
                ).format(
                    completion=percent_text(f.completion),
                    counted=grouped(f.counted),
                    listed=grouped(f.listed),
                    accuracy=percent_text(f.accuracy),
                    units=grouped(f.units),
                )
            )
        self._load_groups()

    @Slot()
    def _load_groups(self) -> None:
        count_id = self.count_id
        self.model.set_rows(self.reads.figures(count_id, Grouping(self.grouping.currentData())) if count_id else [])

    def choose_file(self, fmt: ExportFormat) -> Path | None:
        """Where to write (the platform's save dialog); None when the user cancels."""
        suggested = str(Path.home() / f"{self.count_name or 'count'}.{fmt}")
        filters = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the count"), suggested, filters)
        return Path(path) if path else None

    @Slot()
    def export(self, fmt: ExportFormat) -> None:
        count_id = self.count_id
        if count_id is None:
            return
        path = self.choose_file(fmt)
        if path is None:
            return
        self.export_to(count_id, fmt, path)

    def export_to(self, count_id: str, fmt: ExportFormat, path: Path) -> bool:
        try:
            self.writes.export(count_id, fmt, path)
        except KnownError as err:
            self.message_bar.show_error(error_text(err))
            return False
        except OSError as err:
            self.message_bar.show_error(
                self.tr("Could not write {path}: {reason}. Choose a folder you can write to.").format(
                    path=str(path), reason=err.strerror or str(err)
                )
            )
            return False
        self.last_export = path
        self.message_bar.show_info(self.tr("Exported to {path}.").format(path=str(path)))
        return True
