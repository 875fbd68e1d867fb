"""The Barcode Tracking page (second seed): lab techs land here. The scans of the active reconciliation
session since the last Clear All, each tagged; the ⚙ cog to the right of Clear All with Start Inventory
Reconciliation Session, End Reconciliation Session and View Past Inventory Reconciliation Sessions; the Active
Inventory Reconciliation Session banner; "here" (the location scanned last) with Move all found here; the
scanned item's card, progress per location and the unknown codes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.lab import Location, Tag
from scanapp.domain.lab_rows import LabScanRow, LabSessionRow
from scanapp.domain.permissions import LAB, can_open_counts
from scanapp.errors import KnownError
from scanapp.gui.lab.banner import ActiveSessionBanner
from scanapp.gui.lab.item_card import ItemCard
from scanapp.gui.lab.menus import LabMenus
from scanapp.gui.lab.scan_controller import LabScanController
from scanapp.gui.models.lab_colours import tag_name
from scanapp.gui.models.lab_scans import LabScanModel
from scanapp.gui.models.lab_tables import ProgressModel, UnknownCodesModel
from scanapp.gui.models.table import ROW_ROLE
from scanapp.gui.shell.engine import Engine
from scanapp.gui.widgets.dialog_host import DialogHost
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.formatting import grouped
from scanapp.gui.widgets.message_bar import MessageBar
from scanapp.gui.widgets.views import TableView
from scanapp.services.lab import LabScan


class BarcodeTrackingPage(QWidget):
    counts_requested = Signal()
    sign_out_requested = Signal()
    scan_recorded = Signal(object)
    """A LabScan, emitted only after it was durably recorded."""
    refreshed = Signal()
    """The page shows the store's current state of the active session."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.active: LabSessionRow | None = None
        self.here: Location | None = None
        self.dialogs = DialogHost(self)
        self._names: dict[str, str] = {}
        self._places_of: tuple[str | None, list[str]] | None = None
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.setInterval(0)
        self._catch_up.timeout.connect(self._caught_up)
        self.banner = ActiveSessionBanner()
        self.message_bar = MessageBar()
        self.scan_model = LabScanModel(engine.lab_reads, self)
        self.progress_model = ProgressModel(self)
        self.unknown_model = UnknownCodesModel(self)
        self.card = ItemCard()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(self._header())
        layout.addWidget(self.banner)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.message_bar)
        layout.addWidget(self._body(), 1)
        self.last_scan = QLabel()
        self.last_scan.setObjectName("lastScan")
        self.last_scan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.last_scan.setWordWrap(True)  # a long tag message wraps on a small screen rather than being cut
        layout.addWidget(self.last_scan)
        self.scanning = LabScanController(self)
        self.scanning.recorded.connect(self.scan_recorded)
        self.menus = LabMenus(self)
        self.cog.setMenu(self.menus.cog_menu)
        self.banner.view_requested.connect(self.menus.open_view)
        self._connect_card()

    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Barcode Tracking"))
        title.setProperty("role", "title")
        self.user_label = QLabel()
        self.user_label.setProperty("role", "hint")
        self.counts_button = QPushButton(self.tr("C&ounts"))
        self.counts_button.setToolTip(self.tr("The store's cycle counts"))
        self.counts_button.clicked.connect(self.counts_requested)
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        row = QHBoxLayout()
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.user_label)
        row.addWidget(self.counts_button)
        row.addWidget(self.sign_out_button)
        return row

    def _toolbar(self) -> QHBoxLayout:
        self.here_label = QLabel()
        self.here_label.setProperty("role", "subtitle")
        self.scanner_input = QLineEdit()
        self.scanner_input.setObjectName("scannerInput")
        self.scanner_input.setPlaceholderText(self.tr("Scan a location, then items"))
        self.scanner_input.setAccessibleName(self.tr("Scanner input"))
        self.move_all_button = QPushButton(self.tr("Move &all found here"))
        self.move_all_button.setToolTip(self.tr("Move every item found here that the inventory records elsewhere"))
        self.move_all_button.clicked.connect(self.move_all_here)
        self.clear_button = QPushButton(self.tr("C&lear All"))
        self.clear_button.setToolTip(self.tr("Clear this list; the session keeps every scan"))
        self.clear_button.clicked.connect(self.clear_all)
        self.cog = QToolButton()
        self.cog.setText("⚙")
        self.cog.setAccessibleName(self.tr("Reconciliation sessions"))
        self.cog.setToolTip(self.tr("Reconciliation sessions: start, end, past ones"))
        self.cog.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.cog.setMinimumSize(44, 44)
        self.cog.setStyleSheet("QToolButton { font-size: 22px; } QToolButton::menu-indicator { image: none; }")
        row = QHBoxLayout()
        row.addWidget(self.here_label)
        row.addWidget(self.scanner_input, 1)
        row.addWidget(self.move_all_button)
        row.addWidget(self.clear_button)
        row.addWidget(self.cog)  # the seed: the cog is to the right of Clear All
        return row

    def _body(self) -> QWidget:
        self.scan_view = TableView(
            self.scan_model, stretch=LabScanModel.SCAN, fixed_columns={LabScanModel.TAG: 120}, lines_per_row=2
        )
        self.scan_view.setAccessibleName(self.tr("Scans, newest first"))
        self.scan_view.clicked.connect(self._scan_clicked)
        self.scans_label = QLabel()
        self.scans_label.setProperty("role", "subtitle")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.scans_label)
        left_layout.addWidget(self.scan_view, 1)
        self.progress_view = TableView(self.progress_model, stretch=0)
        self.unknown_view = TableView(self.unknown_model, stretch=2)
        self.unknown_view.row_activated.connect(self.menus_note)
        self.note_button = QPushButton(self.tr("&Note…"))
        self.note_button.clicked.connect(lambda: self.menus_note(max(self.unknown_view.current_row(), 0)))
        unknown = QWidget()
        unknown_layout = QVBoxLayout(unknown)
        unknown_layout.setContentsMargins(0, 0, 0, 0)
        unknown_layout.addWidget(self.unknown_view, 1)
        unknown_layout.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignRight)
        self.side = QTabWidget()
        self.side.addTab(self.card, self.tr("&Item"))
        self.side.addTab(self.progress_view, self.tr("&Progress"))
        self.side.addTab(unknown, self.tr("&Unknown codes"))
        for panel in (left, self.side):
            panel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(left, 1)
        row.addWidget(self.side, 1)
        return body

    @property
    def dialog(self) -> QDialog | None:
        return self.dialogs.dialog

    # -- showing the active session ----------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        self.scanning.start()
        super().showEvent(event)  # type: ignore[arg-type]
        # The tag column fits the longest tag in the screens' language, in the font the window's style gives it.
        widest = max(self.scan_view.fontMetrics().horizontalAdvance(tag_name(tag)) for tag in Tag)
        self.scan_view.size_columns([(LabScanModel.TAG, max(120, widest + 20))])

    def hideEvent(self, event: object) -> None:
        self.scanning.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    @Slot()
    def refresh(self) -> None:
        """Show the station's active session (the one it worked in last while active, else the newest)."""
        actor = self.engine.actor
        self.user_label.setText(actor.display_name or actor.user_id)
        self.counts_button.setVisible(can_open_counts(actor))
        self._names = self.engine.reads.user_names()
        station = self.engine.lab_station
        row = self.engine.lab_reads.active(station.active()) if actor.has_any(LAB) else None
        changed = (row.session.id if row else None) != (self.active.session.id if self.active else None)
        self.active = row
        if changed:
            self.here = station.here(row.session.id) if row else None
            self.scan_model.set_session(
                row.session.id if row else None, station.cleared_after(row.session.id) if row else 0
            )
            self.card.show_item(None, None)
        else:
            self.scan_model.refresh()
        self._show_state()

    def _show_state(self) -> None:
        row = self.active
        self.banner.show_session(row, self._names)
        self.menus.show_state(row)
        self.clear_button.setEnabled(row is not None and self.scan_model.rowCount() > 0)
        self.here_label.setText(
            self.tr("Here: {place}").format(place=self.here.name) if self.here else self.tr("Here: —")
        )
        self.card.show_here(self.here)
        self.move_all_button.setEnabled(row is not None and self.here is not None)
        session_id = row.session.id if row else None
        self.progress_model.set_rows(self.engine.lab_reads.progress(session_id) if session_id else [])
        self.unknown_model.set_rows(self.engine.lab_reads.unknown_codes(session_id) if session_id else [])
        unknown = self.tr("&Unknown codes ({n})").format(n=self.unknown_model.rowCount())
        if self.side.tabText(2) != unknown:  # each new title lays the tab bar out again
            self.side.setTabText(2, unknown)
        scans = self.scan_model.rowCount()
        self.scans_label.setText(self.tr("Scans since Clear All ({n}), newest first").format(n=grouped(scans)))
        self.refreshed.emit()

    def scan_taken(self, outcome: LabScan) -> None:
        """A scan was recorded (or set "here"): the card shows its item; the lists catch up at the next turn of
        the event loop, one refresh for a burst."""
        assert self.active is not None
        if outcome.kind == "location" and outcome.location is not None:
            self.here = outcome.location
            self.engine.lab_station.remember(self.active.session.id, here=self.here)
        elif outcome.item is not None:
            self.card.show_item(outcome.item, outcome.tag, self._places())
        self._catch_up.start()

    @Slot()
    def _caught_up(self) -> None:
        if self.active is None:
            return
        self.scan_model.refresh(new_rows_on_top=True)
        self.active = self.engine.lab_reads.session(self.active.session.id)
        self._show_state()

    def after_change(self) -> None:
        """An action changed items (a move, a split …): every list and the card show the store's state."""
        self._places_of = None
        if self.active is not None:
            self.active = self.engine.lab_reads.session(self.active.session.id)
        self.scan_model.refresh()
        item = self.card.item
        if item is not None:
            fresh = self.engine.lab_reads.item(item.barcode)
            self.card.show_item(fresh, self._tag_of(fresh.barcode) if fresh else None, self._places())
        self._show_state()

    def _places(self) -> list[str]:
        """The lab's places for Move… (read once per session and after actions: a scan must not scan inventory)."""
        lab = self.active.count.lab if self.active else None
        if self._places_of is None or self._places_of[0] != lab:
            self._places_of = (lab, self.engine.lab_reads.filter_values("location", lab))
        return self._places_of[1]

    def _tag_of(self, barcode: str) -> Tag | None:
        for i in range(min(self.scan_model.rowCount(), 200)):
            row = self.scan_model.row_at(i)
            if row is not None and row.item is not None and row.item.barcode == barcode:
                return row.tag
        return None

    @Slot(QModelIndex)
    def _scan_clicked(self, index: QModelIndex) -> None:
        row = self.scan_model.data(index, ROW_ROLE)
        if isinstance(row, LabScanRow) and row.item is not None:
            self.card.show_item(row.item, row.tag, self._places())
            self.side.setCurrentWidget(self.card)

    # -- the page's own actions --------------------------------------------------------------------------------

    @Slot()
    def clear_all(self) -> None:
        """Clear All: the list starts again from the next scan; the session keeps every scan (seed: it persists)."""
        if self.active is None:
            return
        newest = self.scan_model.newest
        self.message_bar.attempt(lambda: self.engine.lab_station.remember(self.active.session.id, cleared_after=newest))  # type: ignore[union-attr]
        self.scan_model.set_session(self.active.session.id, newest)
        self.card.show_item(None, None)
        self.message_bar.show_info(
            self.tr("The list is cleared. The session keeps every scan: see Inventory Reconciliation in Progress.")
        )
        self._show_state()

    @Slot()
    def move_all_here(self) -> None:
        if self.active is None or self.here is None:
            return
        here, session_id = self.here.name, self.active.session.id
        moved = self.message_bar.attempt(lambda: self.engine.lab.move_all_here(self.engine.actor, session_id, here))
        if moved is None:
            return
        self.after_change()
        if moved:
            self.message_bar.show_info(self.tr("Moved %n item(s) here to {place}.", "", len(moved)).format(place=here))
        else:
            self.message_bar.show_info(self.tr("Nothing found here is recorded elsewhere."))

    def _connect_card(self) -> None:
        card = self.card
        card.move_here_requested.connect(self._move_here)
        card.move_requested.connect(lambda place: self._card_action("move", place))
        card.split_requested.connect(lambda qty, label: self._card_action("split", qty, label))
        card.set_requested.connect(lambda qty: self._card_action("set", qty))
        card.archive_requested.connect(self.menus.confirm_archive)
        card.history_requested.connect(self.menus.open_history)

    @Slot()
    def _move_here(self) -> None:
        if self.here is not None:
            self._card_action("move", self.here.name)

    def _card_action(self, what: str, *args: object) -> None:
        item, actor = self.card.item, self.engine.actor
        if item is None:
            return
        session_id = self.active.session.id if self.active else None
        lab = self.engine.lab
        calls = {
            "move": lambda: lab.move(actor, session_id, item.barcode, str(args[0])),
            "split": lambda: lab.split(actor, session_id, item.barcode, float(args[0]), str(args[1])),  # type: ignore[arg-type]
            "set": lambda: lab.set_quantity(actor, session_id, item.barcode, float(args[0])),  # type: ignore[arg-type]
            "archive": lambda: lab.archive(actor, session_id, item.barcode),
        }
        try:
            calls[what]()
        except KnownError as err:
            self.card.say(error_text(err))
            self.message_bar.show_error(error_text(err))
            return
        done = {
            "move": self.tr("{item} moved to {place}."),
            "split": self.tr("{item} split: the new part has its own label."),
            "set": self.tr("{item}: quantity set."),
            "archive": self.tr("{item} archived."),
        }[what]
        self.card.close_form()
        self.message_bar.show_info(done.format(item=item.barcode, place=args[0] if args else ""))
        self.after_change()

    def menus_note(self, row: int) -> None:
        self.menus.open_note(row)
