"""What the supervisor's tabs share: the count they show (a picker), "as of <last sync>" (they read this device's
store, which sync fills with every device's events: offline-first), a message bar, and a refresh."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scanapp.domain.rows import CountRow
from scanapp.errors import KnownError
from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.ports import SupervisionPort, SupervisorReadsPort
from scanapp.gui.widgets.dialog_host import DialogHost
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.formatting import day_and_time, state_name
from scanapp.gui.widgets.message_bar import MessageBar
from scanapp.gui.widgets.views import TableView
from scanapp.services.sync_state import Phase, SyncState


def supervisor_reads(engine: Engine) -> SupervisorReadsPort:
    return engine.parts.supervisor_reads


def supervision(engine: Engine) -> SupervisionPort:
    return engine.parts.supervision


def user_names(engine: Engine) -> dict[str, str]:
    return {u.user_id: u.display_name for u in engine.reads.users()}


def supervisor_table(model: QAbstractItemModel, stretch: int = 0) -> TableView:
    """The app's touch table, with room between a right-aligned number and the next column's text."""
    table = TableView(model, stretch=stretch)
    table.setObjectName("supervisorTable")
    return table


class AsOfLabel(QLabel):
    """ "As of today 14:05" (the last successful sync), "Never synced" or "No sync server", each explained in
    its tooltip; the tab keeps it up to date with the background sync when there is one."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setProperty("role", "hint")

    def refresh(self) -> None:
        bridge = self.engine.sync
        self.show_state(bridge.state if bridge is not None else self.engine.parts.sync.state())

    @Slot(object)
    def show_state(self, state: SyncState) -> None:
        if state.last_success is not None:
            when = day_and_time(state.last_success, self.engine.now())
            self.setText(self.tr("As of {when}").format(when=when))
            self.setToolTip(
                self.tr("What this device had at its last successful sync ({when}), and its own counts since.").format(
                    when=when
                )
            )
        elif state.phase is Phase.OFF:
            self.setText(self.tr("No sync server"))
            self.setToolTip(self.tr("No sync server is set: this shows this device's own counts only."))
        else:
            self.setText(self.tr("Never synced"))
            self.setToolTip(self.tr("This device has never synced: this shows its own counts only."))


class SupervisorTab(QWidget):
    """A tab of the supervisor's station: pick a count, see it as of the last sync. Subclasses lay out their
    body under `self.header` and fill it in `load()`."""

    count_changed = Signal(str)
    refreshed = Signal()

    def __init__(
        self,
        engine: Engine,
        reads: SupervisorReadsPort | None = None,
        writes: SupervisionPort | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.reads = reads if reads is not None else supervisor_reads(engine)
        self.writes = writes if writes is not None else supervision(engine)
        self.dialogs = DialogHost(self)
        self.counts: list[CountRow] = []
        self.count_box = QComboBox()
        self.count_box.setAccessibleName(self.tr("Count"))
        self.count_box.setMinimumContentsLength(8)
        self.count_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.count_box.currentIndexChanged.connect(self._count_picked)
        self.as_of = AsOfLabel(engine)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.header = QHBoxLayout()
        self.count_box.setToolTip(self.tr("The count shown"))
        self.header.addWidget(self.count_box, 2)  # no label: a handheld's 800 px go to the lists and buttons
        self.header.addWidget(self.as_of)
        self.header.addWidget(self.refresh_button)
        self.message_bar = MessageBar()
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(6, 6, 6, 6)
        self.body.addLayout(self.header)
        self.body.addWidget(self.message_bar)
        self._loading = False
        self._stale = False
        self._followed: object = None
        engine.session_changed.connect(self._changed)

    @property
    def count_id(self) -> str | None:
        data = self.count_box.currentData()
        return str(data) if data else None

    @property
    def count_name(self) -> str:
        row = next((r for r in self.counts if r.count.id == self.count_id), None)
        return row.count.name if row is not None else ""

    @Slot(str)
    def set_count(self, count_id: str) -> None:
        """Show this count (if it is in the list): a linked tab picked it, or the station opened on it."""
        index = self.count_box.findData(count_id)
        if index >= 0 and index != self.count_box.currentIndex():
            self.count_box.setCurrentIndex(index)

    @Slot()
    def refresh(self) -> None:
        """Read the counts again, keep the one shown, and reload the body."""
        current = self.count_id
        self._loading, self._stale = True, False
        try:
            self.counts = self.reads.counts()
            self.count_box.clear()
            for row in self.counts:
                self.count_box.addItem(
                    self.tr("{name} ({state})").format(name=row.count.name, state=state_name(row.state)), row.count.id
                )
            index = self.count_box.findData(current) if current else -1
            self.count_box.setCurrentIndex(index if index >= 0 else (0 if self.counts else -1))
        finally:
            self._loading = False
        self.as_of.refresh()
        self._reload()

    @Slot(int)
    def _count_picked(self, _index: int) -> None:
        if self._loading:
            return
        self._reload()
        if self.count_id:
            self.count_changed.emit(self.count_id)

    def _reload(self) -> None:
        try:
            self.load(self.count_id)
        except KnownError as err:
            self.message_bar.show_error(error_text(err))
        self.refreshed.emit()

    def load(self, count_id: str | None) -> None:
        raise NotImplementedError

    def showEvent(self, event: Any) -> None:
        """Read again when shown after something changed (a sync brought other devices' counts, a session
        changed here); the first time, read at all."""
        super().showEvent(event)
        self._follow_sync()
        if self._stale or not self.counts:
            self.refresh()

    def _follow_sync(self) -> None:
        bridge = self.engine.sync
        if bridge is not None and bridge is not self._followed:
            bridge.round_finished.connect(self._changed)
            bridge.state_changed.connect(self.as_of.show_state)
            self._followed = bridge

    @Slot()
    def _changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True


def link_counts(tabs: list[SupervisorTab]) -> None:
    """The count picked in one tab is the one the others show (the station links its count tabs)."""
    for tab in tabs:
        for other in tabs:
            if other is not tab:
                tab.count_changed.connect(other.set_count)
