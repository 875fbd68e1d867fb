"""The supervisor's PIN, asked again before a supervisor action (force release, a PIN reset: SPEC A1), even
when a supervisor is the one signed in and whoever is. Only users who may do the action are offered, so an
associate's own PIN never authorises it; the action is then done as the supervisor who entered theirs."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from scanapp.domain.permissions import Actor, Permission
from scanapp.domain.rows import UserRow
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.pin_entry import PinEntry
from scanapp.gui.widgets.dialog_parts import button_row


class SupervisorPrompt(QDialog):
    """Window-modal and non-blocking like the app's other dialogs: `accepted` means `actor` is a supervisor
    who has just entered their own PIN."""

    def __init__(
        self,
        engine: Engine,
        title: str,
        message: str,
        confirm_text: str,
        needed: Iterable[Permission],
        parent: QWidget | None = None,
        danger: bool = False,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.actor: Actor | None = None
        """Who authorised the action (set when the dialog is accepted)."""
        needed = frozenset(needed)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.supervisors: list[UserRow] = [u for u in engine.reads.users() if not u.permissions.isdisjoint(needed)]
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Supervisor"))
        for user in self.supervisors:
            self.who.addItem(user.display_name, user.user_id)
        self.entry = PinEntry(engine, allow_choose=False)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.who)
        self.form = form
        """The supervisor's row; a prompt for a setting adds the setting's rows above it."""
        buttons, self.cancel_button, self.confirm_button = button_row(
            self, confirm_text, variant="danger" if danger else "primary"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.entry)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.confirm_button.clicked.connect(self.entry.submit)
        self.entry.passed.connect(self._passed)
        self.who.currentIndexChanged.connect(self._who_changed)
        self._preselect()
        width = min(560, parent.window().width() - 40) if parent is not None else 480
        self.setMinimumWidth(width)
        # A wrapped label asks for one line at least; the lines it takes at this width keep the keys full size.
        self.message.ensurePolished()
        margins = layout.contentsMargins()
        self.message.setMinimumHeight(self.message.heightForWidth(width - margins.left() - margins.right()))

    def _preselect(self) -> None:
        """The signed-in user when they are a supervisor, else the first one."""
        if not self.supervisors:
            self.who.setEnabled(False)
            self.confirm_button.setEnabled(False)
            self.entry.setEnabled(False)
            self.entry.message.setText(self.tr("No user on this device may do this. A supervisor must sync first."))
            return
        signed_in = self.engine.signed_in_actor
        ids = [u.user_id for u in self.supervisors]
        index = ids.index(signed_in.user_id) if signed_in is not None and signed_in.user_id in ids else 0
        self.who.setCurrentIndex(index)
        self._who_changed(index)

    @Slot(int)
    def _who_changed(self, index: int) -> None:
        if 0 <= index < len(self.supervisors):
            self.entry.ask(self.supervisors[index])
            self.entry.prompt.hide()  # the supervisor is named in the list just above

    @Slot(object)
    def _passed(self, user: UserRow) -> None:
        self.actor = Actor(user.user_id, self.engine.device_id, user.permissions, user.display_name)
        self.accept()
