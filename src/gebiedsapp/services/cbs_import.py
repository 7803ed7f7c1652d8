"""Importing CBS "Kerncijfers wijken en buurten" from the CSV a user downloaded from StatLine
(the app never downloads at run time).

StatLine's CSV is semicolon separated with quoted text, columns such as `ID;WijkenEnBuurten;
Gemeentenaam_1;SoortRegio_2;Codering_3;...;AantalInwoners_5;...;HuishoudensTotaal_28`, "." for
a missing value and codes padded with spaces ("WK189500  "). Columns are found by their names
without the running number (`AantalInwoners_*`), never by position, since each year's table
numbers them differently; the labelled export ("Aantal inwoners (aantal)") is read too. Every
other numeric column is kept by name, so later versions can show it. `read_figures` and
`preview_figures` write nothing; `store_figures` replaces that year's figures in one go.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.cbs_figures import CbsFiguresRepository

CREDIT = "Bron: CBS, Kerncijfers wijken en buurten {year} (CC BY 4.0)"
NOT_STATLINE = (
    "Dit is geen CSV-bestand met de Kerncijfers wijken en buurten van CBS StatLine. Download op "
    "StatLine de tabel 'Kerncijfers wijken en buurten' voor Oldambt als CSV en kies dat bestand."
)
# our field: (the column's name without its number, lowercased, letters and digits only)
COUNTS: dict[str, tuple[str, str]] = {
    "inhabitants": ("aantalinwoners", "Aantal inwoners"),
    "men": ("mannen", "Mannen"),
    "women": ("vrouwen", "Vrouwen"),
    "age_0_15": ("0tot15jaar", "0 tot 15 jaar"),
    "age_15_25": ("15tot25jaar", "15 tot 25 jaar"),
    "age_25_45": ("25tot45jaar", "25 tot 45 jaar"),
    "age_45_65": ("45tot65jaar", "45 tot 65 jaar"),
    "age_65_plus": ("65jaarofouder", "65 jaar of ouder"),
    "households": ("huishoudenstotaal", "Huishoudens"),
}
LABELS = (
    ("code", "codering"),
    ("name", "wijkenenbuurten"),
    ("municipality", "gemeentenaam"),
    ("kind", "soortregio"),
    ("period", "perioden"),
)
SKIPPED = ("id", "indelingswijziging", "meestvoorkomendepostcode")  # not figures
KINDS = {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}
CODE = re.compile(r"^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$")
MISSING = {"", ".", "x", "?"}  # CBS: "." gegevens ontbreken, "x" geheim
NIL = {"-", "–", "—"}  # CBS: nihil
# StatLine's table of Kerncijfers wijken en buurten per year (the file name carries it)
TABLES = {
    "83487NED": 2016,
    "83765NED": 2017,
    "84286NED": 2018,
    "84583NED": 2019,
    "84799NED": 2020,
    "85039NED": 2021,
    "85318NED": 2022,
    "85618NED": 2023,
    "85984NED": 2024,
}


class FigureRow(NamedTuple):
    """One region as it will be stored."""

    line: int
    code: str
    kind: str  # gemeente, wijk or buurt
    name: str
    counts: dict[str, int | None]  # COUNTS' fields
    other: dict[str, float]  # the other numeric columns that have a value here
    known: bool  # a wijk or buurt the app knows (the shipped CBS division), or the gemeente


class RefusedRow(NamedTuple):
    line: int
    code: str
    reason: str


@dataclass(frozen=True)
class CbsTable:
    """The file as read: its header, rows (with their line numbers) and where each field is."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    columns: dict[str, int]  # our field -> column index
    other: dict[str, int]  # another column's short name -> column index
    dutch: bool  # the labelled export: 1.234 and 1,5; else StatLine's plain 1234 and 1.5
    year: int | None  # from a Perioden column, when there is one


@dataclass(frozen=True)
class CbsPreview:
    year: int
    municipality: str  # GM1895
    rows: tuple[FigureRow, ...]
    refused: tuple[RefusedRow, ...]
    elsewhere: int  # rows of other municipalities, left out
    replaces: int  # rows of this year already stored, replaced on import
    other_columns: tuple[str, ...]  # the other figures kept, by name

    def count(self, kind: str) -> int:
        return sum(1 for row in self.rows if row.kind == kind)


def _short(name: str) -> str:
    """'AantalInwoners_5' -> 'AantalInwoners'; a labelled column keeps its words."""
    return re.sub(r"_\d+$", "", name.strip().lstrip("\ufeff"))


def _key(name: str) -> str:
    """Letters and digits of a column's name, lowercased, without its number or unit:
    'k_0Tot15Jaar_8' and 'Bevolking 0 tot 15 jaar (aantal)' both end in '0tot15jaar'."""
    text = re.sub(r"\(.*?\)", "", _short(name)).lower()
    text = re.sub(r"[^0-9a-z]", "", text)
    return text[1:] if re.match(r"^k\d", text) else text


def _number(text: str, *, dutch: bool) -> float | None:
    """None for a missing value; ValueError for text that is no number."""
    value = text.strip()
    if value in MISSING:
        return None
    if value in NIL:
        return 0.0
    if dutch:
        value = value.replace(".", "").replace(",", ".")
    return float(value)


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ValidationError("Het bestand is leeg.")
    head = data[:4096]
    if head.startswith((b"PK\x03\x04", b"%PDF")) or b"\x00" in head:
        raise ValidationError(NOT_STATLINE)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(NOT_STATLINE)  # pragma: no cover - cp1252 decodes nearly anything


def _find(keys: list[str], wanted: str) -> int | None:
    for index, key in enumerate(keys):
        if key == wanted or key.endswith(wanted):
            return index
    return None


def read_table(data: bytes) -> CbsTable:
    """Parse the file; a Dutch ValidationError when it is no StatLine CSV or lacks the
    columns needed (the region's code and the number of inhabitants)."""
    text = _decode(data)
    lines = text.splitlines()
    header_at = None
    for index, line in enumerate(lines[:15]):  # the labelled export has a title above it
        if ";" in line and any(
            _key(cell) == "codering" for cell in next(csv.reader([line], delimiter=";"))
        ):
            header_at = index
            break
    if header_at is None:
        raise ValidationError(NOT_STATLINE)
    reader = csv.reader(io.StringIO("\n".join(lines[header_at:])), delimiter=";")
    header = [cell.strip().lstrip("\ufeff") for cell in next(reader)]
    keys = [_key(cell) for cell in header]
    columns: dict[str, int] = {}
    for field_name, key in LABELS:
        found = _find(keys, key)
        if found is not None:
            columns[field_name] = found
    for field_name, (key, _label) in COUNTS.items():
        found = _find(keys, key)
        if found is not None:
            columns[field_name] = found
    if "inhabitants" not in columns:
        raise ValidationError(
            "Het bestand mist de kolom 'Aantal inwoners' (AantalInwoners_…). "
            "Kies bij het downloaden op StatLine ook de bevolkingscijfers."
        )
    used = set(columns.values())
    other = {
        _short(name): index
        for index, (name, key) in enumerate(zip(header, keys, strict=True))
        if index not in used and key and not key.startswith(SKIPPED)
    }
    rows = [(header_at + 2 + n, row) for n, row in enumerate(reader) if any(c.strip() for c in row)]
    year = None
    if "period" in columns and rows:
        match = re.match(r"\s*(\d{4})", _cell(rows[0][1], columns["period"]))
        year = int(match.group(1)) if match else None
    dutch = not any(re.search(r"_\d+$", name) for name in header)
    return CbsTable(header, rows, columns, other, dutch, year)


def year_from_name(file_name: str) -> int | None:
    """The year a StatLine file's name tells: its table number (85984NED) or a year in it."""
    upper = file_name.upper()
    for table, year in TABLES.items():
        if table in upper:
            return year
    match = re.search(r"(?<!\d)(20\d\d)(?!\d)", file_name)
    return int(match.group(1)) if match else None


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def _count(text: str, label: str, *, dutch: bool) -> int | None:
    try:
        value = _number(text, dutch=dutch)
    except ValueError:
        raise ValueError(f"{label}: '{text}' is geen getal.") from None
    if value is None:
        return None
    if value < 0:
        raise ValueError(f"{label}: {text} is negatief.")
    return round(value)


def _numeric_columns(table: CbsTable, lines: list[list[str]]) -> dict[str, int]:
    """The other columns whose every filled-in value (in our rows) is a number."""
    kept: dict[str, int] = {}
    for name, index in table.other.items():
        values = [_cell(row, index) for row in lines]
        try:
            parsed = [_number(v, dutch=table.dutch) for v in values]
        except ValueError:
            continue
        if any(v is not None for v in parsed):
            kept[name] = index
    return kept


def preview_figures(
    session: Session, table: CbsTable, *, year: int | None, today: date | None = None
) -> CbsPreview:
    """What an import would store, what it refuses and why; writes nothing."""
    today = today or date.today()
    chosen = year or table.year
    if chosen is None:
        raise ValidationError(
            "Het jaar van de cijfers staat niet in het bestand. Geef het op "
            "(--year JJJJ, of kies het jaar in het venster)."
        )
    if not 1990 <= chosen <= today.year + 1:
        raise ValidationError(f"Het jaar {chosen} kan niet kloppen; kies het jaar van de cijfers.")
    repo = CbsFiguresRepository(session)
    municipality = repo.municipality_code() or "GM1895"
    digits = municipality[2:]
    names = _shipped_names(session)
    columns = table.columns
    ours: list[tuple[int, list[str], str]] = []
    refused: list[RefusedRow] = []
    elsewhere: dict[str, int] = {}
    for line, row in table.rows:
        code = _cell(row, columns["code"]).upper()
        if not CODE.match(code):
            refused.append(RefusedRow(line, code, "Geen CBS-code van een gemeente, wijk of buurt."))
            continue
        if code[2:6] != digits:
            name = _cell(row, columns.get("municipality")) or f"GM{code[2:6]}"
            elsewhere[name] = elsewhere.get(name, 0) + 1
            continue
        ours.append((line, row, code))
    if not ours:
        others = ", ".join(sorted(elsewhere)[:5]) or "geen enkele gemeente"
        raise ValidationError(
            f"Dit bestand bevat geen cijfers van Oldambt ({municipality}), maar van {others}. "
            "Download op StatLine de Kerncijfers wijken en buurten voor Oldambt."
        )
    other_columns = _numeric_columns(table, [row for _line, row, _code in ours])
    rows: list[FigureRow] = []
    seen: set[str] = set()
    for line, row, code in ours:
        if code in seen:
            refused.append(RefusedRow(line, code, "Deze code staat al eerder in het bestand."))
            continue
        try:
            counts = {
                name: _count(_cell(row, columns.get(name)), label, dutch=table.dutch)
                for name, (_key_text, label) in COUNTS.items()
            }
        except ValueError as error:
            refused.append(RefusedRow(line, code, str(error)))
            continue
        seen.add(code)
        other: dict[str, float] = {}
        for name, index in other_columns.items():
            value = _number(_cell(row, index), dutch=table.dutch)
            if value is not None:
                other[name] = value
        kind = KINDS[code[:2]]
        name = _cell(row, columns.get("name"))
        if not name or CODE.match(name.upper()):  # StatLine's typed file names by code only
            name = names.get(code, "") or (_cell(row, columns.get("municipality")) or code)
        rows.append(
            FigureRow(line, code, kind, name, counts, other, kind == "gemeente" or code in names)
        )
    return CbsPreview(
        year=chosen,
        municipality=municipality,
        rows=tuple(rows),
        refused=tuple(sorted(refused)),
        elsewhere=sum(elsewhere.values()),
        replaces=repo.count_year(chosen),
        other_columns=tuple(other_columns),
    )


@manages
def store_figures(session: Session, preview: CbsPreview) -> int:
    """Replace the preview's year by its rows (beheerder only); returns the rows stored."""
    if not preview.rows:
        raise ValidationError("Er staat geen enkele bruikbare regel in het bestand.")
    actor = str(session.info.get("actor", ""))
    values: list[dict[str, Any]] = [
        {
            "code": row.code,
            "year": preview.year,
            "kind": row.kind,
            "name": row.name[:120],
            **row.counts,
            "other": json.dumps(row.other, ensure_ascii=False, sort_keys=True),
            "imported_by": actor[:120],
        }
        for row in preview.rows
    ]
    CbsFiguresRepository(session).replace_year(preview.year, values)
    return len(values)


def _shipped_names(session: Session) -> dict[str, str]:
    areas = AreaRepository(session)
    names = {w.code: w.name for w in areas.wijken()}
    names.update({b.code: b.name for b in areas.buurten()})
    return names
