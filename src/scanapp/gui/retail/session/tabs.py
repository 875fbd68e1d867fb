"""The session's lists: the scans newest first on the left (C6), the category tabs with their counts on the
right (C7, C8). Scans take 5/13 of the width and the tabs 8/13, at any window size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from scanapp.domain.classification import Category, tabs_for
from scanapp.domain.counts import CountKind
from scanapp.domain.rows import ScanRow
from scanapp.gui.models.items import ItemsModel, UncountedModel
from scanapp.gui.models.paged import SessionPagedModel
from scanapp.gui.models.scan_lines import ScanListModel
from scanapp.gui.models.unmatched import UnmatchedModel
from scanapp.gui.widgets.formatting import grouped
from scanapp.gui.widgets.views import TableView
from scanapp.services.reads import Reads

# Keyboard: the seed's labels, with mnemonics that do not clash.
TAB_TITLES = {
    Category.COUNTED: QT_TRANSLATE_NOOP("SessionTabs", "&Counted"),
    Category.UNMATCHED: QT_TRANSLATE_NOOP("SessionTabs", "&Unmatched"),
    Category.UNDIRECTED: QT_TRANSLATE_NOOP("SessionTabs", "Un&directed"),
    Category.UNCOUNTED: QT_TRANSLATE_NOOP("SessionTabs", "Unc&ounted"),
}


def tab_title(category: Category) -> str:
    return QCoreApplication.translate("SessionTabs", str(TAB_TITLES[category]))


class SessionTabs(QWidget):
    remove_requested = Signal(int)
    """Remove the scan in this row of the scan list (its × or Delete)."""
    match_requested = Signal(int)
    """Match the unmatched scan in this row of the Unmatched tab."""

    def __init__(self, reads: Reads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.scan_model = ScanListModel(reads, self)
        self.scan_view = TableView(
            self.scan_model,
            stretch=ScanListModel.SCAN,
            button_columns={ScanListModel.REMOVE: 48},
            lines_per_row=2,
        )
        self.scan_view.setAccessibleName(self.tr("Scans, newest first"))
        self.scan_view.button_clicked.connect(lambda row, _column: self.remove_requested.emit(row))
        self.scan_view.delete_requested.connect(self.remove_requested)
        self.scans_label = QLabel(self.tr("Sca&ns"))
        self.scans_label.setProperty("role", "subtitle")
        self.scans_label.setBuddy(self.scan_view)  # Alt+N: to the scan list (Delete removes the selected scan)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.scans_label)
        left_layout.addWidget(self.scan_view, 1)
        self._build_models(reads)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabBar().setExpanding(False)
        for panel in (left, self.tabs):
            panel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(left, 5)
        layout.addWidget(self.tabs, 8)

    def _build_models(self, reads: Reads) -> None:
        self.counted_model = ItemsModel(reads, Category.COUNTED, self)
        self.undirected_model = ItemsModel(reads, Category.UNDIRECTED, self)
        self.unmatched_model = UnmatchedModel(reads, self)
        self.uncounted_model = UncountedModel(reads, self)
        self.models: dict[Category, SessionPagedModel[Any] | UnmatchedModel] = {
            Category.COUNTED: self.counted_model,
            Category.UNMATCHED: self.unmatched_model,
            Category.UNDIRECTED: self.undirected_model,
            Category.UNCOUNTED: self.uncounted_model,
        }
        unmatched = TableView(
            self.unmatched_model,
            stretch=UnmatchedModel.CARD,
            button_columns={UnmatchedModel.MATCH: 96},
            lines_per_row=4,
            parent=self,
        )
        unmatched.button_clicked.connect(lambda row, _column: self.match_requested.emit(row))
        unmatched.row_activated.connect(self.match_requested)
        # Keyboard: Alt+M matches the selected unmatched scan (the newest when none is selected).
        QShortcut(QKeySequence("Alt+M"), self, self.match_selected)
        self.views: dict[Category, TableView] = {
            Category.COUNTED: self._items_view(self.counted_model),
            Category.UNMATCHED: unmatched,
            Category.UNDIRECTED: self._items_view(self.undirected_model),
            Category.UNCOUNTED: TableView(
                self.uncounted_model,
                stretch=UncountedModel.PRODUCT,
                fixed_columns={UncountedModel.SKU: 90, UncountedModel.EXPECTED: 90},
                lines_per_row=2,
                parent=self,
            ),
        }
        self.views[Category.UNDIRECTED].setColumnHidden(ItemsModel.EXPECTED, True)

    def _items_view(self, model: ItemsModel) -> TableView:
        return TableView(
            model,
            stretch=ItemsModel.PRODUCT,
            fixed_columns={ItemsModel.SKU: 90, ItemsModel.UNITS: 64, ItemsModel.EXPECTED: 90},
            lines_per_row=2,
            parent=self,
        )

    def all_models(self) -> list[SessionPagedModel[Any] | UnmatchedModel]:
        return [self.scan_model, *self.models.values()]

    def set_session(self, session_id: str | None, kind: CountKind | None = None) -> None:
        """Show this session's lists, with the tabs its count's kind has (None: show nothing)."""
        if kind is not None:
            self.tabs.clear()
            for category in tabs_for(kind):
                self.tabs.addTab(self.views[category], tab_title(category))
            # A hard count has no list: nothing is "expected".
            self.views[Category.COUNTED].setColumnHidden(ItemsModel.EXPECTED, kind is CountKind.HARD)
        for model in self.all_models():
            model.set_session(session_id)

    def refresh(self, lines_changed: bool = False) -> None:
        """Show what the store has now. After scans only the lines recorded since the newest one shown are
        read, and each model takes them in without recounting (`catch_up`); `lines_changed` (a match, a
        removal, hand counts) reads every list again."""
        if not lines_changed:
            self.catch_up()
            return
        for model in self.all_models():  # the scan list too: a line may be gone that this page did not remove
            model.refresh()

    def catch_up(self) -> bool:
        """Take in the lines recorded since the newest one shown (one read, by ordinal); False when none."""
        session_id = self.scan_model.session_id
        if session_id is None:
            return False
        rows = self.reads.scan_rows_after(session_id, self.scan_model.newest)
        return self.take_in(rows)

    def take_in(self, rows: list[ScanRow], units: dict[str, tuple[int, int]] | None = None) -> bool:
        """The scan log's rows since the newest shown (newest first), and the (units, lines) of the items they
        count for when read with them: each list takes them in without recounting. False when there are none."""
        if not rows:
            return False
        self.scan_model.add_on_top(rows)
        # The view lays its rows out at the next turn of the event loop, which repainted the window a second
        # time after the labels and totals of this one: lay them out now, one repaint for all.
        self.scan_view.executeDelayedItemsLayout()
        self.unmatched_model.lines_added(rows)
        self.undirected_model.lines_added(rows, units)
        if self.counted_model.lines_added(rows, units):  # a listed product counted at last: off the Uncounted list
            self.uncounted_model.refresh()
        return True

    def show_counts(self, rejected: int) -> None:
        """The tabs' row counts, and the scans shown with how many were rejected (bad data) or refused (no
        session could take them)."""
        for i in range(self.tabs.count()):
            view = self.tabs.widget(i)
            category = next(c for c, v in self.views.items() if v is view)
            rows = grouped(self.models[category].rowCount())
            title = self.tr("{tab} ({rows})").format(tab=tab_title(category), rows=rows)
            if self.tabs.tabText(i) != title:  # a new tab text lays the tab bar out again: only when it changed
                self.tabs.setTabText(i, title)
        scans = grouped(self.scan_model.rowCount())
        refused = self.scan_model.refused
        if rejected or refused:  # short enough for 800 px; the tooltip says which kind how often
            text = self.tr("Sca&ns ({scans}), {left_out} not counted").format(
                scans=scans, left_out=grouped(rejected + refused)
            )
            tip = self.tr("{rejected} rejected (unreadable or invalid), {refused} refused (nothing could take them)")
            tip = tip.format(rejected=grouped(rejected), refused=grouped(refused))
        else:
            text, tip = self.tr("Sca&ns ({scans}), newest first").format(scans=scans), ""
        if self.scans_label.toolTip() != tip:
            self.scans_label.setToolTip(tip)
        if self.scans_label.text() != text:
            self.scans_label.setText(text)

    def set_actions_shown(self, shown: bool) -> None:
        """Remove and Match are actions too: shown only while this user may count the session."""
        self.scan_view.setColumnHidden(ScanListModel.REMOVE, not shown)
        self.views[Category.UNMATCHED].setColumnHidden(UnmatchedModel.MATCH, not shown)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_unmatched(self) -> None:
        self.tabs.setCurrentWidget(self.views[Category.UNMATCHED])
        self.views[Category.UNMATCHED].setFocus()

    def match_selected(self) -> None:
        view = self.views[Category.UNMATCHED]
        if self.tabs.indexOf(view) < 0 or self.unmatched_model.rowCount() == 0:
            return
        self.tabs.setCurrentWidget(view)
        row = max(view.current_row(), 0)
        view.selectRow(row)
        self.match_requested.emit(row)
