"""Text the device stores in English and the screens show translated: why a scan cannot be read, and what an
item's inventory history line says.

It stays English in the journal, in exports and on the command line (scripts read it there). Each such text is
made from one of the templates below; a screen finds the template a stored text was made from and shows its
translation with the same values. A value named `reason` is itself such a text, translated the same way; a
library's own words (biip's `detail`) and people's notes stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from scanapp.domain.messages import QT_TRANSLATE_NOOP

BARCODE_REASONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Messages", "too long: {length} characters (at most {most})"),
    QT_TRANSLATE_NOOP("Messages", "empty scan"),
    QT_TRANSLATE_NOOP("Messages", "incomplete symbology identifier {id}"),
    QT_TRANSLATE_NOOP("Messages", "unreadable symbology identifier {id}"),
    QT_TRANSLATE_NOOP("Messages", "unreadable data: invalid byte sequence at position {position}"),
    QT_TRANSLATE_NOOP("Messages", "unreadable data: control character {char} at position {position}"),
    QT_TRANSLATE_NOOP("Messages", "GTIN must be digits only"),
    QT_TRANSLATE_NOOP("Messages", "GTIN must have 8, 12, 13 or 14 digits, not {length}"),
    QT_TRANSLATE_NOOP("Messages", "{reason} (as EAN-8), and not a UPC-E either: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "bad check digit: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "not a valid UPC-E: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "not a valid GS1 element string: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "not a valid GS1 Digital Link: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "not a valid web address: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "not a valid {what}: {detail}"),
    QT_TRANSLATE_NOOP("Messages", "unknown EAN/UPC symbology identifier {id}"),
    QT_TRANSLATE_NOOP("Messages", "{id} says ITF-14: 14 digits, but the data is {length} characters"),
    QT_TRANSLATE_NOOP("Messages", "{id} says {claim}, but the data has other characters than digits"),
    QT_TRANSLATE_NOOP("Messages", "{id} says {claim}, but the data has {length} digits"),
    QT_TRANSLATE_NOOP("Messages", "{id} says {claim}, but the data has {length}"),
    QT_TRANSLATE_NOOP("Messages", "({ai}) appears twice with different values: {first} and {second}"),
    QT_TRANSLATE_NOOP("Messages", "({ai}) {what}: {reason}"),
)


# What the lab's inventory actions and resolutions write in an item's history (services/lab_projection.py).
MOVED = QT_TRANSLATE_NOOP("Messages", "moved from {old} to {new}")
QUANTITY_SET = QT_TRANSLATE_NOOP("Messages", "quantity set from {old} to {new}")
ARCHIVED = QT_TRANSLATE_NOOP("Messages", "archived (was {old})")
SPLIT_OFF = QT_TRANSLATE_NOOP("Messages", "split {quantity} off into {new}")
SPLIT_FROM = QT_TRANSLATE_NOOP("Messages", "split from {old}")
RESOLVED = QT_TRANSLATE_NOOP("Messages", "resolved as {resolution}")
RESOLVED_TO = QT_TRANSLATE_NOOP("Messages", "resolved as {resolution}, to {place}")
RESOLVED_NOTE = QT_TRANSLATE_NOOP("Messages", "resolved as {resolution}: {note}")
RESOLVED_TO_NOTE = QT_TRANSLATE_NOOP("Messages", "resolved as {resolution}, to {place}: {note}")
HISTORY_DETAILS: tuple[str, ...] = (
    MOVED,
    QUANTITY_SET,
    ARCHIVED,
    SPLIT_OFF,
    SPLIT_FROM,
    RESOLVED_TO_NOTE,
    RESOLVED_TO,
    RESOLVED_NOTE,
    RESOLVED,
)
TEMPLATES = BARCODE_REASONS + HISTORY_DETAILS


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


_PATTERNS = tuple((t, _pattern(t)) for t in TEMPLATES)


def parse(reason: str) -> tuple[str, dict[str, str]] | None:
    """The template `reason` was made from and its values, or None for a reason made otherwise."""
    for template, pattern in _PATTERNS:
        match = pattern.fullmatch(reason)
        if match:
            return template, match.groupdict()
    return None


def translated(
    text: str, translate: Callable[[str], str], named: Mapping[str, Callable[[str], str]] | None = None
) -> str:
    """`text` in the words `translate` gives its template (the English text when none matches); a value with a
    name in `named` is shown by that function (e.g. a resolution's own name)."""
    found = parse(text)
    if found is None:
        return text
    template, values = found
    if "reason" in values:
        values["reason"] = translated(values["reason"], translate, named)
    for name, shown in (named or {}).items():
        if name in values:
            values[name] = shown(values[name])
    return translate(template).format(**values)
