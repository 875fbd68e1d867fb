"""A refused scan said over the dialog that is open: a dialog that fills the window hides the page's message
bar, so the refusal is laid over the dialog's top edge for a few seconds. It takes no focus and no input, so
it cannot change what the dialog saves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from scanapp.gui.capture.feedback import colour

NOTICE_NAME = "scanRefusedNotice"
SHOWN_MS = 6000
PADDING = 8


class ScanNotice(QLabel):
    """One per dialog, reused for its next refusal; it follows the dialog's width."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.setObjectName(NOTICE_NAME)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(f"background-color: {colour('rejected').name()}; color: #ffffff; font-weight: bold;")
        self.setMargin(PADDING)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        dialog.installEventFilter(self)

    def say(self, text: str) -> None:
        self.setText(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(SHOWN_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        width = self.dialog.width()
        self.ensurePolished()  # the bold font of the style sheet, or the height is a line short
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width) + PADDING)
        self.move(0, 0)


def show_notice(dialog: QWidget, text: str) -> ScanNotice:
    notice = dialog.findChild(ScanNotice, NOTICE_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if notice is None:
        notice = ScanNotice(dialog)
    notice.say(text)
    return notice
