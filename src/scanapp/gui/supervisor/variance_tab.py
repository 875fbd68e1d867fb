"""Variance and approval (S8, C10, B4): per item expected, counted, variance in units and %, and its status,
Pending approval first; "counted 0" and "not counted" said in words. The count's threshold (units or %) is a
supervisor's to change; Approve, Reject (to recount) and Force each ask a supervisor's PIN again, and Reject and
Force a reason. Below, the variance put down to each session, area or counter; Recount… one step away."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain.counts import Session
from scanapp.domain.permissions import Actor
from scanapp.domain.variance import Decision, Grouping, Status, Threshold, VarianceLine, recount_candidates
from scanapp.errors import KnownError
from scanapp.gui.models.supervisor_tables import AttributionModel
from scanapp.gui.models.supervisor_variance import VarianceModel, counted_text, expected_text, signed
from scanapp.gui.shell.engine import Engine
from scanapp.gui.supervisor.decision_dialog import DecisionDialog, ThresholdDialog, decision_title, threshold_text
from scanapp.gui.supervisor.ports import SupervisionPort, SupervisorReadsPort
from scanapp.gui.supervisor.recount_dialog import RecountDialog
from scanapp.gui.supervisor.tab_parts import SupervisorTab, supervisor_table, user_names
from scanapp.gui.widgets.error_text import error_text

ATTRIBUTION_SHOWN_FROM = 560
"""The tab's height (px) from which the attribution shows under the items without being asked for."""
WIDE_COLUMNS = ((0, 230), (1, 110), (2, 95), (3, 120), (4, 100), (5, 95), (6, 250))
NARROW_COLUMNS = ((0, 150), (2, 92), (3, 125), (4, 112), (5, 90), (6, 175))
"""On a handheld's 800 px the SKU is left out (the product's tooltip has it) so the status still shows; the
sessions are a sideways scroll away."""
DECIDED = frozenset({Status.APPROVED, Status.FORCED})
NEEDS_RECOUNT = frozenset({Status.NOT_COUNTED, Status.PENDING, Status.REJECTED})


class VarianceTab(SupervisorTab):
    recount_created = Signal(str)
    """A recount session was made (its id): the station may show it on the counts list."""

    TITLE = str(QT_TRANSLATE_NOOP("SupervisorStation", "Variance"))
    """The tab's name in the station's tab list (its source text, marked in the station's context)."""

    def title(self) -> str:
        return QCoreApplication.translate("SupervisorStation", self.TITLE)

    def __init__(
        self,
        engine: Engine,
        reads: SupervisorReadsPort | None = None,
        writes: SupervisionPort | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(engine, reads, writes, parent)
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show items"))
        for label, statuses in (
            (self.tr("Pending approval"), frozenset({Status.PENDING})),
            (self.tr("All items"), None),
            (self.tr("Not counted"), frozenset({Status.NOT_COUNTED})),
            (self.tr("Needs recount (not counted, pending, rejected)"), NEEDS_RECOUNT),
            (self.tr("Rejected"), frozenset({Status.REJECTED})),
            (self.tr("Approved or forced"), DECIDED),
            (self.tr("Within threshold"), frozenset({Status.WITHIN})),
            (self.tr("No stock record"), frozenset({Status.NO_STOCK})),
        ):
            self.filter.addItem(label, statuses)
        self.filter.setMinimumContentsLength(8)
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.threshold_button = QPushButton(self.tr("T&hreshold…"))
        self.threshold_button.setToolTip(self.tr("Change this count's variance threshold (supervisor PIN)"))
        self.threshold_button.clicked.connect(self.change_threshold)
        self.total_label = QLabel()
        self.total_label.setProperty("role", "hint")
        self.filter.setToolTip(self.tr("Which items the table shows"))
        self.header.insertWidget(1, self.filter, 1)
        self.header.insertWidget(2, self.total_label)
        self.model = VarianceModel(self.reads, self)
        self.table = supervisor_table(self.model, stretch=VarianceModel.SESSIONS)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # 800 px: scroll sideways
        self.table.size_columns(WIDE_COLUMNS)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.approve_button.setProperty("variant", "primary")
        self.reject_button = QPushButton(self.tr("Re&ject…"))
        self.force_button = QPushButton(self.tr("&Force…"))
        self.recount_button = QPushButton(self.tr("Re&count…"))
        self.recount_button.setToolTip(
            self.tr("A recount session for the selected items, else every item not counted, pending or rejected")
        )
        self.approve_button.clicked.connect(lambda: self.decide(Decision.APPROVED))
        self.reject_button.clicked.connect(lambda: self.decide(Decision.REJECTED))
        self.force_button.clicked.connect(lambda: self.decide(Decision.FORCED))
        self.recount_button.clicked.connect(self.recount)
        self.attribution_button = QPushButton(self.tr("Attributi&on"))
        self.attribution_button.setCheckable(True)
        self.attribution_button.setChecked(True)
        self.attribution_button.setToolTip(self.tr("The variance put down to each session, area or counter"))
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addWidget(self.reject_button)
        actions.addWidget(self.force_button)
        actions.addStretch(1)
        actions.addWidget(self.threshold_button)
        actions.addWidget(self.attribution_button)
        actions.addWidget(self.recount_button)
        items = QWidget()
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.table, 1)
        action_bar = QWidget()
        action_bar.setObjectName("supervisorActions")
        actions.setContentsMargins(0, 0, 0, 0)
        action_bar.setLayout(actions)
        items_layout.addWidget(action_bar)
        self.grouping = QComboBox()
        self.grouping.setAccessibleName(self.tr("Attribution by"))
        self.grouping.addItem(self.tr("by session"), Grouping.SESSION)
        self.grouping.addItem(self.tr("by area"), Grouping.AREA)
        self.grouping.addItem(self.tr("by counter"), Grouping.COUNTER)
        self.grouping.currentIndexChanged.connect(self._load_attribution)
        self.attribution_model = AttributionModel(self)
        self.attribution = supervisor_table(self.attribution_model, stretch=0)
        self.attribution.size_columns([(1, 80), (2, 80), (3, 100), (4, 170), (5, 150)])
        attribution_bar = QHBoxLayout()
        attribution_title = QLabel(self.tr("Attribution"))
        attribution_title.setProperty("role", "title")
        attribution_bar.addWidget(attribution_title)
        attribution_bar.addWidget(self.grouping)
        attribution_bar.addStretch(1)
        lower = self.attribution_panel = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(attribution_bar)
        lower_layout.addWidget(self.attribution, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(items)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.body.addWidget(self.splitter, 1)
        self._attribution_stale = True
        self._attribution_timer = QTimer(self)
        self._attribution_timer.setSingleShot(True)
        self._attribution_timer.setInterval(0)
        self._attribution_timer.timeout.connect(self._load_attribution)
        self.attribution_button.toggled.connect(self._attribution_toggled)
        self._attribution_chosen = False
        self.attribution_button.clicked.connect(self._attribution_clicked)
        self.threshold_value: Threshold | None = None
        self._selection_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Attribution shows below the items where there is room (a tall screen) until the user chooses."""
        super().resizeEvent(event)
        wide = event.size().width() >= 1000
        self.table.setColumnHidden(VarianceModel.SKU, not wide)
        self.table.size_columns(WIDE_COLUMNS if wide else NARROW_COLUMNS)
        if not self._attribution_chosen:
            self.attribution_button.setChecked(event.size().height() >= ATTRIBUTION_SHOWN_FROM)

    @Slot()
    def _attribution_clicked(self) -> None:
        self._attribution_chosen = True

    # -- reading -------------------------------------------------------------------------------------------------

    def load(self, count_id: str | None) -> None:
        names = user_names(self.engine)
        self.model.user_names = names
        self.attribution_model.user_names = names
        if count_id is None:
            self.threshold_value = None
            self.threshold_button.setText(self.tr("T&hreshold…"))
            self.model.set_count(None)
            self.attribution_model.set_rows([])
            self._counted()
            return
        progress = self.reads.progress(count_id)
        self.model.session_names = {s.id: s.name for s in progress.sessions}
        self.threshold_value = self.reads.threshold(count_id)
        self.threshold_button.setText(self.tr("T&hreshold: {t}…").format(t=threshold_text(self.threshold_value)))
        self.model.set_count(count_id, self.filter.currentData())
        self._attribution_stale = True
        self._attribution_timer.start()  # after the items are on screen: 50,000 items take a while
        self._counted()

    def _counted(self) -> None:
        self.total_label.setText(self.tr("%n items", "", self.model.rowCount()))
        self._selection_changed()

    @Slot()
    def _load_attribution(self) -> None:
        """Read only while it shows (hidden on a handheld until asked for); read when it is shown."""
        if not self.attribution_button.isChecked():
            return
        self._attribution_stale = False
        count_id = self.count_id
        rows = self.reads.attribution(count_id, Grouping(self.grouping.currentData())) if count_id else []
        self.attribution_model.set_rows(rows)

    @Slot(bool)
    def _attribution_toggled(self, shown: bool) -> None:
        self.attribution_panel.setVisible(shown)
        if shown and self._attribution_stale:
            self._load_attribution()

    @Slot(int)
    def _filter_changed(self, _index: int) -> None:
        self.model.set_statuses(self.filter.currentData())
        self._counted()

    def selected_lines(self) -> list[VarianceLine]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [line for r in rows if (line := self.model.row_at(r)) is not None]

    @Slot()
    def _selection_changed(self, *_args: QItemSelection) -> None:
        chosen = self.selected_lines()
        counted = bool(chosen) and all(line.counted is not None for line in chosen)
        for button in (self.approve_button, self.reject_button, self.force_button):
            button.setEnabled(counted)
        self.recount_button.setEnabled(self.count_id is not None)

    # -- a supervisor's word -------------------------------------------------------------------------------------

    def describe(self, lines: list[VarianceLine]) -> str:
        if len(lines) == 1:
            line = lines[0]
            return self.tr("{name} ({sku}): expected {expected}, {counted}, variance {variance} ({percent}).").format(
                name=line.name,
                sku=line.item_key,
                expected=expected_text(line.expected),
                counted=counted_text(line.counted)
                if not line.counted
                else self.tr("counted {n}").format(n=line.counted),
                variance=signed(line.variance),
                percent=signed(line.percent, " %"),
            )
        return self.tr("%n selected items.", "", len(lines))

    @Slot()
    def decide(self, decision: Decision) -> None:
        lines = [line for line in self.selected_lines() if line.counted is not None]
        if not lines or self.count_id is None or self.dialogs.is_open():
            return
        dialog = DecisionDialog(self.engine, decision, self.describe(lines), parent=self)
        count_id = self.count_id
        dialog.accepted.connect(lambda: self._decided(count_id, lines, decision, dialog.actor, dialog.reason()))
        self.dialogs.open(dialog)

    def _decided(
        self, count_id: str, lines: list[VarianceLine], decision: Decision, actor: Actor | None, reason: str
    ) -> None:
        assert actor is not None, "accepted only once a supervisor's PIN was checked"
        done = 0
        try:
            for line in lines:
                self.writes.decide(actor, count_id, line.item_key, decision, reason)
                done += 1
        except KnownError as err:
            self.message_bar.show_error(error_text(err))
        else:
            self.message_bar.show_info(
                self.tr("{what}: %n items, by {who}.", "", done).format(
                    what=decision_title(decision), who=actor.display_name or actor.user_id
                )
            )
        self.load(count_id)

    @Slot()
    def change_threshold(self) -> None:
        count_id = self.count_id
        if count_id is None or self.dialogs.is_open():
            return
        current = self.threshold_value or self.reads.threshold(count_id)
        dialog = ThresholdDialog(self.engine, current, self.writes.default_threshold(), parent=self)

        def save() -> None:
            actor = dialog.actor
            assert actor is not None, "accepted only once a supervisor's PIN was checked"
            threshold = dialog.threshold()
            try:
                self.writes.set_threshold(actor, count_id, threshold)
                if dialog.as_default.isChecked():
                    self.writes.set_default_threshold(actor, threshold)
            except KnownError as err:
                self.message_bar.show_error(error_text(err))
                return
            self.message_bar.show_info(
                self.tr("Threshold set to {t}: items past it wait for approval.").format(t=threshold_text(threshold))
            )
            self.load(count_id)

        dialog.accepted.connect(save)
        self.dialogs.open(dialog)

    # -- recount -------------------------------------------------------------------------------------------------

    def recount_items(self) -> list[str]:
        """The selected items, else every one not counted, pending approval or rejected (S10)."""
        selected = [line.item_key for line in self.selected_lines()]
        if selected or self.count_id is None:
            return selected
        keys: list[str] = []
        total = self.reads.variance_total(self.count_id, NEEDS_RECOUNT)
        step = 5000
        for offset in range(0, total, step):
            keys.extend(recount_candidates(self.reads.variance_page(self.count_id, NEEDS_RECOUNT, offset, step)))
        return keys

    @Slot()
    def recount(self) -> None:
        count_id = self.count_id
        if count_id is None or self.dialogs.is_open():
            return
        keys = self.recount_items()
        if not keys:
            self.message_bar.show_info(
                self.tr("Nothing to recount: every item is counted and none waits or was rejected.")
            )
            return
        recounts = sum(1 for s in self.reads.progress(count_id).sessions if s.is_recount)
        dialog = RecountDialog(
            self.engine, self.writes, count_id, keys, self.tr("Recount {n}").format(n=recounts + 1), parent=self
        )
        dialog.accepted.connect(lambda: self._recount_made(dialog.session, len(keys)))
        self.dialogs.open(dialog)

    def _recount_made(self, session: Session | None, items: int) -> None:
        if session is None:
            return
        self.message_bar.show_info(
            self.tr(
                "Recount session “{name}” ({area}) created for %n items. It is on the counts list under "
                "“{count}”: open it there to count; its Uncounted tab lists exactly these items.",
                "",
                items,
            ).format(name=session.name, area=session.area, count=self.count_name)
        )
        self.engine.session_changed.emit(session.id)
        self.recount_created.emit(session.id)
        self.load(self.count_id)
