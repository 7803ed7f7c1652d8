"""Importing signals from a CSV export of another system: read, map, preview, then import.

The file is treated as hostile. It is read as text (UTF-8, or the UTF-16 or UTF-32 its byte order
mark names, as Excel's "Unicode-tekst" is; else cp1252), the delimiter (; tab or ,) is taken
from the header line, and every cell stays plain text: a cell such as
`=cmd|' /C calc'!A0` is stored as those characters and never evaluated. A file that cannot be
read at all (empty, no header, a field of more than `MAX_FIELD` characters, too many rows) gives
one ValidationError with a Dutch message; a row that cannot be used is listed with its reason and
never written.

    table = read_csv(data)                         # ValidationError when unreadable
    preview = preview_import(session, table, mapping, today=...)  # writes nothing
    import_signals(session, preview, accept_valid=True)           # only the valid rows

`mapping` is {our field: their column name}; `FIELDS` lists our fields, `REQUIRED` the ones that
must be mapped. Nothing is written by the preview. `import_signals` writes the valid rows in one
bulk insert (the caller's unit of work is the one transaction), and refuses when the preview has
invalid rows unless the caller accepts the valid part with `accept_valid=True`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Area,
    AuditAction,
    CbsBuurt,
    Partner,
    Priority,
    Signal,
    SignalCategory,
    SignalSource,
    SignalStatus,
    TermUnit,
    area_buurt,
)
from gebiedsapp.domain.base import utcnow
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.services import audit, signalen
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.signal_places import Places
from gebiedsapp.services.signals import (
    MAX_DESCRIPTION,
    MAX_LOCATION,
    check_coordinates,
    parse_coordinates,
)
from gebiedsapp.services.xlsx_read import looks_like_xlsx, read_xlsx_rows

__all__ = [
    "FIELDS",
    "MAX_BYTES",
    "MAX_FIELD",
    "MAX_ROWS",
    "REQUIRED",
    "CsvTable",
    "ImportPreview",
    "ImportRow",
    "InvalidRow",
    "import_signals",
    "parse_mapping",
    "preview_import",
    "read_csv",
    "read_table",
    "suggest_mapping",
]

MAX_BYTES = 50_000_000
MAX_ROWS = 200_000
MAX_FIELD = 100_000  # csv's own default limit is 131,072; a real export has no such cell
MAX_BUURT = 120

# our field -> what it means (Dutch, for the dialog and the CLI help)
FIELDS: dict[str, str] = {
    "description": "beschrijving",
    "category": "categorie (naam of 'Hoofd / Sub')",
    "category_main": "hoofdcategorie (als het bestand die apart heeft)",
    "area": "gebied (naam; zonder gebied: uit de coördinaten)",
    "buurt": "CBS-buurt (code of naam)",
    "location": "locatie of adres",
    "latitude": "breedtegraad (bijv. 53,1712)",
    "longitude": "lengtegraad (bijv. 7,0341)",
    "reported_on": "meldingsdatum (dd-mm-jjjj, jjjj-mm-dd of ISO 8601 met tijd)",
    "priority": "prioriteit (laag, normaal, hoog)",
    "source": "bron",
    "wants_feedback": "wil terugkoppeling (ja/nee)",
}
REQUIRED = ("description", "category", "area")  # area: unless both coordinates are mapped
# Column names other systems use for our fields (normalised: lower case, letters and digits);
# `suggest_mapping` pre-fills the import dialog with them.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "description": ("beschrijving", "omschrijving", "melding", "tekst", "text", "toelichting"),
    "category": (
        "categorie",
        "subcategorie",
        "categorysub",
        "subcategory",
        "soort",
        "rubriek",
        "type",
        "onderwerp",
    ),
    "category_main": ("hoofdcategorie", "categorymain", "maincategory", "hoofdrubriek"),
    "area": ("gebied", "dorp", "kern", "wijk", "woonplaats", "plaats"),
    "buurt": ("buurt", "cbsbuurt", "buurtcode", "buurtnaam"),
    "location": ("locatie", "adres", "address", "plek", "straat", "locatieomschrijving"),
    "latitude": ("breedtegraad", "lat", "breedte", "coordinatenlat", "locatielat"),
    "longitude": ("lengtegraad", "lon", "lng", "lengte", "coordinatenlon", "locatielon"),
    "reported_on": (
        "meldingsdatum",
        "datum",
        "gemeldop",
        "datummelding",
        "aangemaakt",
        "createdat",
        "aangemaaktop",
    ),
    "priority": ("prioriteit", "urgentie", "urgency"),
    "source": ("bron", "kanaal", "meldkanaal"),
    "wants_feedback": ("terugkoppeling", "terugmelden", "wilterugkoppeling", "feedback"),
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", ""}


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)
    delimiter: str
    encoding: str


@dataclass(frozen=True)
class ImportRow:
    """A valid row, resolved to our ids and values."""

    line: int
    area_id: uuid.UUID
    category_id: uuid.UUID
    description: str
    reported_on: date
    buurt_code: str | None = None
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    priority: Priority = Priority.NORMAAL
    source: SignalSource = SignalSource.TELEFOON
    wants_feedback: bool = False


@dataclass(frozen=True)
class InvalidRow:
    line: int
    reason: str  # Dutch sentences, one per problem
    cells: dict[str, str]  # our field -> their value (shortened), to show next to the reason


@dataclass(frozen=True)
class ImportPreview:
    valid: list[ImportRow] = field(default_factory=list)
    invalid: list[InvalidRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.valid) + len(self.invalid)


# --- reading --------------------------------------------------------------------------------


# A byte order mark says how the file is written: Excel's "Unicode-tekst" is UTF-16 LE, tab
# separated, with a BOM. UTF-32 first: its LE mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
BROKEN = "\ufffd"  # shown where a broken character (a lone surrogate) was


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in. A broken character (half of a UTF-16 pair)
    is kept as a lone surrogate, so the row that holds it can be refused by name."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                return body.decode(codec, errors="surrogatepass"), encoding
            except UnicodeDecodeError:
                if codec != "utf-8":  # a cut-off UTF-16 or UTF-32 file: keep what is there
                    return body.decode(codec, errors="replace"), encoding
            # a UTF-8 mark followed by no UTF-8: read the rest as cp1252
            return body.decode("cp1252", errors="replace"), "cp1252"
    try:
        return data.decode("utf-8", errors="surrogatepass"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


SNIFF_CHARS = 64_000


def _delimiter(text: str) -> str:
    """The delimiter (; tab or ,) as `csv.Sniffer` finds it in the first lines; where it cannot
    tell, or names one the header does not use, the one the header uses most (in that order
    when equal). The quote character stays ": the sniffer would take the apostrophe in
    "'t Waar" for one."""
    first_line = text.split("\n", 1)[0]
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        found = csv.Sniffer().sniff(sample, delimiters=";\t,").delimiter
    except csv.Error:
        found = ""
    if found and found in first_line:
        return found
    return max((";", "\t", ","), key=first_line.count)


def _readable(text: str) -> str:
    """A broken character shown as U+FFFD (it cannot be printed or stored as it is)."""
    return _SURROGATE.sub(BROKEN, text)


def read_csv(data: bytes) -> CsvTable:
    """The header and rows of a CSV file; a ValidationError (Dutch) when it cannot be read."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"Het bestand is te groot (meer dan {MAX_BYTES // 1_000_000} MB).", field="file"
        )
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ValidationError("Het bestand is leeg.", field="file")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if any(len(cell) > MAX_FIELD for cell in record):
                raise ValidationError(
                    f"Regel {line} bevat een veld van meer dan {MAX_FIELD} tekens; "
                    "dit lijkt geen export van meldingen.",
                    field="file",
                )
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [_readable(_clean(cell)) for cell in record]
                continue
            rows.append((line, record))
            if len(rows) > MAX_ROWS:
                raise ValidationError(
                    f"Het bestand heeft meer dan {MAX_ROWS} regels; splits het op.", field="file"
                )
    except csv.Error as exc:
        raise ValidationError(
            f"Het bestand is geen leesbaar CSV-bestand (regel {reader.line_num}).", field="file"
        ) from exc
    if header is None:
        raise ValidationError("Het bestand heeft geen kopregel met kolomnamen.", field="file")
    if not any(header):
        raise ValidationError("De kopregel van het bestand heeft geen kolomnamen.", field="file")
    return CsvTable(header=header, rows=rows, delimiter=delimiter, encoding=encoding)


def read_table(data: bytes) -> CsvTable:
    """A CSV file or an Excel workbook (.xlsx, told by its first bytes), as one table."""
    if not looks_like_xlsx(data):
        return read_csv(data)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"Het bestand is te groot (meer dan {MAX_BYTES // 1_000_000} MB).", field="file"
        )
    header, rows = read_xlsx_rows(data, max_rows=MAX_ROWS, max_field=MAX_FIELD)
    if header is None:
        raise ValidationError("Het bestand heeft geen kopregel met kolomnamen.", field="file")
    header = [_readable(_clean(cell)) for cell in header]
    if not any(header):
        raise ValidationError("De kopregel van het bestand heeft geen kolomnamen.", field="file")
    return CsvTable(header=header, rows=rows, delimiter="", encoding="xlsx")


def _clean(cell: str) -> str:
    """Plain text: control characters out, surrounding space off. Never evaluated."""
    return _CONTROL.sub("", cell).strip()


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """`our=their` pairs (the CLI's --map) into a mapping; ValidationError on a bad pair."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ValidationError(f"Koppeling '{pair}' moet de vorm veld=kolom hebben.")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _normal(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def suggest_mapping(header: Sequence[str]) -> dict[str, str]:
    """A first guess of {our field: their column} from the column names; each column once.

    Case, spaces and punctuation do not matter; our own field name first, then the synonyms in
    their order. The user checks and corrects the guess in the dialog."""
    columns = [(index, _normal(name)) for index, name in enumerate(header) if name.strip()]
    used: set[int] = set()
    mapping: dict[str, str] = {}
    for ours in FIELDS:
        for wanted in (_normal(ours), *SYNONYMS.get(ours, ())):
            index = next((i for i, name in columns if name == wanted and i not in used), None)
            if index is not None:
                used.add(index)
                mapping[ours] = header[index]
                break
    return mapping


def _columns(table: CsvTable, mapping: Mapping[str, str]) -> dict[str, int]:
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ValidationError(
            f"Onbekend veld '{unknown[0]}'. Velden: {', '.join(FIELDS)}.", field="mapping"
        )
    located = "latitude" in mapping and "longitude" in mapping
    missing = [
        f"{name} ({FIELDS[name]})"
        for name in REQUIRED
        if name not in mapping and not (name == "area" and located)
    ]
    if missing and "area" not in mapping and not located:
        missing[-1] = "area (gebied) of de coördinaten (latitude en longitude)"
    if missing:
        raise ValidationError("Koppel ook: " + ", ".join(missing) + ".", field="mapping")
    by_name = {name.casefold(): index for index, name in reversed(list(enumerate(table.header)))}
    columns: dict[str, int] = {}
    for ours, theirs in mapping.items():
        index = by_name.get(theirs.strip().casefold())
        if index is None:
            shown = ", ".join(f"'{name[:40]}'" for name in table.header[:20])
            raise ValidationError(
                f"Kolom '{theirs[:80]}' staat niet in het bestand. Kolommen: {shown}.",
                field="mapping",
            )
        columns[ours] = index
    return columns


# --- looking up names -----------------------------------------------------------------------


@dataclass
class _Lookups:
    areas: dict[str, list[uuid.UUID]]
    area_names: dict[uuid.UUID, str]
    buurten: dict[uuid.UUID, dict[str, str]]  # per area: code or name (casefolded) -> code
    categories: dict[str, list[tuple[uuid.UUID, bool]]]  # name or "hoofd/sub" -> (id, retired)
    keys: dict[str, tuple[uuid.UUID, bool]]  # our key ("afval/grofvuil") -> (id, retired)
    leaves: set[uuid.UUID]
    terms: dict[uuid.UUID, tuple[int, TermUnit]]
    retired: set[uuid.UUID]
    partners: dict[uuid.UUID, uuid.UUID | None]  # category -> offered default partner


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _lookups(session: Session) -> _Lookups:
    areas: dict[str, list[uuid.UUID]] = {}
    names: dict[uuid.UUID, str] = {}
    for area_id, name, key in session.execute(
        select(Area.id, Area.name, Area.key).where(Area.deleted_at.is_(None))
    ):
        names[area_id] = name
        areas.setdefault(_key(name), []).append(area_id)
        if key and _key(key) != _key(name):
            areas.setdefault(_key(key), []).append(area_id)
    buurten: dict[uuid.UUID, dict[str, str]] = {}
    for area_id, code, name in session.execute(
        select(area_buurt.c.area_id, CbsBuurt.code, CbsBuurt.name).join(
            CbsBuurt, CbsBuurt.code == area_buurt.c.buurt_code
        )
    ):
        known = buurten.setdefault(area_id, {})
        known[_key(code)] = code
        known.setdefault(_key(name), code)
    offered = set(
        session.scalars(
            select(Partner.id).where(Partner.deleted_at.is_(None), Partner.retired.is_(False))
        )
    )
    rows = session.execute(
        select(
            SignalCategory.id,
            SignalCategory.parent_id,
            SignalCategory.name,
            SignalCategory.key,
            SignalCategory.retired,
            SignalCategory.term,
            SignalCategory.term_unit,
            SignalCategory.default_partner_id,
        ).where(SignalCategory.deleted_at.is_(None))
    ).all()
    by_id = {row.id: row for row in rows}
    categories: dict[str, list[tuple[uuid.UUID, bool]]] = {}
    keys: dict[str, tuple[uuid.UUID, bool]] = {}
    for row in rows:
        parent = by_id.get(row.parent_id) if row.parent_id else None
        retired = row.retired or (parent is not None and parent.retired)
        if row.key:
            keys[row.key] = (row.id, retired)
        categories.setdefault(_key(row.name), []).append((row.id, retired))
        if parent is not None:
            path = f"{_key(parent.name)}/{_key(row.name)}"
            categories.setdefault(path, []).append((row.id, retired))
    parents = {row.parent_id for row in rows if row.parent_id}
    return _Lookups(
        areas=areas,
        area_names=names,
        buurten=buurten,
        categories=categories,
        keys=keys,
        leaves={row.id for row in rows if row.id not in parents},
        retired={row.id for row in rows if row.retired},
        terms={row.id: (row.term, row.term_unit) for row in rows},
        partners={
            row.id: row.default_partner_id if row.default_partner_id in offered else None
            for row in rows
        },
    )


def _category(lookups: _Lookups, text: str) -> tuple[uuid.UUID | None, str | None]:
    parts = [_key(part) for part in text.split("/")]
    if len(parts) > 2 or not all(parts):
        return None, f"Onbekende categorie '{_short(text)}'."
    found = lookups.categories.get("/".join(parts), [])
    if len(found) > 1:  # a name used on both levels ("Overig"): the subcategory is meant
        found = [item for item in found if item[0] in lookups.leaves] or found
    if not found:
        return None, f"Onbekende categorie '{_short(text)}'."
    if len(found) > 1:
        return None, f"De categorie '{_short(text)}' is niet eenduidig; gebruik 'Hoofd / Sub'."
    category_id, retired = found[0]
    if retired:
        return None, f"De categorie '{_short(text)}' wordt niet meer gebruikt."
    return category_id, None


def _signalen_category(
    lookups: _Lookups, main: str, sub: str
) -> tuple[uuid.UUID | None, str | None]:
    """Signalen's main and sub category: our 'Hoofd / Sub' by name, else its mapping table."""
    if main and sub:
        category_id, why = _category(lookups, f"{main}/{sub}")
        if category_id is not None or "niet meer gebruikt" in (why or ""):
            return category_id, why
    elif not main:
        return _category(lookups, sub)
    shown = f"{_short(main, 40)} / {_short(sub, 40)}" if sub else _short(main)
    key = signalen.category_key(main, sub)
    found = lookups.keys.get(key) if key else None
    if found is None:
        by_name, _why = _category(lookups, sub) if sub else (None, None)
        if by_name is not None:
            return by_name, None
        return None, (
            f"Geen koppeling voor de categorie '{shown}' uit het bestand; kies in het bestand "
            "een van onze categorieën ('Hoofd / Sub')."
        )
    category_id, retired = found
    if retired:
        return None, f"De categorie voor '{shown}' wordt niet meer gebruikt."
    return category_id, None


def _date(text: str) -> date | None:
    """A Dutch date, or an ISO 8601 date or timestamp with or without a time zone."""
    if match := _DUTCH_DATE.fullmatch(text):
        day, month, year = (int(group) for group in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return signalen.parse_timestamp(text)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


E = TypeVar("E", Priority, SignalSource)


def _enum_value(kind: type[E], text: str) -> E | None:
    wanted = _key(text).replace(" ", "_").replace("-", "_")
    for member in kind:
        if wanted in (_key(member.value).replace("-", "_"), _key(member.label).replace(" ", "_")):
            return member
    return None


# --- preview and import ---------------------------------------------------------------------


def preview_import(
    session: Session,
    table: CsvTable,
    mapping: Mapping[str, str],
    *,
    today: date | None = None,
    default_source: SignalSource = SignalSource.TELEFOON,
) -> ImportPreview:
    """Check every row; nothing is written. Rows without a mapped date get `today`."""
    now = today or date.today()
    columns = _columns(table, mapping)
    lookups = _lookups(session)
    places = Places(session)
    width = len(table.header)
    preview = ImportPreview()
    for line, record in table.rows:
        cells = {ours: _clean(record[i]) if i < len(record) else "" for ours, i in columns.items()}
        reasons: list[str] = []
        if any(_SURROGATE.search(value) for value in cells.values()):
            cells = {ours: _readable(value) for ours, value in cells.items()}
            reasons.append(
                f"De regel bevat een teken dat niet kan worden gelezen (hier getoond als "
                f"{BROKEN}); verbeter de tekst in het bronbestand."
            )
        if len(record) < width:
            reasons.append(f"De regel is onvolledig ({len(record)} van {width} kolommen).")
        elif len(record) > width:
            reasons.append(f"De regel heeft meer kolommen ({len(record)}) dan de kopregel.")
        description = cells["description"]
        if not description:
            reasons.append("De beschrijving is leeg.")
        elif len(description) > MAX_DESCRIPTION:
            reasons.append(f"De beschrijving is te lang (hoogstens {MAX_DESCRIPTION} tekens).")
        category_id = None
        if not cells["category"] and not cells.get("category_main"):
            reasons.append("De categorie ontbreekt.")
        else:
            category_id, why = _signalen_category(
                lookups, cells.get("category_main", ""), cells["category"]
            )
            if why:
                reasons.append(why)
        latitude = longitude = None
        try:
            latitude, longitude = parse_coordinates(
                cells.get("latitude", "")[:40], cells.get("longitude", "")[:40]
            )
            check_coordinates(latitude, longitude)
        except ValidationError as error:
            reasons.append(error.message)
            latitude = longitude = None
        area_id = None
        buurt_code = None
        area = cells.get("area", "")
        found = lookups.areas.get(_key(area), []) if area else []
        if not area and latitude is not None and longitude is not None:
            place = places.of(latitude, longitude)  # the buurt around the point, and its area
            area_id, buurt_code = place.area_id, place.buurt_code
            if place.reason:
                reasons.append(place.reason)
        elif not area:
            reasons.append("Het gebied ontbreekt.")
        elif not found:
            reasons.append(f"Onbekend gebied '{_short(area)}'.")
        elif len(found) > 1:
            reasons.append(f"Het gebied '{_short(area)}' is niet eenduidig.")
        else:
            area_id = found[0]
        buurt = cells.get("buurt", "")
        if len(buurt) > MAX_BUURT:
            reasons.append("De buurt is te lang.")
        elif buurt and area_id is not None:
            buurt_code = lookups.buurten.get(area_id, {}).get(_key(buurt))
            if buurt_code is None:
                reasons.append(
                    f"Onbekende buurt '{_short(buurt)}' in gebied '{lookups.area_names[area_id]}'."
                )
        elif area and area_id is not None and latitude is not None and longitude is not None:
            at = places.buurt_at(latitude, longitude)  # the point's buurt, when in that area
            buurt_code = at if at in lookups.buurten.get(area_id, {}).values() else None
        location = " ".join(cells.get("location", "").split())
        if len(location) > MAX_LOCATION:
            reasons.append(f"De locatie is te lang (hoogstens {MAX_LOCATION} tekens).")
        reported_on: date | None = now
        if "reported_on" in cells:
            reported_on = _date(cells["reported_on"])
            if not cells["reported_on"]:
                reasons.append("De meldingsdatum ontbreekt.")
            elif reported_on is None:
                reasons.append(
                    f"Ongeldige datum '{_short(cells['reported_on'])}' "
                    "(gebruik dd-mm-jjjj of jjjj-mm-dd)."
                )
            elif reported_on > now:
                reasons.append("De meldingsdatum ligt in de toekomst.")
            elif reported_on.year < 1900:
                reasons.append(f"Ongeldige datum '{_short(cells['reported_on'])}'.")
        priority: Priority | None = Priority.NORMAAL
        if cells.get("priority"):
            priority = _enum_value(Priority, cells["priority"]) or signalen.PRIORITIES.get(
                _key(cells["priority"])
            )
            if priority is None:
                reasons.append(
                    f"Onbekende prioriteit '{_short(cells['priority'])}' (laag, normaal, hoog)."
                )
        source: SignalSource | None = default_source
        if cells.get("source"):
            source = _enum_value(SignalSource, cells["source"]) or signalen.source_of(
                cells["source"]
            )
            if source is None:
                reasons.append(f"Onbekende bron '{_short(cells['source'])}'.")
        wants = _key(cells.get("wants_feedback", ""))
        if wants not in _YES | _NO:
            reasons.append(f"Terugkoppeling '{_short(wants)}' is geen ja of nee.")
        if (
            reasons
            or area_id is None
            or category_id is None
            or reported_on is None
            or priority is None
            or source is None
        ):
            shown = {ours: _short(value, 80) for ours, value in cells.items()}
            preview.invalid.append(InvalidRow(line, " ".join(reasons), shown))
            continue
        preview.valid.append(
            ImportRow(
                line=line,
                area_id=area_id,
                category_id=category_id,
                description=description,
                reported_on=reported_on,
                buurt_code=buurt_code,
                location=location,
                latitude=latitude,
                longitude=longitude,
                priority=priority,
                source=source,
                wants_feedback=wants in _YES,
            )
        )
    return preview


def import_signals(session: Session, preview: ImportPreview, *, accept_valid: bool = False) -> int:
    """Write the valid rows of `preview` as new signals (Gemeld) in one bulk insert.

    With invalid rows in the preview nothing is written unless `accept_valid` is True. Returns
    the number of signals written. Does not commit: the caller's unit of work is the transaction.
    """
    if preview.invalid and not accept_valid:
        raise ValidationError(
            f"{len(preview.invalid)} van de {preview.total} regels zijn ongeldig; er is niets "
            "geïmporteerd. Accepteer het geldige deel om alleen de geldige regels te importeren."
        )
    if not preview.valid:
        return 0
    lookups = _lookups(session)
    for row in preview.valid:  # still offered now? (the preview may be older than this session)
        category = lookups.terms.get(row.category_id)
        if category is None or row.category_id in lookups.retired:
            raise ValidationError(
                f"Regel {row.line}: die categorie wordt niet meer gebruikt; maak een nieuw "
                "voorbeeld."
            )
        if row.area_id not in lookups.area_names:
            raise ValidationError(
                f"Regel {row.line}: dat gebied bestaat niet meer; maak een nieuw voorbeeld."
            )
    actor = str(session.info.get("actor", ""))
    stamp = utcnow()
    values = []
    for row in preview.valid:
        term, unit = lookups.terms[row.category_id]
        values.append(
            {
                "id": uuid.uuid4(),
                "created_at": stamp,
                "updated_at": stamp,
                "created_by": actor,
                "updated_by": actor,
                "version": 1,
                "area_id": row.area_id,
                "buurt_code": row.buurt_code,
                "location": row.location,
                "latitude": row.latitude,
                "longitude": row.longitude,
                "description": row.description,
                "category_id": row.category_id,
                "source": row.source,
                "conversation_id": None,
                "contact_id": None,
                "priority": row.priority,
                "partner_id": lookups.partners.get(row.category_id),
                "status": SignalStatus.GEMELD,
                "reported_on": row.reported_on,
                "deadline": compute_deadline(row.reported_on, term, unit),
                "closed_on": None,
                "parent_id": None,
                "wants_feedback": row.wants_feedback,
            }
        )
    session.execute(insert(cast(Table, Signal.__table__)), values)
    # a bulk insert passes the session hook: one entry for the lot
    audit.note(
        session,
        AuditAction.IMPORT,
        record_type="signal",
        detail=f"{len(values)} signalen uit een CSV-bestand"
        + (f", {len(preview.invalid)} ongeldige regels overgeslagen" if preview.invalid else ""),
    )
    return len(values)
