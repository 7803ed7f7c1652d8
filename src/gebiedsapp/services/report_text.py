"""Words and formats shared by the summary PDF and the on-screen dashboard: Dutch long dates, the
period in words and the names of the key figures, so paper and screen say exactly the same."""

from __future__ import annotations

from datetime import date

from gebiedsapp.domain import SignalStatus
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import KeyFigures

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# (field of KeyFigures, label, explanation for someone who never opened the app)
KEY_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("sessions", "Koffiekarrondes", "keren dat het team met de koffiekar in het gebied stond"),
    ("conversations", "Koffiekargesprekken", "gesprekken met bewoners bij de koffiekar"),
    ("contacts", "Contacten", "huisbezoeken, telefoontjes, bijeenkomsten en e-mails"),
    ("meedenkers_added", "Nieuwe meedenkers", "bewoners die zich aanmeldden om mee te denken"),
    ("signals_new", "Nieuwe signalen", "gemeld in deze periode"),
    ("signals_closed", "Afgesloten signalen", "afgehandeld of geannuleerd in deze periode"),
    ("signals_open", "Open signalen", "nog niet afgesloten aan het eind van de periode"),
    ("signals_overdue", "Waarvan over de termijn", "open signalen voorbij hun afhandeltermijn"),
    ("initiatives_new", "Nieuwe initiatieven", "bewonersinitiatieven gestart in deze periode"),
    ("initiatives_running", "Lopende initiatieven", "nog niet afgerond of gestopt aan het eind"),
    ("initiatives_done", "Afgeronde initiatieven", "met succes afgerond in deze periode"),
    ("open_actions", "Open acties", "afgesproken acties die nog niet gedaan zijn"),
    ("activities", "Activiteiten", "bewonersavonden, dorpsschouwen, overleg met verenigingen"),
    ("activity_attendance", "Aanwezigen bij activiteiten", "opgeteld over die activiteiten"),
)


def long_date(day: date) -> str:
    """1 januari 2026"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_text(period: Period) -> str:
    """The period as people say it: 'juli 2026', 'derde kwartaal 2026', '2026' or a range."""
    start, end = period.start, period.end
    whole_months = start.day == 1 and Period.month(end.year, end.month).end == end
    if whole_months and start.year == end.year:
        if start.month == end.month:
            return f"{MONTHS[start.month - 1]} {start.year}"
        if start.month == 1 and end.month == 12:
            return str(start.year)
        if (start.month - 1) % 3 == 0 and end.month == start.month + 2:
            quarter = ("eerste", "tweede", "derde", "vierde")[(start.month - 1) // 3]
            return f"{quarter} kwartaal {start.year}"
    return f"{long_date(start)} t/m {long_date(end)}"


def period_range(period: Period) -> str:
    """Always the exact days: '1 juli 2026 t/m 30 september 2026'."""
    return f"{long_date(period.start)} t/m {long_date(period.end)}"


def number(value: int | float, decimals: int = 0) -> str:
    """Dutch: 1.234 and 3,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def difference(current: int, previous: int) -> str:
    """'+3', '−2' (a real minus sign) or '0'."""
    change = current - previous
    if change > 0:
        return f"+{number(change)}"
    if change < 0:
        return f"\u2212{number(-change)}"
    return "0"


def figure(figures: KeyFigures, field: str) -> int:
    value = getattr(figures, field)
    assert isinstance(value, int)
    return value


# On paper for the wethouder every word is Dutch, also where the team's own jargon is not
_PRINTED_STATUS = {SignalStatus.ON_HOLD: "Aangehouden"}


def status_text(status: SignalStatus) -> str:
    """A signal's status as printed: its label, in Dutch ('On hold' is 'Aangehouden')."""
    return _PRINTED_STATUS.get(status, status.label)
