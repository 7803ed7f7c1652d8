"""The contact form's texts that come from the field definitions, named here for lupdate.

The form takes its accessible names and placeholders from `services.contact_record` (no Qt
there) and translates them at run time with `ContactForm.tr(text)`, a variable lupdate cannot
read; listed here under that class's context, they stay in the .ts.
tests/ui/contacts/test_contact_form_fields.py fails when a definition's text is missing here.
"""

from __future__ import annotations

from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("ContactForm", "Datum"),
    QT_TRANSLATE_NOOP("ContactForm", "Soort contact"),
    QT_TRANSLATE_NOOP("ContactForm", "Gebied"),
    QT_TRANSLATE_NOOP("ContactForm", "Met wie"),
    QT_TRANSLATE_NOOP("ContactForm", "Groepsnaam"),
    QT_TRANSLATE_NOOP("ContactForm", "Naam van de groep, bijv. 'moestuinclub'"),
    QT_TRANSLATE_NOOP("ContactForm", "Organisatie"),
    QT_TRANSLATE_NOOP("ContactForm", "Meedenker uit het register"),
    QT_TRANSLATE_NOOP("ContactForm", "Onderwerp"),
    QT_TRANSLATE_NOOP("ContactForm", "Waar ging het over?"),
    QT_TRANSLATE_NOOP("ContactForm", "Aantekeningen"),
    QT_TRANSLATE_NOOP("ContactForm", "Wat is er besproken? Geen namen van bewoners."),
    QT_TRANSLATE_NOOP("ContactForm", "Omschrijving van de actie"),
    QT_TRANSLATE_NOOP("ContactForm", "Afgesproken acties"),
)
