"""Amounts in euros as Dutch users type and read them: '1.250,50', '€ 1.250', '75'.

Amounts are kept as whole cents (int), so that adding budgets up is exact.
"""

from __future__ import annotations

import re

from gebiedsapp.services.errors import ValidationError

MAX_CENTS = 100_000_000_00  # a hundred million euros: anything above is a typing error

# digits with optional thousands dots, optional decimal comma and one or two decimals
_DUTCH = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?")
# '12.50': a thousands dot is always followed by three digits, so this dot is a decimal point
_PLAIN_DOT = re.compile(r"\d+\.\d{1,2}")


def parse_euros(text: str, *, field: str = "budget") -> int | None:
    """Cents from what a user typed; None for an empty field; ValidationError otherwise."""
    raw = text.strip().removeprefix("€").strip().removesuffix(",-").replace(" ", "")
    if not raw:
        return None
    if _DUTCH.fullmatch(raw):
        whole, _, fraction = raw.replace(".", "").partition(",")
    elif _PLAIN_DOT.fullmatch(raw):
        whole, _, fraction = raw.partition(".")
    else:
        raise ValidationError(
            f"'{text.strip()}' is geen bedrag. Schrijf het als 1.250 of 1.250,50.", field=field
        )
    cents = int(whole) * 100 + int((fraction + "00")[:2])
    if cents > MAX_CENTS:
        raise ValidationError("Dat bedrag is te groot.", field=field)
    return cents


def format_euros(cents: int | None, *, blank: str = "") -> str:
    """'€ 1.250' for whole euros, '€ 1.250,50' otherwise; `blank` for None."""
    if cents is None:
        return blank
    euros, rest = divmod(cents, 100)
    whole = f"{euros:,}".replace(",", ".")
    return f"€ {whole}" if rest == 0 else f"€ {whole},{rest:02d}"
