"""The summary figures (services.summary) against the known data set of `summary_world`."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import DeadlineLabel, FollowUp, Priority, Role, reference_id
from gebiedsapp.domain import InitiativeStatus as I
from gebiedsapp.domain import SignalStatus as S
from gebiedsapp.services import signals
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.period import Period
from gebiedsapp.services.summary import (
    AreaSummary,
    BuurtCount,
    InitiativeRow,
    KeyFigures,
    OpenAction,
    OpenSignal,
    Quote,
    ThemeCount,
    area_summary,
    municipality_summary,
)
from support.summary_world import CLOSE, SOCIAAL, TODAY, ZWERFVUIL, Builder

if TYPE_CHECKING:  # the fixture lives in tests/services/conftest.py
    from conftest import SummaryWorld

AFVAL = "Gemeente Oldambt – Afval en reiniging"
NETBEHEERDER = "Netbeheerder (straatverlichting, kabels)"


def _summary(world: SummaryWorld, *keys: str, period: Period | None = None) -> AreaSummary:
    with world.database.read_session() as session:
        return area_summary(
            session,
            [reference_id("area", key) for key in keys],
            period or world.period,
            today=world.today,
        )


def _check_expected(summary: AreaSummary, world: SummaryWorld, title: str) -> None:
    expected = world.expected[title]
    assert summary.current == expected.current
    assert summary.previous == expected.previous
    assert summary.median_days_to_close == expected.median_days_to_close
    assert tuple(q.text for q in summary.quotes) == expected.quotes


# --- periods ----------------------------------------------------------------------------------


def test_previous_of_a_month_quarter_and_year_is_the_one_before_even_in_a_leap_year() -> None:
    march = Period.month(2024, 3)
    assert (march.days, march.previous()) == (31, Period(date(2024, 2, 1), date(2024, 2, 29)))
    assert march.previous().days == 29
    assert Period.month(2023, 3).previous() == Period(date(2023, 2, 1), date(2023, 2, 28))
    assert Period.month(2024, 1).previous() == Period.month(2023, 12)
    assert Period.quarter(2024, 1).previous() == Period.quarter(2023, 4)
    assert Period.quarter(2024, 2).previous() == Period(date(2024, 1, 1), date(2024, 3, 31))
    assert Period.quarter(2024, 1).days == 91  # 31 + 29 + 31
    assert Period.year(2024).previous() == Period(date(2023, 1, 1), date(2023, 12, 31))
    assert (Period.year(2024).days, Period.year(2025).previous().days) == (366, 366)
    # two whole months map to the two months before
    two = Period(date(2024, 1, 1), date(2024, 2, 29))
    assert two.previous() == Period(date(2023, 11, 1), date(2023, 12, 31))


def test_previous_of_a_from_to_period_has_the_same_number_of_days() -> None:
    ten = Period(date(2024, 3, 1), date(2024, 3, 10))
    assert ten.previous() == Period(date(2024, 2, 20), date(2024, 2, 29))  # over the leap day
    assert Period(date(2023, 3, 1), date(2023, 3, 10)).previous() == Period(
        date(2023, 2, 19), date(2023, 2, 28)
    )
    odd = Period(date(2024, 1, 15), date(2024, 2, 14))
    assert odd.previous() == Period(date(2023, 12, 15), date(2024, 1, 14))
    assert odd.previous().days == odd.days == 31
    one = Period(date(2024, 3, 1), date(2024, 3, 1))
    assert one.previous() == Period(date(2024, 2, 29), date(2024, 2, 29))


def test_a_period_must_run_forwards_and_a_quarter_exist() -> None:
    with pytest.raises(ValidationError, match="vóór de begindatum"):
        Period(date(2024, 3, 2), date(2024, 3, 1))
    with pytest.raises(ValidationError, match="kwartaal"):
        Period.quarter(2024, 5)


# --- one area ---------------------------------------------------------------------------------


def test_an_area_counts_itself_and_its_sub_area_in_both_periods(
    summary_world: SummaryWorld,
) -> None:
    summary = _summary(summary_world, "midwolda")
    _check_expected(summary, summary_world, "Midwolda")
    assert summary.title == "Midwolda"
    assert summary.area_ids == {summary_world.midwolda, summary_world.ekamp}
    assert (summary.period, summary.previous_period) == (
        Period.month(2024, 3),
        Period.month(2024, 2),
    )
    assert (summary.made_on, summary.as_of) == (date(2024, 5, 15), date(2024, 3, 31))
    # the team of the area itself on 31 March: Olga left on the 15th, Ekamp has its own
    assert summary.team == {
        Role.GEBIEDSREGISSEUR: ("Gerda Regisseur",),
        Role.OPBOUWWERKER: ("Otto Opbouwer",),
        Role.GEBIEDSWETHOUDER: ("Wim Wethouder",),
    }


def test_a_sub_area_alone_and_another_kern(summary_world: SummaryWorld) -> None:
    ekamp = _summary(summary_world, "ekamp")
    _check_expected(ekamp, summary_world, "Ekamp")
    assert ekamp.team == {Role.OPBOUWWERKER: ("Eva Ekamp",)}
    beerta = _summary(summary_world, "beerta")
    _check_expected(beerta, summary_world, "Beerta")
    assert beerta.team == {Role.GEBIEDSWETHOUDER: ("Wim Wethouder",)}


def test_themes_count_conversations_and_contacts_against_the_previous_period(
    summary_world: SummaryWorld,
) -> None:
    summary = _summary(summary_world, "midwolda")
    assert summary.themes == (
        ThemeCount("Armoede en schulden", 3, 1),
        ThemeCount("Eenzaamheid", 3, 1),
        ThemeCount("Ouderen", 3, 2),
        ThemeCount("Jeugd en jongeren", 0, 1),
    )
    assert [t.theme for t in summary.rising_themes] == [
        "Armoede en schulden",
        "Eenzaamheid",
        "Ouderen",
    ]
    assert summary.falling_themes == (ThemeCount("Jeugd en jongeren", 0, 1),)
    assert _summary(summary_world, "beerta").themes == (
        ThemeCount("Armoede en schulden", 1, 1),
        ThemeCount("Eenzaamheid", 1, 0),
        ThemeCount("Ouderen", 1, 0),
    )


def test_signals_per_main_category_and_status_and_the_open_ones(
    summary_world: SummaryWorld,
) -> None:
    summary = _summary(summary_world, "midwolda")
    assert summary.signals_by_category == (
        ("Afval", 3),
        ("Wegen, verkeer, straatmeubilair", 2),
        ("Sociaal", 1),
    )
    assert summary.signals_by_status == (
        (S.GEMELD, 1),
        (S.IN_BEHANDELING, 1),
        (S.AFGEHANDELD, 2),  # one of them only after the period
        (S.GEANNULEERD, 1),
        (S.HEROPEND, 1),
    )
    licht = "Wegen, verkeer, straatmeubilair › Straatverlichting"
    ruim, buiten, binnen = DeadlineLabel.RUIM_BUITEN, DeadlineLabel.BUITEN, DeadlineLabel.BINNEN
    normaal = Priority.NORMAAL
    assert summary.open_signals == (
        OpenSignal("Afval › Grofvuil", "", "Midwolda", date(2024, 1, 15), AFVAL,
                   date(2024, 1, 22), ruim, S.IN_BEHANDELING, normaal),
        OpenSignal(licht, "Ekamp", "Ekamp", date(2024, 3, 5), NETBEHEERDER,
                   date(2024, 3, 12), ruim, S.IN_BEHANDELING, normaal),
        OpenSignal("Afval › Zwerfvuil", "Midwolda", "Midwolda", date(2024, 3, 25), AFVAL,
                   date(2024, 3, 28), buiten, S.AFGEHANDELD, normaal),
        OpenSignal(licht, "Niesoord", "Midwolda", date(2024, 3, 6), NETBEHEERDER,
                   date(2024, 4, 30), binnen, S.HEROPEND, normaal),
        OpenSignal("Afval › Grofvuil", "Nieuweweg", "Midwolda", date(2024, 3, 20), AFVAL,
                   date(2024, 4, 10), binnen, S.GEMELD, normaal),
    )  # fmt: skip
    assert len(summary.open_signals) == summary.current.signals_open
    overdue = [s for s in summary.open_signals if s.label is not DeadlineLabel.BINNEN]
    assert len(overdue) == summary.current.signals_overdue


def test_every_buurt_of_the_areas_with_its_open_signals(summary_world: SummaryWorld) -> None:
    assert _summary(summary_world, "midwolda").buurten == (
        BuurtCount("BU18950903", "Ekamp", 1),
        BuurtCount("BU18950900", "Midwolda", 1),
        BuurtCount("BU18950905", "Niesoord", 1),
        BuurtCount("BU18950904", "Nieuweweg", 1),
        BuurtCount("BU18950909", "Verspreide huizen Midwolda", 0),
    )
    assert _summary(summary_world, "beerta").buurten == (
        BuurtCount("BU18950300", "Beerta-Centrum", 0),
        BuurtCount("BU18950302", "Beerta-Centrum-West", 0),
        BuurtCount("BU18950301", "Beerta-Nieuwbouw", 1),
        BuurtCount("BU18950309", "Verspreide huizen Beerta", 0),
    )


def test_quotes_and_open_actions(summary_world: SummaryWorld) -> None:
    summary = _summary(summary_world, "midwolda")
    assert summary.quotes == (
        Quote(
            "Wij zijn geïnteresseerd in één bankje bij de brink.", date(2024, 3, 31), "Ekamp", ""
        ),
        Quote("Het dorpshuis is ons café geworden.", date(2024, 3, 1), "Midwolda", "Midwolda"),
    )
    assert summary.open_action_list == (
        OpenAction("Actie van 2024-03-01", "Gerda Regisseur", date(2024, 3, 20), "Midwolda", True),
        OpenAction("Actie van 2024-03-10", "Otto Opbouwer", date(2024, 4, 15), "Ekamp", False),
        OpenAction("Actie van 2024-02-10", "", None, "Midwolda", False),
    )
    assert len(summary.open_action_list) == summary.current.open_actions
    beerta = _summary(summary_world, "beerta")
    assert beerta.quotes == (
        Quote("Café 't Hoekje moet blijven!", date(2024, 3, 10), "Beerta", "Beerta-Centrum"),
    )
    assert beerta.open_action_list == ()


def test_initiatives_running_in_the_period_with_their_next_milestone(
    summary_world: SummaryWorld,
) -> None:
    summary = _summary(summary_world, "midwolda")
    assert summary.initiatives == (
        # not ended first, by start; then the ended ones (the one stopped on 31 March too)
        InitiativeRow(
            "Bankje bij de brink", "Ekamp", I.IDEE, date(2024, 2, 20), None, "Plek kiezen",
            None, None,
        ),
        InitiativeRow(
            "Moestuin bij het dorpshuis", "Midwolda", I.UITVOERING, date(2024, 3, 5), None,
            "Eerste oogst", date(2024, 6, 1), None,  # the milestone reached on 10 March is past
        ),
        InitiativeRow(
            "Speeltuin Hoofdweg", "Midwolda", I.AFGEROND, date(2024, 1, 15), date(2024, 3, 20),
            "", None, 1_250_000,
        ),
        InitiativeRow(
            "Buurtfeest", "Midwolda", I.GESTOPT, date(2024, 2, 1), date(2024, 3, 31), "", None,
            None,
        ),
    )  # fmt: skip
    # in February the moestuin had not started and the zomerkamp (April) is in neither
    february = _summary(summary_world, "midwolda", period=Period.month(2024, 2))
    assert [i.title for i in february.initiatives] == [
        "Bankje bij de brink",
        "Speeltuin Hoofdweg",
        "Buurtfeest",
    ]
    beerta = _summary(summary_world, "beerta")
    assert [(i.title, i.budget_granted) for i in beerta.initiatives] == [
        ("Dorpshuis verduurzamen", 250_000)
    ]


def test_a_running_period_is_measured_on_the_day_the_summary_is_made(
    summary_world: SummaryWorld,
) -> None:
    summary = _summary(summary_world, "midwolda", period=Period.month(2024, 5))  # made 15 May
    assert summary.as_of == date(2024, 5, 15)
    # open on 15 May: all but the one closed on 3 April, plus the one reported on 2 April;
    # overdue: all five. On 30 April (the end of April) the reopened one was not yet overdue.
    assert (summary.current.signals_open, summary.current.signals_overdue) == (5, 5)
    assert (summary.previous.signals_open, summary.previous.signals_overdue) == (5, 4)
    assert (summary.current.signals_new, summary.previous.signals_new) == (0, 1)
    # actions: made 1 March, 10 February and 5 April are open on both days (done 2 April: not)
    assert (summary.current.open_actions, summary.previous.open_actions) == (3, 3)
    assert [a.overdue for a in summary.open_action_list] == [True, False, False]


# --- groups and the municipality --------------------------------------------------------------


def test_a_group_of_areas_adds_up_and_merges_the_team(summary_world: SummaryWorld) -> None:
    group = _summary(summary_world, "midwolda", "beerta", "ekamp")  # Ekamp is inside Midwolda
    assert group.title == "Midwolda, Beerta, Ekamp"
    assert group.area_ids == {summary_world.midwolda, summary_world.ekamp, summary_world.beerta}
    _check_expected(group, summary_world, "Oldambt")  # all the data is in these areas
    assert group.team == {
        Role.GEBIEDSREGISSEUR: ("Gerda Regisseur",),
        Role.OPBOUWWERKER: ("Eva Ekamp", "Otto Opbouwer"),
        Role.GEBIEDSWETHOUDER: ("Wim Wethouder",),
    }
    assert len(group.buurten) == 5 + 4
    assert group.median_days_to_close == 10.0


def test_the_municipality_has_a_total_and_one_summary_per_area_below_it(
    summary_world: SummaryWorld,
) -> None:
    with summary_world.database.read_session() as session:
        result = municipality_summary(session, summary_world.period, today=summary_world.today)
        whole = area_summary(
            session,
            [reference_id("area", "oldambt")],
            summary_world.period,
            today=date(2024, 5, 15),
        )
        nodes = area_tree(session)
    _check_expected(result.total, summary_world, "Oldambt")
    assert result.total == whole
    assert result.total.title == "Oldambt"
    assert result.total.area_ids == {n.id for n in nodes}
    # every CBS buurt is linked to some area; six areas without one have their own outline
    assert len(result.total.buurten) == 50 + 6
    assert sum(b.open_signals for b in result.total.buurten) == 5  # of 6: one has no buurt
    below = [n.name for n in nodes if n.depth == 1]
    assert [a.title for a in result.areas] == sorted(below, key=str.casefold)
    by_title = {a.title: a for a in result.areas}
    assert by_title["Midwolda"] == _summary(summary_world, "midwolda")
    assert by_title["Beerta"] == _summary(summary_world, "beerta")
    zero = KeyFigures(*[0] * 12)
    westerlee = by_title["Westerlee"]  # only removed records, in its sub-area
    assert summary_world.westerlee in westerlee.area_ids
    assert (westerlee.current, westerlee.previous) == (zero, zero)
    others = [a for a in result.areas if a.title not in ("Midwolda", "Beerta")]
    assert all(a.current == zero and a.previous == zero for a in others)
    assert all(a.quotes == () and a.open_signals == () for a in others)


def test_a_summary_holds_no_personal_data(summary_world: SummaryWorld) -> None:
    with summary_world.database.read_session() as session:
        result = municipality_summary(session, summary_world.period, today=summary_world.today)
    text = repr(result)
    assert "Gerda Regisseur" in text  # team members are named, residents never
    assert len(summary_world.never_printed) > 40
    assert [secret for secret in summary_world.never_printed if secret in text] == []


def test_areas_must_exist(summary_world: SummaryWorld) -> None:
    with summary_world.database.read_session() as session:
        with pytest.raises(ValidationError, match="ten minste één gebied"):
            area_summary(session, [], summary_world.period, today=summary_world.today)
        with pytest.raises(NotFoundError, match="bestaat niet"):
            area_summary(
                session,
                [reference_id("area", "atlantis")],
                summary_world.period,
                today=summary_world.today,
            )


# --- the state at the end of a period, on Dutch days --------------------------------------------


def _on(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def test_a_signal_closed_in_the_period_and_reopened_after_it_counts_closed_at_its_end(
    session: Session,
) -> None:
    """Replaying the history: closed on 8 March, reopened on 3 April (so `closed_on` is empty
    today); at the end of March it was closed, at the end of April open and overdue."""
    b = Builder(session)
    midwolda = reference_id("area", "midwolda")
    signal = b.signal(midwolda, date(2024, 3, 4), ZWERFVUIL, date(2024, 3, 11))
    for status, day in [(S.IN_BEHANDELING, 6), (S.AFGEHANDELD, 8)]:
        signals.transition(session, signal, status, today=date(2024, 3, day))
        b.backdate_last_move(signal, _on(date(2024, 3, day), 9))
    signals.transition(session, signal, S.HEROPEND, today=date(2024, 4, 3))
    b.backdate_last_move(signal, _on(date(2024, 4, 3), 9))
    session.flush()

    def figures(period: Period) -> KeyFigures:
        return area_summary(session, [midwolda], period, today=date(2024, 5, 15)).current

    march, april = figures(Period.month(2024, 3)), figures(Period.month(2024, 4))
    assert (march.signals_open, march.signals_overdue) == (0, 0)
    assert (april.signals_open, april.signals_overdue) == (1, 1)
    listed = area_summary(session, [midwolda], Period.month(2024, 3), today=date(2024, 5, 15))
    assert listed.open_signals == ()


def test_a_day_ends_at_dutch_midnight_not_at_utc_midnight(session: Session) -> None:
    """An action made on 30 September 22:30 UTC was made on 1 October (00:30 in Oldambt); a
    signal reopened on 31 March 22:30 UTC was reopened on 1 April (summer time: 00:30)."""
    b = Builder(session)
    midwolda = reference_id("area", "midwolda")
    b.action(midwolda, date(2024, 9, 30))
    made = session.scalars(select(FollowUp).where(FollowUp.deleted_at.is_(None))).one()
    made.created_at = _on(date(2024, 9, 30), 22, 30)
    signal = b.signal(midwolda, date(2024, 3, 4), ZWERFVUIL, date(2024, 5, 11))
    for status, day, hour in [(S.IN_BEHANDELING, 6, 9), (S.AFGEHANDELD, 8, 9)]:
        signals.transition(session, signal, status, today=date(2024, 3, day))
        b.backdate_last_move(signal, _on(date(2024, 3, day), hour))
    signals.transition(session, signal, S.HEROPEND, today=date(2024, 4, 1))
    b.backdate_last_move(signal, _on(date(2024, 3, 31), 22, 30))
    session.flush()

    def figures(period: Period) -> KeyFigures:
        return area_summary(session, [midwolda], period, today=date(2025, 1, 1)).current

    assert figures(Period.month(2024, 9)).open_actions == 0
    assert figures(Period.month(2024, 10)).open_actions == 1
    assert figures(Period.month(2024, 3)).signals_open == 0
    assert figures(Period.month(2024, 4)).signals_open == 1


def test_an_initiative_that_ended_after_the_period_still_ran_at_its_end(
    session: Session,
) -> None:
    b = Builder(session)
    midwolda = reference_id("area", "midwolda")
    b.initiative(midwolda, "Moestuin", date(2024, 2, 1), status=I.AFGEROND, ended=date(2024, 5, 10))
    session.flush()
    march = area_summary(session, [midwolda], Period.month(2024, 3), today=date(2024, 5, 15))
    (row,) = march.initiatives
    assert (row.ended, row.ended_later, row.status_label) == (None, date(2024, 5, 10), "Liep nog")
    may = area_summary(session, [midwolda], Period.month(2024, 5), today=date(2024, 5, 15))
    assert (may.initiatives[0].ended, may.initiatives[0].status_label) == (
        date(2024, 5, 10),
        "Afgerond",
    )


def test_the_12_month_trend_ends_with_the_period_and_its_months_match_the_figures(
    summary_world: SummaryWorld,
) -> None:
    summary = _summary(summary_world, "midwolda")
    expected = summary_world.expected["Midwolda"]
    assert [p.month for p in summary.trend] == [
        *(date(2023, m, 1) for m in range(4, 13)),
        *(date(2024, m, 1) for m in (1, 2, 3)),
    ]
    march, february = summary.trend[-1], summary.trend[-2]
    for point, figures in ((march, expected.current), (february, expected.previous)):
        assert (point.conversations, point.signals_new, point.signals_open) == (
            figures.conversations,
            figures.signals_new,
            figures.signals_open,
        )
    assert all(p.conversations == p.signals_new == 0 for p in summary.trend[:9])


def test_the_same_period_a_year_earlier_has_that_periods_own_figures(
    summary_world: SummaryWorld,
) -> None:
    """A year's previous period and its year earlier are the same days, counted once; a month's
    year earlier is not its previous month."""
    for period in (summary_world.period, Period.year(2024), Period.quarter(2024, 1)):
        summary = _summary(summary_world, "midwolda", period=period)
        earlier = _summary(summary_world, "midwolda", period=period.year_earlier())
        before = _summary(summary_world, "midwolda", period=period.previous())
        assert summary.year_before == earlier.current
        assert summary.previous == before.current
    month = _summary(summary_world, "midwolda")
    assert month.year_before != month.previous  # so the check above can tell them apart


def test_passers_by_of_the_rounds_in_the_period_are_summed_and_said(session: Session) -> None:
    from gebiedsapp.services import koffiekar
    from gebiedsapp.services.reports.brief import sentences

    midwolda = reference_id("area", "midwolda")
    for day, passers, deleted in [(5, 30, False), (19, 12, False), (20, 100, True)]:
        row = koffiekar.start_session(
            session,
            koffiekar.SessionInput(
                area_id=midwolda, day=date(2024, 3, day), start_time=time(10), passers_by=passers
            ),
        )
        if deleted:
            row.soft_delete()
    koffiekar.start_session(
        session,
        koffiekar.SessionInput(
            area_id=midwolda, day=date(2024, 4, 2), start_time=time(10), passers_by=50
        ),
    )
    session.flush()
    summary = area_summary(session, [midwolda], Period.month(2024, 3), today=date(2024, 5, 1))
    assert summary.passers_by == 42
    assert "2 keer met de koffiekar in het gebied, telde 42 voorbijgangers" in sentences(summary)[1]


def test_a_signal_in_an_area_without_a_cbs_buurt_counts_on_its_own_outline(
    session: Session,
) -> None:
    """Parkwijk has no CBS buurt: its open signals are counted on its own (approximate)
    outline, so the map of Winschoten shows them; a closed one is not counted, nor a sensitive
    one (there or in a buurt)."""
    b = Builder(session)
    parkwijk = reference_id("area", "winschoten-parkwijk")
    b.signal(parkwijk, date(2024, 3, 4), ZWERFVUIL, date(2024, 3, 11))
    b.signal(parkwijk, date(2024, 3, 5), ZWERFVUIL, date(2024, 3, 12))
    b.signal(parkwijk, date(2024, 3, 6), ZWERFVUIL, date(2024, 3, 13), [(CLOSE, date(2024, 3, 8))])
    # a sensitive signal is only counted per area and month: on no buurt and no outline
    b.signal(parkwijk, date(2024, 3, 7), SOCIAAL, date(2024, 3, 14))
    centrum = reference_id("area", "winschoten-centrum")
    b.signal(centrum, date(2024, 3, 7), SOCIAAL, date(2024, 3, 14), buurt="BU18950000")
    b.signal(centrum, date(2024, 3, 8), ZWERFVUIL, date(2024, 3, 14), buurt="BU18950000")
    session.flush()
    summary = area_summary(
        session, [reference_id("area", "winschoten")], Period.month(2024, 3), today=TODAY
    )
    counts = {b.name: (b.code, b.open_signals) for b in summary.buurten}
    assert counts["Parkwijk"] == ("gebied:winschoten-parkwijk", 2)
    assert counts["Stadspark"] == ("gebied:winschoten-stadspark", 0)
    assert counts["Winschoten-Noord"] == ("BU18950002", 0)
    assert counts["Winschoten-Centrum"] == ("BU18950000", 1)
    assert summary.current.signals_open == 5
    assert sum(b.open_signals for b in summary.buurten) == 5 - 2
