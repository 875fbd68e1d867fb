"""The session screen: count name and type, the session's actions (C4), the scan button and scanner input
(C5), the scans newest first with remove (C6), the category tabs with their counts and the totals (C7),
matching unmatched scans (C8) and hand-counted items (C9).

Opening a session takes its lock (one user/device at a time); leaving releases it. A session held by
someone else opens read-only: every action is disabled and the page says who holds it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain import counts as rules
from scanapp.domain.classification import Category, tabs_for
from scanapp.domain.counts import Count, CountKind, Session, SessionState
from scanapp.domain.errors import ConfirmationRequired, SessionLocked, UnmatchedItemsRemain
from scanapp.domain.permissions import OPEN_COUNTS, START_EARLY
from scanapp.domain.tally import Totals
from scanapp.errors import KnownError
from scanapp.gui.capture.wedge_input import WedgeInput
from scanapp.gui.dialogs.confirm import ConfirmDialog
from scanapp.gui.dialogs.hand_counted import HandCountedDialog
from scanapp.gui.dialogs.match_product import MatchProductDialog
from scanapp.gui.dialogs.session_form import SessionFormDialog
from scanapp.gui.engine import Engine
from scanapp.gui.feedback import ScanFeedback
from scanapp.gui.formatting import day_and_time, holder, plural
from scanapp.gui.message_bar import MessageBar
from scanapp.gui.models.items import ItemsModel, UncountedModel
from scanapp.gui.models.paged import PagedTableModel
from scanapp.gui.models.scan_lines import ScanListModel
from scanapp.gui.models.unmatched import UnmatchedModel
from scanapp.gui.scan_button import ScanButton
from scanapp.gui.style import set_property
from scanapp.gui.views import TableView
from scanapp.scanners.pipeline import ScanPipeline
from scanapp.scanners.read import ScanRead
from scanapp.scanners.settings import ScannerSettings
from scanapp.scanners.sources import DeviceSource
from scanapp.scanners.state import CONNECTED, DISCONNECTED
from scanapp.services.counting import ScanOutcome
from scanapp.store import queries

log = logging.getLogger(__name__)

# Keyboard: the seed's labels, with mnemonics that do not clash.
TAB_TITLES = {
    Category.COUNTED: "&Counted",
    Category.UNMATCHED: "&Unmatched",
    Category.UNDIRECTED: "Un&directed",
    Category.UNCOUNTED: "Unc&ounted",
}
# QTimer's longest single shot is about 24 days; a later start is picked up by the next refresh.
_MAX_TIMER_MS = 2**31 - 1


class SessionPage(QWidget):
    closed = Signal()
    """The user left the session (back to the counts list)."""
    discarded = Signal(str)
    """The session was discarded (its name); the page has closed."""
    scan_recorded = Signal(object)
    """A ScanOutcome, emitted only after the scan was durably recorded."""
    refreshed = Signal()
    """The page shows the store's current state of the session."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.session: Session | None = None
        self.count: Count | None = None
        self.last_session_id: str | None = None
        """The session shown last (kept after leaving, so the counts list can put the focus back on it)."""
        self.totals = Totals()
        self.dialog: ConfirmDialog | SessionFormDialog | MatchProductDialog | HandCountedDialog | None = None
        self.pipeline = ScanPipeline()
        self.device: DeviceSource | None = None
        """The serial or evdev scanner read while a session is open (None for the keyboard wedge)."""
        self.feedback = ScanFeedback(self)
        self._user_names: dict[str, str] = {}
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.refresh)

        # -- header: where am I ----------------------------------------------------------------------------
        self.back_button = QPushButton("‹ Counts")
        self.back_button.setToolTip("Back to the counts list (Alt+Left); releases this session for others")
        self.back_button.clicked.connect(self.leave)
        QShortcut(QKeySequence("Alt+Left"), self, self.leave)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "title")
        self.type_label = QLabel()
        self.type_label.setProperty("role", "subtitle")
        self.session_label = QLabel()
        self.session_label.setProperty("role", "subtitle")
        self.state_chip = QLabel()
        self.state_chip.setProperty("chip", "")
        self.user_label = QLabel()
        self.user_label.setProperty("role", "hint")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        first = QHBoxLayout()
        first.addWidget(self.count_label)
        first.addWidget(self.type_label)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.session_label)
        second.addWidget(self.state_chip)
        second.addWidget(self.user_label)
        second.addStretch(1)
        titles.addLayout(first)
        titles.addLayout(second)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addLayout(titles, 1)
        self.totals_label = QLabel()
        self.totals_label.setProperty("role", "totals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.totals_label.setAccessibleName("Totals")
        header.addWidget(self.totals_label)

        self.lock_bar = MessageBar()
        self.lock_bar.close_button.hide()
        self.message_bar = MessageBar()

        # -- the scan row and the session's actions ------------------------------------------------------------
        self.scanner_input = QLineEdit()
        self.scanner_input.setObjectName("scannerInput")
        self.scanner_input.setPlaceholderText("Scan here")
        self.scanner_input.setAccessibleName("Scanner input")
        self.scanner_input.setMinimumWidth(150)
        self.scanner_input.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.wedge = WedgeInput(self.scanner_input, clock=engine.app.clock)
        self.wedge.scan_read.connect(self.on_scan_read)
        self.scan_button = ScanButton(self.scanner_input)
        self.scan_button.start_requested.connect(self.start_counting)
        self.scan_button.resume_requested.connect(self.focus_scanner)

        self.edit_button = QPushButton("&Edit")
        self.edit_button.setToolTip("Change the session's name and area")
        self.edit_button.clicked.connect(self.edit)
        self.discard_button = QPushButton("D&iscard")
        self.discard_button.setProperty("variant", "danger")
        self.discard_button.clicked.connect(self.discard)
        self.submit_button = QPushButton("&Submit")
        self.submit_button.setProperty("variant", "primary")
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button = QPushButton("&Re-open session")
        self.reopen_button.setProperty("variant", "reopen")
        self.reopen_button.clicked.connect(self.reopen)
        self.discarded_badge = QLabel("Session discarded")
        self.discarded_badge.setObjectName("discardedBadge")
        actions = QHBoxLayout()
        actions.addWidget(self.scan_button)
        actions.addWidget(self.scanner_input, 1)
        actions.addStretch(0)  # keeps the actions on the right when the scan row is hidden
        actions.addSpacing(8)
        for w in (self.edit_button, self.discard_button, self.submit_button, self.reopen_button, self.discarded_badge):
            actions.addWidget(w)

        # -- scans (left) and categories (right) ------------------------------------------------------------
        self.scan_model = ScanListModel(engine, self)
        self.scan_view = TableView(
            self.scan_model,
            stretch=ScanListModel.SCAN,
            button_columns={ScanListModel.REMOVE: 48},
            lines_per_row=2,
        )
        self.scan_view.setAccessibleName("Scans, newest first")
        self.scan_view.button_clicked.connect(lambda row, _column: self.remove_scan(row))
        self.scan_view.delete_requested.connect(self.remove_scan)
        self.scans_label = QLabel("Sca&ns")
        self.scans_label.setProperty("role", "subtitle")
        self.scans_label.setBuddy(self.scan_view)  # Alt+N: to the scan list (Delete removes the selected scan)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.scans_label)
        left_layout.addWidget(self.scan_view, 1)

        self.counted_model = ItemsModel(engine, Category.COUNTED, self)
        self.undirected_model = ItemsModel(engine, Category.UNDIRECTED, self)
        self.unmatched_model = UnmatchedModel(engine, self)
        self.uncounted_model = UncountedModel(engine, self)
        self.models: dict[Category, PagedTableModel] = {  # type: ignore[type-arg]
            Category.COUNTED: self.counted_model,
            Category.UNMATCHED: self.unmatched_model,
            Category.UNDIRECTED: self.undirected_model,
            Category.UNCOUNTED: self.uncounted_model,
        }
        self.views: dict[Category, TableView] = {
            Category.COUNTED: self._items_view(self.counted_model),
            Category.UNMATCHED: TableView(
                self.unmatched_model,
                stretch=UnmatchedModel.CARD,
                button_columns={UnmatchedModel.MATCH: 96},
                lines_per_row=4,
                parent=self,
            ),
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
        unmatched_view = self.views[Category.UNMATCHED]
        unmatched_view.button_clicked.connect(lambda row, _column: self.match(row))
        unmatched_view.row_activated.connect(self.match)
        # Keyboard: Alt+M matches the selected unmatched scan (the newest when none is selected).
        QShortcut(QKeySequence("Alt+M"), self, self.match_selected)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabBar().setExpanding(False)

        # Scans take 5/13 of the width and the tabs 8/13, at any window size.
        for panel in (left, self.tabs):
            panel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        panels = QHBoxLayout()
        panels.setSpacing(8)
        panels.addWidget(left, 5)
        panels.addWidget(self.tabs, 8)

        # -- bottom: hand-counted items, the last scan, totals --------------------------------------------------
        self.hand_button = QPushButton("&Hand-Counted Items")
        self.hand_button.setToolTip("Add items that were counted by hand")
        self.hand_button.clicked.connect(self.hand_counted)
        self.last_scan = QLabel()
        self.last_scan.setObjectName("lastScan")
        self.last_scan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hand_button)
        bottom.addWidget(self.last_scan, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.lock_bar)
        layout.addWidget(self.message_bar)
        layout.addLayout(actions)
        layout.addLayout(panels, 1)
        layout.addLayout(bottom)

    def _items_view(self, model: ItemsModel) -> TableView:
        return TableView(
            model,
            stretch=ItemsModel.PRODUCT,
            fixed_columns={ItemsModel.SKU: 90, ItemsModel.UNITS: 64, ItemsModel.EXPECTED: 90},
            lines_per_row=2,
            parent=self,
        )

    # -- opening and leaving ---------------------------------------------------------------------------------

    def open(self, session_id: str, focus: bool = True) -> None:
        """Show a session and take its lock. If someone else holds it, show it read-only and say who."""
        self.message_bar.clear()
        self.last_scan.clear()
        set_property(self.last_scan, "status", "")
        self.session = self.engine.read(queries.session, session_id)
        self.last_session_id = session_id
        self.count = self.engine.read(queries.count, self.session.count_id)
        self._user_names = {u.user_id: u.display_name for u in self.engine.read(queries.users)}
        self.pipeline = ScanPipeline(self.engine.app.scanner_settings.load())
        self.wedge.set_settings(self.pipeline.settings)
        self.wedge.clear()
        self._start_device(self.pipeline.settings)
        if self.session.state is not SessionState.DISCARDED:
            try:
                self.engine.counting.claim(self.engine.actor, session_id)
            except SessionLocked:
                pass  # shown read-only: refresh() says who holds it
            except KnownError as err:
                self.message_bar.show_error(str(err))
        self._build_tabs(self.count.kind)
        for model in (self.scan_model, *self.models.values()):
            model.set_session(session_id)  # type: ignore[attr-defined]
        self.refresh()
        if focus and self.can_scan():
            self.focus_scanner()

    @Slot()
    def leave(self) -> None:
        """Back to the counts list, releasing the lock for the next user or device."""
        if self.dialog is not None and self.dialog.isVisible():
            return
        self.release()
        self.closed.emit()

    def release(self) -> None:
        session = self.session
        actor = self.engine.signed_in_actor
        if session is not None and actor is not None:
            try:
                self.engine.counting.release(actor, session.id)
            except KnownError as err:  # the store is locked or gone: the lock stays, a supervisor can free it
                log.warning("could not release session %s: %s", session.id, err)
            self.engine.session_changed.emit(session.id)
        self.session = None
        self.count = None
        self._start_timer.stop()
        self._stop_device()
        self.wedge.clear()
        for model in (self.scan_model, *self.models.values()):
            model.set_session(None)  # type: ignore[attr-defined]

    def _build_tabs(self, kind: CountKind) -> None:
        self.tabs.clear()
        for category in tabs_for(kind):
            self.tabs.addTab(self.views[category], TAB_TITLES[category])
        # A hard count has no list: nothing is "expected".
        self.views[Category.COUNTED].setColumnHidden(ItemsModel.EXPECTED, kind is CountKind.HARD)

    # -- a serial or evdev scanner ----------------------------------------------------------------------------

    def _start_device(self, settings: ScannerSettings) -> None:
        """Serial and evdev scanners are read while the session is open, whatever has the focus; the
        keyboard wedge needs nothing: it types into the scanner input."""
        self._stop_device()
        self.scanner_input.setPlaceholderText("Scan here")
        if settings.kind == "wedge":
            return
        try:
            device = self.engine.app.device_sources(settings, self)
        except KnownError as err:
            self.message_bar.show_error(f"Scanner: {err}")
            return
        self.device = device
        device.scan_read.connect(self.on_scan_read)
        device.state_changed.connect(self._on_device_state)
        device.start()

    def _stop_device(self) -> None:
        device, self.device = self.device, None
        if device is not None:
            device.stop()
            device.deleteLater()

    @Slot(str, str)
    def _on_device_state(self, state: str, message: str) -> None:
        device = getattr(self.device, "source", "scanner")
        self.scanner_input.setPlaceholderText(f"{device}: {state}")
        if state == DISCONNECTED:
            self.message_bar.show_warning(f"Scanner {device} disconnected: {message}")
        elif state == CONNECTED and self.message_bar.kind == "warning":
            self.message_bar.clear()

    # -- state -------------------------------------------------------------------------------------------------

    def locked_elsewhere(self) -> bool:
        return self.session is not None and rules.locked_by_other(self.session, self.engine.actor, self.engine.now())

    def may_count(self) -> bool:
        return self.engine.actor.has_any(OPEN_COUNTS)

    def can_work(self) -> bool:
        """Every session action: this user may count, and no one else holds the session."""
        return self.session is not None and self.may_count() and not self.locked_elsewhere()

    def can_scan(self) -> bool:
        return self.can_work() and self.session is not None and self.session.state is SessionState.IN_PROGRESS

    @Slot()
    def refresh(self, lines_changed: bool = False) -> None:
        """Show the store's current state of the session: header, lock, actions, lists, totals.

        After a scan only new lines need finding; `lines_changed` (a match, a removal) re-reads which lines
        are unmatched too."""
        if self.session is None or self.count is None:
            return
        self.session = self.engine.read(queries.session, self.session.id)
        self.totals = self.engine.read(queries.totals, self.session.id)
        self._show_header()
        self._show_actions()
        for category, model in self.models.items():
            if category is Category.UNMATCHED and not lines_changed:
                model.refresh(new_rows_on_top=True)
            else:
                model.refresh()
        self.scan_model.refresh(new_rows_on_top=True)
        self._show_counts()
        self.refreshed.emit()

    def _show_header(self) -> None:
        assert self.session is not None and self.count is not None
        actor = self.engine.actor
        self.count_label.setText(self.count.name)
        self.type_label.setText(f" · {self.count.type_label}")
        area = f" · {self.session.area}" if self.session.area else ""
        self.session_label.setText(f"{self.session.name}{area}")
        self.state_chip.setText(self.session.state.value)
        set_property(self.state_chip, "chip", self.session.state.value)
        self.user_label.setText(f"· {actor.display_name or actor.user_id}")
        if self.locked_elsewhere():
            who = holder(self.session, actor, self._user_names)
            self.lock_bar.show_warning(
                f"Held by {who}. Every action is disabled until the session is released; a supervisor can "
                "force-release it from the sessions list."
            )
        else:
            self.lock_bar.clear()

    def _show_actions(self) -> None:
        assert self.session is not None and self.count is not None
        state = self.session.state
        work = self.can_work()
        in_progress = state is SessionState.IN_PROGRESS
        submitted = state is SessionState.SUBMITTED
        discarded = state is SessionState.DISCARDED
        # C4: Edit and Discard while In progress; Submit appears only In progress; after submit only
        # Re-open session; a discarded session shows its badge and nothing else.
        self.edit_button.setVisible(not submitted and not discarded)
        self.discard_button.setVisible(not submitted and not discarded)
        self.submit_button.setVisible(in_progress)
        self.reopen_button.setVisible(submitted)
        self.discarded_badge.setVisible(discarded)
        for button in (self.edit_button, self.discard_button, self.submit_button):
            button.setEnabled(work and in_progress)
        self.reopen_button.setEnabled(work and submitted)
        self.hand_button.setVisible(not submitted and not discarded)
        self.hand_button.setEnabled(work and in_progress)
        # C5: the scan button and the scanner input.
        scanning_row = not submitted and not discarded
        self.scan_button.setVisible(scanning_row)
        self.scanner_input.setVisible(scanning_row)
        self.scanner_input.setEnabled(work and in_progress)
        why_not = ""
        allowed = work
        if not self.may_count():
            why_not = "You need FULFILL_INVCUNT_ADMIN or INV_COUNT_ADMIN to count."
        elif self.locked_elsewhere():
            why_not = "Another user or device holds this session."
        elif state is SessionState.NOT_STARTED:
            now = self.engine.now()
            if not rules.can_start_now(self.count, self.engine.actor, now):
                allowed = False
                why_not = (
                    f"Start counting opens {day_and_time(self.count.planned_start, now)}. Starting earlier needs "
                    f"{' or '.join(sorted(START_EARLY))}."
                )
                self._arm_start_timer(self.count.planned_start, now)
        self.scan_button.set_session_state(in_progress, allowed, why_not)
        if why_not and not self.locked_elsewhere() and not submitted and not discarded:
            self.lock_bar.show_warning(why_not)  # said on screen too: a touch screen has no tooltips
        # Remove and Match are actions too.
        self.scan_view.setColumnHidden(ScanListModel.REMOVE, not (work and in_progress))
        self.views[Category.UNMATCHED].setColumnHidden(UnmatchedModel.MATCH, not (work and in_progress))

    def _arm_start_timer(self, planned: datetime, now: datetime) -> None:
        ms = int((planned - now).total_seconds() * 1000) + 500
        if 0 < ms <= _MAX_TIMER_MS:
            self._start_timer.start(ms)

    def _show_counts(self) -> None:
        for i in range(self.tabs.count()):
            view = self.tabs.widget(i)
            category = next(c for c, v in self.views.items() if v is view)
            self.tabs.setTabText(i, f"{TAB_TITLES[category]} ({self.models[category].rowCount():,})")
        t = self.totals
        rejected = f", {t.rejected:,} rejected" if t.rejected else ""
        self.scans_label.setText(f"Sca&ns ({self.scan_model.rowCount():,}), newest first{rejected}")
        # C7: units scanned and unique products, from the store's session totals.
        self.totals_label.setText(f"Units scanned: {t.units:,}\nUnique products: {t.unique_items:,}")

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    @Slot()
    def show_unmatched(self) -> None:
        self.tabs.setCurrentWidget(self.views[Category.UNMATCHED])
        self.views[Category.UNMATCHED].setFocus()

    # -- scanning ----------------------------------------------------------------------------------------------

    @Slot()
    def focus_scanner(self) -> None:
        window = self.window()
        window.activateWindow()
        window.raise_()
        self.scanner_input.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def start_counting(self) -> None:
        """C5 Start counting: the session moves to In progress and the scanner input gets the focus."""
        session = self.session
        if session is None:
            return
        started = self.message_bar.attempt(lambda: self.engine.counting.start(self.engine.actor, session.id))
        if started is None:
            return
        self.message_bar.clear()
        self.refresh()
        self.engine.session_changed.emit(started.id)
        self.focus_scanner()

    @Slot(object)
    def on_scan_read(self, read: ScanRead) -> None:
        """One read from the scanner input: decoded by the pipeline, recorded durably, then shown."""
        if self.session is None:
            return
        if not self.can_scan():
            self.message_bar.show_error("This session is not being counted here: the scan was not recorded.")
            return
        result = self.pipeline.process(read)
        try:
            outcome = result.record(self.engine.counting, self.engine.actor, self.session.id)
        except KnownError as err:
            self.message_bar.show_error(f"The scan was not recorded: {err}")
            self.feedback.give("rejected", self.last_scan)
            self.refresh()
            return
        self.show_outcome(outcome)
        self.refresh()
        self.scan_recorded.emit(outcome)
        self.engine.session_changed.emit(self.session.id)

    def show_outcome(self, outcome: ScanOutcome) -> None:
        text = outcome.message
        if outcome.status == "accepted" and outcome.item_key and outcome.category is not None:
            name = self.engine.read(queries.product_names, [outcome.item_key]).get(outcome.item_key, outcome.item_key)
            text = f"{outcome.category.value}: {name}"
        self.last_scan.setText(text)
        self.last_scan.setToolTip(outcome.message)
        set_property(self.last_scan, "status", outcome.status)
        # H5: the outcome's sound, and the last-scan line flashes in its colour.
        self.feedback.give(outcome.status, self.last_scan)

    # -- session actions (C4) -------------------------------------------------------------------------------------

    def _open_dialog(self, dialog: ConfirmDialog | SessionFormDialog | MatchProductDialog | HandCountedDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    @Slot(int)
    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if self.can_scan():
            self.focus_scanner()

    @Slot()
    def edit(self) -> None:
        session = self.session
        if session is None:
            return
        actor = self.engine.actor
        dialog = SessionFormDialog(
            "Edit session",
            session.name,
            session.area,
            self.engine.read(queries.areas),
            lambda name, area: self.engine.counting.edit(actor, session.id, name, area),
            parent=self,
        )
        dialog.accepted.connect(self._after_change)
        self._open_dialog(dialog)

    @Slot()
    def discard(self) -> None:
        session = self.session
        if session is None:
            return
        dialog = ConfirmDialog(
            "Discard session?",
            f"“{session.name}” will be marked as discarded and removed from review. Its "
            f"{plural(self.totals.units, 'scanned unit')} will not count. You go back to the counts list.",
            "Discard session",
            parent=self,
            danger=True,
        )
        dialog.accepted.connect(self._discard_confirmed)
        self._open_dialog(dialog)

    @Slot()
    def _discard_confirmed(self) -> None:
        session = self.session
        if session is None:
            return
        done = self.message_bar.attempt(lambda: self.engine.counting.discard(self.engine.actor, session.id))
        if done is None:
            self.refresh()
            return
        self.engine.session_changed.emit(session.id)
        self.session = None  # discarded: nothing left to release
        self.count = None
        for model in (self.scan_model, *self.models.values()):
            model.set_session(None)  # type: ignore[attr-defined]
        self.discarded.emit(session.name)
        self.closed.emit()

    @Slot()
    def submit(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            self.engine.counting.submit(self.engine.actor, session.id)
        except UnmatchedItemsRemain as err:
            self.message_bar.show_error(str(err), "Show unmatched", self.show_unmatched)
            self.show_unmatched()
            return
        except ConfirmationRequired as err:
            self._confirm_uncounted_zero(str(err))
            return
        except KnownError as err:
            self.message_bar.show_error(str(err))
            self.refresh()
            return
        self._submitted()

    def _confirm_uncounted_zero(self, message: str) -> None:
        """B5: a hard count's submit needs an explicit "uncounted items count as zero"."""
        dialog = ConfirmDialog(
            "Submit hard count?",
            message,
            "Submit",
            parent=self,
            acknowledge="I understand: every uncounted item counts as zero",
        )
        dialog.accepted.connect(self._submit_confirmed)
        self._open_dialog(dialog)

    @Slot()
    def _submit_confirmed(self) -> None:
        session = self.session
        if session is None:
            return
        done = self.message_bar.attempt(
            lambda: self.engine.counting.submit(self.engine.actor, session.id, confirmed_uncounted_zero=True)
        )
        if done is not None:
            self._submitted()
        else:
            self.refresh()

    def _submitted(self) -> None:
        assert self.session is not None
        self.message_bar.show_info("Session submitted. Re-open it to count more.")
        self.refresh()
        self.engine.session_changed.emit(self.session.id)

    @Slot()
    def reopen(self) -> None:
        session = self.session
        if session is None:
            return
        if self.message_bar.attempt(lambda: self.engine.counting.reopen(self.engine.actor, session.id)) is None:
            self.refresh()
            return
        self.message_bar.clear()
        self._after_change()
        self.focus_scanner()

    @Slot()
    def _after_change(self) -> None:
        if self.session is not None:
            self.refresh(lines_changed=True)
            self.engine.session_changed.emit(self.session.id)

    # -- scans: remove (C6), match (C8), hand-counted (C9) ----------------------------------------------------

    @Slot(int)
    def remove_scan(self, row: int) -> None:
        scan = self.scan_model.row_at(row)
        if scan is None or self.session is None or not self.can_scan():
            return
        what = scan.name or scan.line.code or scan.line.raw
        dialog = ConfirmDialog(
            "Remove scan?",
            f"Remove the scan of {what} (#{scan.line.ordinal})? Every total adjusts.",
            "Remove scan",
            parent=self,
            danger=True,
        )
        line_id = scan.line.event_id
        dialog.accepted.connect(lambda: self._remove_confirmed(row, line_id))
        self._open_dialog(dialog)

    def _remove_confirmed(self, row: int, line_id: str) -> None:
        session = self.session
        if session is None:
            return
        try:
            self.engine.counting.remove_line(self.engine.actor, session.id, line_id)
        except KnownError as err:
            self.message_bar.show_error(str(err))
        else:
            self.last_scan.setText("Scan removed; the totals are adjusted.")
            set_property(self.last_scan, "status", "")
            shown = self.scan_model.row_at(row)
            if shown is not None and shown.line.event_id == line_id:
                self.scan_model.remove_row(row)
            else:  # the list moved meanwhile (new scans on top): read it again
                self.scan_model.reload()
        self._after_change()

    @Slot(int)
    def match(self, row: int) -> None:
        card = self.unmatched_model.row_at(row)
        if card is None or self.session is None or not self.can_scan():
            return
        count_id = self.count.id if self.count is not None and self.count.kind is CountKind.DIRECTED else None
        dialog = MatchProductDialog(self.engine, self.session.id, card.line, count_id, parent=self)
        dialog.matched.connect(self._matched)
        self._open_dialog(dialog)

    @Slot()
    def match_selected(self) -> None:
        view = self.views[Category.UNMATCHED]
        if self.tabs.indexOf(view) < 0 or self.unmatched_model.rowCount() == 0:
            return
        self.tabs.setCurrentWidget(view)
        row = max(view.current_row(), 0)
        view.selectRow(row)
        self.match(row)

    @Slot(str, str)
    def _matched(self, sku: str, category: str) -> None:
        name = self.engine.read(queries.product_names, [sku]).get(sku, sku)
        self.message_bar.show_info(f"Matched to {name}: moved to {category}.")
        self._after_change()

    @Slot()
    def hand_counted(self) -> None:
        if self.session is None or self.count is None or not self.can_scan():
            return
        dialog = HandCountedDialog(self.engine, self.session.id, self.count, parent=self)
        dialog.saved.connect(self._hand_counted_saved)
        self._open_dialog(dialog)

    @Slot(int)
    def _hand_counted_saved(self, units: int) -> None:
        self.message_bar.show_info(f"Added {plural(units, 'hand-counted unit')}.")
        self._after_change()
