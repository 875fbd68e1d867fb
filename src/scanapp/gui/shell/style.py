"""The app's style sheet and the colours item models paint with (the same ones the style sheet uses)."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from scanapp.domain.classification import Category

STYLE_SHEET = files("scanapp.resources") / "style.qss"

CATEGORY_COLOURS = {
    Category.COUNTED: QColor("#137333"),
    Category.UNMATCHED: QColor("#b06000"),
    Category.UNDIRECTED: QColor("#1967d2"),
    Category.UNCOUNTED: QColor("#5f6368"),
}
REJECTED_COLOUR = QColor("#c5221f")
REVIEW_COLOUR = QColor("#8430ce")  # a line waiting for a supervisor's review: in no total
MUTED_COLOUR = QColor("#5f6368")

# Touch: the smallest row and button a finger hits reliably.
ROW_HEIGHT = 44


def sheet() -> str:
    """The style sheet. A missing file is an installation fault and raises."""
    return STYLE_SHEET.read_text(encoding="utf-8")


def apply(app: QApplication) -> None:
    """The app's base style; the main window carries the style sheet (so dialogs it opens inherit it)."""
    app.setStyle("Fusion")


def set_property(widget: QWidget, name: str, value: object) -> None:
    """Change a property the style sheet selects on, and re-apply the style so the change shows."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
