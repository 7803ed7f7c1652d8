"""Columns of a survey file that look personal, by their name or by what they hold.

A survey is anonymous: a file with a name, an e-mail address, a phone number, an address, a
date of birth, a BSN or an IP address in it is refused as a whole, naming the columns, so that
the user removes them from the file (and from wherever it came from). Dropping them silently
would keep the personal data on the laptop that received the file without anyone noticing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gebiedsapp.services.import_files import CsvTable, normal

__all__ = ["PersonalColumn", "personal_columns", "refusal"]

# A column name that is, or holds, one of these (normalised) is personal.
_NAMES_EXACT = frozenset(
    {"name", "naam", "tel", "telnr", "ip", "bsn", "adres", "address", "mail", "dob"}
)
_NAMES_PART = (
    "voornaam",
    "achternaam",
    "tussenvoegsel",
    "volledigenaam",
    "naamrespondent",
    "respondentnaam",
    "firstname",
    "lastname",
    "fullname",
    "email",
    "telefoon",
    "phone",
    "mobiel",
    "gsm",
    "adres",
    "address",
    "straatnaam",
    "huisnummer",
    "housenumber",
    "geboortedatum",
    "geboren",
    "birth",
    "leeftijdexact",
    "bsn",
    "burgerservicenummer",
    "ipadres",
    "ipaddress",
    "iban",
    "rekeningnummer",
)
# Names that hold "naam" or "adres" but are about a place or a question, not a person.
_NOT_PERSONAL = ("gebied", "buurt", "wijk", "dorp", "kern", "thema", "vraag", "plaats", "gemeente")

MAX_NAME_WORDS = 4  # "E-mailadres van de respondent"; a question is longer
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<![\d,.])(?:\+31|0031|0)[\s-]?(?:6[\s-]?\d{8}|\d{2,3}[\s-]?\d{6,7})(?!\d)")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_POSTCODE_NUMBER = re.compile(
    r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b\s*,?\s*\d{1,5}\b|\b\d{1,5}\s*,?\s*[1-9]\d{3}\s?[A-Za-z]{2}\b"
)
_POSTCODE6 = re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b")
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def _bsn(digits: str) -> bool:
    """The eleven test (elfproef) a BSN passes."""
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return digits != "000000000" and (total - int(digits[8])) % 11 == 0


@dataclass(frozen=True)
class PersonalColumn:
    name: str
    why: str  # Dutch: "naam van de kolom" or "e-mailadres op regel 7"


def _by_name(header: str) -> bool:
    """A short column name that names personal data. A long one is a question ("Weet u bij
    welk adres u terecht kunt?"): its answers are checked by content instead."""
    name = normal(header)
    if not name or len(header.split()) > MAX_NAME_WORDS:
        return False
    if any(name.startswith(word) for word in _NOT_PERSONAL):
        return False
    return (
        name in _NAMES_EXACT
        or any(part in name for part in _NAMES_PART)
        or (name.endswith(("naam", "name")) and not name.startswith(("vraag", "antwoord")))
    )


def _content(cell: str, *, postcode_column: bool) -> str:
    if _EMAIL.search(cell):
        return "e-mailadres"
    if _PHONE.search(cell):
        return "telefoonnummer"
    if _IPV4.search(cell):
        return "IP-adres"
    if _POSTCODE_NUMBER.search(cell):
        return "postcode met huisnummer"
    if postcode_column and _POSTCODE6.search(cell):
        return "volledige postcode"
    match = _NINE_DIGITS.search(cell)
    if match and _bsn(match.group()):
        return "BSN"
    return ""


def personal_columns(table: CsvTable) -> list[PersonalColumn]:
    """Every column that looks personal, by its name or by a cell's content (the first hit)."""
    found: list[PersonalColumn] = []
    for index, header in enumerate(table.header):
        if header and _by_name(header) and normal(header) != "postcode":
            found.append(PersonalColumn(header, "naam van de kolom"))
            continue
        postcode_column = normal(header).startswith("postcode")
        for line, record in table.rows:
            cell = record[index] if index < len(record) else ""
            why = _content(cell, postcode_column=postcode_column) if cell else ""
            if why:
                found.append(
                    PersonalColumn(header or f"kolom {index + 1}", f"{why} op regel {line}")
                )
                break
    return found


def refusal(columns: Sequence[PersonalColumn]) -> str:
    """The Dutch message that refuses the file, naming the columns."""
    named = "; ".join(f"'{c.name[:60]}' ({c.why})" for c in columns)
    word = "Deze kolom lijkt" if len(columns) == 1 else "Deze kolommen lijken"
    return (
        f"{word} persoonsgegevens te bevatten: {named}. Een enquête is anoniem: verwijder "
        f"{'die kolom' if len(columns) == 1 else 'die kolommen'} uit het bestand en kies het "
        "opnieuw. Er is niets geïmporteerd."
    )
