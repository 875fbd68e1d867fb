"""What the dialogs here share: the red line that says why the world refused, and the button row at the
bottom (an optional widget on the left, then Cancel and the confirm button)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget


def error_label() -> QLabel:
    """Hidden until a refusal is shown in it (`label.setText(str(err)); label.show()`)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #a50e0e;")
    label.hide()
    return label


def button_row(
    dialog: QDialog, confirm_text: str, leading: QWidget | None = None, variant: str = "primary"
) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """The row, its Cancel button (which rejects the dialog) and its confirm button (for the caller to
    connect). `leading` takes the row's free space on the left; without it the buttons sit on the right."""
    cancel = QPushButton(QCoreApplication.translate("Dialogs", "Cancel"))
    cancel.clicked.connect(dialog.reject)
    confirm = QPushButton(confirm_text)
    confirm.setProperty("variant", variant)
    row = QHBoxLayout()
    if leading is None:
        row.addStretch(1)
    else:
        row.addWidget(leading, 1)
    row.addWidget(cancel)
    row.addWidget(confirm)
    return row, cancel, confirm
