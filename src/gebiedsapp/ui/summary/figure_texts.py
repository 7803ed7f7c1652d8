"""The key figures' names and explanations (services.report_text.KEY_FIGURES, Dutch for
the PDF) named here for lupdate, so the summary screen shows them in the UI's language.
tests/ui/test_enum_labels.py fails when a figure is missing here or in the .ts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

CONTEXT = "KeyFigures"

TEXTS = (
    QT_TRANSLATE_NOOP("KeyFigures", "Koffiekarrondes"),
    QT_TRANSLATE_NOOP("KeyFigures", "keren dat het team met de koffiekar in het gebied stond"),
    QT_TRANSLATE_NOOP("KeyFigures", "Koffiekargesprekken"),
    QT_TRANSLATE_NOOP("KeyFigures", "gesprekken met bewoners bij de koffiekar"),
    QT_TRANSLATE_NOOP("KeyFigures", "Contacten"),
    QT_TRANSLATE_NOOP("KeyFigures", "huisbezoeken, telefoontjes, bijeenkomsten en e-mails"),
    QT_TRANSLATE_NOOP("KeyFigures", "Nieuwe meedenkers"),
    QT_TRANSLATE_NOOP("KeyFigures", "bewoners die zich aanmeldden om mee te denken"),
    QT_TRANSLATE_NOOP("KeyFigures", "Nieuwe signalen"),
    QT_TRANSLATE_NOOP("KeyFigures", "gemeld in deze periode"),
    QT_TRANSLATE_NOOP("KeyFigures", "Afgesloten signalen"),
    QT_TRANSLATE_NOOP("KeyFigures", "afgehandeld of geannuleerd in deze periode"),
    QT_TRANSLATE_NOOP("KeyFigures", "Open signalen"),
    QT_TRANSLATE_NOOP("KeyFigures", "nog niet afgesloten aan het eind van de periode"),
    QT_TRANSLATE_NOOP("KeyFigures", "Waarvan over de termijn"),
    QT_TRANSLATE_NOOP("KeyFigures", "open signalen voorbij hun afhandeltermijn"),
    QT_TRANSLATE_NOOP("KeyFigures", "Nieuwe initiatieven"),
    QT_TRANSLATE_NOOP("KeyFigures", "bewonersinitiatieven gestart in deze periode"),
    QT_TRANSLATE_NOOP("KeyFigures", "Lopende initiatieven"),
    QT_TRANSLATE_NOOP("KeyFigures", "nog niet afgerond of gestopt aan het eind"),
    QT_TRANSLATE_NOOP("KeyFigures", "Afgeronde initiatieven"),
    QT_TRANSLATE_NOOP("KeyFigures", "met succes afgerond in deze periode"),
    QT_TRANSLATE_NOOP("KeyFigures", "Open acties"),
    QT_TRANSLATE_NOOP("KeyFigures", "afgesproken acties die nog niet gedaan zijn"),
    # with the activities (issue 18), on their way to main
    QT_TRANSLATE_NOOP("KeyFigures", "Activiteiten"),
    QT_TRANSLATE_NOOP("KeyFigures", "bewonersavonden, dorpsschouwen, overleg met verenigingen"),
    QT_TRANSLATE_NOOP("KeyFigures", "Aanwezigen bij activiteiten"),
    QT_TRANSLATE_NOOP("KeyFigures", "opgeteld over die activiteiten"),
)


def figure_text(text: str) -> str:
    """A key figure's name or explanation in the UI's language (Dutch without one)."""
    return QCoreApplication.translate(CONTEXT, text)
