"""The Active Inventory Reconciliation Session banner (L2) and its Inventory Reconciliation in Progress tag,
which opens the seed's three views (L5)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from scanapp.domain.lab_rows import LabSessionRow, View
from scanapp.gui.widgets.formatting import grouped, local

VIEW_TITLES = {
    View.NOT_SCANNED: QT_TRANSLATE_NOOP("LabViews", "View all inventory not scanned from original listing"),
    View.NOT_IN_LISTING: QT_TRANSLATE_NOOP("LabViews", "View all inventory scanned not in original listing"),
    View.LISTING: QT_TRANSLATE_NOOP("LabViews", "View all inventory in original listing"),
}


def view_title(view: View) -> str:
    return QCoreApplication.translate("LabViews", str(VIEW_TITLES[view]))


class ActiveSessionBanner(QFrame):
    view_requested = Signal(object)
    """A View the person chose from the tag's menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labBanner")
        self.setStyleSheet(
            "#labBanner { background: #e6f4ea; border: 1px solid #137333; border-radius: 6px; }"
            " #labBanner QLabel { color: #0d652d; }"
        )
        self.heading = QLabel(self.tr("Active Inventory Reconciliation Session"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.tag = QToolButton()
        self.tag.setText(self.tr("Inventory Reconciliation in Progress"))
        self.tag.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tag.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag.setStyleSheet(
            "QToolButton { background: #137333; color: white; border-radius: 12px; padding: 6px 12px;"
            " font-weight: bold; } QToolButton::menu-indicator { image: none; }"
        )
        self.menu = QMenu(self.tag)
        self.view_actions = {}
        for view in View:
            action = self.menu.addAction(view_title(view))
            action.triggered.connect(lambda _checked=False, v=view: self.view_requested.emit(v))
            self.view_actions[view] = action
        self.tag.setMenu(self.menu)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.heading)
        texts.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(texts, 1)
        layout.addWidget(self.tag)

    def show_session(self, row: LabSessionRow | None, names: dict[str, str]) -> None:
        self.setVisible(row is not None)
        if row is None:
            return
        s = row.session
        who = names.get(s.started_by or "", s.started_by or "")
        when = f"{local(s.started_at):%Y-%m-%d %H:%M}" if s.started_at else ""
        self.details.setText(
            self.tr("{name} · {lab} · {config} · started by {who} at {when} · found {found} of {expected}").format(
                name=row.count.name,
                lab=row.count.lab or "",
                config=row.config_name,
                who=who,
                when=when,
                found=grouped(row.found),
                expected=grouped(row.expected),
            )
        )
