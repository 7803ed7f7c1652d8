"""The conversation form's texts that come from the field definitions, named here for lupdate.

The form takes its labels, placeholders and check box texts from
`services.conversation_record` (no Qt there) and translates them at run time with
`ConversationFields.tr(text)`, a variable lupdate cannot read; listed here under that class's
context, they stay in the .ts. tests/ui/test_conversation_form_fields.py fails when a
definition's text is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("ConversationFields", "Samenvatting"),
    QT_TRANSLATE_NOOP("ConversationFields", "Waar ging het gesprek over? (één regel)"),
    QT_TRANSLATE_NOOP("ConversationFields", "Thema's"),
    QT_TRANSLATE_NOOP("ConversationFields", "Afhandeling"),
    QT_TRANSLATE_NOOP("ConversationFields", "Citaat"),
    QT_TRANSLATE_NOOP("ConversationFields", "letterlijke uitspraak (optioneel)"),
    QT_TRANSLATE_NOOP("ConversationFields", "bruikbaar voor rapportage (anoniem)"),
    QT_TRANSLATE_NOOP("ConversationFields", "wil contact"),
    QT_TRANSLATE_NOOP("ConversationFields", "wil meedenken"),
    QT_TRANSLATE_NOOP("ConversationFields", "naam"),
    QT_TRANSLATE_NOOP("ConversationFields", "Naam van de bewoner"),
    QT_TRANSLATE_NOOP("ConversationFields", "telefoon"),
    QT_TRANSLATE_NOOP("ConversationFields", "Telefoon"),
    QT_TRANSLATE_NOOP("ConversationFields", "e-mail"),
    QT_TRANSLATE_NOOP("ConversationFields", "E-mail"),
    QT_TRANSLATE_NOOP("ConversationFields", "toestemming vastgelegd"),
    QT_TRANSLATE_NOOP("ConversationFields", "actie aanmaken"),
    QT_TRANSLATE_NOOP("ConversationFields", "wat moet er gebeuren?"),
    QT_TRANSLATE_NOOP("ConversationFields", "Omschrijving van de actie"),
    QT_TRANSLATE_NOOP("ConversationFields", "Eigenaar"),
    QT_TRANSLATE_NOOP("ConversationFields", "Uiterlijk"),
    QT_TRANSLATE_NOOP("ConversationFields", "terugbelactie"),
    QT_TRANSLATE_NOOP("ConversationFields", "Omschrijving van de terugbelactie"),
    QT_TRANSLATE_NOOP("ConversationFields", "Eigenaar van de terugbelactie"),
    QT_TRANSLATE_NOOP("ConversationFields", "Terugbellen uiterlijk"),
)
