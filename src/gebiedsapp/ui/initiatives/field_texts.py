"""The initiative form's texts that come from the field definitions, named here for lupdate.

The form takes its accessible names and placeholders from `services.initiative_record` (no Qt
there) and translates them at run time with `InitiativeForm.tr(text)`, a variable lupdate
cannot read; listed here under that class's context, they stay in the .ts.
tests/ui/initiatives/test_initiative_form_fields.py fails when a definition's text is missing here.
"""

from __future__ import annotations

from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("InitiativeForm", "Naam van het initiatief"),
    QT_TRANSLATE_NOOP("InitiativeForm", "bijv. 'Speeltuin Hoofdstraat' (verplicht)"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Gebied"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Status"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Gestart op"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Afgerond of gestopt op"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Gedragen door"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Groep of vereniging – geen naam van een bewoner"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Begeleider uit het team"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Budget aangevraagd"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Budget toegekend"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Bron van het budget"),
    QT_TRANSLATE_NOOP("InitiativeForm", "bijv. leefbaarheidsbudget"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Omschrijving"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Wat willen de bewoners bereiken?"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Ondersteuning door het team"),
    QT_TRANSLATE_NOOP("InitiativeForm", "Advies, contacten, hulp bij een aanvraag…"),
)
