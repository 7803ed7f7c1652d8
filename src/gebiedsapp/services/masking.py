"""Masking personal data in free text before it is printed.

A quote or an action's text is typed by the team and may carry a resident's name, phone number
or e-mail address although the printed summary promises none. Everything that leaves the app on
paper (the summary, the werkbon, the round report) passes its free text through `mask`: e-mail
addresses and phone numbers by pattern, and the names of the resident linked to the record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

NAME = "[naam]"
PHONE = "[telefoon]"
EMAIL = "[e-mail]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Dutch numbers as people type them: 06-12345678, 0597 123 456, +31 6 1234 5678, (0597) 12 34 56;
# at least nine digits, so dates (12-03-2025) and house numbers stay.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[\s().-]{0,2}\d){8,13}(?!\w)")
_SHORT = 3  # a part of a name shorter than this ("de", "van", "Jo") is not masked on its own
_PARTICLES = {"van", "der", "den", "de", "het", "ten", "ter", "te", "op", "in", "la", "le"}
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _patterns_of(name: str) -> tuple[re.Pattern[str], ...]:
    """One name's patterns, made once: a summary masks a thousand quotes of a few hundred
    residents, and splitting and compiling each name per quote cost more than the masking."""
    name = " ".join(name.split())
    if not name:
        return ()
    parts = [
        p for p in re.split(r"[\s-]+", name) if len(p) >= _SHORT and p.casefold() not in _PARTICLES
    ]
    # the whole name first, then its parts (a first name or surname alone)
    return tuple(
        re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)", re.IGNORECASE)
        for piece in [name, *sorted(parts, key=len, reverse=True)]
    )


def _name_patterns(names: Iterable[str]) -> list[re.Pattern[str]]:
    return [pattern for name in names for pattern in _patterns_of(name)]


def mask(text: str, names: Iterable[str] = ()) -> str:
    """`text` with e-mail addresses, phone numbers and the given names replaced by a marker."""
    if not text:
        return text
    masked = _EMAIL.sub(EMAIL, text) if "@" in text else text  # no address without an @
    if _DIGIT.search(masked):  # most quotes have no digit, so no phone number
        masked = _PHONE.sub(PHONE, masked)
    for pattern in _name_patterns(names):
        masked = pattern.sub(NAME, masked)
    return masked


def has_personal_data(text: str, names: Iterable[str] = ()) -> bool:
    """Whether `mask` would change `text`: for a warning at entry."""
    return mask(text, names) != text
