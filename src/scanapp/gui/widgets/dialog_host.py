"""One dialog at a time over a page: opened window-modal (a touch screen has no second window to go to),
kept while it is open so the page and tests can reach it, and deleted when it finishes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog


class DialogHost(QObject):
    closed = Signal()
    """The open dialog finished (accepted or not) and is gone."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QDialog | None = None

    def open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._finished)
        dialog.open()

    def is_open(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    @Slot(int)
    def _finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.closed.emit()
