"""The agenda: rounds and activities before and after today, the villages and wijken not
visited for a while, and the iCalendar file (parsed back here by a small RFC 5545 reader)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import ActivityKind, reference_id
from gebiedsapp.services import activities, agenda, ical
from gebiedsapp.services.activities import ActivityInput
from gebiedsapp.services.koffiekar import SessionInput, start_session
from support.ics_reader import events, unescape, unfold

BEERTA = reference_id("area", "beerta")
SCHEEMDA = reference_id("area", "scheemda")
WINSCHOTEN = reference_id("area", "winschoten")
CENTRUM = reference_id("area", "winschoten-centrum")
TODAY = date(2026, 11, 26)


def _round(session: Session, area: uuid.UUID, day: date, **more: object) -> uuid.UUID:
    return start_session(session, SessionInput(area_id=area, day=day, **more)).id  # type: ignore[arg-type]


def _activity(session: Session, area: uuid.UUID, day: date, **more: object) -> uuid.UUID:
    data = ActivityInput(area_id=area, kind=ActivityKind.BEWONERSAVOND, day=day, subject="Avond")
    return activities.record_activity(session, replace(data, **more), today=TODAY).id  # type: ignore[arg-type]


def test_a_village_not_visited_for_nine_weeks_is_flagged(session: Session) -> None:
    _round(session, BEERTA, TODAY - timedelta(weeks=9))
    _activity(session, SCHEEMDA, TODAY - timedelta(weeks=3))
    _activity(session, BEERTA, TODAY + timedelta(days=10))  # planned: no visit yet
    _round(session, CENTRUM, TODAY - timedelta(days=2))  # a wijk: Winschoten visited too
    gaps = {g.name: g for g in agenda.visit_gaps(session, area_id=None, today=TODAY)}
    assert gaps["Beerta"].last_visit == TODAY - timedelta(weeks=9)
    assert gaps["Beerta"].weeks_since(TODAY) == 9
    assert "Scheemda" not in gaps
    assert "Centrum" not in gaps
    assert "Winschoten" not in gaps
    assert gaps["Parkwijk"].last_visit is None  # never: listed first
    assert "Oldambt" not in gaps  # the municipality is no village
    # a longer threshold: Beerta is fine again
    longer = agenda.visit_gaps(session, area_id=None, today=TODAY, weeks=10)
    assert "Beerta" not in {g.name for g in longer}
    # an area's agenda lists only its own villages and wijken
    assert {g.name for g in agenda.visit_gaps(session, area_id=BEERTA, today=TODAY)} == {"Beerta"}


def test_the_agenda_of_an_area_lists_past_and_upcoming_rounds_and_activities(
    session: Session,
) -> None:
    past = _round(session, BEERTA, TODAY - timedelta(days=5), place="Bij de kerk")
    ahead = _activity(session, BEERTA, TODAY + timedelta(days=7), start_time=time(19, 30))
    _activity(session, SCHEEMDA, TODAY + timedelta(days=3))
    shown = agenda.agenda(session, area_id=BEERTA, today=TODAY)
    assert [i.record_id for i in shown.upcoming] == [ahead]
    assert [i.record_id for i in shown.past] == [past]
    assert shown.past[0].title == "Koffiekar Beerta"
    assert shown.upcoming[0].title == "Bewonersavond Beerta: Avond"
    everything = agenda.agenda(session, area_id=None, today=TODAY)
    assert len(everything.items) == 3
    assert everything.scope_name == "Oldambt"


def test_the_ics_file_is_valid_rfc_5545_and_reads_back(session: Session, tmp_path: Path) -> None:
    subject = "Verkeer, parkeren; en de \\ brug – een héél lang onderwerp " + "é" * 40
    with_time = _activity(
        session,
        BEERTA,
        TODAY + timedelta(days=7),
        start_time=time(19, 30),
        end_time=time(21, 0),
        place="Dorpshuis, zaal 2",
        subject=subject,
        attendance=None,
    )
    all_day = _round(session, SCHEEMDA, TODAY - timedelta(days=5))
    shown = agenda.agenda(session, area_id=None, today=TODAY)
    path = tmp_path / "agenda.ics"
    now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    assert ical.write_ical(path, shown.items, name="Agenda Oldambt", now=now) == 2
    calendar, found = events(path.read_bytes())
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//")
    by_uid = {e["UID"]: e for e in found}
    event = by_uid[f"activiteit-{with_time}@{ical.UID_DOMAIN}"]
    assert unescape(event["SUMMARY"]) == f"Bewonersavond Beerta: {subject}"
    assert unescape(event["LOCATION"]) == "Dorpshuis, zaal 2"
    assert event["DTSTART;TZID=Europe/Amsterdam"] == "20261203T193000"
    assert event["DTEND;TZID=Europe/Amsterdam"] == "20261203T210000"
    assert event["DTSTAMP"] == "20261126T100000Z"
    whole_day = by_uid[f"koffiekar-{all_day}@{ical.UID_DOMAIN}"]
    assert whole_day["DTSTART;VALUE=DATE"] == "20261121"
    assert whole_day["DTEND;VALUE=DATE"] == "20261122"
    assert "TZID:Europe/Amsterdam" in unfold(path.read_bytes())  # the VTIMEZONE is there
    # the same records give the same UIDs in a file made later (Outlook updates, not adds)
    again = ical.to_ical(shown.items, name="x", now=now + timedelta(days=1)).encode()
    assert {e["UID"] for e in events(again)[1]} == set(by_uid)


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "ë" * 100
    folded = ical.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line


def test_the_threshold_is_kept_in_the_database_and_checked(session: Session) -> None:
    from gebiedsapp.services.errors import ValidationError

    assert agenda.weeks_setting(session) == agenda.DEFAULT_WEEKS
    agenda.set_weeks_setting(session, 12)
    assert agenda.weeks_setting(session) == 12
    with pytest.raises(ValidationError, match="1 tot en met 104"):
        agenda.set_weeks_setting(session, 0)
    assert agenda.weeks_setting(session) == 12
