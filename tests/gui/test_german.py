"""German beside English (SPEC P3): `scanapp --language de` and a German system locale show the real screens in
German (sign-in, counts list, a session, Barcode Tracking, a domain refusal, Qt's own buttons), numbers and days
read the German way, every German message is finished with its placeholders and accelerators kept, and each
screen's Alt+letter accelerators are unique."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QTabBar, QWidget

from scanapp.domain.lab import location_code
from scanapp.domain.messages import Action, Message
from scanapp.gui.lab.start_dialog import NEW, StartSessionDialog
from scanapp.gui.shell.main_window import MainWindow
from scanapp.gui.shell.translations import install_translators
from scanapp.gui.widgets.error_text import message_text, stored_text_shown
from scanapp.gui.widgets.formatting import amount, day_and_time, grouped
from scanapp.scanners.read import ScanRead
from tests.gui.conftest import open_session, scan_shown, sign_in, text
from tests.gui.test_lab_page import scan, stocked  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "src" / "scanapp" / "resources" / "translations"
FOREIGN = sorted(p for p in TRANSLATIONS.glob("scanapp_*.ts") if p.name != "scanapp_en.ts")


@pytest.fixture
def german(qapp) -> Iterator[list[QTranslator]]:
    """The translators `scanapp --language de` installs, on top of the English the suite reads; removed after."""
    before = QLocale()
    translators = install_translators(qapp, "de")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def german_window(qtbot, german, engine) -> MainWindow:
    """The window built after the German translators, as the app builds it."""
    w = MainWindow(engine)
    qtbot.addWidget(w)
    w.resize(800, 480)
    w.show()
    qtbot.waitExposed(w)
    return w


def label_texts(page: QWidget) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisible()]


def test_language_de_installs_scanapp_and_qt_in_german(german):
    assert [t.language()[:2] for t in german] == ["de", "de"]  # ScanApp's and Qt's own (qtbase)
    assert QCoreApplication.translate("ScanButton", "Start counting") == "Zählung starten"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"  # from qtbase_de


def test_the_retail_screens_in_german(qtbot, german_window, retail):
    window = german_window
    assert "Wer zählt?" in label_texts(window.sign_in)
    buttons = window.sign_in.buttons
    assert buttons["alex"].text() == "Alex (associate)\nzählen"  # the name is the store's data
    assert buttons["sam"].text().endswith("zählen, vorzeitig starten, Sitzungen freigeben")

    sign_in(qtbot, window, "alex")
    counts = window.counts
    assert "Zählungen" in label_texts(counts)
    assert text(counts.sign_out_button) == "Abmelden" and text(counts.new_session_button) == "Neue Sitzung"
    card = counts.count_cards[retail.directed_id]
    assert card.start_button is not None and card.start_button.text() == "Zählung starten"
    assert card.state_chip.text() == "Geplant"
    assert any(t.startswith("Vorgabezählung · geplant für heute ") for t in label_texts(card))
    assert "Vollzählung · geplant für morgen " in " ".join(label_texts(counts.count_cards[retail.hard_id]))
    session_card = counts.session_cards[retail.directed_session.id]
    assert text(session_card.open_button) == "Öffnen" and session_card.holder_text == "Frei"

    open_session(qtbot, window, retail.directed_session)
    page = window.session
    assert text(page.action_row.scan_button) == "Zählung starten"
    assert page.header.state_chip.text() == "Nicht gestartet"
    assert page.header.type_label.text() == " · Vorgabezählung"
    assert page.lists.tab_titles() == ["Gezählt (0)", "Unbekannt (0)", "Nicht gelistet (0)", "Ungezählt (3)"]
    assert text(page.action_row.submit_button) == "Einreichen"
    assert text(page.hand_button) == "Handgezählte Artikel"
    # A scan before Start counting is refused with the domain's reason, in German.
    with qtbot.waitSignal(window.capture.router.refused) as refused:
        window.capture.router.route(ScanRead("4006381333931", "wedge", datetime.now(UTC)))
    assert refused.args[1] == (
        "Scan 4006381333931 wurde nicht erfasst. Diese Sitzung ist nicht gestartet: Drücken Sie „Zählung starten“ "
        "und scannen Sie dann."
    )
    # Started, a scan's outcome reads in German on the last-scan line, and in the scan list.
    qtbot.mouseClick(page.action_row.scan_button, Qt.MouseButton.LeftButton)
    assert page.header.state_chip.text() == "Läuft"
    with scan_shown(qtbot, page):
        window.capture.router.route(ScanRead("4006381333931", "wedge", datetime.now(UTC)))
    assert page.last_scan.text().startswith("Gezählt: ")
    with scan_shown(qtbot, page):
        window.capture.router.route(ScanRead("5901234123457", "wedge", datetime.now(UTC)))
    assert page.last_scan.text() == "Unbekannt: 05901234123457 passt zu keinem Artikel"
    assert page.lists.scan_model.index(0, 0).data().split("\n")[1].startswith("Unbekannt · ")
    assert page.lists.tab_titles()[:2] == ["Gezählt (1)", "Unbekannt (1)"]


def test_a_domain_message_reads_as_german_with_its_action(german):
    assert message_text(Message.MAY_NOT, action=Action.SUBMIT_SESSION) == (
        "Ihr Konto ist nicht berechtigt, die Sitzung einzureichen. Fragen Sie die Schichtleitung, oder melden Sie "
        "sich als berechtigter Benutzer an."
    )
    assert message_text(Message.SUBMITTED, action=Action.EDIT_SESSION) == (
        "Es ist nicht möglich, die Sitzung zu bearbeiten: Die Sitzung ist eingereicht. Öffnen Sie sie zuerst wieder."
    )


def test_barcode_tracking_in_german(qtbot, stocked, german_window):  # noqa: F811 (the fixture)
    window = german_window
    sign_in(qtbot, window, "lee", expect=window.lab)
    page = window.lab
    assert [a.text() for a in page.menus.cog_menu.actions()] == [
        "Inventurabgleich-Sitzung starten",
        "Abgleich-Sitzung beenden",
        "Frühere Inventurabgleich-Sitzungen ansehen",
    ]
    page.menus.start_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, StartSessionDialog)
    dialog.name.setText("Gefrierschränke")
    dialog.lab.setCurrentText("Lab A")
    dialog.config.setCurrentIndex(dialog.config.findData(NEW))
    dialog.config_name.setText("Gefrierschränke")
    statuses = dialog.filter_models["status"]
    assert [statuses.item(i).text() for i in range(statuses.rowCount())] == ["verfügbar"]  # shown in German …
    model = dialog.filter_models["location"]
    with qtbot.waitSignal(dialog.counted):
        for i in range(model.rowCount()):
            if model.item(i).text().startswith("Freezer"):
                model.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.counted) as counted:
        statuses.item(0).setCheckState(Qt.CheckState.Checked)  # … and filtered on its value
    assert counted.args == [4]
    assert dialog.count_label.text() == "4 Bestandsartikel im Umfang: Die Sitzung wird sie erwarten."
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert page.banner.heading.text() == "Aktive Inventurabgleich-Sitzung"
    assert page.banner.tag.text() == "Inventurabgleich läuft"
    scan(qtbot, window, location_code("Lab A", "Freezer 1"))
    assert page.here_label.text() == "Hier: Freezer 1"
    for code in ("A-1", "A-4", "B-1"):
        scan(qtbot, window, code)
    shown = {page.scan_model.index(i, 1).data() for i in range(page.scan_model.rowCount())}
    assert {"Erwartet", "Falscher Lagerort", "Nicht erwartet"} <= shown
    assert page.last_scan.text() == "Nicht erwartet: B-1 PBS gehört zu Lab B, nicht zu Lab A"
    assert page.card.details.text() == "Lab B · Cold room · 1 l · verfügbar"
    qtbot.mouseClick(page.card.move_here_button, Qt.MouseButton.LeftButton)
    assert page.message_bar.text == "B-1 gehört zu Lab B, nicht zu Lab A: Erledigen Sie das in einer Sitzung von Lab B."


def test_numbers_and_days_read_the_german_way(german):
    assert grouped(1234567) == "1.234.567" and amount(2.5) == "2,5" and amount(10.0) == "10"
    now = datetime(2025, 11, 24, 9, 0)  # a Monday
    assert day_and_time(datetime(2025, 11, 27, 6, 0), now) == "Do., 27. Nov. 06:00"
    assert day_and_time(datetime(2025, 11, 25, 6, 0), now) == "morgen 06:00"


def test_numbers_and_days_stay_english_without_german():
    assert grouped(1234567) == "1,234,567" and amount(2.5) == "2.5"
    assert day_and_time(datetime(2025, 11, 27, 6, 0), datetime(2025, 11, 24, 9, 0)) == "Thu 27 Nov 06:00"


def test_a_german_system_locale_picks_german_without_language(tmp_path):
    """As a handheld set up in German starts it: no --language, LANG=de_DE.UTF-8 (and LC_ALL/LC_MESSAGES unset)."""
    probe = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from scanapp.gui.shell.translations import install_translators\n"
        "app = QApplication([])\n"
        "print([t.language()[:2] for t in install_translators(app)])\n"
        "print(QCoreApplication.translate('ScanButton', 'Start counting'))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="de_DE.UTF-8", LANGUAGE="", QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["['de', 'de']", "Zählung starten"]


@pytest.mark.parametrize("ts", FOREIGN, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path):
    """A new English string without its translation fails here, with the list of what to translate."""
    unfinished = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in message.iter("numerusform")] if message.get("numerus") == "yes" else []
            empty = not all(forms) if forms else not (translation is not None and translation.text)
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or empty:
                unfinished.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    assert not unfinished, (
        f"{len(unfinished)} message(s) without a finished translation in {ts.name} (write them there, then run "
        "scripts/update-translations):\n" + "\n".join(unfinished)
    )


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _accelerators(text: str) -> int:
    return len(re.findall(r"(?<!&)&(?!&)", text))


def _english_forms() -> dict[tuple[str, str], list[str]]:
    root = ET.parse(TRANSLATIONS / "scanapp_en.ts").getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or ""): [f.text or "" for f in m.iter("numerusform")]
        for c in root.iter("context")
        for m in c.iter("message")
    }


@pytest.mark.parametrize("ts", FOREIGN, ids=lambda p: p.name)
def test_translations_keep_placeholders_plurals_and_accelerators(ts: Path):
    """{name} fields, %n and one &-accelerator where the source has one: a translation that drops or renames
    one shows a wrong value or raises KeyError on screen."""
    english = _english_forms()
    wrong = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            plural = message.get("numerus") == "yes"
            forms = [f.text or "" for f in message.iter("numerusform")] if plural else [message.findtext("translation")]
            for i, form in enumerate(f or "" for f in forms):
                # A plural's singular may leave out %n where the English one does ("The scan was not recorded").
                needs_n = "%n" in source and not (plural and "%n" not in english[name, source][i])
                if (
                    _fields(form) != _fields(source)
                    or needs_n != ("%n" in form)
                    or _accelerators(form) != _accelerators(source)
                ):
                    wrong.append(f"{name}: {source!r} -> {form!r}")
    assert not wrong, "\n".join(wrong)


def mnemonics(page: QWidget) -> list[str]:
    """The Alt+letters of what the page shows: buttons, labels with a buddy, tabs."""
    texts = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisible()]
    texts += [label.text() for label in page.findChildren(QLabel) if label.isVisible() and label.buddy() is not None]
    for bar in page.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    return [m.group(1).lower() for t in texts if (m := re.search(r"(?<!&)&([^&])", t))]


def clashes(page: QWidget) -> list[str]:
    letters = mnemonics(page)
    return sorted({letter for letter in letters if letters.count(letter) > 1})


def test_each_german_screen_has_unique_accelerators(qtbot, retail, stocked, german_window):  # noqa: F811
    window = german_window
    sign_in(qtbot, window, "ada")  # counts and lab: every button of both pages is shown
    assert clashes(window.counts) == [], mnemonics(window.counts)
    window.show_lab()
    assert window.lab.isVisible() and clashes(window.lab) == [], mnemonics(window.lab)
    window.show_counts()
    open_session(qtbot, window, retail.directed_session)
    assert clashes(window.session) == [], mnemonics(window.session)


def test_a_rejected_scans_reason_is_german(german) -> None:
    """Stored in English (the journal, exports), shown in German: values and biip's own words kept."""
    assert stored_text_shown("too long: 10001 characters (at most 512)") == "zu lang: 10001 Zeichen (höchstens 512)"
    assert (
        stored_text_shown("(01) GTIN: bad check digit: expected 1, got 2")
        == "(01) GTIN: falsche Prüfziffer: expected 1, got 2"
    )
    assert message_text(Message.SCAN_REJECTED, reason="empty scan").endswith("leerer Scan")


def test_an_items_history_line_is_german(german) -> None:
    assert stored_text_shown("moved from Shelf A to Shelf B") == "verschoben von Shelf A nach Shelf B"
    assert stored_text_shown("resolved as still missing: on the cart").startswith("geklärt als ")
    assert "still missing" not in stored_text_shown("resolved as still missing: on the cart")
