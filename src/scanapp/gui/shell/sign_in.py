"""Sign-in: pick who is counting. Local users and their permissions (from the store, until the sync server
provides them); no password on the device."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from scanapp.domain.permissions import LAB, Actor, can_force_release, can_open_counts, can_start_early
from scanapp.domain.rows import UserRow
from scanapp.gui.shell.engine import Engine


def can_do(user: UserRow) -> str:
    """What a user may do, in the seed's terms."""
    probe = Actor(user.user_id, "", user.permissions)
    parts = []
    if can_open_counts(probe):
        parts.append(QCoreApplication.translate("SignInPage", "counts"))
    if can_start_early(probe):
        parts.append(QCoreApplication.translate("SignInPage", "start early"))
    if can_force_release(probe):
        parts.append(QCoreApplication.translate("SignInPage", "release locks"))
    if probe.has_any(LAB):
        parts.append(QCoreApplication.translate("SignInPage", "lab"))
    separator = QCoreApplication.translate("SignInPage", ", ", "between the things a user may do")
    return separator.join(parts) or QCoreApplication.translate("SignInPage", "no counting permissions")


class SignInPage(QWidget):
    user_chosen = Signal(object)
    """The UserRow picked."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.buttons: dict[str, QPushButton] = {}
        title = QLabel(self.tr("Who is counting?"))
        title.setProperty("role", "title")
        hint = QLabel(self.tr("Pick your name. These are the users on this device."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        users = self.engine.reads.users()
        if not users:
            empty = QLabel(
                self.tr(
                    "There are no users on this device yet. Start ScanApp with --demo to try it, or sync with the "
                    "server to get your store's users."
                )
            )
            empty.setWordWrap(True)
            self.grid.addWidget(empty, 0, 0)
            return
        columns = 2
        for i, user in enumerate(users):
            button = QPushButton(f"{user.display_name}\n{can_do(user)}")
            button.setMinimumHeight(64)
            button.setAccessibleName(user.display_name)
            button.clicked.connect(lambda _checked=False, u=user: self.user_chosen.emit(u))
            self.grid.addWidget(button, i // columns, i % columns)
            self.buttons[user.user_id] = button
        self.grid.setRowStretch(len(users) // columns + 1, 1)
        first = self.buttons[users[0].user_id]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
