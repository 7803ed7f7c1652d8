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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from gebiedsapp.resources import resources_root
from gebiedsapp.ui.dutch import install_dutch

log = logging.getLogger(__name__)

SETTING = "ui/language"
ENV = "GEBIEDSAPP_LANGUAGE"
DUTCH, ENGLISH = "nl", "en"
# Each language named in itself (endonyms), so never translated.
NAMES = {DUTCH: "&Nederlands", ENGLISH: "&English"}


class _Translator(QTranslator):
    """The .qm, and for a miss the same Dutch text's translation from any context.

    lupdate names a context after the code (`parent.tr(...)` gives "parent") where Qt looks
    the string up under the class at run time, and table headers are translated under their
    model's class by QCoreApplication.translate with a text lupdate never sees. One Dutch text
    has one English translation here, so the text alone is enough.
    """

    def __init__(self, parent: QCoreApplication, by_text: dict[str, str]) -> None:
        super().__init__(parent)
        self.by_text = by_text

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        # None, not "": Qt takes an empty string for a translation and would show nothing
        return found or self.by_text.get(source)


def _by_text(ts: Path) -> dict[str, str]:
    """Dutch -> English for every finished, singular message of the shipped .ts."""
    import xml.etree.ElementTree as ET  # English only: not before a Dutch start's dialog

    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is None or not source or message.get("numerus") == "yes":
            continue
        if translation.get("type") is None and translation.text:
            found.setdefault(source, translation.text)
    return found


def chosen_language(settings: QSettings) -> str:
    """The environment variable, else the setting, else Dutch; anything unknown is Dutch."""
    value = os.environ.get(ENV) or settings.value(SETTING, DUTCH)
    return value if isinstance(value, str) and value in NAMES else DUTCH


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language` on `app`; returned so a test can remove them."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    installed: list[QTranslator] = []
    if language == ENGLISH:
        ours = resources_root() / "translations"
        try:
            english = _Translator(app, _by_text(ours / "gebiedsapp_en.ts"))
        except (OSError, SyntaxError):  # ElementTree's ParseError is a SyntaxError
            english = _Translator(app, {})
        if english.load("gebiedsapp_en", str(ours)):
            installed.append(english)
        else:
            log.warning("English translation not found in %s: the UI stays Dutch", ours)
    else:  # Qt's Dutch catalogue and its gaps (ui.dutch), installed there
        return install_dutch(app)
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
