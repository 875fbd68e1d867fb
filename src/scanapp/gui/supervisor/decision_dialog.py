"""A supervisor's word on variances (S8, A1): Approve, Reject (to recount) or Force with a reason, and a count's
threshold; each asks the supervisor's own PIN again, whoever is signed in, and is done as that supervisor.
A reason is required to reject or force: the dialog will not take the PIN without one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QLineEdit, QWidget

from scanapp.domain.permissions import SUPERVISE
from scanapp.domain.rows import UserRow
from scanapp.domain.variance import Decision, Threshold, ThresholdKind, reason_required
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt

CONTEXT = "DecisionDialog"
TITLES = {
    Decision.APPROVED: str(QT_TRANSLATE_NOOP("DecisionDialog", "Approve variance")),
    Decision.REJECTED: str(QT_TRANSLATE_NOOP("DecisionDialog", "Reject for recount")),
    Decision.FORCED: str(QT_TRANSLATE_NOOP("DecisionDialog", "Force variance")),
}
CONFIRMS = {
    Decision.APPROVED: str(QT_TRANSLATE_NOOP("DecisionDialog", "Approve")),
    Decision.REJECTED: str(QT_TRANSLATE_NOOP("DecisionDialog", "Reject")),
    Decision.FORCED: str(QT_TRANSLATE_NOOP("DecisionDialog", "Force")),
}


def decision_title(decision: Decision) -> str:
    return QCoreApplication.translate(CONTEXT, TITLES[decision])


class DecisionDialog(SupervisorPrompt):
    """`actor` (the supervisor) and `reason()` once accepted."""

    def __init__(self, engine: Engine, decision: Decision, message: str, parent: QWidget | None = None) -> None:
        super().__init__(
            engine,
            decision_title(decision),
            message,
            QCoreApplication.translate(CONTEXT, CONFIRMS[decision]),
            SUPERVISE,
            parent=parent,
            danger=decision is not Decision.APPROVED,
        )
        self.decision = decision
        self.required = reason_required(decision)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        if self.required:
            self.reason_edit.setPlaceholderText(self.tr("Required: why (e.g. damaged stock found in backstock)"))
        else:
            self.reason_edit.setPlaceholderText(self.tr("Optional"))
        self.form.insertRow(0, self.tr("Reason"), self.reason_edit)
        # Enter types the PIN in; it never cancels (a disabled confirm button leaves Cancel as the default).
        self.cancel_button.setAutoDefault(False)
        self.confirm_button.setDefault(True)
        self.reason_edit.textChanged.connect(self._reason_changed)
        self._reason_changed(self.reason_edit.text())

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    @Slot(str)
    def _reason_changed(self, _text: str) -> None:
        if self.supervisors:
            self.confirm_button.setEnabled(bool(self.reason()) or not self.required)

    @Slot(object)
    def _passed(self, user: UserRow) -> None:
        if self.required and not self.reason():
            self.entry.message.setText(self.tr("Give a reason first, then your PIN again."))
            self.reason_edit.setFocus()
            return
        super()._passed(user)


class ThresholdDialog(SupervisorPrompt):
    """A count's variance threshold, in units or %, past which an item waits for approval."""

    def __init__(self, engine: Engine, current: Threshold, default: Threshold, parent: QWidget | None = None) -> None:
        super().__init__(
            engine,
            self.tr("Variance threshold"),
            self.tr(
                "Items past it wait in Pending approval (this device's default: {default}). A supervisor's PIN "
                "changes it for this count."
            ).format(default=threshold_text(default)),
            self.tr("Save"),
            SUPERVISE,
            parent=parent,
        )
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Threshold in"))
        self.kind.addItem(self.tr("Percent of expected"), ThresholdKind.PERCENT)
        self.kind.addItem(self.tr("Units"), ThresholdKind.UNITS)
        self.kind.setCurrentIndex(self.kind.findData(current.kind))
        self.value = QDoubleSpinBox()
        self.value.setAccessibleName(self.tr("Threshold"))
        self.value.setDecimals(1)
        self.value.setRange(0, 1_000_000)
        self.value.setValue(current.value)
        self.value.setMinimumHeight(40)
        self.as_default = QCheckBox(self.tr("Also this device's default"))
        self.as_default.setToolTip(self.tr("For counts without a threshold of their own"))
        row = QHBoxLayout()
        row.addWidget(self.value)
        row.addWidget(self.kind, 1)
        self.form.insertRow(0, self.tr("Threshold"), row)
        # Beside Cancel and Save, not a row of its own: the dialog with its PIN pad fits 480 px.
        layout = self.layout()
        last = layout.itemAt(layout.count() - 1) if layout is not None else None
        buttons = last.layout() if last is not None else None
        if isinstance(buttons, QHBoxLayout):
            buttons.insertWidget(0, self.as_default)
        else:
            self.form.insertRow(1, "", self.as_default)

    def threshold(self) -> Threshold:
        return Threshold(ThresholdKind(self.kind.currentData()), self.value.value())


def threshold_text(threshold: Threshold) -> str:
    value = f"{threshold.value:g}"
    if threshold.kind is ThresholdKind.UNITS:
        return QCoreApplication.translate("DecisionDialog", "{n} units").format(n=value)
    return QCoreApplication.translate("DecisionDialog", "{n} %").format(n=value)
