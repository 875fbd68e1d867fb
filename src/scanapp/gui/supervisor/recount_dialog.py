"""Recount (S10, B4): one step from the variance tab. It takes the items chosen there, asks a name and an area
(as New session does), and creates the directed recount session whose Uncounted tab lists exactly those items."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from scanapp.domain.counts import Session
from scanapp.gui.retail.session_form import SessionFormDialog
from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.ports import SupervisionPort

SHOWN = 6
"""Items named in the dialog; the rest are counted."""


class RecountDialog(SessionFormDialog):
    """`session` is the recount session once accepted."""

    def __init__(
        self,
        engine: Engine,
        writes: SupervisionPort,
        count_id: str,
        item_keys: list[str],
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        areas = engine.reads.areas()
        super().__init__(
            self.tr("New recount session"),
            name,
            areas[0] if areas else "",
            areas,
            self._create,
            self.tr("Create recount"),
            parent,
        )
        self.engine = engine
        self.writes = writes
        self.count_id = count_id
        self.item_keys = list(item_keys)
        self.session: Session | None = None
        shown = ", ".join(self.item_keys[:SHOWN])
        more = len(self.item_keys) - SHOWN
        if more > 0:
            shown = self.tr("{shown} and %n more", "", more).format(shown=shown)
        self.items_label = QLabel(self.tr("%n items to recount: {items}", "", len(self.item_keys)).format(items=shown))
        self.items_label.setWordWrap(True)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.items_label)

    def _create(self, name: str, area: str) -> Session:
        self.session = self.writes.create_recount(self.engine.actor, self.count_id, self.item_keys, name, area)
        return self.session
