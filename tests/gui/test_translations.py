"""Translations ship inside the package and are up to date (DESIGN rule 15, SPEC P3): lupdate run over the
screens again changes no shipped .ts (every tr() string is in it), lrelease of each .ts gives the shipped
.qm byte for byte, English plurals are written out, and the app loads a translation from the package."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from scanapp.domain.errors import InvalidTransition, PermissionDenied
from scanapp.domain.messages import ACTION_TEXT, CONTEXT, TEXT, Action, Message
from scanapp.domain.refusals import REFUSAL_SHORT, REFUSAL_TEXT, RefusalReason
from scanapp.domain.suggestions import CONTEXT as SUGGESTIONS
from scanapp.domain.suggestions import ON_THE_LIST, WHY_TEXT, Why
from scanapp.gui.shell.translations import install_translators
from scanapp.gui.widgets.error_text import error_text, refusal_text
from scanapp.gui.widgets.formatting import scans_ago

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "src" / "scanapp" / "resources" / "translations"


def test_the_shipped_ts_and_qm_are_what_lupdate_and_lrelease_make_of_the_sources():
    env = {**os.environ, "PYTHON": sys.executable}
    checked = subprocess.run(
        ["bash", str(ROOT / "scripts" / "update-translations"), "--check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr + "\n(run scripts/update-translations and commit the result)"


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("scanapp_*.ts")), ids=lambda p: p.name)
def test_every_plural_has_its_forms_written(ts: Path):
    """A plural without forms shows its source text: "1 units". English needs them written too."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            if message.get("numerus") != "yes":
                continue
            translation = message.find("translation")
            forms = [form.text for form in message.iter("numerusform")]
            if translation is None or translation.get("type") == "unfinished" or not all(forms):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert not missing, f"plural forms to write in {ts.name}:\n" + "\n".join(missing)


def test_english_is_shipped_in_the_package():
    shipped = files("scanapp.resources") / "translations"
    assert (shipped / "scanapp_en.qm").is_file() and (shipped / "scanapp_en.ts").is_file()


def test_english_plurals_read_right(qapp):
    # tests/gui/conftest.py installs the package's translation as the app does.
    assert scans_ago(1) == "1 scan ago"
    assert scans_ago(3) == "3 scans ago"
    assert QCoreApplication.translate("Formatting", "the latest scan") == "the latest scan"


@pytest.mark.parametrize("locale", ["en_US", "fr_FR", "C"])  # German has its own: tests/gui/test_german.py
def test_a_locale_without_its_translation_falls_back_to_english(qapp, locale: str):
    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        translators = install_translators(qapp)
        for translator in translators:
            qapp.removeTranslator(translator)
    finally:
        QLocale.setDefault(before)
    assert [t.language() for t in translators] == ["en"]


class Marked(QTranslator):
    """Translates every domain message as «text», so a test sees what went through the translation."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»" if context == CONTEXT else None


def test_domain_errors_and_refusals_are_translated_by_their_id(qapp):
    marked = Marked()
    qapp.installTranslator(marked)
    try:
        err = PermissionDenied(Message.MAY_NOT, ["INV_COUNT_ADMIN"], action=Action.SUBMIT_SESSION)
        assert (
            error_text(err)
            == "«Your account may not «submit the session»: ask a supervisor, or sign in as a user who may.»"
        )
        assert (
            refusal_text(RefusalReason.DIALOG_OPEN, "Edit")
            == "«Scans are not taken while “Edit” is open: close it, then scan again.»"
        )
        # A refusal given as plain text (the server's, say) is shown as it is.
        assert error_text(InvalidTransition("Say where the item goes.")) == "Say where the item goes."
    finally:
        qapp.removeTranslator(marked)
    assert str(err).endswith("sign in as a user who may. (Needs INV_COUNT_ADMIN.)")  # the codes stay off screen


def test_every_domain_message_is_in_the_shipped_translation():
    ts = ET.parse(TRANSLATIONS / "scanapp_en.ts").getroot()

    def sources(context: str) -> set[str | None]:
        contexts = [c for c in ts.iter("context") if c.findtext("name") == context]
        return {m.findtext("source") for c in contexts for m in c.iter("message")}

    texts = [*TEXT.values(), *ACTION_TEXT.values(), *REFUSAL_TEXT.values(), *REFUSAL_SHORT.values()]
    assert [t for t in texts if t not in sources(CONTEXT)] == []
    assert [t for t in [*WHY_TEXT.values(), ON_THE_LIST] if t not in sources(SUGGESTIONS)] == []
    assert (
        set(TEXT) == set(Message)
        and set(ACTION_TEXT) == set(Action)
        and set(REFUSAL_TEXT) == set(RefusalReason) == set(REFUSAL_SHORT)
        and set(WHY_TEXT) == set(Why)
    )
