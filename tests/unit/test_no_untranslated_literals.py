"""Every visible string in gui/ goes through Qt's translation (DESIGN rule 15, SPEC P3): an AST scan of
src/scanapp/gui/**/*.py for string literals and f-strings handed straight to the Qt calls that show text
(setText, setWindowTitle, QLabel(…), QMessageBox.critical(…), addRow, addTab, column headers …) instead of
through tr() / QCoreApplication.translate() / QT_TRANSLATE_NOOP.

It sees literals only where they are shown: a string kept in a variable first is the reviewer's to catch.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[2] / "src" / "scanapp" / "gui"

# Shown as they are in every language, each with its reason.
ALLOWED = {
    "ScanApp": "the product's name",
    "×": "the close button's symbol (its tooltip and accessible name are translated)",
    "+": "the add-one button's symbol (tooltip translated)",
    "−": "the take-one-away button's symbol (tooltip translated)",
    "…": "marks a scan still being typed",
    "⚙": "the seed's cog on Barcode Tracking (its tooltip and accessible name are translated)",
}

# Method name -> the positional arguments that are shown text.
TEXT_METHODS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(
        (
            "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "setWhatsThis",
            "setTitle", "setAccessibleName", "setAccessibleDescription", "showMessage", "setLabelText",
            "setSuffix", "setPrefix", "setSpecialValueText", "setInformativeText", "setDetailedText",
            "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addItems", "addItem",
            "addAction", "addRow", "addMenu", "setWindowIconText", "show_info",
        ),
        (0,),
    ),
    "addTab": (1, 2),
    "insertTab": (2, 3),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "insertItem": (1,),
    "show_error": (0, 1),  # MessageBar: text, action text
    "show_warning": (0, 1),
}  # fmt: skip
TEXT_KEYWORDS = {"text", "title", "toolTip", "placeholderText", "action_text", "caption", "label"}
# Constructors whose positional arguments are shown (QLabel(text, parent), QPushButton(icon, text) …).
WIDGETS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QCommandLinkButton",
    "QAction", "QMenu", "QMessageBox", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "QStandardItem",
}  # fmt: skip
# Static dialogs: class -> method -> shown positional arguments (title and text; caption and filter).
STATIC_DIALOGS = {
    "QMessageBox": dict.fromkeys(("critical", "warning", "information", "question", "about"), (1, 2)),
    "QInputDialog": dict.fromkeys(("getText", "getInt", "getDouble", "getItem", "getMultiLineText"), (1, 2)),
    "QFileDialog": dict.fromkeys(("getOpenFileName", "getSaveFileName", "getExistingDirectory"), (1, 3)),
}
# Class or module constants of source texts (column headers): each must be marked with QT_TRANSLATE_NOOP.
CONSTANT_SUFFIXES = ("headers", "HEADERS", "LABELS", "TITLES")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}"


def shown_literal(node: ast.expr | None) -> bool:
    """Whether `node` is (or builds) text from a literal that no translation call went through."""
    match node:
        case ast.Constant(value=str() as text):
            return bool(text.strip()) and text not in ALLOWED
        case ast.JoinedStr(values=parts):
            words = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
            return bool(words.strip()) and words not in ALLOWED
        case ast.BinOp(left=left, right=right):  # "a" + x, "%d scans" % n
            return shown_literal(left) or shown_literal(right)
        case ast.IfExp(body=body, orelse=orelse):
            return shown_literal(body) or shown_literal(orelse)
        case ast.Tuple(elts=items) | ast.List(elts=items):
            return any(shown_literal(item) for item in items)
        case ast.Call(func=ast.Attribute(attr="format", value=value)):  # "…{}".format(x), not tr("…").format(x)
            return shown_literal(value)
    return False


def _shown_arguments(call: ast.Call) -> list[ast.expr]:
    func = call.func
    keywords = [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
    if isinstance(func, ast.Name) and func.id in WIDGETS:
        return [*call.args, *keywords]
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        positions = STATIC_DIALOGS.get(owner or "", {}).get(func.attr) or TEXT_METHODS.get(func.attr, ())
        if owner in WIDGETS and func.attr not in STATIC_DIALOGS.get(owner, {}) and not positions:
            return []
        return [call.args[i] for i in positions if i < len(call.args)] + keywords
    return []


def _constant_values(node: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    named = any(isinstance(t, ast.Name) and t.id.endswith(CONSTANT_SUFFIXES) for t in targets)
    value = node.value
    if not named or value is None:
        return []
    if isinstance(value, ast.Dict):
        return [v for v in value.values if v is not None]
    return [value]


def findings_in(source: str, path: str = "<source>") -> list[Finding]:
    tree = ast.parse(source)
    found: list[Finding] = []

    def flag(node: ast.AST) -> None:
        found.append(Finding(path, getattr(node, "lineno", 0), ast.unparse(node)))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if any(shown_literal(arg) for arg in _shown_arguments(node)):
                flag(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            if any(shown_literal(value) for value in _constant_values(node)):
                flag(node)
        elif isinstance(node, ast.FunctionDef) and node.name == "headerData":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and shown_literal(inner.value):
                    flag(inner)
    return found


def test_the_scan_finds_untranslated_text_and_passes_translated_text():
    flagged = """
label = QLabel("Scans")
button.setText(f"{n} scans")
QMessageBox.critical(None, "Cannot start", str(err))
form.addRow("Port:", port)
tabs.addTab(page, "Counted")
self.setWindowTitle("Problem" if known else "Bug")
bar.show_error(str(err), "Show unmatched", action)
combo.addItem("Serial", "serial")
headers = ("Product", "SKU")
def headerData(self, section, orientation, role):
    return "Qty"
"""
    passed = """
label = QLabel(self.tr("Scans"))
button.setText(self.tr("%n scans", "", n))
QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot start"), str(err))
form.addRow(self.tr("Port:"), port)
tabs.addTab(page, self.tr("Counted"))
self.setWindowTitle(self.tr("Problem") if known else self.tr("Bug"))
bar.show_error(str(err), self.tr("Show unmatched"), action)
combo.addItem(self.tr("Serial"), "serial")
headers = (QT_TRANSLATE_NOOP("Columns", "Product"), "")
close = QPushButton("×")
label.setText("")
label.setText(self.tr("{n} of {total}").format(n=n, total=total))
self.setWindowTitle("ScanApp")
field.setObjectName("scanInput")
"""
    assert len(findings_in(flagged)) == len(flagged.strip().splitlines()) - 1  # headerData takes two lines
    assert findings_in(passed) == []


@pytest.mark.parametrize("path", sorted(GUI.rglob("*.py")), ids=lambda p: str(p.relative_to(GUI)))
def test_no_visible_literal_in_gui_escapes_translation(path: Path):
    found = findings_in(path.read_text(encoding="utf-8"), str(path.relative_to(GUI.parents[2])))
    assert not found, "visible text not wrapped in tr()/translate():\n" + "\n".join(map(str, found))
