"""Where this device syncs: the sync server's address, set by a supervisor (their PIN is asked first). A
server given on the command line (--server) wins until the app is started without it; the dialog says so."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from scanapp.errors import KnownError
from scanapp.gui.shell.sync_bridge import SyncBridge
from scanapp.gui.widgets.dialog_parts import button_row, error_label


class SyncServerDialog(QDialog):
    def __init__(self, bridge: SyncBridge, stored: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.saved: str | None = None
        self.setWindowTitle(self.tr("Sync server"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = QLabel(self.tr("Sync server"))
        heading.setProperty("role", "title")
        hint = QLabel(
            self.tr(
                "The address of the store's sync server, such as http://192.168.1.20:8765. Leave it empty to stop "
                "syncing: everything stays on this device."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.url = QLineEdit(stored or "")
        self.url.setPlaceholderText(self.tr("http://host:port"))
        self.url.setAccessibleName(self.tr("Sync server address"))
        self.url.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.url.returnPressed.connect(self.save)
        override = bridge.service.override
        self.override_note = QLabel(
            self.tr(
                "ScanApp was started with --server {url}: that address is used until it is started without it."
            ).format(url=override)
            if override
            else ""
        )
        self.override_note.setWordWrap(True)
        self.override_note.setVisible(bool(override))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.url)
        buttons, self.cancel_button, self.save_button = button_row(self, self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.override_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(min(560, parent.window().width() - 40) if parent is not None else 480)
        self.url.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def save(self) -> None:
        try:
            self.saved = self.bridge.set_server(self.url.text())
        except KnownError as err:
            self.error.setText(str(err))
            self.error.show()
            self.url.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()
