"""The Review queue tab (SPEC S3): the events the server kept out of the counts — fenced (written under a lease
a supervisor force-released), refused by a rule, sent under another user's sign-in, proposed catalog changes —
with who, device, session, what, why and when. Merge (into its own session), Move to a new session (name and
area; made on the server) or Discard, each after the supervisor's PIN (A1) and with a note; the server applies
and audits it, and a sync round brings the counts on this device up to date. Online only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.permissions import SUPERVISE
from scanapp.gui.models.supervisor_review import ReviewModel
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.supervisor.remote_text import as_of_text, failed_text
from scanapp.gui.supervisor.tables import fit_columns
from scanapp.gui.widgets.views import TableView
from scanapp.services.supervisor_remote import Remote, ReviewRow

STALE_TEXT = "#9a5b00"

if TYPE_CHECKING:
    from scanapp.gui.supervisor.station import SupervisorStation

COLUMN_WIDTHS = ((0, 120), (1, 130), (2, 120), (3, 170), (4, 200), (5, 190), (6, 260))
MERGE, MOVE, DISCARD = "merge", "move", "discard"


class ReviewTab(QWidget):
    def __init__(self, station: SupervisorStation) -> None:
        super().__init__()
        self.station = station
        self.engine = station.engine
        self.remote = self.engine.parts.supervisor_remote
        self.shown: Remote[ReviewRow] | None = None
        self.model = ReviewModel(self.engine.now, self.engine.reads.user_names, self)
        self.view = TableView(self.model, stretch=ReviewModel.DETAIL)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.size_columns(COLUMN_WIDTHS)
        self.view.setAccessibleName(self.tr("Review queue"))
        self.as_of = QLabel()
        self.as_of.setProperty("role", "hint")
        self.as_of.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setToolTip(self.tr("Count it in its own session after all"))
        self.merge_button.clicked.connect(lambda: self.ask(MERGE))
        self.move_button = QPushButton(self.tr("Move to a &new session…"))
        self.move_button.setToolTip(self.tr("Count it in a new session of the same count (name and area)"))
        self.move_button.clicked.connect(lambda: self.ask(MOVE))
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.discard_button.setProperty("variant", "danger")
        self.discard_button.setToolTip(self.tr("Leave it out of every count (it stays in the audit log)"))
        self.discard_button.clicked.connect(lambda: self.ask(DISCARD))
        bar = QHBoxLayout()
        bar.addWidget(self.as_of, 1)
        bar.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.merge_button)
        actions.addWidget(self.move_button)
        actions.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self._selected()

    # -- reading ---------------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        actor = self.engine.signed_in_actor
        if actor is None:
            return
        self.refresh_button.setEnabled(False)
        self.station.background.run(lambda: self.remote.review(actor.user_id), self._answered)

    def _answered(self, result: Any, err: BaseException | None) -> None:
        self.refresh_button.setEnabled(True)
        if err is not None or not isinstance(result, Remote):
            self.station.message_bar.show_error(failed_text(err or RuntimeError(str(result))))
            return
        selected = self.selected()
        self.shown = result
        self.model.set_rows(list(result.rows))
        fit_columns(self.view, 240)
        text = as_of_text(result.live, result.as_of, self.engine.now(), result.problem, result.detail)
        if result.live and not result.rows:
            text = self.tr("Nothing waits for review. {as_of}").format(as_of=text)
        self.as_of.setStyleSheet("" if result.live else f"color: {STALE_TEXT};")  # cached rows: said, in amber
        self.as_of.setText(text)
        if selected is not None:
            ids = [r.event_id for r in result.rows]
            if selected.event_id in ids:
                self.view.selectRow(ids.index(selected.event_id))
        self._selected()

    def selected(self) -> ReviewRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_: object) -> None:
        row = self.selected()
        for button in (self.merge_button, self.move_button, self.discard_button):
            button.setEnabled(row is not None)
        self.move_button.setEnabled(row is not None and row.session_id is not None)

    # -- resolving -------------------------------------------------------------------------------------------

    def ask(self, action: str) -> None:
        """The supervisor's PIN and a note (for a move: the new session's name and area), then the server."""
        row = self.selected()
        if row is None or self.station.dialogs.is_open():
            return
        if self.shown is not None and not self.shown.live:
            self.station.message_bar.show_error(
                self.tr("Review works only online: the sync server cannot be reached now. Nothing was changed.")
            )
            return
        titles = {
            MERGE: self.tr("Merge into “{session}”?"),
            MOVE: self.tr("Move to a new session?"),
            DISCARD: self.tr("Discard this event?"),
        }
        messages = {
            MERGE: self.tr("{who}'s {what} counts in “{session}” after all."),
            MOVE: self.tr("{who}'s {what} counts in a new session of the same count, made now."),
            DISCARD: self.tr("{who}'s {what} is left out of every count. The audit log keeps it."),
        }
        confirms = {MERGE: self.tr("Merge"), MOVE: self.tr("Move"), DISCARD: self.tr("Discard")}
        who = self.model.text(row, ReviewModel.WHO)
        what = self.model.text(row, ReviewModel.WHAT)
        prompt = SupervisorPrompt(
            self.engine,
            titles[action].format(session=row.session),
            messages[action].format(who=who, what=what, session=row.session),
            confirms[action],
            SUPERVISE,
            parent=self.window(),
            danger=action == DISCARD,
        )
        note = QLineEdit()
        note.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        name = QLineEdit(self.tr("Review of {session}").format(session=row.session)[:200])
        area = QComboBox()
        area.setEditable(True)
        area.addItems(self.engine.reads.areas())
        # Beside the PIN pad, above the PIN: the prompt stays within 480 pixels.
        fields = prompt.entry.form
        if action == MOVE:
            fields.insertRow(0, self.tr("New session"), name)
            fields.insertRow(1, self.tr("Area"), area)
        fields.insertRow(fields.rowCount() - 2, self.tr("Note"), note)

        def go() -> None:
            actor = prompt.actor
            if actor is None:
                return
            text, session_name, session_area = note.text().strip(), name.text().strip(), area.currentText().strip()
            if action == MOVE and not session_name:
                self.station.message_bar.show_error(self.tr("The new session needs a name. Nothing was changed."))
                return

            def call() -> str:
                if action == MOVE:
                    return self.remote.move_to_new_session(actor.user_id, row, session_name, session_area, text)
                return self.remote.resolve(actor.user_id, row.event_id, action, text)

            self._enable_actions(False)
            self.station.background.run(call, lambda status, err: self._resolved(action, row, err))

        prompt.accepted.connect(go)
        self.station.dialogs.open(prompt)

    def _enable_actions(self, on: bool) -> None:
        for button in (self.merge_button, self.move_button, self.discard_button):
            button.setEnabled(on)
        if on:
            self._selected()

    def _resolved(self, action: str, row: ReviewRow, err: BaseException | None) -> None:
        self._enable_actions(True)
        if err is not None:
            self.station.message_bar.show_error(failed_text(err))
            self.refresh()
            return
        done = {
            MERGE: self.tr("Merged into “{session}”. The counts update with this sync."),
            MOVE: self.tr("Moved to a new session. The counts update with this sync."),
            DISCARD: self.tr("Discarded. The audit log keeps it."),
        }
        self.station.message_bar.show_info(done[action].format(session=row.session))
        if self.engine.sync is not None and self.engine.sync.enabled:
            self.engine.sync.sync_now()  # the counts on this device catch up with the server's
        self.refresh()
