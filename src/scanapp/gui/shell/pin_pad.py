"""Digit keys for a PIN on a touch screen with no keyboard (a kiosk handheld has no on-screen keyboard): they
type into whichever PIN field has the focus and never take the focus themselves."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

KEY_SIZE = (64, 44)


class PinPad(QWidget):
    def __init__(self, field: Callable[[], QLineEdit], parent: QWidget | None = None) -> None:
        """`field`: the field the keys type into (asked at each tap)."""
        super().__init__(parent)
        self.field = field
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit, partial(self.type, digit)), i // 3, i % 3)
        grid.addWidget(self._key("clear", self.tr("Clear"), lambda: self.field().clear()), 3, 0)
        grid.addWidget(self._key("0", "0", partial(self.type, "0")), 3, 1)
        grid.addWidget(self._key("back", "⌫", lambda: self.field().backspace(), self.tr("Delete the last digit")), 3, 2)

    def type(self, digit: str) -> None:
        self.field().insert(digit)

    def _key(self, name: str, text: str, press: Callable[[], None], accessible: str = "") -> QPushButton:
        key = QPushButton(text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the PIN field keeps the focus (and Enter)
        key.setAutoDefault(False)
        key.setMinimumSize(*KEY_SIZE)
        key.setAccessibleName(accessible or text)
        key.clicked.connect(lambda _checked=False: press())
        self.keys[name] = key
        return key
