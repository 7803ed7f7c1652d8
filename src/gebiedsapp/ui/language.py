"""The UI language: Dutch (the source language) unless the user chose English.

Chosen in Beeld → Taal / Language (QSettings `ui/language`: `nl` or `en`) and applied at the
next start, because widgets take their texts when they are built. GEBIEDSAPP_LANGUAGE
overrides the setting for tests and scripts. English loads resources/translations/
gebiedsapp_en.qm (built by packaging/translations.py) and none of Qt's own translations,
which are English already; Dutch loads Qt's qtbase_nl for its dialogs (OK/Annuleren).
Dates and numbers stay Dutch in both: the data is Dutch municipal data.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from gebiedsapp.resources import resources_root

log = logging.getLogger(__name__)

SETTING = "ui/language"
ENV = "GEBIEDSAPP_LANGUAGE"
DUTCH, ENGLISH = "nl", "en"
# Each language named in itself (endonyms), so never translated.
NAMES = {DUTCH: "&Nederlands", ENGLISH: "&English"}


def chosen_language(settings: QSettings) -> str:
    """The environment variable, else the setting, else Dutch; anything unknown is Dutch."""
    value = os.environ.get(ENV) or settings.value(SETTING, DUTCH)
    return value if isinstance(value, str) and value in NAMES else DUTCH


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language` on `app`; returned so a test can remove them."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    installed: list[QTranslator] = []
    if language == ENGLISH:
        translator = QTranslator(app)
        ours = str(resources_root() / "translations")
        if translator.load("gebiedsapp_en", ours):
            installed.append(translator)
        else:
            log.warning("English translation not found in %s: the UI stays Dutch", ours)
    else:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load("qtbase_nl", folder):
            installed.append(translator)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def _saved(settings: QSettings) -> str:
    """The setting alone (a hand-edited or damaged value counts as Dutch)."""
    value = settings.value(SETTING, DUTCH)
    return value if isinstance(value, str) and value in NAMES else DUTCH


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def add_language_menu(menu: QMenu, settings: QSettings, parent: QWidget) -> QMenu:
    """Beeld → Taal / Language: Nederlands or English, saved and applied at the next start."""
    # Both languages in the title, so whoever cannot read the current one still finds it.
    submenu = menu.addMenu("&Taal / Language")
    group = QActionGroup(submenu)
    current = _saved(settings)
    for code, name in NAMES.items():
        action = QAction(name, submenu, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, c=code: _choose(settings, c, parent))
        group.addAction(action)
        submenu.addAction(action)
    return submenu


def _choose(settings: QSettings, code: str, parent: QWidget) -> None:
    if _saved(settings) == code:
        return
    settings.setValue(SETTING, code)
    settings.sync()
    QMessageBox.information(
        parent,
        "Taal / Language",
        "De taal wordt gewijzigd als u de Gebiedsapp opnieuw start.\n\n"
        "The language changes when you restart Gebiedsapp.",
    )
