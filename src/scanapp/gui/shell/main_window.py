"""The window: sign-in, the counts list and the session screen on one stack. Leaving a session or the app
releases its lock."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from scanapp.domain.rows import UserRow
from scanapp.gui.retail.counts_page import CountsPage
from scanapp.gui.retail.session.page import SessionPage
from scanapp.gui.shell import style
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.sign_in import SignInPage


class MainWindow(QMainWindow):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle("ScanApp")
        self.setStyleSheet(style.sheet())
        self.setMinimumSize(640, 400)
        self.sign_in = SignInPage(engine)
        self.counts = CountsPage(engine)
        self.session = SessionPage(engine)
        self.stack = QStackedWidget()
        for page in (self.sign_in, self.counts, self.session):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.sign_in.user_chosen.connect(self.sign_in_as)
        self.counts.open_session.connect(self.open_session)
        self.counts.sign_out_requested.connect(self.sign_out)
        self.session.closed.connect(self._session_closed)
        self.session.discarded.connect(self._session_discarded)
        self.sign_in.refresh()
        self.stack.setCurrentWidget(self.sign_in)
        remembered = engine.remembered_user()
        if remembered is not None:
            self.sign_in_as(remembered)

    @Slot(object)
    def sign_in_as(self, user: UserRow) -> None:
        self.engine.sign_in(user)
        self.show_counts()

    @Slot()
    def show_counts(self) -> None:
        self.counts.refresh()
        self.stack.setCurrentWidget(self.counts)

    @Slot()
    def _session_closed(self) -> None:
        left = self.session.last_session_id
        self.show_counts()
        if left is not None:
            self.counts.focus_session(left)

    @Slot(str)
    def open_session(self, session_id: str) -> None:
        self.stack.setCurrentWidget(self.session)
        self.session.open(session_id)

    @Slot(str)
    def _session_discarded(self, name: str) -> None:
        self.counts.message_bar.show_info(
            self.tr("Session “{name}” was discarded and removed from review.").format(name=name)
        )

    @Slot()
    def sign_out(self) -> None:
        if self.stack.currentWidget() is self.session:
            self.session.release()
        self.engine.sign_out()
        self.counts.message_bar.clear()
        self.sign_in.refresh()
        self.stack.setCurrentWidget(self.sign_in)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.stack.currentWidget() is self.session:
            self.session.release()
        super().closeEvent(event)
