"""What lupdate can extract: it reads source text, not values. A QT_TRANSLATE_NOOP or translate() whose context
is a variable (`QT_TRANSLATE_NOOP(_C, "Found at")`) is never extracted, and `parent.tr("…")` is extracted under a
context named "parent" that no running widget has: either way the string stays English in every translation.
An AST scan of every file scripts/update-translations reads."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted((ROOT / "src" / "scanapp" / "gui").rglob("*.py")),
    *(
        ROOT / "src" / "scanapp" / "domain" / name
        for name in ("messages.py", "refusals.py", "suggestions.py", "stored_text.py")
    ),
]


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def markers_lupdate_cannot_read(tree: ast.AST) -> list[int]:
    """Lines of QT_TRANSLATE_NOOP calls without a literal context and text, and tr() called on anything but self."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "QT_TRANSLATE_NOOP" and node.args:
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]):
                lines.append(node.lineno)
        elif name == "tr" and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            if not (isinstance(receiver, ast.Name) and receiver.id == "self"):
                lines.append(node.lineno)
    return lines


def test_the_scan_sees_both_kinds():
    sample = 'QT_TRANSLATE_NOOP(_C, "Found at")\nparent.tr("Save")\nself.tr("Fine")\nQT_TRANSLATE_NOOP("C", "Fine")\n'
    assert markers_lupdate_cannot_read(ast.parse(sample)) == [1, 2]


def test_every_translation_marker_is_one_lupdate_reads():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in SOURCES
        for line in markers_lupdate_cannot_read(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, "write the context as a literal, or use QCoreApplication.translate(CONTEXT, …):\n" + "\n".join(
        found
    )
