"""The idle lock (SPEC A1): after some minutes with no touch, click or key anywhere in the app, it locks.
Idle time is measured on the injected clock, so a test moves the clock instead of waiting.

`locked` is what the scan capture asks before it routes a scan: while locked, a scan is refused loudly
(it would otherwise land in the lock screen's PIN field)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

from scanapp.domain.clock import Clock

# What counts as someone using the device (a mouse that drifts does not).
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
CHECK_INTERVAL_MS = 1000


class IdleLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, clock: Clock, minutes: float, parent: QObject | None = None) -> None:
        """`minutes` 0: never locks by itself (lock() still does)."""
        super().__init__(parent)
        self.clock = clock
        self.minutes = minutes
        self.armed = False
        """Someone is signed in: idle time counts."""
        self._locked = False
        self.last_activity = clock.now()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # every input event of the app passes here first (Qt drops it with us)

    @property
    def locked(self) -> bool:
        return self._locked

    def arm(self) -> None:
        """Someone signed in: the idle time starts now."""
        self.armed = True
        self.last_activity = self.clock.now()
        self.timer.start()

    def disarm(self) -> None:
        """Nobody signed in: nothing to lock."""
        self.armed = False
        self.timer.stop()
        self._set(False)

    @Slot(float)
    def set_minutes(self, minutes: float) -> None:
        """A new idle time, applied at once (0: never locks by itself); idle time is counted from now."""
        self.minutes = minutes
        self.last_activity = self.clock.now()

    def lock(self) -> None:
        if self.armed:
            self._set(True)

    def unlock(self) -> None:
        self.last_activity = self.clock.now()
        self._set(False)

    def _set(self, locked: bool) -> None:
        if locked != self._locked:
            self._locked = locked
            self.locked_changed.emit(locked)

    @Slot()
    def check(self) -> None:
        if not self.armed or self._locked or self.minutes <= 0:
            return
        idle = (self.clock.now() - self.last_activity).total_seconds()
        if idle >= self.minutes * 60:
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self._locked:
            self.last_activity = self.clock.now()
        return False
