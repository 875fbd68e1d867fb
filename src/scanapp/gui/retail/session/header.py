"""Where am I: back to the counts list, the count's name and type, the session's name, area and state, who is
counting, and the session's totals (C7)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from scanapp.domain.counts import Count, Session
from scanapp.domain.permissions import Actor
from scanapp.domain.tally import Totals
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.formatting import grouped, kind_name, state_name


class SessionHeader(QWidget):
    back_requested = Signal()
    """Back to the counts list (the button or Alt+Left)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton(self.tr("‹ Counts"))
        self.back_button.setToolTip(self.tr("Back to the counts list (Alt+Left); releases this session for others"))
        self.back_button.clicked.connect(self.back_requested)
        QShortcut(QKeySequence("Alt+Left"), self, self.back_requested.emit)
        self.count_label = self._label("title")
        self.type_label = self._label("subtitle")
        self.session_label = self._label("subtitle")
        self.state_chip = QLabel()
        self.state_chip.setProperty("chip", "")
        self.user_label = self._label("hint")
        self.totals_label = self._label("totals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.totals_label.setAccessibleName(self.tr("Totals"))
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addLayout(_row(self.count_label, self.type_label))
        titles.addLayout(_row(self.session_label, self.state_chip, self.user_label))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.back_button)
        layout.addLayout(titles, 1)
        layout.addWidget(self.totals_label)

    @staticmethod
    def _label(role: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", role)
        return label

    def show_session(self, count: Count, session: Session, actor: Actor) -> None:
        self.count_label.setText(count.name)
        self.type_label.setText(self.tr(" · {kind}").format(kind=kind_name(count.kind)))
        if session.area:
            self.session_label.setText(self.tr("{session} · {area}").format(session=session.name, area=session.area))
        else:
            self.session_label.setText(session.name)
        self.state_chip.setText(state_name(session.state))
        set_property(self.state_chip, "chip", session.state.value)
        self.user_label.setText(self.tr("· {user}").format(user=actor.display_name or actor.user_id))

    def show_totals(self, totals: Totals) -> None:
        """C7: units scanned and unique products, from the store's session totals."""
        self.totals_label.setText(
            self.tr("Units scanned: {units}\nUnique products: {products}").format(
                units=grouped(totals.units), products=grouped(totals.unique_items)
            )
        )


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
