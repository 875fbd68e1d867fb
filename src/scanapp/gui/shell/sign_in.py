"""Sign-in: pick who is counting, then their PIN or password (SPEC A1; argon2 hashes on the device). A user
without a PIN yet chooses one, typed twice; a forgotten or damaged one is reset by a supervisor, with theirs.
Local users and their permissions come from the store, until the sync server provides them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.permissions import LAB, SUPERVISE, Actor, can_force_release, can_open_counts, can_start_early
from scanapp.domain.rows import UserRow
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.pin_entry import PinEntry
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt
from scanapp.gui.widgets.dialog_host import DialogHost
from scanapp.services.pins import Check, Outcome


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
    """The UserRow whose PIN was just entered (or chosen)."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.buttons: dict[str, QPushButton] = {}
        self.dialogs = DialogHost(self)
        self.steps = QStackedWidget()
        self.picker = self._build_picker()
        self.pin_step = self._build_pin_step()
        self.steps.addWidget(self.picker)
        self.steps.addWidget(self.pin_step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.steps)

    def _build_picker(self) -> QWidget:
        title = QLabel(self.tr("Who is counting?"))
        title.setProperty("role", "title")
        hint = QLabel(self.tr("Pick your name, then enter your PIN. These are the users on this device."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        return page

    def _build_pin_step(self) -> QWidget:
        self.pin_title = QLabel()
        self.pin_title.setProperty("role", "title")
        self.entry = PinEntry(self.engine)
        self.entry.passed.connect(self._passed)
        self.entry.refused.connect(self._refused)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.show_picker)
        self.forgot_button = QPushButton(self.tr("Forgot PIN…"))
        self.forgot_button.setToolTip(self.tr("A supervisor enters their PIN, then you choose a new one"))
        self.forgot_button.clicked.connect(self.reset_pin)
        self.submit_button = QPushButton(self.tr("Sign in"))
        self.submit_button.setProperty("variant", "primary")
        self.submit_button.clicked.connect(self.entry.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        column = QVBoxLayout()
        column.addWidget(self.pin_title)
        column.addWidget(self.entry)
        column.addLayout(buttons)
        column.addStretch(1)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addLayout(column, 6)
        layout.addStretch(1)
        return page

    def refresh(self) -> None:
        self.show_picker()
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
            button.clicked.connect(lambda _checked=False, u=user: self.ask_pin(u))
            self.grid.addWidget(button, i // columns, i % columns)
            self.buttons[user.user_id] = button
        self.grid.setRowStretch(len(users) // columns + 1, 1)
        first = self.buttons[users[0].user_id]
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_users(self) -> None:
        """Users came down from the sync server: the names show them, unless a PIN is being typed."""
        if self.steps.currentWidget() is self.picker:
            self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.steps.currentWidget() is self.pin_step:
            self.show_picker()  # Esc: back to the names, the focus on the one just tried
            return
        super().keyPressEvent(event)

    @Slot()
    def show_picker(self) -> None:
        self.entry.clear()
        self.steps.setCurrentWidget(self.picker)
        button = self.buttons.get(self.entry.user.user_id) if self.entry.user is not None else None
        if button is not None:
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_pin(self, user: UserRow) -> None:
        self.pin_title.setText(self.tr("Sign in as {name}").format(name=user.display_name))
        self.steps.setCurrentWidget(self.pin_step)
        self.entry.ask(user)
        self.submit_button.setText(self.tr("Choose PIN and sign in") if self.entry.choosing else self.tr("Sign in"))
        self.forgot_button.setVisible(not self.entry.choosing)

    @Slot(object)
    def _passed(self, user: UserRow) -> None:
        self.show_picker()
        self.user_chosen.emit(user)

    @Slot(object)
    def _refused(self, check: Check) -> None:
        if check.outcome is Outcome.DAMAGED:
            self.forgot_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def reset_pin(self) -> None:
        """A supervisor enters their own PIN; the user's is forgotten and they choose a new one at once."""
        user = self.entry.user
        if user is None:
            return
        prompt = SupervisorPrompt(
            self.engine,
            self.tr("Reset {name}'s PIN?").format(name=user.display_name),
            self.tr(
                "A supervisor enters their own PIN. Then {name} chooses a new PIN here: once this device syncs, "
                "it is their PIN on every device."
            ).format(name=user.display_name),
            self.tr("Reset PIN"),
            SUPERVISE,
            parent=self,
        )
        prompt.accepted.connect(lambda: self._reset_confirmed(user, prompt))
        self.dialogs.open(prompt)

    def _reset_confirmed(self, user: UserRow, prompt: SupervisorPrompt) -> None:
        assert prompt.actor is not None
        self.engine.parts.users.clear_pin(user.user_id, prompt.actor, self.engine.now())
        self.engine.journal_written()
        self.ask_pin(user)
