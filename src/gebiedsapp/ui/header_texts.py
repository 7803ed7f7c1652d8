"""Column headers only seen at run time, named here for lupdate.

Table models translate their `headers` with QCoreApplication.translate(<model class>, text),
a variable lupdate cannot read. Most header texts are also tr() strings elsewhere; these are
not, so they are listed for the .ts (ui.language finds a translation by its Dutch text, any
context). tests/ui/test_translations.py fails when a model's header has no translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

HEADERS = (
    QT_TRANSLATE_NOOP("TableHeader", "Vraag"),
    QT_TRANSLATE_NOOP("TableHeader", "Uitkomst"),
    QT_TRANSLATE_NOOP("TableHeader", "Respondenten"),
    QT_TRANSLATE_NOOP("TableHeader", "Bereikt op"),
    QT_TRANSLATE_NOOP("TableHeader", "Buurt"),
    QT_TRANSLATE_NOOP("TableHeader", "Deze laptop"),  # sync conflicts: who changed it here
    QT_TRANSLATE_NOOP("TableHeader", "De eerste mijlpaal die nog niet bereikt is"),
    QT_TRANSLATE_NOOP("TableHeader", "Dorp of wijk"),
    QT_TRANSLATE_NOOP("TableHeader", "Gebiedsregisseur"),
    QT_TRANSLATE_NOOP("TableHeader", "Gebiedswethouder"),
    QT_TRANSLATE_NOOP("TableHeader", "Gemeld"),
    QT_TRANSLATE_NOOP("TableHeader", "Gevonden"),
    QT_TRANSLATE_NOOP("TableHeader", "Initiatief"),
    QT_TRANSLATE_NOOP("TableHeader", "Uitspraak"),  # Samenvatting's quotes
    QT_TRANSLATE_NOOP("TableHeader", "Laatst geweest"),
    QT_TRANSLATE_NOOP("TableHeader", "Mijlpaal"),
    QT_TRANSLATE_NOOP("TableHeader", "Opbouwwerker"),
    QT_TRANSLATE_NOOP("TableHeader", "Record"),
    QT_TRANSLATE_NOOP("TableHeader", "Reden"),
    QT_TRANSLATE_NOOP("TableHeader", "Regel"),
    QT_TRANSLATE_NOOP("TableHeader", "Rol"),
    QT_TRANSLATE_NOOP("TableHeader", "Server"),
    QT_TRANSLATE_NOOP("TableHeader", "Sinds"),
    QT_TRANSLATE_NOOP("TableHeader", "Soort"),
    QT_TRANSLATE_NOOP("TableHeader", "Streefdatum"),
    QT_TRANSLATE_NOOP("TableHeader", "Tijd"),
    QT_TRANSLATE_NOOP("TableHeader", "Toegekend"),
    QT_TRANSLATE_NOOP("TableHeader", "Vanaf"),
    QT_TRANSLATE_NOOP("TableHeader", "Velden"),
    QT_TRANSLATE_NOOP("TableHeader", "Volgende mijlpaal"),
    QT_TRANSLATE_NOOP("TableHeader", "Wat"),
    QT_TRANSLATE_NOOP("TableHeader", "Weken"),
    QT_TRANSLATE_NOOP("TableHeader", "Wie"),
)
