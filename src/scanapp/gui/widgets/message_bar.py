"""An inline bar for what the world refused (a rule, a permission, a locked file), in plain words, with an
optional action such as "Show unmatched". Not modal: scanning goes on while it shows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from scanapp.errors import KnownError
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.error_text import error_text

log = logging.getLogger(__name__)
T = TypeVar("T")


class MessageBar(QFrame):
    action_triggered = Signal()
    """The user pressed the bar's action button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setProperty("variant", "link")
        self.action_button.clicked.connect(self._on_action)
        self.close_button = QPushButton("×")
        self.close_button.setProperty("variant", "link")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._action: Callable[[], object] | None = None
        self.hide()

    @property
    def text(self) -> str:
        parent = self.parentWidget()
        shown = self.isVisibleTo(parent) if parent is not None else not self.isHidden()
        return self.label.text() if shown else ""

    @property
    def kind(self) -> str:
        return str(self.property("kind") or "")

    def show_error(self, text: str, action_text: str = "", action: Callable[[], object] | None = None) -> None:
        self._show("error", text, action_text, action)

    def show_warning(self, text: str, action_text: str = "", action: Callable[[], object] | None = None) -> None:
        self._show("warning", text, action_text, action)

    def show_info(self, text: str) -> None:
        self._show("info", text, "", None)

    @Slot()
    def clear(self) -> None:
        self._action = None
        self.hide()

    def _show(self, kind: str, text: str, action_text: str, action: Callable[[], object] | None) -> None:
        set_property(self, "kind", kind)
        self.label.setText(text)
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text and action))
        self.show()

    @Slot()
    def _on_action(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()
        self.action_triggered.emit()

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run one user action; if the world refuses it (KnownError: a rule, a permission, a locked file),
        say why here and return None. Bugs propagate to the crash handler."""
        try:
            return action()
        except KnownError as err:
            log.info("refused: %s", err)
            self.show_error(error_text(err))
            return None
