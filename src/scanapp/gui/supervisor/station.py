"""The supervisor's station (SPEC S4, S5, S3 and the supervisor design card): one page of tabs, reached from the
counts list by users who may supervise. Each tab is a widget made from the station; adding one is one line
in TABS. A tab with a `refresh()` method is refreshed whenever it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.devices_tab import DevicesTab
from scanapp.gui.supervisor.figures_tab import FiguresTab
from scanapp.gui.supervisor.progress_tab import ProgressTab
from scanapp.gui.supervisor.review_tab import ReviewTab
from scanapp.gui.supervisor.tab_parts import SupervisorTab, link_counts
from scanapp.gui.supervisor.variance_tab import VarianceTab
from scanapp.gui.widgets.background import Background
from scanapp.gui.widgets.dialog_host import DialogHost
from scanapp.gui.widgets.message_bar import MessageBar

TabFactory = Callable[["SupervisorStation"], QWidget]

TABS: list[tuple[str, TabFactory]] = [
    (str(QT_TRANSLATE_NOOP("SupervisorStation", "Devices")), DevicesTab),
    (ProgressTab.TITLE, lambda station: ProgressTab(station.engine)),
    (VarianceTab.TITLE, lambda station: VarianceTab(station.engine)),
    (str(QT_TRANSLATE_NOOP("SupervisorStation", "Review queue")), ReviewTab),
    (FiguresTab.TITLE, lambda station: FiguresTab(station.engine)),
]
"""(title, factory): each tab's title (marked for translation, shown translated) and what makes it."""


class SupervisorStation(QWidget):
    engine: Engine
    back_requested = Signal()
    """Back to the counts list."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.background = Background(self)
        """The tabs' server calls, off the GUI thread."""
        self.dialogs = DialogHost(self)
        title = QLabel(self.tr("Supervisor station"))
        title.setProperty("role", "title")
        self.back_button = QPushButton(self.tr("← &Back"))
        self.back_button.setToolTip(self.tr("Back to the counts list"))
        self.back_button.clicked.connect(self.back_requested)
        self.busy_label = QLabel()
        self.busy_label.setProperty("role", "hint")
        self.background.busy_changed.connect(self._busy)
        # Back and the title sit left of the tabs, the busy note right of them: a row less at 800x480.
        header = QWidget()
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 12, 4)
        header_layout.addWidget(self.back_button)
        header_layout.addWidget(title)
        self.message_bar = MessageBar()
        """What a tab's action came to, in plain words."""
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setCornerWidget(header, Qt.Corner.TopLeftCorner)
        self.tabs.setCornerWidget(self.busy_label, Qt.Corner.TopRightCorner)
        for text, make in TABS:
            self.tabs.addTab(make(self), self.tr(text))
        # A count picked in one count tab is the one the others show.
        link_counts(self._count_tabs())
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)

    def tab(self, index: int) -> QWidget | None:
        return self.tabs.widget(index)

    @Slot()
    def refresh(self) -> None:
        """The tab shown reads again (the station was just opened)."""
        self.message_bar.clear()
        self._tab_shown(self.tabs.currentIndex())
        count_tabs = self._count_tabs()
        if count_tabs:  # they share the kept lines: the first count is computed before its tab is opened
            count_tabs[0].prefetch()

    @Slot(int)
    def _tab_shown(self, index: int) -> None:
        refresh = getattr(self.tabs.widget(index), "refresh", None)
        if callable(refresh):
            refresh()

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Asking the sync server…") if busy else "")

    def stop(self) -> None:
        """The window closes: a call under way gets a moment to finish (its answer reaches nobody)."""
        self.background.stop()
        for tab in self._count_tabs():
            tab.stop()

    def _count_tabs(self) -> list[SupervisorTab]:
        return [t for t in map(self.tabs.widget, range(self.tabs.count())) if isinstance(t, SupervisorTab)]
