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
from scanapp.gui.widgets.background import Background
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
    body under `self.header` and fill it in `load()`.

    A large count's lines are computed once on a worker thread (half a second at 50,000 items), the tab saying
    so meanwhile, then kept and brought up to date in milliseconds: the screen never waits for it."""

    COMPUTED_HERE_UP_TO = 5_000
    """A count of at most this many items and units is computed right away (tens of ms, no flicker)."""

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
        self.reading = QLabel(self.tr("Reading the count…"))
        self.reading.setProperty("role", "hint")
        self.reading.hide()
        self.header.addWidget(self.reading)
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
        self.background = Background(self)
        self._pending: set[str] = set()
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
        count_id = self.count_id
        if count_id is not None and self._computed_elsewhere(count_id):
            self._prepare(count_id)
            return
        self.reading.hide()
        try:
            self.load(count_id)
        except KnownError as err:
            self.message_bar.show_error(error_text(err))
        self.refreshed.emit()

    @property
    def is_reading(self) -> bool:
        """A count's lines are being computed on the worker thread; the tab shows them once they are."""
        return bool(self._pending)

    def _computed_elsewhere(self, count_id: str) -> bool:
        if self.reads.is_kept(count_id):
            return False
        row = next((r for r in self.counts if r.count.id == count_id), None)
        return row is None or self._large(row)

    def _large(self, row: CountRow) -> bool:
        return row.count.expected_total + row.units > self.COMPUTED_HERE_UP_TO

    def _prepare(self, count_id: str) -> None:
        self.reading.show()
        self._start(count_id)
        self.load(None)  # nothing of another count meanwhile, and no read that would wait for this one

    def _start(self, count_id: str) -> None:
        if count_id not in self._pending:
            self._pending.add(count_id)
            self.background.run(lambda: self.reads.prepare(count_id), lambda _r, err: self._prepared(count_id, err))

    def _prepared(self, count_id: str, err: BaseException | None) -> None:
        self._pending.discard(count_id)
        if err is not None and not isinstance(err, KnownError):
            raise err  # a bug: the crash handler's
        if count_id != self.count_id:
            return  # computed ahead (prefetch), or another count was picked meanwhile
        if err is not None:
            self.reading.hide()
            self.message_bar.show_error(error_text(err))
            return
        self._reload()

    def prefetch(self) -> None:
        """Start computing the count this tab would show, before it is shown (the station does on opening)."""
        counts = self.counts or self.reads.counts()
        count_id = self.count_id or (counts[0].count.id if counts else None)
        row = next((r for r in counts if r.count.id == count_id), None)
        if row is not None and not self.reads.is_kept(row.count.id) and self._large(row):
            self._start(row.count.id)

    def stop(self) -> None:
        self.background.stop()

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
