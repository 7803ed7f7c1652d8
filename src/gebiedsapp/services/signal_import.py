"""Importing signals from an export of another system (a CSV file or an XLSX workbook, such as
Signalen's): read, map, preview, then import.

Reading is `import_files`' (hostile files, encodings, the sniffed delimiter, XLSX); what a
Signalen export says is `signalen`'s; where a point lies is `signal_places`'. A row that cannot
be used is listed with its reason and never written.

    table = read_table(data)                       # ValidationError when unreadable
    preview = preview_import(session, table, mapping, today=...)  # writes nothing
    import_signals(session, preview, accept_valid=True)           # only the valid rows

`mapping` is {our field: their column name}; `FIELDS` lists our fields, `REQUIRED` the ones that
must be mapped (the area may instead come from mapped coordinates); `suggest_mapping` guesses it
from the column names, Signalen's included. Nothing is written by the preview. `import_signals`
writes the valid rows in one bulk insert through the one write path of new signals
(`signal_write`; the caller's unit of work is the one transaction), and
refuses when the preview has invalid rows unless the caller accepts the valid part with
`accept_valid=True`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    Priority,
    SignalSource,
)
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.services import signalen
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.import_files import (
    BROKEN,
    MAX_BYTES,
    MAX_FIELD,
    MAX_ROWS,
    CsvTable,
    column_indexes,
    parse_mapping,
    read_csv,
    read_table,
    suggest_columns,
)
from gebiedsapp.services.import_files import SURROGATE as _SURROGATE
from gebiedsapp.services.import_files import clean as _clean
from gebiedsapp.services.import_files import readable as _readable
from gebiedsapp.services.signal_lookups import Lookups
from gebiedsapp.services.signal_lookups import fold as _key
from gebiedsapp.services.signal_lookups import load_lookups as _lookups
from gebiedsapp.services.signal_lookups import short as _short
from gebiedsapp.services.signal_lookups import signalen_category as _signalen_category
from gebiedsapp.services.signal_places import Places
from gebiedsapp.services.signal_record import DESCRIPTION, LOCATION
from gebiedsapp.services.signal_write import write_signals
from gebiedsapp.services.signals import check_coordinates, parse_coordinates

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

_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", ""}


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


def suggest_mapping(header: Sequence[str]) -> dict[str, str]:
    """A first guess of {our field: their column} from the column names (Signalen's too)."""
    return suggest_columns(header, list(FIELDS), SYNONYMS)


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
    return column_indexes(table, mapping)


def _date(text: str) -> date | None:
    """A Dutch date, or an ISO 8601 date or timestamp with or without a time zone."""
    if match := _DUTCH_DATE.fullmatch(text):
        day, month, year = (int(group) for group in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return signalen.parse_timestamp(text)


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
    columns = _columns(table, mapping)
    check = _RowCheck(
        lookups=_lookups(session),
        places=Places(session),
        today=today or date.today(),
        default_source=default_source,
        width=len(table.header),
    )
    preview = ImportPreview()
    for line, record in table.rows:
        cells = {ours: _clean(record[i]) if i < len(record) else "" for ours, i in columns.items()}
        checked = check.row(line, record, cells)
        if isinstance(checked, InvalidRow):
            preview.invalid.append(checked)
        else:
            preview.valid.append(checked)
    return preview


@dataclass
class _RowCheck:
    """One row's checks, field by field; each adds its Dutch reasons to `reasons`."""

    lookups: Lookups
    places: Places
    today: date
    default_source: SignalSource
    width: int
    reasons: list[str] = field(default_factory=list)

    def row(
        self, line: int, record: Sequence[str], cells: dict[str, str]
    ) -> ImportRow | InvalidRow:
        self.reasons = []
        cells = self._readable(record, cells)
        description = self._description(cells["description"])
        category_id = self._category(cells)
        latitude, longitude = self._coordinates(cells)
        area_id, buurt_code = self._place(cells, latitude, longitude)
        location = " ".join(cells.get("location", "").split())
        if len(location) > LOCATION.max_length_or_none():
            self.reasons.append(LOCATION.too_long_text())
        reported_on = self._reported_on(cells)
        priority = self._priority(cells.get("priority", ""))
        source = self._source(cells.get("source", ""))
        wants = _key(cells.get("wants_feedback", ""))
        if wants not in _YES | _NO:
            self.reasons.append(f"Terugkoppeling '{_short(wants)}' is geen ja of nee.")
        if (
            self.reasons
            or area_id is None
            or category_id is None
            or reported_on is None
            or priority is None
            or source is None
        ):
            shown = {ours: _short(value, 80) for ours, value in cells.items()}
            return InvalidRow(line, " ".join(self.reasons), shown)
        return ImportRow(
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

    def _readable(self, record: Sequence[str], cells: dict[str, str]) -> dict[str, str]:
        """The cells, unreadable characters shown as such; a row of the wrong width refused."""
        if any(_SURROGATE.search(value) for value in cells.values()):
            cells = {ours: _readable(value) for ours, value in cells.items()}
            self.reasons.append(
                f"De regel bevat een teken dat niet kan worden gelezen (hier getoond als "
                f"{BROKEN}); verbeter de tekst in het bronbestand."
            )
        if len(record) < self.width:
            self.reasons.append(
                f"De regel is onvolledig ({len(record)} van {self.width} kolommen)."
            )
        elif len(record) > self.width:
            self.reasons.append(f"De regel heeft meer kolommen ({len(record)}) dan de kopregel.")
        return cells

    def _description(self, description: str) -> str:
        if not description:
            self.reasons.append("De beschrijving is leeg.")
        elif len(description) > DESCRIPTION.max_length_or_none():
            self.reasons.append(DESCRIPTION.too_long_text())
        return description

    def _category(self, cells: dict[str, str]) -> uuid.UUID | None:
        if not cells["category"] and not cells.get("category_main"):
            self.reasons.append("De categorie ontbreekt.")
            return None
        category_id, why = _signalen_category(
            self.lookups, cells.get("category_main", ""), cells["category"]
        )
        if why:
            self.reasons.append(why)
        return category_id

    def _coordinates(self, cells: dict[str, str]) -> tuple[float | None, float | None]:
        try:
            latitude, longitude = parse_coordinates(
                cells.get("latitude", "")[:40], cells.get("longitude", "")[:40]
            )
            check_coordinates(latitude, longitude)
        except ValidationError as error:
            self.reasons.append(error.message)
            return None, None
        return latitude, longitude

    def _place(
        self, cells: dict[str, str], latitude: float | None, longitude: float | None
    ) -> tuple[uuid.UUID | None, str | None]:
        """The area (named, or around the point) and the buurt (named, or at the point)."""
        lookups = self.lookups
        area_id: uuid.UUID | None = None
        buurt_code: str | None = None
        area = cells.get("area", "")
        found = lookups.areas.get(_key(area), []) if area else []
        if not area and latitude is not None and longitude is not None:
            place = self.places.of(latitude, longitude)  # the buurt around the point, its area
            area_id, buurt_code = place.area_id, place.buurt_code
            if place.reason:
                self.reasons.append(place.reason)
        elif not area:
            self.reasons.append("Het gebied ontbreekt.")
        elif not found:
            self.reasons.append(f"Onbekend gebied '{_short(area)}'.")
        elif len(found) > 1:
            self.reasons.append(f"Het gebied '{_short(area)}' is niet eenduidig.")
        else:
            area_id = found[0]
        buurt = cells.get("buurt", "")
        if len(buurt) > MAX_BUURT:
            self.reasons.append("De buurt is te lang.")
        elif buurt and area_id is not None:
            buurt_code = lookups.buurten.get(area_id, {}).get(_key(buurt))
            if buurt_code is None:
                self.reasons.append(
                    f"Onbekende buurt '{_short(buurt)}' in gebied '{lookups.area_names[area_id]}'."
                )
        elif area and area_id is not None and latitude is not None and longitude is not None:
            at = self.places.buurt_at(latitude, longitude)  # the point's buurt, in that area
            buurt_code = at if at in lookups.buurten.get(area_id, {}).values() else None
        return area_id, buurt_code

    def _reported_on(self, cells: dict[str, str]) -> date | None:
        if "reported_on" not in cells:
            return self.today
        text = cells["reported_on"]
        reported_on = _date(text)
        if not text:
            self.reasons.append("De meldingsdatum ontbreekt.")
        elif reported_on is None:
            self.reasons.append(
                f"Ongeldige datum '{_short(text)}' (gebruik dd-mm-jjjj of jjjj-mm-dd)."
            )
        elif reported_on > self.today:
            self.reasons.append("De meldingsdatum ligt in de toekomst.")
        elif reported_on.year < 1900:
            self.reasons.append(f"Ongeldige datum '{_short(text)}'.")
        return reported_on

    def _priority(self, text: str) -> Priority | None:
        if not text:
            return Priority.NORMAAL
        priority = _enum_value(Priority, text) or signalen.PRIORITIES.get(_key(text))
        if priority is None:
            self.reasons.append(f"Onbekende prioriteit '{_short(text)}' (laag, normaal, hoog).")
        return priority

    def _source(self, text: str) -> SignalSource | None:
        if not text:
            return self.default_source
        source = _enum_value(SignalSource, text) or signalen.source_of(text)
        if source is None:
            self.reasons.append(f"Onbekende bron '{_short(text)}'.")
        return source


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
    values = []
    for row in preview.valid:
        term, unit = lookups.terms[row.category_id]
        values.append(
            {
                "area_id": row.area_id,
                "buurt_code": row.buurt_code,
                "location": row.location,
                "latitude": row.latitude,
                "longitude": row.longitude,
                "description": row.description,
                "category_id": row.category_id,
                "source": row.source,
                "priority": row.priority,
                "partner_id": lookups.partners.get(row.category_id),
                "reported_on": row.reported_on,
                "deadline": compute_deadline(row.reported_on, term, unit),
                "wants_feedback": row.wants_feedback,
            }
        )
    skipped = f", {len(preview.invalid)} ongeldige regels overgeslagen" if preview.invalid else ""
    write_signals(
        session, values, import_detail=f"{len(values)} signalen uit een CSV-bestand{skipped}"
    )
    return len(values)
