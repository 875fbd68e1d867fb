"""What the dialogs here share: the search field that searches as one types, the red line that says why the
world refused, the button row at the bottom (an optional widget on the left, then Cancel and the confirm
button), and a size that nearly fills the window they are opened from."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

# Typing pauses this long before the search runs (Enter runs it at once).
SEARCH_DELAY_MS = 250


def search_field(
    dialog: QDialog, placeholder: str, search: Callable[[], None], text: str = ""
) -> tuple[QLineEdit, QTimer]:
    """The field and its timer: `search` runs once typing pauses; the caller stops the timer when it runs
    the search itself."""
    field = QLineEdit(text)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    field.setAccessibleName(QCoreApplication.translate("Dialogs", "Search products"))
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(search)
    field.textChanged.connect(timer.start)
    return field, timer


def fit_to_window(dialog: QDialog, parent: QWidget | None) -> None:
    """Nearly the size of the window it is opened from (long lists on small screens), at least 600x400."""
    if parent is not None:
        dialog.resize(max(parent.window().width() - 40, 600), max(parent.window().height() - 40, 400))


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
