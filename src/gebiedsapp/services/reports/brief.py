"""The brief: the two pages a wethouder reads before a council meeting.

Page 1 says what matters in a few plain sentences, each with its number, then the key figures
beside the previous period and the same period a year earlier. Page 2 gives the top items with
totals (open signals by category, partner and place, the longest overdue, a few quotes, open
actions by owner). The full lists are in the appendix, which the user switches on. Every number
comes from `AreaSummary`; nothing here queries the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from gebiedsapp.domain import DeadlineLabel, Role
from gebiedsapp.services.geo import is_area_code
from gebiedsapp.services.report_text import (
    KEY_FIGURES,
    MONTHS,
    figure,
    number,
    period_range,
    period_text,
)
from gebiedsapp.services.reports.cells import count, lines, short_date
from gebiedsapp.services.reports.charts import sparkline
from gebiedsapp.services.reports.pdf_base import (
    FRAME_WIDTH,
    REGULAR,
    grid,
    heading,
    keep,
    para,
    styles,
)
from gebiedsapp.services.reports.population_note import (
    RATE_HEADER,
    population_text,
    rate_cell,
    rates_known,
)
from gebiedsapp.services.reports.survey_section import survey_sentence
from gebiedsapp.services.summary import AreaSummary, KeyFigures

TOP = 5  # rows per "top" table before the rest is summed up
OWNERS = 3  # owners of open actions on page 1 (the rest summed: the page is full)
LONGEST = 10  # overdue signals listed by name on page 2
QUOTES = 5
# the summary's lists the brief reads through several times (`AreaSummary.made`); its quotes
# once, until five are picked
BRIEF_LISTS = ("open_signals", "open_action_list")
QUOTE_CHARS = 220
SOURCE = (
    "Bron: registraties van het gebiedsteam; geen representatieve steekproef. Deze samenvatting "
    "bevat geen namen of andere persoonsgegevens van bewoners."
)


def _activity(figures: KeyFigures) -> int:
    return figures.sessions + figures.contacts + figures.signals_new


def thin(before: KeyFigures | None, now: KeyFigures) -> bool:
    """A period to compare with that holds little or nothing (the app was not yet used for part
    of it): less than a quarter of the current activity, or none at all."""
    if before is None:
        return True
    return _activity(before) == 0 or 4 * _activity(before) < _activity(now)


def nothing_recorded(summary: AreaSummary) -> bool:
    """Nothing happened in the period and nothing stood open at its end."""
    c = summary.current
    return not any(getattr(c, name) for name, _label, _explanation in KEY_FIGURES) and not (
        summary.quotes or summary.open_signals or summary.open_action_list
    )


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def per_hundred(n: int, conversations: int, decimals: int = 0) -> str:
    return number(100 * n / conversations, decimals) if conversations else "—"


def _rise_text(before: tuple[int, int], now: tuple[int, int]) -> str | None:
    """'van 0,6 naar 1,4': whole numbers, or one decimal where whole ones would read the same
    ('van 1 naar 1'); None for a rise too small to show at all. Each: (count, talks)."""
    for decimals in (0, 1):
        was, became = per_hundred(*before, decimals), per_hundred(*now, decimals)
        if was != became:
            return f"van {was} naar {became}"
    return None


def sentences(summary: AreaSummary) -> list[str]:
    """3-5 plain sentences, each with its number, computed from the figures."""
    c = summary.current
    out: list[str] = []
    if c.signals_open:
        verb = "stond" if c.signals_open == 1 else "stonden"
        late = percent(c.signals_overdue, c.signals_open)
        out.append(
            f"Aan het eind van de periode {verb} er "
            f"{count(c.signals_open, 'signaal', 'signalen')} open; "
            f"{number(c.signals_overdue)} daarvan ({late}) "
            f"{'was' if c.signals_overdue == 1 else 'waren'} over de afhandeltermijn."
        )
    else:
        out.append("Aan het eind van de periode stond geen enkel signaal open.")
    reached = ""
    if summary.passers_by:
        reached = f", telde {count(summary.passers_by, 'voorbijganger', 'voorbijgangers')}"
    out.append(
        f"Het team stond {count(c.sessions, 'keer', 'keer')} met de koffiekar in het gebied"
        f"{reached} en sprak daar {count(c.conversations, 'bewoner', 'bewoners')}; daarnaast "
        f"waren er {count(c.contacts, 'ander contact', 'andere contacten')}."
        + _activities_said(summary)
    )
    talks = c.conversations + c.contacts
    if summary.themes and summary.themes[0].current:
        top = summary.themes[0]
        text = (
            f"Het meest besproken thema was ‘{top.theme}’: {number(top.current)} keer, "
            f"{per_hundred(top.current, talks)} per 100 gesprekken en contacten."
        )
        before_talks = summary.previous.conversations + summary.previous.contacts
        if not thin(summary.previous, c) and before_talks:
            rise = max(
                summary.themes,
                key=lambda t: (t.current / talks - t.previous / before_talks, t.theme),
            )
            shown = _rise_text((rise.previous, before_talks), (rise.current, talks))
            if rise.current / talks > rise.previous / before_talks and shown is not None:
                text += f" Het sterkst gestegen is ‘{rise.theme}’: {shown} per 100."
        out.append(text)
    if c.signals_closed:
        loop = f"Er {'werd' if c.signals_closed == 1 else 'werden'} " + count(
            c.signals_closed, "signaal afgesloten", "signalen afgesloten"
        )
        if summary.median_days_to_close is not None:
            loop += f", in de helft van de gevallen binnen {number(summary.median_days_to_close)} "
            loop += "dagen"
        if summary.feedback_asked:
            loop += (
                f"; van de {number(summary.feedback_asked)} melders die om terugkoppeling vroegen,"
                f" kregen er {number(summary.feedback_given)} "
                f"({percent(summary.feedback_given, summary.feedback_asked)}) bericht"
            )
        out.append(loop + ".")
    if c.initiatives_running or c.initiatives_done:
        running = count(
            c.initiatives_running, "bewonersinitiatief liep", "bewonersinitiatieven liepen"
        )
        out.append(
            f"{running} aan het eind van de periode; {number(c.initiatives_done)} "
            f"{'werd' if c.initiatives_done == 1 else 'werden'} in de periode afgerond."
        )
    return out[:5]


# Page 1 holds one line less than the key figures: the attendance at activities is said in the
# sentence about the koffiekar instead (the appendix, the dashboard and Excel list it as a row).
SAID_NOT_TABLED = frozenset({"activity_attendance"})


def _activities_said(summary: AreaSummary) -> str:
    """' Bij 2 activiteiten waren 60 mensen, vooral over ‘X’.' or '' (short: the page is full)."""
    c = summary.current
    if not c.activities:
        return ""
    text = f" Bij {count(c.activities, 'activiteit', 'activiteiten')}"
    if c.activity_attendance:
        verb = "was" if c.activity_attendance == 1 else "waren"
        text += f" {verb} {count(c.activity_attendance, 'aanwezige', 'aanwezigen')}"
    else:
        text += " werden de aanwezigen niet geteld"
    if summary.activity_themes:
        text += f", vooral over ‘{summary.activity_themes[0][0]}’"
    return text + "."


def _figures_table(summary: AreaSummary, *, credit: bool = True) -> list[Flowable]:
    """The key figures; `credit`: the CBS credit in the note below (page 1 has it in its
    source note instead, which has room for it)."""
    s = styles()
    year_period = summary.period.year_earlier()
    # for a whole year the previous period is the year before: one column says it
    year = summary.year_before if year_period != summary.previous_period else None
    header = ["Kengetal", "Deze periode", "Vorige periode"]
    if year is not None:
        header.append("Jaar eerder")
    trend = {
        field: [getattr(point, field) for point in summary.trend]
        for field in ("conversations", "signals_new", "signals_open")
    }
    rated = rates_known(summary)  # CBS population known: a column per 1,000 inhabitants
    spark = (31 if rated else 40) * mm
    if rated:
        header.insert(2, RATE_HEADER)
    if summary.trend:
        header.append("12 maanden")
    rows: list[list[Any]] = [header]
    for field, label, _explanation in KEY_FIGURES:
        if field in SAID_NOT_TABLED:
            continue
        row: list[Any] = [label, number(figure(summary.current, field))]
        if rated:
            row.append(rate_cell(summary, field))
        row.append(number(figure(summary.previous, field)))
        if year is not None:
            row.append(number(figure(year, field)))
        if summary.trend:
            row.append(sparkline(trend[field], spark, 9) if field in trend else "")
        rows.append(row)
    numeric = [27 * mm] * (len(header) - 1 - bool(summary.trend))
    label_width = 52 * mm
    if rated:  # this period, per 1,000, previous (and a year earlier): as narrow as they read
        numeric = [w * mm for w in (26, 20, 28, 23)[: len(numeric)]]
        label_width = 42 * mm
    table = grid(rows, [label_width, *numeric, *([spark + 4 * mm] if summary.trend else [])],
                 numeric_from=1)  # fmt: skip
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    table.hAlign = "LEFT"
    compared = f"Vorige periode: {period_range(summary.previous_period)}"
    if year is not None:
        compared += f"; jaar eerder: {period_range(year_period)}"
    if summary.trend:
        first = summary.trend[0].month
        last = summary.trend[-1].month
        compared += (
            f". Lijntjes: per maand, {MONTHS[first.month - 1]} {first.year} t/m "
            f"{MONTHS[last.month - 1]} {last.year} (open signalen: aan het eind van de maand)"
        )
    notes = [compared + ". Open en lopend: de stand aan het eind van elke periode."]
    notes += [population_text(summary, credit=credit)] if summary.population is not None else []
    checked = [("De vorige periode", summary.previous)]
    if year is not None:
        checked.append(("Het jaar ervoor", year))
    for name, before in checked:
        if thin(before, summary.current):
            notes.append(
                f"Let op: {name.lower()} bevat weinig of geen registraties (de app werd toen nog "
                "niet volledig gebruikt); vergelijk er niet mee."
            )
    return [table, para(" ".join(notes), s.note)]


def compact_page(summary: AreaSummary) -> list[Flowable]:
    """One page for an area within the municipality's summary: what matters and its figures."""
    s = styles()
    if nothing_recorded(summary):
        return [
            para(summary.title, s.title),
            para(
                "In deze periode is voor dit gebied niets vastgelegd en stond er aan het eind "
                "niets open.",
                s.body,
            ),
        ]
    out: list[Flowable] = [para(summary.title, s.title), *heading("Wat opvalt")]
    out += [para(f"• {line}", s.body) for line in sentences(summary)]
    out += [*heading("Kerncijfers"), *_figures_table(summary), *_actions(summary)]
    return out


def missing_roles(summary: AreaSummary) -> list[str]:
    return [role.label.lower() for role in Role if not summary.team.get(role)]


def page_one(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        para("Samenvatting voor de wethouder", s.subtitle),
        para(summary.title, s.title),
        para(period_text(summary.period), s.subtitle),
        *heading("Wat opvalt"),
    ]
    said = sentences(summary)
    if survey := survey_sentence(summary):  # one line in place of the fifth: the page is full
        said = [*said[:4], survey]
    out += [para(f"• {line}", s.body) for line in said]
    out += [*heading("Kerncijfers"), *_figures_table(summary, credit=False), *_actions(summary)]
    missing = missing_roles(summary)
    note = SOURCE  # the team's names are in the appendix; here only what is missing
    if missing:
        note = f"Over de gegevens: het team is niet ingevuld in de app ({', '.join(missing)}). "
        note += SOURCE
    if rates_known(summary) and summary.population is not None:
        note += f" {summary.population.credit}."
    out += [para(note, s.note)]
    return out


def _top(
    counter: Counter[str], title: str, width: float, late: Counter[str] | None = None
) -> Flowable:
    """The most frequent few with their count (and how many of those are overdue), the rest
    summed up, and the total: the whole list is in the appendix."""
    extra = [] if late is None else ["Te laat"]
    rows: list[list[str]] = [[title, "Open", *extra]]
    numbers = 14 * mm * (1 + len(extra))
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))

    def row(name: str, keys: list[str]) -> list[str]:
        cells = [name, number(sum(counter[k] for k in keys))]
        if late is not None:
            cells.append(number(sum(late[k] for k in keys)))
        return cells

    for name, _n in ranked[:TOP]:
        rows.append(row(lines(name, width - numbers - 2 * mm), [name]))
    rest = [name for name, _n in ranked[TOP:]]
    if rest:
        rows.append(row(f"{len(rest)} andere", rest))
    rows.append(row("Totaal", list(counter)))
    widths = [width - numbers - 2 * mm, *([14 * mm] * (1 + len(extra)))]
    return grid(rows, widths, numeric_from=1)


def _side_by_side(blocks: Iterable[Flowable], widths: list[float]) -> Table:
    cells = list(blocks)
    outer = Table([cells], colWidths=widths)
    outer.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return outer


def _open_signals(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    rows = summary.open_signals
    if not rows:
        return [*heading("Open signalen"), para("Geen open signalen.", s.empty)]
    several = len({r.area for r in rows}) > 1
    # an area without a CBS buurt (Parkwijk) is itself the place of its signals
    own = {b.name for b in summary.buurten if is_area_code(b.code)}
    place = Counter(
        "sociaal (niet per buurt)"
        if r.sensitive
        else (r.area if several or (not r.buurt and r.area in own) else r.buurt)
        for r in rows
    )
    place = Counter({name or "buurt onbekend": n for name, n in place.items()})
    partner = Counter(r.partner or "geen partner" for r in rows)
    partner_late = Counter(
        r.partner or "geen partner" for r in rows if r.label is not DeadlineLabel.BINNEN
    )
    side = (FRAME_WIDTH - 72 * mm) / 2
    tops = _side_by_side(
        [
            _top(Counter(r.category.split(" › ")[0] for r in rows), "Categorie", side),
            _top(partner, "Partner", 72 * mm, late=partner_late),
            _top(place, "Gebied" if several else "Buurt", side),
        ],
        [side, 72 * mm, side],
    )
    late = sorted(
        (r for r in rows if r.label is not DeadlineLabel.BINNEN and not r.sensitive),
        key=lambda r: (r.deadline, r.since, r.category),
    )[:LONGEST]
    out: list[Flowable] = [*heading("Open signalen aan het eind van de periode"), tops]
    if late:
        widths = [50 * mm, 40 * mm, 19 * mm, FRAME_WIDTH - 125 * mm, 16 * mm]
        data = [["Soort", "Buurt", "Gemeld", "Partner", "Dagen\nte laat"]]
        for r in late:
            where = r.buurt or (r.area if r.area in own else f"buurt onbekend ({r.area})")
            data.append(
                [
                    lines(r.category.split(" › ")[-1], widths[0]),
                    lines(where, widths[1]),
                    short_date(r.since),
                    lines(r.partner or "geen partner", widths[3]),
                    number((summary.as_of - r.deadline).days),
                ]
            )
        out += [
            Spacer(1, 2 * mm),
            keep(
                [
                    para(
                        f"De {len(late)} signalen die het langst over de termijn zijn", s.cell_bold
                    ),
                    grid(data, widths, numeric_from=4),
                    para(
                        "Sociale signalen staan hier niet apart (met een buurt en een datum "
                        "kunnen ze naar één huishouden wijzen); ze tellen mee in de totalen.",
                        s.note,
                    ),
                ]
            ),
        ]
    return out


def _quotes(summary: AreaSummary) -> list[Flowable]:
    """The newest quotes marked for reporting, from as many different places as possible."""
    s = styles()
    if not summary.quotes:
        return []
    picked, places, texts, passed = [], set(), set(), []
    # read once, and only as far as needed: a kept list's rows are made as they are read
    for quote in summary.quotes:
        place = (quote.area, quote.buurt)
        if place not in places and quote.text not in texts:
            picked.append(quote)
            places.add(place)
            texts.add(quote.text)
            if len(picked) == QUOTES:
                break
        else:
            passed.append(quote)
    for quote in passed:  # all of them read, too few places: other texts from a place again
        if len(picked) >= QUOTES:
            break
        if quote.text not in texts:
            picked.append(quote)
            texts.add(quote.text)
    items: list[Flowable] = []
    for quote in picked:
        text = quote.text if len(quote.text) <= QUOTE_CHARS else quote.text[:QUOTE_CHARS] + "…"
        where = quote.buurt or quote.area
        items.append(para(f"“{text}” — {where}, {short_date(quote.day)}", s.quote))
    shown = len(picked)
    note = f"{shown} van de {number(len(summary.quotes))} uitspraken die voor de rapportage zijn"
    note += (
        " gemarkeerd: de nieuwste, zonder herhalingen, uit zo veel mogelijk verschillende buurten."
    )
    return [*heading("Wat bewoners zeiden"), *items, para(note, s.note)]


def _actions(summary: AreaSummary) -> list[Flowable]:
    s = styles()
    rows = summary.open_action_list
    if not rows:
        return []
    per_owner = Counter(r.owner or "geen eigenaar" for r in rows)
    late = Counter(r.owner or "geen eigenaar" for r in rows if r.overdue)
    ranked = sorted(per_owner.items(), key=lambda kv: (-kv[1], kv[0]))
    data = [["Eigenaar", "Open", "Over datum"]]
    for owner, n in ranked[:OWNERS]:
        data.append([owner, number(n), number(late[owner])])
    if len(ranked) > OWNERS:
        rest = ranked[OWNERS:]
        data.append(
            [
                f"nog {len(rest)} {'eigenaar' if len(rest) == 1 else 'eigenaren'}",
                number(sum(n for _, n in rest)),
                number(sum(late[o] for o, _ in rest)),
            ]
        )
    data.append(["Totaal", number(len(rows)), number(sum(late.values()))])
    oldest = sorted((r for r in rows if r.due is not None), key=lambda r: r.due or summary.as_of)
    note = "Open aan het eind van de periode."
    if oldest:
        first = oldest[0]
        note += f" De oudste: ‘{first.what[:80]}’ ({first.owner or 'geen eigenaar'}), "
        note += f"uiterlijk {short_date(first.due)}." if first.due else "."
    table = grid(data, [60 * mm, 18 * mm, 24 * mm], numeric_from=1)
    table.hAlign = "LEFT"
    return [keep([*heading("Open acties per eigenaar"), table, para(note, s.note)])]


def page_two(summary: AreaSummary) -> list[Flowable]:
    return [PageBreak(), *_open_signals(summary), *_quotes(summary)]


def empty_page(summary: AreaSummary) -> list[Flowable]:
    """One page for an area where nothing was recorded in the period."""
    s = styles()
    return [
        para("Samenvatting voor de wethouder", s.subtitle),
        para(summary.title, s.title),
        para(period_text(summary.period), s.subtitle),
        Spacer(1, 6 * mm),
        para(
            "In deze periode is voor dit gebied niets vastgelegd: geen koffiekarrondes, "
            "contacten, signalen, acties of initiatieven, en aan het eind van de periode stond "
            "er niets open.",
            s.body,
        ),
        *([para(survey, s.body)] if (survey := survey_sentence(summary)) else []),
        Spacer(1, 3 * mm),
        para(SOURCE, s.note),
    ]
