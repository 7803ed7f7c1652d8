"""The domain's enum labels in the UI's language.

domain/enums.py gives each member a Dutch label (for the UI, reports and PDFs) and knows
nothing of Qt. The UI shows a member through `label_of(member)`, which translates that label
under the context "Labels"; LABELS below names every Dutch label for lupdate.
tests/ui/test_enum_labels.py fails when a member's label is missing here or in the .ts.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

CONTEXT = "Labels"

LABELS = (
    # AreaKind
    QT_TRANSLATE_NOOP("Labels", "Gemeente"),
    QT_TRANSLATE_NOOP("Labels", "Kern"),
    QT_TRANSLATE_NOOP("Labels", "Wijk"),
    QT_TRANSLATE_NOOP("Labels", "Buurtschap"),
    QT_TRANSLATE_NOOP("Labels", "Gebied (eigen indeling)"),
    # Role
    QT_TRANSLATE_NOOP("Labels", "Gebiedsregisseur"),
    QT_TRANSLATE_NOOP("Labels", "Opbouwwerker"),
    QT_TRANSLATE_NOOP("Labels", "Gebiedswethouder"),
    # TermUnit
    QT_TRANSLATE_NOOP("Labels", "werkdagen"),
    QT_TRANSLATE_NOOP("Labels", "kalenderdagen"),
    # PartnerKind
    QT_TRANSLATE_NOOP("Labels", "Politie"),
    QT_TRANSLATE_NOOP("Labels", "Woningcorporatie"),
    QT_TRANSLATE_NOOP("Labels", "Welzijn en opbouwwerk"),
    QT_TRANSLATE_NOOP("Labels", "Zorg"),
    QT_TRANSLATE_NOOP("Labels", "Dorps- of wijkvereniging"),
    QT_TRANSLATE_NOOP("Labels", "Andere overheid"),
    QT_TRANSLATE_NOOP("Labels", "Overig"),
    # Handling
    QT_TRANSLATE_NOOP("Labels", "Ter plekke beantwoord"),
    QT_TRANSLATE_NOOP("Labels", "Doorverwijzen"),
    QT_TRANSLATE_NOOP("Labels", "Actie nodig"),
    # ContactType
    QT_TRANSLATE_NOOP("Labels", "Huisbezoek"),
    QT_TRANSLATE_NOOP("Labels", "Telefoon"),
    QT_TRANSLATE_NOOP("Labels", "Bijeenkomst"),
    QT_TRANSLATE_NOOP("Labels", "E-mail"),
    QT_TRANSLATE_NOOP("Labels", "Spreekuur"),
    QT_TRANSLATE_NOOP("Labels", "Anders"),
    # ContactWith
    QT_TRANSLATE_NOOP("Labels", "Bewoner (anoniem)"),
    QT_TRANSLATE_NOOP("Labels", "Geregistreerde meedenker"),
    QT_TRANSLATE_NOOP("Labels", "Groep bewoners"),
    QT_TRANSLATE_NOOP("Labels", "Organisatie"),
    # ActionStatus
    QT_TRANSLATE_NOOP("Labels", "Open"),
    QT_TRANSLATE_NOOP("Labels", "Gedaan"),
    QT_TRANSLATE_NOOP("Labels", "Vervallen"),
    # InitiativeStatus
    QT_TRANSLATE_NOOP("Labels", "Idee"),
    QT_TRANSLATE_NOOP("Labels", "In voorbereiding"),
    QT_TRANSLATE_NOOP("Labels", "In uitvoering"),
    QT_TRANSLATE_NOOP("Labels", "Afgerond"),
    QT_TRANSLATE_NOOP("Labels", "Gestopt"),
    # ConsentPurpose
    QT_TRANSLATE_NOOP("Labels", "Wil contact"),
    QT_TRANSLATE_NOOP("Labels", "Wil meedenken of meewerken"),
    # DraftKind
    QT_TRANSLATE_NOOP("Labels", "Gesprek"),
    QT_TRANSLATE_NOOP("Labels", "Contact"),
    QT_TRANSLATE_NOOP("Labels", "Koffiekarronde"),
    QT_TRANSLATE_NOOP("Labels", "Activiteit"),  # with the activities (issue 18)
    # ActivityKind (issue 18, on its way)
    QT_TRANSLATE_NOOP("Labels", "Dorpsschouw"),
    QT_TRANSLATE_NOOP("Labels", "Overleg dorps- of wijkvereniging"),
    # SignalSource
    QT_TRANSLATE_NOOP("Labels", "Koffiekar"),
    QT_TRANSLATE_NOOP("Labels", "Bewonersavond"),
    QT_TRANSLATE_NOOP("Labels", "Enquête"),
    QT_TRANSLATE_NOOP("Labels", "Eigen waarneming"),
    QT_TRANSLATE_NOOP("Labels", "Online (webformulier of app)"),
    # Priority
    QT_TRANSLATE_NOOP("Labels", "Laag"),
    QT_TRANSLATE_NOOP("Labels", "Normaal"),
    QT_TRANSLATE_NOOP("Labels", "Hoog"),
    # SignalStatus
    QT_TRANSLATE_NOOP("Labels", "Gemeld"),
    QT_TRANSLATE_NOOP("Labels", "In behandeling"),
    QT_TRANSLATE_NOOP("Labels", "Doorgezet naar partner"),
    QT_TRANSLATE_NOOP("Labels", "Ingepland"),
    QT_TRANSLATE_NOOP("Labels", "In de wacht"),
    QT_TRANSLATE_NOOP("Labels", "Afgehandeld"),
    QT_TRANSLATE_NOOP("Labels", "Geannuleerd"),
    QT_TRANSLATE_NOOP("Labels", "Heropend"),
    # SignalField
    QT_TRANSLATE_NOOP("Labels", "Status"),
    QT_TRANSLATE_NOOP("Labels", "Categorie"),
    QT_TRANSLATE_NOOP("Labels", "Partner"),
    QT_TRANSLATE_NOOP("Labels", "Prioriteit"),
    QT_TRANSLATE_NOOP("Labels", "Termijn"),
    QT_TRANSLATE_NOOP("Labels", "Gesplitst"),
    QT_TRANSLATE_NOOP("Labels", "Foto"),
    # DeadlineLabel
    QT_TRANSLATE_NOOP("Labels", "binnen de termijn"),
    QT_TRANSLATE_NOOP("Labels", "buiten de termijn"),
    QT_TRANSLATE_NOOP("Labels", "ruim buiten de termijn"),
    # AuditAction
    QT_TRANSLATE_NOOP("Labels", "aangemaakt"),
    QT_TRANSLATE_NOOP("Labels", "gewijzigd"),
    QT_TRANSLATE_NOOP("Labels", "verwijderd"),
    QT_TRANSLATE_NOOP("Labels", "geëxporteerd"),
    QT_TRANSLATE_NOOP("Labels", "afgedrukt of als PDF opgeslagen"),
    QT_TRANSLATE_NOOP("Labels", "geïmporteerd"),
    QT_TRANSLATE_NOOP("Labels", "persoonsgegevens gewist"),
    QT_TRANSLATE_NOOP("Labels", "database geopend"),
    QT_TRANSLATE_NOOP("Labels", "bewaartermijn toegepast"),
    QT_TRANSLATE_NOOP("Labels", "versleuteling gewijzigd"),
    QT_TRANSLATE_NOOP("Labels", "beschadiging van het auditlog gevonden"),
)


def label_of(member: Enum) -> str:
    """The member's label (domain/enums.py) in the UI's language; Dutch without a translation."""
    label = getattr(member, "label", None)
    text = label if isinstance(label, str) else str(member.value)
    return QCoreApplication.translate(CONTEXT, text)


def label_text(text: str) -> str:
    """A Dutch label already taken from its member (a history's old value, say)."""
    return QCoreApplication.translate(CONTEXT, text)
