"""How long ScanApp waits without a touch, click or key before it locks (SPEC A1, setting gui.idle_lock_minutes):
shown to anyone, changed only with a supervisor's own PIN, like force release; 0 never locks. The caller saves
it (`minutes`, as `actor`) and applies it at once."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

from scanapp.domain.permissions import DEVICE_SETTINGS
from scanapp.gui.shell.engine import Engine
from scanapp.gui.shell.supervisor_prompt import SupervisorPrompt

MAX_MINUTES = 8 * 60
"""A shift: longer than that is as good as never, which 0 says plainly."""


class IdleLockDialog(SupervisorPrompt):
    def __init__(self, engine: Engine, minutes: float, parent: QWidget | None = None) -> None:
        super().__init__(
            engine,
            self.tr("Lock when idle"),
            self.tr(
                "ScanApp locks after this many minutes without a touch, click or key, and asks for the PIN of "
                "whoever is signed in. 0 never locks. A supervisor enters their own PIN to change it."
            ),
            self.tr("Save"),
            DEVICE_SETTINGS,
            parent=parent,
        )
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSpecialValueText(self.tr("Never"))
        self.minutes.setSuffix(self.tr(" min"))
        shown = 0 if minutes <= 0 else max(1, min(round(minutes), MAX_MINUTES))  # a few seconds is not "never"
        self.minutes.setValue(shown)
        self.minutes.setAccessibleName(self.tr("Minutes before ScanApp locks"))
        self.form.insertRow(0, self.tr("Lock after"), self.minutes)

    def value(self) -> int:
        return self.minutes.value()
