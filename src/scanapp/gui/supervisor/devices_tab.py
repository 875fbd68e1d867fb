"""The Devices tab (SPEC S4, S5): every enrolled device with its sync state as the server has it, stale ones
flagged; Sync all (this device's round, then the list again) and Force release of a session a device holds,
after the supervisor's PIN (A1). Read from the server off the GUI thread; the last list read is shown "as of"
its time when the server cannot be reached."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.permissions import FORCE_RELEASE
from scanapp.gui.models.supervisor_devices import DevicesModel
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.supervisor.remote_text import as_of_text, failed_text
from scanapp.gui.supervisor.tables import fit_columns
from scanapp.gui.widgets.views import TableView
from scanapp.services.supervisor_remote import DeviceRow, Remote

STALE_TEXT = "#9a5b00"

if TYPE_CHECKING:
    from scanapp.gui.supervisor.station import SupervisorStation

COLUMN_WIDTHS = ((0, 150), (1, 150), (2, 120), (3, 120), (4, 90), (5, 90), (6, 120), (7, 160))


class DevicesTab(QWidget):
    def __init__(self, station: SupervisorStation) -> None:
        super().__init__()
        self.station = station
        self.engine = station.engine
        self.remote = self.engine.parts.supervisor_remote
        self.shown: Remote[DeviceRow] | None = None
        self._sync_pending = False
        self.model = DevicesModel(self.engine.now, self.engine.reads.user_names, self)
        self.view = TableView(self.model, stretch=DevicesModel.HELD)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.size_columns(COLUMN_WIDTHS)
        self.view.setAccessibleName(self.tr("Devices"))
        self.as_of = QLabel()
        self.as_of.setProperty("role", "hint")
        self.as_of.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.sync_button = QPushButton(self.tr("S&ync all"))
        self.sync_button.setToolTip(
            self.tr("Sync this device now, then read every device's state again (each handheld syncs on its own)")
        )
        self.sync_button.clicked.connect(self.sync_all)
        self.held_choice = QComboBox()
        self.held_choice.setAccessibleName(self.tr("Session to release"))
        self.held_choice.setMinimumContentsLength(12)
        self.held_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.release_button = QPushButton(self.tr("&Force release…"))
        self.release_button.setProperty("variant", "danger")
        self.release_button.setToolTip(self.tr("End the selected device's hold on the session (supervisor PIN)"))
        self.release_button.clicked.connect(self.force_release)
        bar = QHBoxLayout()
        bar.addWidget(self.as_of, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.sync_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Held session:")))
        actions.addWidget(self.held_choice)
        actions.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        if self.engine.sync is not None:
            self.engine.sync.round_finished.connect(self._synced)
        self._selected()

    # -- reading ---------------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        actor = self.engine.signed_in_actor
        if actor is None:
            return
        self.refresh_button.setEnabled(False)
        self.station.background.run(lambda: self.remote.devices(actor.user_id), self._answered)

    def _answered(self, result: Any, err: BaseException | None) -> None:
        self.refresh_button.setEnabled(True)
        if err is not None or not isinstance(result, Remote):
            self.station.message_bar.show_error(failed_text(err or RuntimeError(str(result))))
            return
        selected = self.selected_device()
        self.shown = result
        self.model.set_rows(list(result.rows))
        fit_columns(self.view, 220)
        self.as_of.setStyleSheet("" if result.live else f"color: {STALE_TEXT};")  # cached rows: said, in amber
        self.as_of.setText(as_of_text(result.live, result.as_of, self.engine.now(), result.problem, result.detail))
        if selected is not None:
            ids = [r.device_id for r in result.rows]
            if selected.device_id in ids:
                self.view.selectRow(ids.index(selected.device_id))
        self._selected()

    def selected_device(self) -> DeviceRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_: object) -> None:
        device = self.selected_device()
        self.held_choice.clear()
        if device is not None:
            for name, session_id in zip(device.sessions_held, device.held_ids, strict=True):
                self.held_choice.addItem(name, session_id)
        held = self.held_choice.count() > 0
        self.held_choice.setEnabled(held)
        self.release_button.setEnabled(held)

    # -- sync all --------------------------------------------------------------------------------------------

    @Slot()
    def sync_all(self) -> None:
        bridge = self.engine.sync
        if bridge is None or not bridge.enabled:
            self.station.message_bar.show_info(
                self.tr("Sync is off (no server is set): everything stays on this device.")
            )
            return
        self._sync_pending = True
        self.sync_button.setEnabled(False)
        self.station.message_bar.show_info(self.tr("Syncing this device…"))
        bridge.sync_now()

    @Slot(object)
    def _synced(self, result: Any) -> None:
        if not self._sync_pending:
            return
        self._sync_pending = False
        self.sync_button.setEnabled(True)
        if getattr(result, "ok", False):
            self.station.message_bar.show_info(self.tr("This device is synced. The list shows every device now."))
        else:
            self.station.message_bar.show_warning(
                self.tr("This device did not sync: {why}").format(why=getattr(result, "error", "") or "")
            )
        self.refresh()

    # -- force release ---------------------------------------------------------------------------------------

    @Slot()
    def force_release(self) -> None:
        device, session_id = self.selected_device(), self.held_choice.currentData()
        if device is None or not isinstance(session_id, str) or self.station.dialogs.is_open():
            return
        if self.shown is not None and not self.shown.live:
            self.station.message_bar.show_error(
                self.tr("Force release works only online: the sync server cannot be reached now. Nothing was changed.")
            )
            return
        name = self.held_choice.currentText()
        prompt = SupervisorPrompt(
            self.engine,
            self.tr("Force release “{session}”?").format(session=name),
            self.tr(
                "{device} holds this session. Released, it becomes read-only there; anything it scanned since goes to "
                "the review queue, nothing is lost. A supervisor enters their PIN."
            ).format(device=device.name or device.device_id),
            self.tr("Force release"),
            FORCE_RELEASE,
            parent=self.window(),
            danger=True,
        )

        def go() -> None:
            actor = prompt.actor
            if actor is None:
                return
            self.release_button.setEnabled(False)
            self.station.background.run(
                lambda: self.remote.force_release(actor.user_id, session_id),
                lambda epoch, err: self._released(name, epoch, err),
            )

        prompt.accepted.connect(go)
        self.station.dialogs.open(prompt)

    def _released(self, name: str, _epoch: Any, err: BaseException | None) -> None:
        if err is not None:
            self.station.message_bar.show_error(failed_text(err))
            self._selected()
            return
        self.station.message_bar.show_info(
            self.tr("“{session}” was released. It can be opened on any device now.").format(session=name)
        )
        if self.engine.sync is not None and self.engine.sync.enabled:
            self.engine.sync.sync_now()  # the session's new state comes down
        self.refresh()
