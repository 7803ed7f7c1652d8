"""Dutch for Qt's own dialogs (OK/Annuleren, the file dialog, the calendar), whatever the
system language is.

Qt's Dutch catalogue (qtbase_nl.qm, shipped with PySide6) is loaded, but it lags behind Qt 6:
its file dialog still knows 'Look in:' and 'Files of type:', while Qt 6 asks for '&Look in:'
and 'Files of &type:' (with their keyboard mnemonics), so those two labels stayed English.
`QtGaps` answers the strings the catalogue misses. Qt asks the translator installed last
first, so QtGaps is installed before the catalogue and is asked only when the catalogue has no
answer; for anything else it answers the source text, as Qt itself would. (It cannot answer
"nothing": PySide turns a returned None into a refcount error.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

# (context, source text) -> Dutch; only what qtbase_nl.qm lacks (tests/ui/test_dutch.py)
MISSING = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestands&type:",
}


class QtGaps(QTranslator):
    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return MISSING.get((context, source_text), source_text)

    def isEmpty(self) -> bool:
        return False  # else Qt skips it


def install_dutch(app: QCoreApplication) -> list[QTranslator]:
    """Qt's Dutch catalogue plus its gaps, and Dutch number and date formats; returns the
    installed translators (a test removes them again)."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    parent: QObject = app
    gaps = QtGaps(parent)
    app.installTranslator(gaps)
    installed: list[QTranslator] = [gaps]
    catalogue = QTranslator(parent)
    if catalogue.load("qtbase_nl", folder):
        app.installTranslator(catalogue)
        installed.append(catalogue)
    return installed
