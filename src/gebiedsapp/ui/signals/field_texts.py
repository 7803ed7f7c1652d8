"""The signal form's texts that come from the field definitions, named here for lupdate.

The form takes its labels, placeholders and help from `services.signal_record` (no Qt there)
and translates them at run time with `SignalForm.tr(text)`, a variable lupdate cannot read;
listed here under that class's context, they stay in the .ts.
tests/ui/test_signal_form_fields.py fails when a definition's text is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = (
    QT_TRANSLATE_NOOP("SignalForm", "&Gebied:"),
    QT_TRANSLATE_NOOP("SignalForm", "CBS-&buurt:"),
    QT_TRANSLATE_NOOP("SignalForm", "&Locatie:"),
    QT_TRANSLATE_NOOP("SignalForm", "Adres of omschrijving van de plek"),
    QT_TRANSLATE_NOOP("SignalForm", "C&oördinaten:"),
    QT_TRANSLATE_NOOP("SignalForm", "breedtegraad, bv. 53,1712"),
    QT_TRANSLATE_NOOP("SignalForm", "Breedtegraad"),
    QT_TRANSLATE_NOOP("SignalForm", "lengtegraad, bv. 7,0341"),
    QT_TRANSLATE_NOOP("SignalForm", "Lengtegraad"),
    QT_TRANSLATE_NOOP(
        "SignalForm",
        "Niet verplicht. Breedte- en lengtegraad in graden, met komma of punt; "
        "een geplakt paar als '53.1712, 7.0341' mag ook in dit veld.",
    ),
    QT_TRANSLATE_NOOP("SignalForm", "B&eschrijving:"),
    QT_TRANSLATE_NOOP("SignalForm", "Wat is er gemeld of gezien?"),
    QT_TRANSLATE_NOOP("SignalForm", "&Categorie:"),
    QT_TRANSLATE_NOOP("SignalForm", "(kies een categorie)"),
    QT_TRANSLATE_NOOP("SignalForm", "&Partner:"),
    QT_TRANSLATE_NOOP("SignalForm", "(standaard van de categorie)"),
    QT_TRANSLATE_NOOP("SignalForm", "Bro&n:"),
    QT_TRANSLATE_NOOP("SignalForm", "P&rioriteit:"),
    QT_TRANSLATE_NOOP("SignalForm", "Ge&meld op:"),
    QT_TRANSLATE_NOOP("SignalForm", "De melder wil &terugkoppeling"),
)
