"""A confirmation before an action that cannot simply be taken back (discard, remove, force release, a hard
count's "uncounted means zero"). Opened window-modal and non-blocking: `accepted` runs the action."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from scanapp.gui.widgets.dialog_parts import button_row


class ConfirmDialog(QDialog):
    def __init__(
        self,
        title: str,
        message: str,
        confirm_text: str,
        parent: QWidget | None = None,
        danger: bool = False,
        acknowledge: str = "",
    ) -> None:
        """`acknowledge`: when given, a check box with this text must be ticked before the confirm button
        works — for confirmations that must be explicit (B5)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.acknowledge = QCheckBox(acknowledge)
        self.acknowledge.setVisible(bool(acknowledge))
        buttons, self.cancel_button, self.confirm_button = button_row(
            self, confirm_text, variant="danger" if danger else "primary"
        )
        self.confirm_button.clicked.connect(self.accept)
        self.confirm_button.setEnabled(not acknowledge)
        self.acknowledge.toggled.connect(self._on_acknowledged)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.acknowledge)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # The safe choice has the focus; Enter on it cancels.
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.setMinimumWidth(min(560, parent.window().width() - 40) if parent is not None else 480)

    @Slot(bool)
    def _on_acknowledged(self, checked: bool) -> None:
        self.confirm_button.setEnabled(checked)
