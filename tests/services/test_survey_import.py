"""Inwonersenquête import: per respondent and aggregated files, CSV and XLSX, personal columns
refused by name and by content, nothing written by the preview, at least 10 respondents shown."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditEntry, SurveyResult
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.import_files import read_table
from gebiedsapp.services.period import Period
from gebiedsapp.services.survey import TOO_FEW, survey_lines
from gebiedsapp.services.survey_import import import_survey, preview_survey, suggest_mapping
from support.survey_files import (
    AGGREGATED_HEADER,
    AGGREGATED_ROWS,
    PER_RESPONDENT_HEADER,
    csv_bytes,
    per_respondent_rows,
    xlsx_bytes,
)

TODAY = date(2026, 6, 1)
YEAR_2025 = Period(date(2025, 1, 1), date(2025, 12, 31))
SAFE = "Voelt u zich veilig?"
GREEN = "Tevredenheid groen (1-10)"


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SurveyResult)) or 0


def _area_ids(session: Session, *names: str) -> list[object]:
    from gebiedsapp.domain import Area

    return list(session.scalars(select(Area.id).where(Area.name.in_(names))))


def _per_respondent(session: Session, data: bytes):  # type: ignore[no-untyped-def]
    table = read_table(data)
    mapping = suggest_mapping(table.header)
    assert mapping == {"area": "Gebied", "respondent": "Respondent"}
    return preview_survey(
        session, table, mapping, wave=2025, themes={SAFE: "Overlast en onveiligheid"}, today=TODAY
    )


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ","), ("utf-16", "\t")],
    ids=["utf8", "utf8-bom", "windows-1252", "excel-unicode-text"],
)
def test_a_file_per_respondent_is_counted_up_per_area_and_question(
    session: Session, encoding: str, delimiter: str
) -> None:
    rows = per_respondent_rows()
    rows.append(["99", "Atlantis", "5", "ja"])
    rows.append(["100", "", "6", "nee"])
    rows.append(["101", "Midwolda", "", ""])
    data = csv_bytes(PER_RESPONDENT_HEADER, rows, delimiter=delimiter, encoding=encoding)
    preview = _per_respondent(session, data)
    assert preview.per_respondent
    assert preview.rows == 17
    reasons = {row.line: row.reason for row in preview.invalid}
    assert reasons == {
        19: "Onbekend gebied 'Atlantis'.",
        20: "Het gebied ontbreekt.",
        21: "De regel bevat geen enkel antwoord.",
    }
    names = preview.area_names
    found = {(names[o.area_id], o.question): o for o in preview.outcomes}
    green = found[("Midwolda", GREEN)]
    assert (green.respondents, green.score, green.wave) == (12, 7.5, 2025)
    safe = found[("Midwolda", SAFE)]
    assert (safe.respondents, safe.answer, safe.share, safe.score) == (12, "ja", 75.0, None)
    assert preview.theme_names[safe.theme_id] == "Overlast en onveiligheid"  # type: ignore[index]
    assert found[("Scheemda", GREEN)].respondents == 5
    assert _count(session) == 0  # the preview writes nothing


def test_an_xlsx_file_per_respondent_reads_the_same(session: Session) -> None:
    rows = [[int(r[0]), r[1], int(r[2]), r[3]] for r in per_respondent_rows()]
    preview = _per_respondent(session, xlsx_bytes(PER_RESPONDENT_HEADER, rows))
    assert preview.rows == 17
    assert not preview.invalid
    assert {o.score for o in preview.outcomes if o.question == GREEN} == {7.5, 7.6}


def test_an_aggregated_xlsx_file_with_bad_rows_imports_only_the_valid_part(
    session: Session,
) -> None:
    table = read_table(xlsx_bytes(AGGREGATED_HEADER, AGGREGATED_ROWS))
    mapping = suggest_mapping(table.header)
    assert mapping == {
        "area": "Gebied",
        "wave": "Jaar",
        "question": "Vraag",
        "respondents": "Aantal respondenten",
        "score": "Gemiddelde",
        "answer": "Antwoord",
        "share": "Percentage",
        "theme": "Thema",
    }
    preview = preview_survey(session, table, mapping, today=TODAY)
    assert not preview.per_respondent
    assert [(row.line, row.reason) for row in preview.invalid] == [
        (5, "Onbekend gebied 'Atlantis'."),
        (6, "Aantal respondenten 'veel' is geen heel getal."),
    ]
    with pytest.raises(ValidationError, match="2 van de 5 regels zijn ongeldig"):
        import_survey(session, preview)
    assert _count(session) == 0
    assert import_survey(session, preview, accept_valid=True) == 3
    session.commit()
    assert _count(session) == 3
    detail = session.scalars(select(AuditEntry.detail).order_by(AuditEntry.seq.desc())).first()
    assert detail == "3 enquête-uitkomsten uit 3 regels, 2 ongeldige regels overgeslagen"

    lines = survey_lines(session, _area_ids(session, "Midwolda", "Scheemda"), YEAR_2025)
    shown = {(line.area, line.question): line for line in lines}
    lonely = shown[("Midwolda", "Voelt u zich eenzaam?")]
    assert (lonely.result, lonely.theme) == ("21% vaak", "Eenzaamheid")
    assert shown[("Midwolda", "Hoe tevreden bent u over het groen?")].result == "gemiddeld 6,8"
    # 7 respondents: stored, never shown
    assert shown[("Scheemda", "Voelt u zich eenzaam?")].result == TOO_FEW
    assert shown[("Scheemda", "Voelt u zich eenzaam?")].suppressed


def test_importing_the_same_wave_again_replaces_its_outcomes(session: Session) -> None:
    data = csv_bytes(PER_RESPONDENT_HEADER, per_respondent_rows())
    import_survey(session, _per_respondent(session, data))
    session.commit()
    again = csv_bytes(PER_RESPONDENT_HEADER, per_respondent_rows(scheemda=10))
    import_survey(session, _per_respondent(session, again))
    session.commit()
    assert _count(session) == 4
    lines = survey_lines(session, _area_ids(session, "Scheemda"), YEAR_2025)
    assert {line.respondents for line in lines} == {10}
    assert TOO_FEW not in {line.result for line in lines}


@pytest.mark.parametrize(
    ("header", "cell", "named"),
    [
        ("Naam", "Jan", "'Naam' (naam van de kolom)"),
        ("E-mail", "", "'E-mail' (naam van de kolom)"),
        ("Telefoonnummer", "", "'Telefoonnummer' (naam van de kolom)"),
        ("Geboortedatum", "", "'Geboortedatum' (naam van de kolom)"),
        ("BSN", "", "'BSN' (naam van de kolom)"),
        ("IP-adres", "", "'IP-adres' (naam van de kolom)"),
        ("Opmerking", "mail me: j.jansen@example.nl", "'Opmerking' (e-mailadres op regel 3)"),
        ("Toelichting", "bel 06-12345678", "'Toelichting' (telefoonnummer op regel 3)"),
        ("Bron", "192.168.10.4", "'Bron' (IP-adres op regel 3)"),
        ("Woonplek", "9675 AB 12", "'Woonplek' (postcode met huisnummer op regel 3)"),
        ("Postcode", "9675 AB", "'Postcode' (volledige postcode op regel 3)"),
        ("Nummer", "111222333", "'Nummer' (BSN op regel 3)"),
    ],
)
def test_a_personal_column_refuses_the_whole_file_naming_it(
    session: Session, header: str, cell: str, named: str
) -> None:
    rows = [[*row, ""] for row in per_respondent_rows()]
    rows[1][-1] = cell
    table = read_table(csv_bytes([*PER_RESPONDENT_HEADER, header], rows))
    with pytest.raises(ValidationError) as refused:
        preview_survey(session, table, {"area": "Gebied"}, wave=2025, today=TODAY)
    assert named in refused.value.message
    assert "persoonsgegevens" in refused.value.message
    assert "verwijder die kolom uit het bestand" in refused.value.message
    assert _count(session) == 0


def test_columns_about_places_and_answers_are_not_personal(session: Session) -> None:
    question = "Weet u bij welk adres of telefoonnummer u terecht kunt?"
    header = [*PER_RESPONDENT_HEADER, "Buurtnaam", "Postcode", "Cijfer", question]
    rows = [[*row, "Centrum", "9675", "0612", "ja"] for row in per_respondent_rows()]
    table = read_table(csv_bytes(header, rows))
    preview = preview_survey(
        session, table, {"area": "Gebied", "respondent": "Respondent"}, wave=2025, today=TODAY
    )
    assert not preview.invalid


def test_two_personal_columns_are_both_named(session: Session) -> None:
    rows = [[*row, "x", "y"] for row in per_respondent_rows()]
    table = read_table(csv_bytes([*PER_RESPONDENT_HEADER, "Voornaam", "Adres"], rows))
    with pytest.raises(ValidationError, match=r"Deze kolommen lijken .*'Voornaam'.*'Adres'"):
        preview_survey(session, table, {"area": "Gebied"}, wave=2025, today=TODAY)


def test_without_a_year_or_a_known_theme_the_mapping_is_refused(session: Session) -> None:
    table = read_table(csv_bytes(PER_RESPONDENT_HEADER, per_respondent_rows()))
    with pytest.raises(ValidationError, match="jaar van de enquête"):
        preview_survey(session, table, {"area": "Gebied"}, today=TODAY)
    with pytest.raises(ValidationError, match="Onbekend thema 'Ruimtevaart'"):
        preview_survey(session, table, {"area": "Gebied"}, wave=2025, themes={SAFE: "Ruimtevaart"})
    with pytest.raises(ValidationError, match="Kolom 'Dorp' staat niet in het bestand"):
        preview_survey(session, table, {"area": "Dorp"}, wave=2025, today=TODAY)
