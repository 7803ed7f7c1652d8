"""What a Signalen export says, in our words: its timestamps, priorities, sources and categories.

Signalen (the open-source meldingen platform many municipalities use) exports ISO 8601 timestamps
with a time zone (`2025-11-03 09:12:44.123456+01`, `2025-11-03T10:00:00+01:00`), English
priorities (`low`, `normal`, `high`), sources such as `online` or `Telefoon – ASC`, and its
categories as main/sub names or slugs. Our top layer of categories follows Signalen's, so most
names match by themselves; `CATEGORIES` maps Signalen's standard subcategories that we name
differently or do not have. A category that is in neither gets a clear row error in the import.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from gebiedsapp.domain import Priority, SignalSource

__all__ = [
    "CATEGORIES",
    "PRIORITIES",
    "category_key",
    "parse_timestamp",
    "slug",
    "source_of",
]


def parse_timestamp(text: str) -> date | None:
    """The day of an ISO 8601 date or timestamp, as written (in the file's own time zone).

    `datetime.fromisoformat` (3.11) reads a space or T, fractions of seconds, `Z`, `+01` and
    `+01:00`; the day is taken where the report was made, not converted to UTC (23:30+01 on
    3 November is a report of 3 November)."""
    try:
        return datetime.fromisoformat(text.strip()).date()
    except ValueError:
        return None


PRIORITIES: dict[str, Priority] = {
    "low": Priority.LAAG,
    "normal": Priority.NORMAAL,
    "high": Priority.HOOG,
    "urgent": Priority.HOOG,
    "spoed": Priority.HOOG,
}

# The first word of a Signalen source ("Telefoon – ASC": telefoon) -> ours
_SOURCE_WORDS: dict[str, SignalSource] = {
    "telefoon": SignalSource.TELEFOON,
    "telefonisch": SignalSource.TELEFOON,
    "phone": SignalSource.TELEFOON,
    "e-mail": SignalSource.EMAIL,
    "email": SignalSource.EMAIL,
    "mail": SignalSource.EMAIL,
    "online": SignalSource.ONLINE,
    "app": SignalSource.ONLINE,
    "website": SignalSource.ONLINE,
    "webformulier": SignalSource.ONLINE,
    "formulier": SignalSource.ONLINE,
    "webcare": SignalSource.ONLINE,
    "interne": SignalSource.EIGEN_WAARNEMING,
    "intern": SignalSource.EIGEN_WAARNEMING,
    "meldkamer": SignalSource.EIGEN_WAARNEMING,
    "handhaving": SignalSource.EIGEN_WAARNEMING,
}
_DASHES = ("–", "—", " - ", "/", "(")


def source_of(text: str) -> SignalSource | None:
    """Signalen's source ("online", "Telefoon – ASC", "E-mail – KCC", "Interne melding")."""
    head = text.casefold()
    for dash in _DASHES:
        head = head.split(dash, 1)[0]
    words = head.split()
    return _SOURCE_WORDS.get(words[0]) if words else None


def slug(text: str) -> str:
    """Signalen's slug of a name: 'Overlast van dieren' -> 'overlast-van-dieren'."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    cleaned = "".join(ch if ch.isalnum() else " " for ch in plain if not unicodedata.combining(ch))
    return "-".join(cleaned.split())


# Signalen's standard subcategory slug -> our category key ("main/sub"). Only those that our
# own names do not already match (ours follow Signalen's main categories by name and slug).
CATEGORIES: dict[str, str] = {
    # afval
    "huisafval": "afval/afval-naast-container",
    "restafval": "afval/afval-naast-container",
    "container-is-vol": "afval/container-vol-of-kapot",
    "container-is-kapot": "afval/container-vol-of-kapot",
    "container-voor-papier-is-vol": "afval/container-vol-of-kapot",
    "container-voor-papier-is-stuk": "afval/container-vol-of-kapot",
    "container-glas-vol": "afval/container-vol-of-kapot",
    "container-glas-kapot": "afval/container-vol-of-kapot",
    "container-voor-plastic-afval-is-vol": "afval/container-vol-of-kapot",
    "container-voor-plastic-afval-is-kapot": "afval/container-vol-of-kapot",
    "prullenbak-is-vol": "afval/container-vol-of-kapot",
    "prullenbak-is-kapot": "afval/container-vol-of-kapot",
    "veeg-zwerfvuil": "afval/zwerfvuil",
    "puin-sloopafval": "afval/illegale-dump",
    "asbest-accu": "afval/illegale-dump",
    "bedrijfsafval": "overlast-bedrijven-en-horeca/bedrijfsafval",
    # wegen, verkeer, straatmeubilair
    "lantaarnpaal-straatverlichting": "wegen-verkeer-straatmeubilair/straatverlichting",
    "straatverlichting-openbare-klok": "wegen-verkeer-straatmeubilair/straatverlichting",
    "onderhoud-stoep-straat-en-fietspad": (
        "wegen-verkeer-straatmeubilair/onderhoud-stoep-straat-of-fietspad"
    ),
    "onderhoud-fietspad": "wegen-verkeer-straatmeubilair/onderhoud-stoep-straat-of-fietspad",
    "wegdek": "wegen-verkeer-straatmeubilair/onderhoud-stoep-straat-of-fietspad",
    "verkeersbord-verkeersbesluit": "wegen-verkeer-straatmeubilair/verkeersborden-en-markering",
    "bewegwijzering": "wegen-verkeer-straatmeubilair/verkeersborden-en-markering",
    "verkeerslicht": "wegen-verkeer-straatmeubilair/verkeersborden-en-markering",
    "sportvoorziening": "wegen-verkeer-straatmeubilair/speelplaats",
    "straatmeubilair": "wegen-verkeer-straatmeubilair/bankjes-en-straatmeubilair",
    "fietsrek-nietje": "wegen-verkeer-straatmeubilair/bankjes-en-straatmeubilair",
    "verkeerssituaties": "wegen-verkeer-straatmeubilair/verkeersoverlast",
    "verkeersoverlast-verkeerssituaties": "wegen-verkeer-straatmeubilair/verkeersoverlast",
    # overlast in de openbare ruimte
    "fietswrak": "overlast-in-de-openbare-ruimte/fietswrakken",
    "graffiti-wildplak": "overlast-in-de-openbare-ruimte/graffiti",
    "stank-geluidsoverlast": "overlast-in-de-openbare-ruimte/geluidsoverlast-op-straat",
    # openbaar groen en water
    "boom": "openbaar-groen-en-water/bomen",
    "boom-noodkap": "openbaar-groen-en-water/bomen",
    "eikenprocessierups": "openbaar-groen-en-water/bomen",
    "maaien-snoeien": "openbaar-groen-en-water/maaien-en-snoeien",
    "oever-kade-steiger": "openbaar-groen-en-water/sloten-en-oevers",
    "drijfvuil": "openbaar-groen-en-water/sloten-en-oevers",
    "afwatering": "openbaar-groen-en-water/wateroverlast",
    # overlast van dieren
    "hondenpoep": "overlast-van-dieren/honden-poep",
    "honden": "overlast-van-dieren/honden-poep",
    "ratten": "overlast-van-dieren/ratten-en-ongedierte",
    "ongedierte": "overlast-van-dieren/ratten-en-ongedierte",
    "wespen": "overlast-van-dieren/ratten-en-ongedierte",
    "duiven": "overlast-van-dieren/overlast-van-vogels",
    "meeuwen": "overlast-van-dieren/overlast-van-vogels",
    "ganzen": "overlast-van-dieren/overlast-van-vogels",
    # overlast van en door personen of groepen
    "drugsoverlast": "overlast-van-en-door-personen-of-groepen/drank-en-drugsoverlast",
    "wildplassen-poepen-overgeven": (
        "overlast-van-en-door-personen-of-groepen/vervuiling-door-personen"
    ),
    # overlast bedrijven en horeca
    "geluidsoverlast-muziek": "overlast-bedrijven-en-horeca/geluid-van-bedrijf-of-horeca",
    "geluidsoverlast-installaties": "overlast-bedrijven-en-horeca/geluid-van-bedrijf-of-horeca",
    "overlast-terrassen": "overlast-bedrijven-en-horeca/geluid-van-bedrijf-of-horeca",
    "stankoverlast": "overlast-bedrijven-en-horeca/stank-en-rook",
    # wonen
    "woningdelen-spookburgers": "wonen/woonfraude-en-ondermijning",
    "onderhuur-en-adreskwaliteit": "wonen/woonfraude-en-ondermijning",
    "crimineelbewoning": "wonen/woonfraude-en-ondermijning",
    # overig
    "overige-dienstverlening": "overig/overig",
}


def category_key(main: str, sub: str) -> str | None:
    """Our category key for Signalen's main/sub (names or slugs); None when there is none."""
    sub_slug = slug(sub)
    if not sub_slug:
        return None
    main_slug = slug(main)
    found = CATEGORIES.get(sub_slug)
    if found is None and main_slug:  # our key is Signalen's "main/sub" where the names agree
        found = f"{main_slug}/{sub_slug}"
    return found
