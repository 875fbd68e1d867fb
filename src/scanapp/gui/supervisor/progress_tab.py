"""Count progress (S7): a count's sessions with counter, area, state, units and last activity; how many listed
items are counted and remain; its items (all, remaining or counted), and the selected item's count split by
session."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget

from scanapp.domain.variance import Status
from scanapp.gui.models.supervisor_tables import SessionsModel, SplitModel
from scanapp.gui.models.supervisor_variance import ProgressItemsModel
from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.ports import SupervisionPort, SupervisorReadsPort
from scanapp.gui.supervisor.tab_parts import SupervisorTab, supervisor_table, user_names
from scanapp.gui.widgets.formatting import grouped

WIDE_COLUMNS = ((0, 230), (1, 110), (2, 95), (3, 120))
NARROW_COLUMNS = ((0, 150), (2, 92), (3, 125))
"""On a handheld's 800 px the SKU is left out (the product's tooltip has it)."""
_COUNTED = frozenset(Status) - {Status.NOT_COUNTED}


class ProgressTab(SupervisorTab):
    TITLE = str(QT_TRANSLATE_NOOP("SupervisorStation", "Progress"))
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
        self.sessions_model = SessionsModel(engine.now(), self)
        self.sessions = supervisor_table(self.sessions_model, stretch=0)
        self.sessions.size_columns([(1, 170), (2, 110), (3, 110), (4, 100), (5, 130)])
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show items"))
        self.filter.addItem(self.tr("All items"), None)
        self.filter.addItem(self.tr("Remaining (not counted)"), frozenset({Status.NOT_COUNTED}))
        self.filter.addItem(self.tr("Counted"), _COUNTED)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.items_model = ProgressItemsModel(self.reads, self)
        self.items = supervisor_table(self.items_model, stretch=ProgressItemsModel.SESSIONS)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # 800 px: scroll sideways
        self.items.size_columns(WIDE_COLUMNS)
        self.items.selectionModel().selectionChanged.connect(self._item_selected)
        self.split_title = QLabel(self.tr("Select an item to see its count by session."))
        self.split_title.setWordWrap(True)
        self.split_model = SplitModel(self)
        self.split = supervisor_table(self.split_model, stretch=0)
        self.split.size_columns([(1, 70)])
        self.filter.setMinimumContentsLength(8)
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setToolTip(self.tr("Which items the table shows"))
        self.header.insertWidget(1, self.filter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.items, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.split_title)
        right_layout.addWidget(self.split, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(left)
        lower.addWidget(right)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.summary)
        upper_layout.addWidget(self.sessions, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.body.addWidget(self.splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= 1000
        self.items.setColumnHidden(ProgressItemsModel.SKU, not wide)
        self.items.size_columns(WIDE_COLUMNS if wide else NARROW_COLUMNS)

    def load(self, count_id: str | None) -> None:
        self.split_model.set_rows([])
        self.split_title.setText(self.tr("Select an item to see its count by session."))
        if count_id is None:
            self.summary.setText(self.tr("Reading the count…") if self.is_reading else self.tr("No count yet."))
            self.sessions_model.set_rows([])
            self.items_model.set_count(None)
            return
        progress = self.reads.progress(count_id)
        names = user_names(self.engine)
        self.sessions_model.now = self.engine.now()
        self.sessions_model.user_names = names
        self.sessions_model.set_rows(progress.sessions)
        self.items_model.session_names = {s.id: s.name for s in progress.sessions}
        self.items_model.user_names = names
        self.items_model.set_count(count_id, self.filter.currentData())
        self.summary.setText(
            self.tr("{listed} listed · {counted} counted · {remaining} remaining · {units} units counted").format(
                listed=grouped(progress.listed),
                counted=grouped(progress.counted),
                remaining=grouped(progress.remaining),
                units=grouped(progress.units),
            )
        )

    @Slot(int)
    def _filter_changed(self, _index: int) -> None:
        self.items_model.set_statuses(self.filter.currentData())

    @Slot(QItemSelection, QItemSelection)
    def _item_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.items.selectionModel().selectedRows()
        row = self.items_model.row_at(rows[0].row()) if rows else None
        if row is None or self.count_id is None:
            self.split_model.set_rows([])
            return
        parts = self.reads.items_of_session(self.count_id, row.item_key)
        self.split_model.set_rows(list(parts))
        if parts:
            self.split_title.setText(self.tr("{name}, by session").format(name=row.name))
        else:
            self.split_title.setText(self.tr("{name}: not counted in any session").format(name=row.name))
