"""The lock screen: who is signed in, their PIN to carry on where they were (an open session stays open and
keeps every scan), or another user signs in instead."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scanapp.domain.rows import UserRow
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.pin_entry import PinEntry


class LockPage(QWidget):
    unlocked = Signal()
    switch_user = Signal()
    """Another user signs in (the one signed in is signed out, their session released)."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        title = QLabel(self.tr("ScanApp is locked"))
        title.setProperty("role", "title")
        self.who = QLabel()
        self.who.setProperty("role", "subtitle")
        self.who.setWordWrap(True)
        self.scans_note = QLabel(
            self.tr("Scans are not taken while the app is locked; everything scanned before is saved.")
        )
        self.scans_note.setProperty("role", "hint")
        self.scans_note.setWordWrap(True)
        self.entry = PinEntry(engine)
        self.entry.passed.connect(self._passed)
        self.other_button = QPushButton(self.tr("Sign in as someone else"))
        self.other_button.clicked.connect(self.switch_user)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setProperty("variant", "primary")
        self.unlock_button.clicked.connect(self.entry.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(self.who)
        column.addWidget(self.entry)
        column.addLayout(buttons)
        column.addWidget(self.scans_note)
        column.addStretch(1)
        # A readable column in the middle of a wide window, the whole width of a handheld's.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addStretch(1)
        layout.addLayout(column, 6)
        layout.addStretch(1)

    def ask(self, user: UserRow) -> None:
        self.who.setText(self.tr("{name} is signed in. Enter the PIN to carry on.").format(name=user.display_name))
        self.entry.ask(user)
        self.entry.prompt.setVisible(self.entry.choosing)  # "enter your PIN" is said above already
        self.entry.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _passed(self, _user: UserRow) -> None:
        self.unlocked.emit()
