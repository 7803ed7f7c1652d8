"""Dutch for Qt's own dialogs (OK/Annuleren, the file dialog, the calendar), whatever the
system language is.

Qt's Dutch catalogue (qtbase_nl.qm, shipped with PySide6) is loaded, but it lags behind Qt 6:
its file dialog still knows 'Look in:' and 'Files of type:', while Qt 6 asks for '&Look in:'
and 'Files of &type:' (with their keyboard mnemonics), so those two labels stayed English.
resources/translations/qt_extra_nl.ts (built into qt_extra_nl.qm) fills those gaps.

Not a QTranslator subclass in Python: PySide6 6.12 loses a reference to None on every call of
an overridden translate() (its `disambiguation` argument), and after some thousands of
lookups the app aborts ('Fatal Python error: none_dealloc'); tests/ui/test_dutch.py shows it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gebiedsapp.resources import resources_root

log = logging.getLogger(__name__)

EXTRA = "qt_extra_nl"


def install_dutch(app: QCoreApplication) -> list[QTranslator]:
    """Qt's Dutch catalogue plus its gaps, and Dutch number and date formats; returns the
    installed translators (a test removes them again)."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    installed: list[QTranslator] = []
    catalogue = QTranslator(app)
    if catalogue.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(catalogue)
    extra = QTranslator(app)
    if extra.load(EXTRA, str(resources_root() / "translations")):
        installed.append(extra)  # installed last, so asked first
    else:
        log.warning("%s.qm not found: Qt's file dialog keeps two English labels", EXTRA)
    for translator in installed:
        app.installTranslator(translator)
    return installed
