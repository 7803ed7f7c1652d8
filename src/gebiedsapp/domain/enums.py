"""Enumerations of the domain, with the Dutch words the users use for them.

Values are stored as plain strings (not native database enums), so that adding a value later is a
data change, not a schema change on every laptop.
"""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A StrEnum whose members carry the Dutch label shown in the UI and in reports."""

    @property
    def label(self) -> str:
        return _LABELS[self]


class AreaKind(LabeledEnum):
    GEMEENTE = "gemeente"
    KERN = "kern"
    WIJK = "wijk"
    BUURTSCHAP = "buurtschap"
    GEBIED = "gebied"  # an area defined by the municipality itself


class Role(LabeledEnum):
    GEBIEDSREGISSEUR = "gebiedsregisseur"
    OPBOUWWERKER = "opbouwwerker"
    GEBIEDSWETHOUDER = "gebiedswethouder"


class TermUnit(LabeledEnum):
    WERKDAGEN = "werkdagen"
    KALENDERDAGEN = "kalenderdagen"


class PartnerKind(LabeledEnum):
    GEMEENTE = "gemeente"
    POLITIE = "politie"
    WONINGCORPORATIE = "woningcorporatie"
    WELZIJN = "welzijn"
    ZORG = "zorg"
    BEWONERSORGANISATIE = "bewonersorganisatie"
    OVERHEID = "overheid"
    OVERIG = "overig"


class Handling(LabeledEnum):
    TER_PLEKKE = "ter_plekke"
    DOORVERWIJZEN = "doorverwijzen"
    ACTIE_NODIG = "actie_nodig"


class ContactType(LabeledEnum):
    HUISBEZOEK = "huisbezoek"
    TELEFOON = "telefoon"
    BIJEENKOMST = "bijeenkomst"
    EMAIL = "e-mail"
    SPREEKUUR = "spreekuur"
    ANDERS = "anders"


class ContactWith(LabeledEnum):
    """With whom a contact was: never more than needed (an anonymous resident by default)."""

    ANONIEM = "anoniem"
    MEEDENKER = "meedenker"
    GROEP = "groep"
    ORGANISATIE = "organisatie"


class ActionStatus(LabeledEnum):
    OPEN = "open"
    GEDAAN = "gedaan"
    VERVALLEN = "vervallen"


class InitiativeStatus(LabeledEnum):
    """Where a residents' initiative (bewonersinitiatief) stands; the last two are ends."""

    IDEE = "idee"
    VOORBEREIDING = "voorbereiding"
    UITVOERING = "uitvoering"
    AFGEROND = "afgerond"
    GESTOPT = "gestopt"

    @property
    def ended(self) -> bool:
        return self in (InitiativeStatus.AFGEROND, InitiativeStatus.GESTOPT)


class ActivityKind(LabeledEnum):
    """What kind of gathering the team held or joined (besides the koffiekar)."""

    BEWONERSAVOND = "bewonersavond"
    DORPSSCHOUW = "dorpsschouw"
    DORPSVERENIGING = "dorpsvereniging"  # a meeting with a dorps- or wijkvereniging
    ANDERS = "anders"


class ConsentPurpose(LabeledEnum):
    CONTACT = "contact"  # the resident wants to be contacted (about this question)
    MEEDENKEN = "meedenken"  # the resident wants to think or work along on plans


class AuditAction(LabeledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"  # a list written to a file
    PRINT = "print"  # a PDF made (for paper or to save)
    IMPORT = "import"  # records read in from a file
    ERASE = "erase"  # a person's data removed on request (what, is not said)
    OPEN = "open"  # the app (or CLI) opened the database: the login of a laptop app
    RETENTION = "retention"  # personal data anonymised and drafts purged after their term
    ENCRYPT = "encrypt"  # the database encrypted, or its passphrase changed
    DAMAGE = "damage"  # the log's head did not fit its rows: found, entered, the chain goes on

    @property
    def label(self) -> str:
        # not in _LABELS: that table is keyed by value, and "open" is also ActionStatus.OPEN
        return _AUDIT_LABELS[self.value]


class DraftKind(LabeledEnum):
    CONVERSATION = "conversation"
    CONTACT = "contact"
    SESSION = "session"
    ACTIVITY = "activity"


class SignalSource(LabeledEnum):
    """How a signal reached the team."""

    KOFFIEKAR = "koffiekar"
    CONTACT = "contact"
    TELEFOON = "telefoon"
    EMAIL = "e-mail"
    BEWONERSAVOND = "bewonersavond"
    ENQUETE = "enquete"
    EIGEN_WAARNEMING = "eigen_waarneming"
    ONLINE = "online"  # a web form or app, as Signalen calls it


class Priority(LabeledEnum):
    LAAG = "laag"
    NORMAAL = "normaal"
    HOOG = "hoog"


class SignalStatus(LabeledEnum):
    """The states of a signal; the allowed moves are in `domain.signal_workflow`."""

    GEMELD = "gemeld"
    IN_BEHANDELING = "in_behandeling"
    DOORGEZET = "doorgezet"
    INGEPLAND = "ingepland"
    ON_HOLD = "on_hold"
    AFGEHANDELD = "afgehandeld"
    GEANNULEERD = "geannuleerd"
    HEROPEND = "heropend"


class SignalField(LabeledEnum):
    """What a signal history entry records a change of."""

    STATUS = "status"
    CATEGORY = "category"
    PARTNER = "partner"
    PRIORITY = "priority"
    DEADLINE = "deadline"
    SPLIT = "split"
    PHOTO = "photo"


class DeadlineLabel(LabeledEnum):
    BINNEN = "binnen"
    BUITEN = "buiten"
    RUIM_BUITEN = "ruim_buiten"


_AUDIT_LABELS = {
    "create": "aangemaakt",
    "update": "gewijzigd",
    "delete": "verwijderd",
    "export": "geëxporteerd",
    "print": "afgedrukt of als PDF opgeslagen",
    "import": "geïmporteerd",
    "erase": "persoonsgegevens gewist",
    "open": "database geopend",
    "retention": "bewaartermijn toegepast",
    "encrypt": "versleuteling gewijzigd",
    "damage": "beschadiging van het auditlog gevonden",
}

_LABELS: dict[StrEnum, str] = {
    AreaKind.GEMEENTE: "Gemeente",
    AreaKind.KERN: "Kern",
    AreaKind.WIJK: "Wijk",
    AreaKind.BUURTSCHAP: "Buurtschap",
    AreaKind.GEBIED: "Gebied (eigen indeling)",
    Role.GEBIEDSREGISSEUR: "Gebiedsregisseur",
    Role.OPBOUWWERKER: "Opbouwwerker",
    Role.GEBIEDSWETHOUDER: "Gebiedswethouder",
    TermUnit.WERKDAGEN: "werkdagen",
    TermUnit.KALENDERDAGEN: "kalenderdagen",
    PartnerKind.GEMEENTE: "Gemeente",
    PartnerKind.POLITIE: "Politie",
    PartnerKind.WONINGCORPORATIE: "Woningcorporatie",
    PartnerKind.WELZIJN: "Welzijn en opbouwwerk",
    PartnerKind.ZORG: "Zorg",
    PartnerKind.BEWONERSORGANISATIE: "Dorps- of wijkvereniging",
    PartnerKind.OVERHEID: "Andere overheid",
    PartnerKind.OVERIG: "Overig",
    Handling.TER_PLEKKE: "Ter plekke beantwoord",
    Handling.DOORVERWIJZEN: "Doorverwijzen",
    Handling.ACTIE_NODIG: "Actie nodig",
    ContactType.HUISBEZOEK: "Huisbezoek",
    ContactType.TELEFOON: "Telefoon",
    ContactType.BIJEENKOMST: "Bijeenkomst",
    ContactType.EMAIL: "E-mail",
    ContactType.SPREEKUUR: "Spreekuur",
    ContactType.ANDERS: "Anders",
    ContactWith.ANONIEM: "Bewoner (anoniem)",
    ContactWith.MEEDENKER: "Geregistreerde meedenker",
    ContactWith.GROEP: "Groep bewoners",
    ContactWith.ORGANISATIE: "Organisatie",
    ActionStatus.OPEN: "Open",
    ActionStatus.GEDAAN: "Gedaan",
    ActionStatus.VERVALLEN: "Vervallen",
    InitiativeStatus.IDEE: "Idee",
    InitiativeStatus.VOORBEREIDING: "In voorbereiding",
    InitiativeStatus.UITVOERING: "In uitvoering",
    InitiativeStatus.AFGEROND: "Afgerond",
    InitiativeStatus.GESTOPT: "Gestopt",
    ConsentPurpose.CONTACT: "Wil contact",
    ConsentPurpose.MEEDENKEN: "Wil meedenken of meewerken",
    DraftKind.CONVERSATION: "Gesprek",
    DraftKind.CONTACT: "Contact",
    DraftKind.SESSION: "Koffiekarronde",
    DraftKind.ACTIVITY: "Activiteit",
    ActivityKind.BEWONERSAVOND: "Bewonersavond",
    ActivityKind.DORPSSCHOUW: "Dorpsschouw",
    ActivityKind.DORPSVERENIGING: "Overleg dorps- of wijkvereniging",
    ActivityKind.ANDERS: "Anders",
    SignalSource.KOFFIEKAR: "Koffiekar",
    SignalSource.CONTACT: "Contact",
    SignalSource.TELEFOON: "Telefoon",
    SignalSource.EMAIL: "E-mail",
    SignalSource.BEWONERSAVOND: "Bewonersavond",
    SignalSource.ENQUETE: "Enquête",
    SignalSource.EIGEN_WAARNEMING: "Eigen waarneming",
    SignalSource.ONLINE: "Online (webformulier of app)",
    Priority.LAAG: "Laag",
    Priority.NORMAAL: "Normaal",
    Priority.HOOG: "Hoog",
    SignalStatus.GEMELD: "Gemeld",
    SignalStatus.IN_BEHANDELING: "In behandeling",
    SignalStatus.DOORGEZET: "Doorgezet naar partner",
    SignalStatus.INGEPLAND: "Ingepland",
    SignalStatus.ON_HOLD: "In de wacht",
    SignalStatus.AFGEHANDELD: "Afgehandeld",
    SignalStatus.GEANNULEERD: "Geannuleerd",
    SignalStatus.HEROPEND: "Heropend",
    SignalField.STATUS: "Status",
    SignalField.CATEGORY: "Categorie",
    SignalField.PARTNER: "Partner",
    SignalField.PRIORITY: "Prioriteit",
    SignalField.DEADLINE: "Termijn",
    SignalField.SPLIT: "Gesplitst",
    SignalField.PHOTO: "Foto",
    DeadlineLabel.BINNEN: "binnen de termijn",
    DeadlineLabel.BUITEN: "buiten de termijn",
    DeadlineLabel.RUIM_BUITEN: "ruim buiten de termijn",
}
