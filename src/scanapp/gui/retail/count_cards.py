"""The cards the counts list is made of: a count (C1) and a session (C3), each picked by tap, click, Enter or
Space, in a scrolling list rebuilt from rows on refresh."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain import counts as rules
from scanapp.domain.counts import CountState, SessionState
from scanapp.domain.permissions import Actor, can_open_counts
from scanapp.domain.rows import CountRow, SessionRow
from scanapp.gui.shell.style import set_property
from scanapp.gui.widgets.formatting import day_and_time, holder, kind_name, state_name


def _chip(text: str, kind: str) -> QLabel:
    chip = QLabel(text)
    chip.setProperty("chip", kind)
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return chip


def _stack(card: QWidget, spacing: int, *rows: QLayout | QWidget) -> QVBoxLayout:
    """A card's rows, top to bottom, inside the card's margins."""
    layout = QVBoxLayout(card)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(spacing)
    for row in rows:
        if isinstance(row, QLayout):
            layout.addLayout(row)
        else:
            layout.addWidget(row)
    return layout


class _Card(QFrame):
    """A card that is picked by tap, click, Enter or Space."""

    picked = Signal(str)
    entered = Signal(str)
    """Picked from the keyboard (Enter or Space): the page moves the focus on into it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setProperty("card", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_selected(self, selected: bool) -> None:
        set_property(self, "selected", selected)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.picked.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.picked.emit(self.key)
            self.entered.emit(self.key)
            return
        super().keyPressEvent(event)


class CountCard(_Card):
    """C1: name, type, planned start, state; Start counting once the start time arrives (earlier only with a
    pre-start permission)."""

    start_requested = Signal(str)

    def __init__(self, row: CountRow, actor: Actor, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(row.count.id, parent)
        count = row.count
        self.row = row
        name = QLabel(count.name)
        name.setProperty("role", "cardTitle")
        name.setWordWrap(True)
        self.state_chip = _chip(state_name(row.state), row.state.value)
        top = QHBoxLayout()
        top.addWidget(name, 1)
        top.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)
        planned = QLabel(
            self.tr("{kind} · planned {when}").format(
                kind=kind_name(count.kind), when=day_and_time(count.planned_start, now)
            )
        )
        planned.setProperty("role", "subtitle")
        planned.setWordWrap(True)
        progress = QLabel(
            self.tr("{sessions} · {units}").format(
                sessions=self.tr("%n sessions", "", row.sessions), units=self.tr("%n units scanned", "", row.units)
            )
        )
        progress.setProperty("role", "hint")
        layout = _stack(self, 2, top, planned, progress)
        self.start_button: QPushButton | None = None
        self.start_hint: QLabel | None = None
        if row.state is CountState.SCHEDULED:
            self.start_button = QPushButton(self.tr("Start counting"))
            self.start_button.setObjectName("scanButton")
            self.start_button.setProperty("mode", "start")
            opens = rules.can_start_now(count, actor, now)
            self.start_button.setEnabled(opens and can_open_counts(actor))
            self.start_button.clicked.connect(lambda: self.start_requested.emit(count.id))
            layout.addWidget(self.start_button)
            if not opens:
                self.start_hint = QLabel(
                    self.tr("Opens {when}. Your account cannot start a count early: ask a supervisor.").format(
                        when=day_and_time(count.planned_start, now)
                    )
                )
                self.start_hint.setProperty("role", "hint")
                self.start_hint.setWordWrap(True)
                self.start_button.setToolTip(self.start_hint.text())
                layout.addWidget(self.start_hint)


class SessionCard(_Card):
    """C3: a session with its area, state, who holds it and its units; Open; Force release (a supervisor enters
    their PIN for it, whoever is signed in)."""

    open_requested = Signal(str)
    release_requested = Signal(str)

    def __init__(
        self, row: SessionRow, actor: Actor, now: datetime, names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        session = row.session
        super().__init__(session.id, parent)
        self.row = row
        title = QLabel(self.tr("{name} (default)").format(name=session.name) if session.is_default else session.name)
        title.setProperty("role", "cardTitle")
        title.setWordWrap(True)
        area = QLabel(session.area or self.tr("no area"))
        area.setProperty("role", "subtitle")
        self.state_chip = _chip(state_name(session.state), session.state.value)
        held = session.lock is not None and session.lock.live(now)
        self.held_elsewhere = rules.locked_by_other(session, actor, now)
        self.holder_text = (
            self.tr("Held by {who}").format(who=holder(session, actor, names)) if held else self.tr("Free")
        )
        self.holder_chip = _chip(self.holder_text, "held" if held else "free")
        self.holder_chip.setWordWrap(True)
        totals = QLabel(
            self.tr("{units} · {products}").format(
                units=self.tr("%n units", "", row.totals.units),
                products=self.tr("%n products", "", row.totals.unique_items),
            )
        )
        totals.setProperty("role", "hint")
        self._add_buttons(actor)
        first = QHBoxLayout()
        first.addWidget(title, 1)
        first.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignTop)
        second = QHBoxLayout()
        second.addWidget(area)
        second.addWidget(totals, 1)
        third = QHBoxLayout()
        third.addWidget(self.holder_chip)
        third.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        _stack(self, 4, first, second, third, buttons)
        self.release_button.setVisible(self.held_elsewhere and session.state is not SessionState.DISCARDED)

    def _add_buttons(self, actor: Actor) -> None:
        session_id = self.row.session.id
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setProperty("variant", "primary")
        self.open_button.setToolTip(
            self.tr("View this session (another user or device holds it)")
            if self.held_elsewhere
            else self.tr("Work on this session")
        )
        self.open_button.clicked.connect(lambda: self.open_requested.emit(session_id))
        self.release_button = QPushButton(self.tr("Force release"))
        self.release_button.setProperty("variant", "danger")
        self.release_button.setToolTip(
            self.tr("Free the session so another user or device can work it (a supervisor enters their PIN)")
        )
        self.release_button.clicked.connect(lambda: self.release_requested.emit(session_id))


class CardList(QScrollArea):
    """A vertical, scrolling stack of cards, rebuilt from rows on refresh (a few dozen at most)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner_layout = QVBoxLayout(self.inner)
        self.inner_layout.setContentsMargins(0, 0, 4, 0)
        self.inner_layout.setSpacing(8)
        self.inner_layout.addStretch(1)
        self.setWidget(self.inner)

    def set_cards(self, cards: list[QWidget], empty_text: str = "") -> None:
        while self.inner_layout.count() > 1:
            item = self.inner_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if not cards and empty_text:
            empty = QLabel(empty_text)
            empty.setProperty("role", "hint")
            empty.setWordWrap(True)
            cards = [empty]
        for i, card in enumerate(cards):
            self.inner_layout.insertWidget(i, card)
