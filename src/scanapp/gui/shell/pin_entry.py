"""The PIN field the sign-in page, the lock screen and the supervisor's prompt share: it checks a user's PIN
(wrong ones said plainly, the wait after too many shown), or lets a user without one choose it, typed twice."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from scanapp.domain.rows import UserRow
from scanapp.errors import KnownError
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.pin_pad import PinPad
from scanapp.gui.widgets.error_text import error_text
from scanapp.services.pins import MAX_LENGTH, MIN_LENGTH, Check, Outcome


class PinEntry(QWidget):
    """`ask(user)` shows the field for that user; `passed` says the PIN was right (or a new one was chosen)."""

    passed = Signal(object)
    """The UserRow whose PIN was checked or chosen."""
    refused = Signal(object)
    """The Check of a refused PIN (wrong, wait, damaged, none set)."""

    def __init__(self, engine: Engine, allow_choose: bool = True, parent: QWidget | None = None) -> None:
        """`allow_choose`: a user without a PIN may choose one here (sign-in, the lock screen: whoever takes
        the device, who then becomes the sync server's current user); elsewhere (a supervisor's PIN asked for one
        action) they are refused, and the supervisor signs in to the server too, so the action goes up under
        their own token (A2), while the pull stays under the sign-in of the person working."""
        super().__init__(parent)
        self.engine = engine
        self.allow_choose = allow_choose
        self.user: UserRow | None = None
        self.choosing = False
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.pin = self._field(self.tr("PIN or password"))
        self.again = self._field(self.tr("The same again"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("PIN"), self.pin)
        self.form.addRow(self.tr("Again"), self.again)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.message.setStyleSheet("color: #a50e0e;")
        self.pad = PinPad(self.typed_into)
        fields = QVBoxLayout()
        fields.addLayout(self.form)
        fields.addWidget(self.message)
        fields.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(fields, 1)
        row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        self.pin.returnPressed.connect(self._pin_entered)
        self.again.returnPressed.connect(self.submit)

    def refusal(self, check: Check, user: UserRow, now: datetime) -> str:
        """What a refused check says, in plain words."""
        if check.outcome is Outcome.WAIT:
            left = (check.retry_after - now).total_seconds() if check.retry_after is not None else 1
            seconds = max(math.ceil(left), 1)
            if seconds < 120:
                return self.tr("Too many wrong tries: wait %n seconds, then try again.", "", seconds)
            return self.tr("Too many wrong tries: wait %n minutes, then try again.", "", math.ceil(seconds / 60))
        if check.outcome is Outcome.DAMAGED:
            damaged = self.tr(
                "{name}'s PIN on this device is damaged and cannot be checked. A supervisor can reset it."
            )
            return damaged.format(name=user.display_name)
        if check.outcome is Outcome.NOT_SET:
            not_set = self.tr("{name} has no PIN yet: they choose one when they first sign in.")
            return not_set.format(name=user.display_name)
        if check.tries_left > 0:
            return self.tr("Wrong PIN. %n more tries before a wait.", "", check.tries_left)
        return self.tr("Wrong PIN.")

    def typed_into(self) -> QLineEdit:
        """The field the keypad types into: the second one while it has the focus, else the first."""
        return self.again if self.again.hasFocus() else self.pin

    def _field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(MAX_LENGTH)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder)
        field.setMinimumHeight(40)
        field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
        return field

    def ask(self, user: UserRow) -> None:
        self.user = user
        self.choosing = self.allow_choose and not self.engine.parts.users.has_pin(user.user_id)
        name = user.display_name
        if self.choosing:
            self.prompt.setText(
                self.tr("{name}, choose a PIN or password of at least {n} characters, and type it twice.").format(
                    name=name, n=MIN_LENGTH
                )
            )
        else:
            self.prompt.setText(self.tr("{name}, enter your PIN.").format(name=name))
        self.form.setRowVisible(self.again, self.choosing)
        self.pin.clear()
        self.again.clear()
        self.message.clear()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.pin.clear()
        self.again.clear()
        self.message.clear()

    @Slot()
    def _pin_entered(self) -> None:
        if self.choosing and not self.again.text():
            self.again.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.submit()

    @Slot()
    def submit(self) -> None:
        """Check the PIN typed, or save the one chosen; say why when it is refused."""
        if self.user is None:
            return
        if self.choosing:
            self._choose(self.user)
            return
        now = self.engine.now()
        secret = self.pin.text()
        check = self.engine.parts.users.check_pin(self.user.user_id, secret, now)
        self.pin.clear()
        if check.ok:
            self.message.clear()
            self.engine.pin_accepted(self.user.user_id, secret, current=self.allow_choose)
            self.passed.emit(self.user)
            return
        self.message.setText(self.refusal(check, self.user, now))
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refused.emit(check)

    def _choose(self, user: UserRow) -> None:
        if len(self.pin.text()) < MIN_LENGTH:
            self.message.setText(self.tr("A PIN needs at least %n characters.", "", MIN_LENGTH))
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.pin.text() != self.again.text():
            self.message.setText(self.tr("The two PINs differ. Type the same PIN in both fields."))
            self.again.clear()
            self.again.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            self.engine.parts.users.choose_pin(user.user_id, self.pin.text(), self.engine.now())
        except KnownError as err:
            self.message.setText(error_text(err))
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.engine.journal_written()
        self.engine.pin_accepted(user.user_id, self.pin.text())
        self.clear()
        self.passed.emit(user)
