"""The fake words of the demo: names nobody has, places, what residents say, what contacts are
about. Obviously fake on purpose: nobody mistakes a demo for real residents' data."""

from __future__ import annotations

from gebiedsapp.domain import ContactType

FIRST_NAMES = (
    "Anna", "Bram", "Carla", "Daan", "Eline", "Freek", "Gerda", "Hidde", "Ineke", "Jelle",
    "Karin", "Luuk", "Marieke", "Niels", "Olga", "Pieter", "Roelie", "Sjoerd", "Tineke", "Wubbo",
)  # fmt: skip
FAKE_SURNAMES = (
    "Testema",
    "Voorbeeldstra",
    "Fictiefsma",
    "Demoer",
    "Proefhuis",
    "Nepkema",
    "Oefenga",
    "Probeersma",
    "Verzinsma",
    "Schijnhof",
)
PLACES = (
    "bij de supermarkt",
    "op het dorpsplein",
    "bij het dorpshuis",
    "bij de school",
    "bij de kerk",
    "bij de bushalte",
    "op de markt",
    "bij de speeltuin",
    "bij de sporthal",
)
WEATHER = ("zonnig", "bewolkt", "lichte regen", "harde wind", "koud maar droog", "warm")

# Short things residents say, per theme key; the summary is one of these, sometimes two.
SAYINGS: dict[str, tuple[str, ...]] = {
    "eenzaamheid": (
        "Sinds mijn man overleden is zie ik bijna niemand meer.",
        "Er is geen plek meer om elkaar te ontmoeten nu het café dicht is.",
    ),
    "jeugd-en-jongeren": (
        "Jongeren hebben hier niets te doen en hangen bij de bushalte.",
        "Graag een trapveldje voor de kinderen.",
    ),
    "ouderen": ("Ik wil in het dorp blijven wonen, maar mijn huis is te groot.",),
    "verkeer-en-parkeren": (
        "Er wordt veel te hard gereden door de hoofdstraat.",
        "Vrachtwagens parkeren 's nachts in de berm.",
    ),
    "openbare-ruimte-en-groen": (
        "Het gras bij de speeltuin wordt te weinig gemaaid.",
        "Er ligt veel zwerfvuil langs het fietspad.",
    ),
    "aardbevingen-en-versterking": (
        "We wachten al jaren op de versterking van ons huis.",
        "De scheuren in de muur worden groter.",
    ),
    "armoede-en-schulden": ("De energierekening is niet meer op te brengen.",),
    "winkels-en-dagelijkse-voorzieningen": (
        "De pinautomaat is weg, nu moet ik naar Winschoten.",
        "Blij dat de bakker er nog is.",
    ),
    "openbaar-vervoer": ("De bus rijdt 's avonds niet meer.",),
    "communicatie-met-de-gemeente": (
        "Ik weet niet bij wie ik terecht kan bij de gemeente.",
        "Fijn dat jullie hier gewoon staan.",
    ),
    "duurzaamheid-en-energie": ("Is er subsidie voor isolatie van oude huizen?",),
    "overlast": ("Hondenpoep op de stoep, elke dag weer.",),
    "ontmoeting-en-activiteiten": ("Het dorpsfeest was weer prachtig, dat moet blijven.",),
    "bewonersinitiatieven": ("We willen een moestuin beginnen bij de school.",),
    "zorg-en-welzijn": ("Mijn buurvrouw krijgt te weinig hulp in huis.",),
}
QUOTES = (
    "Het dorp is goed, maar we moeten het wel samen doen.",
    "Je ziet de gemeente eindelijk weer eens in het dorp.",
    "Als de bakker verdwijnt, verdwijnt het hart van het dorp.",
    "Wij willen best helpen, maar vraag het ons dan ook.",
)


# The opbouwwerker's contact log: what contacts of each type are typically about.
CONTACT_SUBJECTS: dict[ContactType, tuple[str, ...]] = {
    ContactType.HUISBEZOEK: (
        "Kennismaking na verhuizing",
        "Huisbezoek na zorgen van de buren",
        "Vervolgbezoek",
        "Keukentafelgesprek",
    ),
    ContactType.TELEFOON: ("Terugbellen over een vraag", "Vraag over energietoeslag", "Afspraak"),
    ContactType.BIJEENKOMST: (
        "Overleg met het bestuur",
        "Bewonersavond",
        "Werkgroep speeltuin",
        "Plannen voor het dorpsfeest",
    ),
    ContactType.EMAIL: ("Vraag over subsidie voor een bewonersinitiatief", "Verslag toegestuurd"),
    ContactType.SPREEKUUR: ("Inloopspreekuur in het dorpshuis", "Vraag over wonen en zorg"),
    ContactType.ANDERS: ("Ontmoeting op straat", "Gesprek bij de supermarkt"),
}
CONTACT_TYPE_WEIGHTS = (30, 25, 15, 12, 12, 6)  # in the order of ContactType
CONTACT_WITH_WEIGHTS = (50, 10, 20, 20)  # in the order of ContactWith
GROUPS = (
    "Dorpsvereniging {area}",
    "Buurtvereniging {area}",
    "Speeltuinvereniging {area}",
    "Moestuinclub {area}",
    "Jongerengroep {area}",
    "Ouderensoos {area}",
    "Werkgroep verkeer {area}",
    "Bewonerscommissie {area}",
)
NOTES = (
    "",
    "Afgesproken om over twee weken terug te bellen.",
    "Doorverwezen naar het sociaal team.",
    "Bewoners willen zelf iets organiseren.",
    "Vraag uitgezet bij de gemeente.",
)
ACTIONS = (
    "Terugbellen met antwoord",
    "Navragen bij de gemeente",
    "Melding doorzetten naar beheer openbare ruimte",
    "Afspraak maken voor een huisbezoek",
    "Informatie over subsidie sturen",
    "Contact leggen met de woningcorporatie",
    "Bespreken in het gebiedsteam",
    "Wijkagent inlichten",
)
