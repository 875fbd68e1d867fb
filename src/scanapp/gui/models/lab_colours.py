"""The lab tags' colours, as the seed names them: In Scope green, Not in Scope red; Wrong location amber."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from scanapp.domain.lab import Tag

TAG_COLOURS = {
    Tag.IN_SCOPE: QColor("#137333"),
    Tag.NOT_IN_SCOPE: QColor("#c5221f"),
    Tag.WRONG_LOCATION: QColor("#b06000"),
}
TAG_NAMES = {
    Tag.IN_SCOPE: QT_TRANSLATE_NOOP("LabTags", "In Scope"),
    Tag.NOT_IN_SCOPE: QT_TRANSLATE_NOOP("LabTags", "Not in Scope"),
    Tag.WRONG_LOCATION: QT_TRANSLATE_NOOP("LabTags", "Wrong location"),
}
# The feedback status (H5) whose flash colour is the tag's.
TAG_FLASH = {Tag.IN_SCOPE: "accepted", Tag.NOT_IN_SCOPE: "rejected", Tag.WRONG_LOCATION: "unmatched"}


def tag_name(tag: Tag) -> str:
    return QCoreApplication.translate("LabTags", str(TAG_NAMES[tag]))
