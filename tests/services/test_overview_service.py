"""The area page's numbers: header (team, buurten) and koffiekar figures over the subtree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Conversation,
    Handling,
    KoffiekarSession,
    Role,
    Theme,
    reference_id,
)
from gebiedsapp.services import teams
from gebiedsapp.services.overview import area_figures, area_header

TODAY = date(2026, 6, 1)


def _session(session: Session, area_key: str, day: date, themes: list[list[str]]) -> None:
    """A koffiekar session with one conversation per entry of `themes` (theme keys)."""
    koffiekar = KoffiekarSession(
        area_id=reference_id("area", area_key), date=day, start_time=time(10), place="plein"
    )
    session.add(koffiekar)
    session.flush()
    for keys in themes:
        conversation = Conversation(
            session_id=koffiekar.id, summary="gesprek", handling=Handling.TER_PLEKKE
        )
        conversation.themes = [session.get_one(Theme, reference_id("theme", k)) for k in keys]
        session.add(conversation)
    session.flush()


def test_header_has_team_path_and_buurten(session: Session) -> None:
    member = teams.add_member(session, name="Freek Oefenga")
    beerta = reference_id("area", "beerta")
    teams.assign(session, member_id=member.id, area_id=beerta, role=Role.OPBOUWWERKER,
                 start_date=date(2025, 1, 1))  # fmt: skip
    header = area_header(session, beerta, today=TODAY)
    assert header.area.name == "Beerta"
    assert header.path == ("Oldambt",)
    assert header.team == {Role.OPBOUWWERKER: ("Freek Oefenga",)}
    assert ("BU18950300", "Beerta-Centrum") in header.buurten
    assert header.sub_areas == 0
    assert header.team_members_total == 1
    winschoten = area_header(session, reference_id("area", "winschoten"), today=TODAY)
    assert winschoten.sub_areas == 10  # the Winschoten wijken people name in speech
    assert (winschoten.cbs_wijken_total, winschoten.cbs_buurten_total) == (11, 50)


def test_figures_count_the_subtree_and_the_last_twelve_months(session: Session) -> None:
    _session(session, "winschoten-centrum", date(2026, 5, 1), [["eenzaamheid"], ["ouderen"]])
    _session(session, "winschoten", date(2025, 9, 1), [["eenzaamheid", "armoede-en-schulden"]])
    _session(session, "winschoten", date(2025, 1, 1), [["ouderen"]])  # older than 12 months
    _session(session, "beerta", date(2026, 5, 2), [["eenzaamheid"]])  # another kern

    winschoten = area_header(session, reference_id("area", "winschoten"), today=TODAY)
    figures = area_figures(session, winschoten.area_ids, today=TODAY)
    assert (figures.sessions, figures.conversations) == (2, 3)
    assert figures.top_themes[0] == ("Eenzaamheid", 2)
    assert set(figures.top_themes[1:]) == {("Ouderen", 1), ("Armoede en schulden", 1)}
    assert [r.day for r in figures.recent] == [date(2026, 5, 1), date(2025, 9, 1), date(2025, 1, 1)]
    assert figures.recent[0].area_name == "Centrum"
    assert figures.recent[0].conversations == 2

    everything = area_header(session, reference_id("area", "oldambt"), today=TODAY)
    whole = area_figures(session, everything.area_ids, today=TODAY)
    assert (whole.sessions, whole.conversations) == (3, 4)


def test_removed_conversations_do_not_count(session: Session) -> None:
    _session(session, "beerta", date(2026, 5, 2), [["eenzaamheid"], ["ouderen"]])
    conversation = session.query(Conversation).filter_by(summary="gesprek").first()
    assert conversation is not None
    conversation.soft_delete()
    session.flush()
    beerta = area_header(session, reference_id("area", "beerta"), today=TODAY)
    figures = area_figures(session, beerta.area_ids, today=TODAY)
    assert figures.conversations == 1
    assert len(figures.top_themes) == 1


def test_figures_count_the_initiatives_running_today_in_the_subtree(session: Session) -> None:
    from gebiedsapp.domain import InitiativeStatus
    from gebiedsapp.services.initiatives import (
        InitiativeInput,
        create_initiative,
        remove_initiative,
    )

    def add(area_key: str, title: str, **changes: object) -> None:
        data = InitiativeInput(
            area_id=reference_id("area", area_key), title=title, started_on=date(2026, 3, 1)
        )
        row = create_initiative(session, replace(data, **changes), today=TODAY)  # type: ignore[arg-type]
        if title == "Vergissing":
            remove_initiative(session, row.id)

    add("winschoten-centrum", "Moestuin")  # in a sub-area: counts for Winschoten
    add("winschoten", "Speeltuin", status=InitiativeStatus.UITVOERING)
    add("winschoten", "Feest", status=InitiativeStatus.AFGEROND, ended_on=date(2026, 5, 1))
    add("winschoten", "Vergissing")  # removed
    add("beerta", "Bankje")  # another kern
    winschoten = area_header(session, reference_id("area", "winschoten"), today=TODAY)
    assert area_figures(session, winschoten.area_ids, today=TODAY).initiatives_running == 2
    everything = area_header(session, reference_id("area", "oldambt"), today=TODAY)
    assert area_figures(session, everything.area_ids, today=TODAY).initiatives_running == 3
