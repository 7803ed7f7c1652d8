"""CSV import of signals: hostile files read safely, every row checked, only valid rows written."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, Priority, Signal, SignalCategory, SignalSource, SignalStatus
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.services import signal_import
from gebiedsapp.services import signals as signal_service
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.taxonomy import TaxonomyKind, set_retired
from support import signalen_file

TODAY = date(2026, 6, 1)
MAPPING = {
    "description": "Omschrijving",
    "category": "Categorie",
    "area": "Dorp",
    "buurt": "Buurt",
    "reported_on": "Datum",
    "priority": "Urgentie",
    "wants_feedback": "Terugmelden",
}
HEADER = "Omschrijving;Categorie;Dorp;Buurt;Datum;Urgentie;Terugmelden\n"


def _preview(session: Session, text: str) -> signal_import.ImportPreview:
    table = signal_import.read_csv(text.encode("utf-8"))
    return signal_import.preview_import(session, table, MAPPING, today=TODAY)


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Signal)) or 0


def _category(session: Session, name: str) -> SignalCategory:
    return session.scalars(
        select(SignalCategory).where(
            SignalCategory.name == name, SignalCategory.parent_id.is_not(None)
        )
    ).one()


# --- reading ---------------------------------------------------------------------------------


def test_reads_semicolons_with_bom_and_commas_in_cp1252() -> None:
    semicolons = signal_import.read_csv(b"\xef\xbb\xbfA;B\r\n1;twee, drie\r\n")
    assert semicolons.header == ["A", "B"]
    assert semicolons.rows == [(2, ["1", "twee, drie"])]
    assert (semicolons.delimiter, semicolons.encoding) == (";", "utf-8-sig")

    commas = signal_import.read_csv('A,B\nCafé,"x;y"\n'.encode("cp1252"))
    assert commas.rows == [(2, ["Café", "x;y"])]
    assert (commas.delimiter, commas.encoding) == (",", "cp1252")


UNICODE_TEXT = (
    "beschrijving\tcategorie\tgebied\nLamp kapot ☀ bij Ωmega\tStraatverlichting\tBeerta\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_LE + UNICODE_TEXT.encode("utf-16-le"), "utf-16-le"),  # Excel
        (codecs.BOM_UTF16_BE + UNICODE_TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF8 + UNICODE_TEXT.encode(), "utf-8-sig"),
        (codecs.BOM_UTF32_LE + UNICODE_TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_excel_unicode_text_is_read_by_its_byte_order_mark_and_tabs(
    data: bytes, encoding: str
) -> None:
    """Excel's "Unicode-tekst": UTF-16 LE with a BOM, tab separated (issue 14, item 9)."""
    table = signal_import.read_csv(data)
    assert table.header == ["beschrijving", "categorie", "gebied"]
    assert table.rows == [(2, ["Lamp kapot ☀ bij Ωmega", "Straatverlichting", "Beerta"])]
    assert (table.delimiter, table.encoding) == ("\t", encoding)
    assert signal_import.suggest_mapping(table.header) == {
        "description": "beschrijving", "category": "categorie", "area": "gebied",
    }  # fmt: skip


def test_a_broken_character_refuses_its_row_in_dutch_and_nothing_else(session: Session) -> None:
    """A lone surrogate (half a UTF-16 pair) never reaches the database or the screen as it is:
    its row is refused with a reason, shown as U+FFFD; the other rows are read as usual."""
    text = (
        "Omschrijving\tCategorie\tDorp\n"
        "Lamp kapot \ud83d bij de kerk\tStraatverlichting\tBeerta\n"
        "Zwerfvuil bij de school\tZwerfvuil\tBeerta\n"
    )
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors="surrogatepass")
    table = signal_import.read_csv(data)
    mapping = signal_import.suggest_mapping(table.header)
    preview = signal_import.preview_import(session, table, mapping, today=date(2026, 3, 2))
    assert [row.line for row in preview.valid] == [3]
    (refused,) = preview.invalid
    assert refused.line == 2
    assert refused.reason == (
        "De regel bevat een teken dat niet kan worden gelezen (hier getoond als \ufffd); "
        "verbeter de tekst in het bronbestand."
    )
    assert refused.cells["description"] == "Lamp kapot \ufffd bij de kerk"
    (refused.reason + "".join(refused.cells.values())).encode("utf-8")  # printable anywhere
    assert signal_import.import_signals(session, preview, accept_valid=True) == 1


def test_a_broken_character_in_utf8_is_not_read_as_cp1252() -> None:
    data = "A;B\nkapot \ud800;één\n".encode(errors="surrogatepass")
    table = signal_import.read_csv(data)
    assert table.encoding == "utf-8"
    assert table.rows[0][1][1] == "één"


def test_line_numbers_follow_the_file_including_multiline_cells() -> None:
    table = signal_import.read_csv(b'A;B\n"een\ntwee";1\n\n3;4\n')
    assert table.rows == [(2, ["een\ntwee", "1"]), (5, ["3", "4"])]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leeg"),
        (b" \n\n ", "leeg"),
        (b";;;\n", "geen kopregel"),
        (b"A;B\n" + b"x" * (signal_import.MAX_FIELD + 1) + b";1\n", "meer dan 100000 tekens"),
    ],
)
def test_unreadable_files_give_one_dutch_error(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        signal_import.read_csv(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2_000))
def test_random_bytes_give_rows_or_a_clear_error(data: bytes) -> None:
    message: str | None
    try:
        table = signal_import.read_csv(data)
    except ValidationError as exc:
        message = exc.message
    else:
        message = None
        assert table.delimiter in ";\t,"
        assert all(isinstance(cell, str) for _line, row in table.rows for cell in row)
    assert message is None or message.startswith(("Het bestand", "De kopregel", "Regel "))


# --- mapping ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({**MAPPING, "kleur": "Dorp"}, "Onbekend veld 'kleur'"),
        ({"description": "Omschrijving", "area": "Dorp"}, "Koppel ook: category"),
        ({**MAPPING, "area": "Kern"}, "Kolom 'Kern' staat niet in het bestand"),
    ],
)
def test_bad_mappings_are_refused(session: Session, mapping: dict[str, str], message: str) -> None:
    table = signal_import.read_csv(HEADER.encode())
    with pytest.raises(ValidationError, match=message):
        signal_import.preview_import(session, table, mapping, today=TODAY)


def test_parse_mapping() -> None:
    assert signal_import.parse_mapping(["area=Dorp", " category = Soort melding "]) == {
        "area": "Dorp",
        "category": "Soort melding",
    }
    with pytest.raises(ValidationError, match="veld=kolom"):
        signal_import.parse_mapping(["area"])


# --- preview ---------------------------------------------------------------------------------


def test_preview_lists_every_invalid_row_with_its_reason(session: Session) -> None:
    text = HEADER + (
        "Zwerfvuil bij de school;Afval / Zwerfvuil;Beerta;BU18950300;03-02-2026;hoog;ja\n"
        "Lamp kapot;straatverlichting;beerta;beerta-centrum;2026-02-03;;nee\n"
        "Veel troep;overig;Midwolda;;2026-01-05T10:15:00;Normaal;\n"
        "Iets;Vliegende schotels;Beerta;;03-02-2026;;\n"
        "Iets;Zwerfvuil;Atlantis;;03-02-2026;;\n"
        "Iets;Zwerfvuil;Beerta;BU00000000;03-02-2026;;\n"
        "Iets;Zwerfvuil;Beerta;;31-02-2026;;\n"
        "Iets;Zwerfvuil;Beerta;;gisteren;;\n"
        ";Zwerfvuil;Beerta;;03-02-2026;;\n"
        + "x"
        * (signal_service.MAX_DESCRIPTION + 1)
        + ";Zwerfvuil;Beerta;;03-02-2026;;\n"
        "Iets;Zwerfvuil;Beerta;;03-02-2027;;\n"
        "Iets;Zwerfvuil;Beerta;;03-02-2026;dringend;misschien\n"
        "Afgebroken regel;Zwerfvuil\n"
    )
    preview = _preview(session, text)
    assert [row.line for row in preview.valid] == [2, 3, 4]
    first, second, third = preview.valid
    assert first.priority is Priority.HOOG
    assert first.wants_feedback
    assert first.buurt_code == "BU18950300"
    assert first.reported_on == date(2026, 2, 3)
    assert second.buurt_code == "BU18950300"  # by name, case-insensitive
    assert second.category_id == _category(session, "Straatverlichting").id
    assert third.category_id == _category(session, "Overig").id  # the subcategory is meant
    assert third.reported_on == date(2026, 1, 5)
    reasons = {row.line: row.reason for row in preview.invalid}
    assert reasons == {
        5: "Onbekende categorie 'Vliegende schotels'.",
        6: "Onbekend gebied 'Atlantis'.",
        7: "Onbekende buurt 'BU00000000' in gebied 'Beerta'.",
        8: "Ongeldige datum '31-02-2026' (gebruik dd-mm-jjjj of jjjj-mm-dd).",
        9: "Ongeldige datum 'gisteren' (gebruik dd-mm-jjjj of jjjj-mm-dd).",
        10: "De beschrijving is leeg.",
        11: f"De beschrijving is te lang (hoogstens {signal_service.MAX_DESCRIPTION} tekens).",
        12: "De meldingsdatum ligt in de toekomst.",
        13: "Onbekende prioriteit 'dringend' (laag, normaal, hoog). "
        "Terugkoppeling 'misschien' is geen ja of nee.",
        14: "De regel is onvolledig (2 van 7 kolommen). Het gebied ontbreekt. "
        "De meldingsdatum ontbreekt.",
    }
    assert _count(session) == 0  # the preview writes nothing


def test_retired_category_is_not_offered_for_import(session: Session) -> None:
    zwerfvuil = _category(session, "Zwerfvuil")
    set_retired(session, TaxonomyKind.CATEGORY, zwerfvuil.id, retired=True)
    preview = _preview(session, HEADER + "Troep;Afval / Zwerfvuil;Beerta;;03-02-2026;;\n")
    assert not preview.valid
    assert preview.invalid[0].reason == "De categorie 'Afval / Zwerfvuil' wordt niet meer gebruikt."


# --- import ----------------------------------------------------------------------------------


def test_nothing_is_written_unless_the_valid_part_is_accepted(session: Session) -> None:
    text = HEADER + (
        "=cmd|' /C calc'!A0;Afval / Zwerfvuil;Beerta;;03-02-2026;;ja\n"
        "Iets;Vliegende schotels;Beerta;;03-02-2026;;\n"
    )
    preview = _preview(session, text)
    with pytest.raises(ValidationError, match="1 van de 2 regels zijn ongeldig"):
        signal_import.import_signals(session, preview)
    assert _count(session) == 0

    assert signal_import.import_signals(session, preview, accept_valid=True) == 1
    signal = session.scalars(select(Signal)).one()
    zwerfvuil = _category(session, "Zwerfvuil")
    assert signal.description == "=cmd|' /C calc'!A0"  # stored as text, never evaluated
    assert signal.status is SignalStatus.GEMELD
    assert signal.source is SignalSource.TELEFOON
    assert signal.category_id == zwerfvuil.id
    assert signal.partner_id == zwerfvuil.default_partner_id
    assert signal.deadline == compute_deadline(
        date(2026, 2, 3), zwerfvuil.term, zwerfvuil.term_unit
    )
    assert signal.wants_feedback
    assert signal.created_by == "test"
    assert signal_service.replay_status(session, signal.id) is SignalStatus.GEMELD


def test_a_fully_valid_file_imports_without_asking(session: Session) -> None:
    text = HEADER + "".join(
        f"Melding {i};Zwerfvuil;Beerta;;0{i}-02-2026;laag;\n" for i in range(1, 6)
    )
    preview = _preview(session, text)
    assert (len(preview.valid), preview.invalid) == (5, [])
    assert signal_import.import_signals(session, preview) == 5
    assert _count(session) == 5


_CELL = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
) | st.sampled_from(["Zwerfvuil", "Beerta", "03-02-2026", "Afval / Zwerfvuil", '"', ";", "\n"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.lists(_CELL, max_size=9), max_size=8),
    st.sampled_from([";", ","]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    st.binary(max_size=200),
)
def test_fuzzed_rows_are_previewed_without_writing(
    session: Session, rows: list[list[str]], delimiter: str, encoding: str, tail: bytes
) -> None:
    before = _count(session)
    body = HEADER.replace(";", delimiter) + "\n".join(delimiter.join(row) for row in rows)
    data = body.encode(encoding, errors="replace") + tail
    try:
        table = signal_import.read_csv(data)
        preview = signal_import.preview_import(session, table, MAPPING, today=TODAY)
    except ValidationError as exc:
        message: str | None = exc.message
    else:
        message = None
        assert preview.total == len(table.rows)
        assert all(row.reason for row in preview.invalid)
        assert all(row.description for row in preview.valid)
    assert message is None or message.startswith(("Het bestand", "De kopregel", "Regel "))
    assert _count(session) == before
    assert not session.new
    assert not session.dirty


def test_suggest_mapping_matches_names_and_synonyms_once_each() -> None:
    header = ["Nr", "Omschrijving", "Sub-categorie", "Dorp", "Buurt", "Datum", "Datum", "x", ""]
    assert signal_import.suggest_mapping(header) == {
        "description": "Omschrijving",
        "category": "Sub-categorie",
        "area": "Dorp",
        "buurt": "Buurt",
        "reported_on": "Datum",
    }
    assert signal_import.suggest_mapping(["description", "AREA", "category"]) == {
        "description": "description",
        "category": "category",
        "area": "AREA",
    }
    assert signal_import.suggest_mapping([]) == {}


def test_coordinates_are_imported_when_mapped_and_checked(session: Session) -> None:
    text = (
        "Omschrijving;Categorie;Dorp;Lat;Lon\n"
        "Lamp kapot;Zwerfvuil;Beerta;53,1712;7,0341\n"  # decimal comma
        "Vuil;Zwerfvuil;Beerta;53.17;7.03\n"  # decimal point
        "Zonder plek;Zwerfvuil;Beerta;;\n"  # none: fine
        "Half;Zwerfvuil;Beerta;53,17;\n"
        "Amsterdam;Zwerfvuil;Beerta;52,37;4,89\n"
        "Omgedraaid;Zwerfvuil;Beerta;7,03;53,17\n"
        "Tekst;Zwerfvuil;Beerta;noord;7,03\n"
    )
    table = signal_import.read_csv(text.encode())
    mapping = signal_import.suggest_mapping(table.header)
    assert (mapping["latitude"], mapping["longitude"]) == ("Lat", "Lon")
    preview = signal_import.preview_import(session, table, mapping, today=TODAY)
    assert [(r.latitude, r.longitude) for r in preview.valid] == [
        (53.1712, 7.0341),
        (53.17, 7.03),
        (None, None),
    ]
    reasons = [r.reason for r in preview.invalid]
    assert "zowel de breedte- als de lengtegraad" in reasons[0]
    assert "niet in of bij Oldambt" in reasons[1]
    assert "verwisseld" in reasons[2]
    assert "'noord' is geen getal" in reasons[3]
    assert signal_import.import_signals(session, preview, accept_valid=True) == 3
    stored = session.scalars(select(Signal).where(Signal.description == "Lamp kapot")).one()
    assert (stored.latitude, stored.longitude) == (53.1712, 7.0341)


# --- Signalen-style files, sniffed dialects, XLSX --------------------------------------------


def _names(session: Session, row: signal_import.ImportRow) -> tuple[str, str, str]:
    category = session.get(SignalCategory, row.category_id)
    assert category is not None
    assert category.parent_id is not None
    parent = session.get(SignalCategory, category.parent_id)
    area = session.get(Area, row.area_id)
    assert parent is not None
    assert area is not None
    return area.name, parent.name, category.name


def _check_signalen_rows(session: Session, preview: signal_import.ImportPreview) -> None:
    assert preview.invalid == []
    assert len(preview.valid) == 3
    for row, area, buurt, day, (main, sub) in zip(
        preview.valid,
        signalen_file.AREAS,
        signalen_file.BUURTEN,
        signalen_file.DAYS,
        signalen_file.CATEGORIES,
        strict=True,
    ):
        assert _names(session, row) == (area, main, sub)
        assert (row.buurt_code, row.reported_on) == (buurt, day)
    assert [r.priority for r in preview.valid] == [
        Priority.NORMAAL,
        Priority.HOOG,
        Priority.NORMAAL,
    ]
    assert [r.source for r in preview.valid] == [
        SignalSource.ONLINE,
        SignalSource.TELEFOON,
        SignalSource.TELEFOON,
    ]
    assert (preview.valid[0].latitude, preview.valid[0].longitude) == (53.143, 7.0329)


def test_a_signalen_export_imports_3_of_3_without_any_mapping(
    session: Session, tmp_path: Path
) -> None:
    path = signalen_file.write_csv(tmp_path / "signalen.csv")
    table = signal_import.read_table(path.read_bytes())
    mapping = signal_import.suggest_mapping(table.header)
    assert mapping == {
        "description": "text",
        "category": "category_sub",
        "category_main": "category_main",
        "latitude": "lat",
        "longitude": "lng",
        "reported_on": "created_at",
        "priority": "priority",
        "source": "source",
    }
    preview = signal_import.preview_import(session, table, mapping, today=TODAY)
    _check_signalen_rows(session, preview)
    assert signal_import.import_signals(session, preview) == 3
    assert _count(session) == 3


def test_a_point_outside_oldambt_is_a_dutch_row_error(session: Session, tmp_path: Path) -> None:
    path = signalen_file.write_csv(tmp_path / "signalen.csv", outside=True)
    table = signal_import.read_table(path.read_bytes())
    preview = signal_import.preview_import(
        session, table, signal_import.suggest_mapping(table.header), today=TODAY
    )
    assert len(preview.valid) == 3
    assert [(row.line, row.reason) for row in preview.invalid] == [
        (
            5,
            "Het punt (53,17000; 7,30000) ligt buiten Oldambt (in geen enkele CBS-buurt van de "
            "gemeente); verbeter de coördinaten of vul het gebied in.",
        )
    ]


def test_signalen_categories_without_a_mapping_are_named_in_the_row_error(
    session: Session,
) -> None:
    text = (
        "text;category_main;category_sub;lat;lng\n"
        "Kerstboom op straat;Afval;Kerstbomen;53,143;7,0329\n"
        "Wrak;overlast-in-de-openbare-ruimte;fietswrak;53,143;7,0329\n"
    )
    table = signal_import.read_csv(text.encode())
    preview = signal_import.preview_import(
        session, table, signal_import.suggest_mapping(table.header), today=TODAY
    )
    assert [row.line for row in preview.valid] == [3]
    assert _names(session, preview.valid[0]) == (
        "Centrum",
        "Overlast in de openbare ruimte",
        "Fietswrakken",
    )
    assert preview.invalid[0].reason == (
        "Geen koppeling voor de categorie 'Afval / Kerstbomen' uit het bestand; kies in het "
        "bestand een van onze categorieën ('Hoofd / Sub')."
    )


def test_without_area_or_coordinates_the_mapping_asks_for_either(session: Session) -> None:
    table = signal_import.read_csv(b"text;categorie\nIets;Zwerfvuil\n")
    with pytest.raises(ValidationError, match=r"area \(gebied\) of de coördinaten"):
        signal_import.preview_import(
            session, table, {"description": "text", "category": "categorie"}, today=TODAY
        )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-11-03 09:12:44.123456+01", date(2025, 11, 3)),
        ("2025-11-03T10:00:00+01:00", date(2025, 11, 3)),
        ("2025-11-03T23:30:00-05:00", date(2025, 11, 3)),  # the day as written, not in UTC
        ("2025-11-03T10:00:00Z", date(2025, 11, 3)),
        ("2025-11-03", date(2025, 11, 3)),
        ("03-11-2025", date(2025, 11, 3)),
        ("2025-11-31T10:00:00+01", None),
        ("gisteren", None),
    ],
)
def test_timestamps_with_time_zones_are_read(text: str, day: date | None) -> None:
    assert signal_import._date(text) == day


def test_a_tab_separated_signalen_file_is_sniffed(session: Session, tmp_path: Path) -> None:
    path = signalen_file.write_csv(tmp_path / "signalen.txt", delimiter="\t")
    table = signal_import.read_table(path.read_bytes())
    assert table.delimiter == "\t"
    preview = signal_import.preview_import(
        session, table, signal_import.suggest_mapping(table.header), today=TODAY
    )
    _check_signalen_rows(session, preview)


def test_the_sniffer_is_not_fooled_by_delimiters_inside_quoted_column_names() -> None:
    # the header alone has as many ; as , (the old count took ;); the quoting tells
    text = 'id,"tekst; kort; bondig",categorie\n1,"Lamp; kapot",Straatverlichting\n'
    table = signal_import.read_csv(text.encode())
    assert table.delimiter == ","
    assert table.header == ["id", "tekst; kort; bondig", "categorie"]
    assert table.rows == [(2, ["1", "Lamp; kapot", "Straatverlichting"])]


def test_an_xlsx_signalen_export_imports_3_of_3(session: Session, tmp_path: Path) -> None:
    path = signalen_file.write_xlsx(tmp_path / "signalen.xlsx")
    table = signal_import.read_table(path.read_bytes())
    assert table.encoding == "xlsx"
    assert table.rows[0][1][1] == "2025-11-03 09:12:44.123000"  # a date-time cell (to the ms)
    preview = signal_import.preview_import(
        session, table, signal_import.suggest_mapping(table.header), today=TODAY
    )
    _check_signalen_rows(session, preview)
    assert signal_import.import_signals(session, preview) == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "geen leesbaar Excel-bestand"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), r"oud Excel-bestand \(\.xls\)"),
    ],
)
def test_unreadable_workbooks_give_one_dutch_error(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        signal_import.read_table(data)
