"""CBS Kerncijfers from a StatLine CSV: columns found by name, "." as missing, padded codes,
another municipality's file or a non-CSV refused with nothing changed, a re-import of a year
replacing it; and an area's population from its buurten (unknown where it has none)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import CbsFigures
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import cbs_import, teams
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.population import population
from gebiedsapp.storage.database import Database
from support import cbs_file


def _import(session: Session, text: str, *, year: int | None = 2024) -> cbs_import.CbsPreview:
    preview = cbs_import.preview_figures(session, cbs_import.read_table(text.encode()), year=year)
    cbs_import.store_figures(session, preview)
    session.flush()
    return preview


def _rows(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CbsFigures)) or 0


def test_a_statline_file_is_read_by_column_names(session: Session) -> None:
    preview = _import(session, cbs_file.statline_text())
    assert (preview.count("gemeente"), preview.count("wijk"), preview.count("buurt")) == (1, 11, 50)
    assert preview.refused == ()
    first = cbs_file.buurten()[0]
    stored = session.get(CbsFigures, (first, 2024))
    assert stored is not None
    assert stored.name == "Winschoten-Centrum"  # the typed file names by code: the app's name
    assert stored.inhabitants == cbs_file.inhabitants_of(first)
    assert stored.households == cbs_file.households_of(first)
    assert stored.age_0_15 == stored.inhabitants // 5
    assert stored.kind == "buurt"
    other = json.loads(stored.other)
    assert other["GemiddeldeHuishoudensgrootte"] == 2.1
    assert "Gehuwd" not in other  # "." is missing, not zero
    assert "Bevolkingsdichtheid" not in preview.other_columns  # missing everywhere
    assert "MeestVoorkomendePostcode" not in other
    assert "ID" not in other
    assert "IndelingswijzigingWijkenEnBuurten" not in other


def test_columns_in_another_order_and_numbering_are_found(session: Session) -> None:
    text = 'Codering_7;AantalInwoners_2;HuishoudensTotaal_90\n"BU18950000  ";1.250;"."\n'
    preview = cbs_import.preview_figures(session, cbs_import.read_table(text.encode()), year=2023)
    # the plain typed file writes no thousands separator: 1.250 is one and a quarter
    assert preview.rows[0].counts["inhabitants"] == 1
    assert preview.rows[0].counts["households"] is None


def test_bad_rows_are_refused_with_a_dutch_reason(session: Session) -> None:
    extra = (cbs_file.row(90, "BU18950000", "abc"), cbs_file.row(91, "XX", "5"))
    preview = cbs_import.preview_figures(
        session, cbs_import.read_table(cbs_file.statline_text(extra=extra).encode()), year=2024
    )
    reasons = [(r.line, r.reason) for r in preview.refused]
    assert reasons == [  # line 1 is the header, 2 the gemeente, 3-63 the wijken and buurten
        (64, "Deze code staat al eerder in het bestand."),
        (65, "Geen CBS-code van een gemeente, wijk of buurt."),
    ]
    bad_number = cbs_file.statline_text(extra=(cbs_file.row(92, "BU18959998", "abc"),))
    preview = cbs_import.preview_figures(
        session, cbs_import.read_table(bad_number.encode()), year=2024
    )
    assert [r.reason for r in preview.refused] == ["Aantal inwoners: 'abc' is geen getal."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (cbs_file.statline_text(municipality="Pekela").encode(), "geen cijfers van Oldambt"),
        (b"Naam;Adres\nPiet;Dorpsstraat 1\n", "geen CSV-bestand met de Kerncijfers"),
        (b"PK\x03\x04 an xlsx workbook", "geen CSV-bestand met de Kerncijfers"),
        (b"Codering_3;Mannen_6\nGM1895;3\n", "mist de kolom 'Aantal inwoners'"),
        (b"", "leeg"),
    ],
)
def test_a_wrong_file_is_refused_and_nothing_changes(
    session: Session, data: bytes, message: str
) -> None:
    _import(session, cbs_file.statline_text())
    before = _rows(session)

    def check() -> None:
        cbs_import.preview_figures(session, cbs_import.read_table(data), year=2024)

    with pytest.raises(ValidationError) as raised:
        check()
    assert message in raised.value.message
    assert _rows(session) == before


def test_the_year_comes_from_the_file_name_or_is_asked_for(session: Session) -> None:
    assert cbs_import.year_from_name("85984NED_TypedDataSet_06122026.csv") == 2024
    assert cbs_import.year_from_name("Kerncijfers_wijken_en_buurten_2023.csv") == 2023
    assert cbs_import.year_from_name("export.csv") is None
    table = cbs_import.read_table(cbs_file.statline_text().encode())
    with pytest.raises(ValidationError, match="jaar"):
        cbs_import.preview_figures(session, table, year=None)


def test_a_reimport_of_a_year_replaces_it_and_keeps_other_years(session: Session) -> None:
    _import(session, cbs_file.statline_text(), year=2023)
    _import(session, cbs_file.statline_text(), year=2024)
    assert _rows(session) == 2 * 62
    only = tuple(cbs_file.buurten()[:3])
    preview = _import(session, cbs_file.statline_text(only=only), year=2024)
    assert preview.replaces == 62
    years = dict(
        session.execute(select(CbsFigures.year, func.count()).group_by(CbsFigures.year)).all()
    )
    assert years == {2023: 62, 2024: 4}  # the gemeente and the three buurten


def test_population_of_an_area_is_the_sum_of_its_buurten(session: Session) -> None:
    winschoten = reference_id("area", "winschoten")
    assert population(session, [winschoten]) is None  # nothing imported: nothing said
    _import(session, cbs_file.statline_text())
    linked = [c for c in cbs_file.buurten() if c.startswith("BU189500")]
    known = population(session, [winschoten])
    assert known is not None
    assert known.year == 2024
    assert known.inhabitants == sum(cbs_file.inhabitants_of(c) for c in linked)
    assert known.households == sum(cbs_file.households_of(c) for c in linked)
    parkwijk = population(session, [reference_id("area", "winschoten-parkwijk")])
    assert parkwijk is not None
    assert parkwijk.inhabitants is None
    assert not parkwijk.known
    assert "niet aan een CBS-buurt gekoppeld" in parkwijk.reason
    assert parkwijk.per_thousand(5) is None
    whole = population(session, [uuid.uuid4()], municipality=True)
    assert whole is not None
    assert whole.inhabitants == sum(cbs_file.inhabitants_of(c) for c in cbs_file.buurten())


def test_an_area_with_a_buurt_without_figures_is_unknown(session: Session) -> None:
    only = tuple(c for c in cbs_file.buurten() if c != "BU18950000")
    _import(session, cbs_file.statline_text(only=only))
    centrum = population(session, [reference_id("area", "winschoten-centrum")])
    assert centrum is not None
    assert centrum.inhabitants is None
    assert "BU18950000" in centrum.reason


def test_only_a_beheerder_may_import(database: Database) -> None:
    with database.unit_of_work("anna") as session:  # the first beheerder names herself
        member = teams.add_member(session, name="Anna Beheer")
        member.account = "anna"
        session.flush()
        teams.set_beheerder(session, member.id, True)
    table = cbs_import.read_table(cbs_file.statline_text().encode())
    with database.unit_of_work("piet") as session:
        preview = cbs_import.preview_figures(session, table, year=2024)
        with pytest.raises(ValidationError, match="beheerder"):
            cbs_import.store_figures(session, preview)
    with database.read_session() as session:
        assert _rows(session) == 0
    with database.unit_of_work("anna") as session:
        assert cbs_import.store_figures(session, preview) == 62


def test_a_labelled_export_with_dutch_numbers_is_read(session: Session, tmp_path: Path) -> None:
    text = (
        '"Kerncijfers wijken en buurten 2024"\n'
        '"Wijken en buurten";"Gemeentenaam";"Soort regio";"Codering";'
        '"Aantal inwoners (aantal)";"Huishoudens totaal (aantal)";'
        '"Gemiddelde huishoudensgrootte (aantal)"\n'
        '"Oldambt";"Oldambt";"Gemeente";"GM1895";"38.012";"18.900";"2,0"\n'
    )
    preview = cbs_import.preview_figures(session, cbs_import.read_table(text.encode()), year=2024)
    row = preview.rows[0]
    assert row.counts["inhabitants"] == 38012
    assert row.other["Gemiddelde huishoudensgrootte (aantal)"] == 2.0


def test_a_buurt_two_areas_share_is_said_beside_their_population(session: Session) -> None:
    _import(session, cbs_file.statline_text())
    lanen = population(session, [reference_id("area", "winschoten-lanengebied")])
    assert lanen is not None
    assert lanen.inhabitants == cbs_file.inhabitants_of("BU18950007")
    assert lanen.shared_with == ("St. Vitusholt",)
    assert "gedeeld met St. Vitusholt" in lanen.shared_note
    # Winschoten holds both: nothing shared outside it (its parent Oldambt is above it)
    whole = population(session, [reference_id("area", "winschoten")])
    assert whole is not None
    assert whole.shared_with == ()
