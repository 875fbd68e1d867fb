"""The screens' language: ScanApp's translation and Qt's own, chosen by --language or the system locale."""

from __future__ import annotations

import logging
from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def install_translators(qt_app: QApplication, language: str | None = None) -> list[QTranslator]:
    """ScanApp's translation for `language` (a code such as "de"; else the system locale), else English
    (whose .qm carries the plural forms), and Qt's own for the buttons of its dialogs. `language` also
    becomes the default locale, so numbers and dates follow it. Returns what was installed."""
    locale = QLocale(language) if language else QLocale()
    if language:
        QLocale.setDefault(locale)
    installed = []
    directory = str(files("scanapp.resources") / "translations")
    ours = QTranslator(qt_app)
    if ours.load(locale, "scanapp", "_", directory) or ours.load("scanapp_en", directory):
        installed.append(ours)
    else:
        log.warning("no translations found in %s: the screens show their source strings", directory)
    qt_base = QTranslator(qt_app)
    if ours.language() != "en" and qt_base.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        installed.append(qt_base)  # only beside a ScanApp translation: no German "Abbrechen" in English screens
    for translator in installed:
        qt_app.installTranslator(translator)
    return installed
