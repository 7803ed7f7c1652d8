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
writes the valid rows in one bulk insert (the caller's unit of work is the one transaction), and
refuses when the preview has invalid rows unless the caller accepts the valid part with
`accept_valid=True`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    AuditAction,
    Priority,
    Signal,
    SignalSource,
    SignalStatus,
)
from gebiedsapp.domain.base import utcnow
from gebiedsapp.domain.deadlines import deadline as compute_deadline
from gebiedsapp.services import audit, signalen
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
from gebiedsapp.services.signal_lookups import fold as _key
from gebiedsapp.services.signal_lookups import load_lookups as _lookups
from gebiedsapp.services.signal_lookups import short as _short
from gebiedsapp.services.signal_lookups import signalen_category as _signalen_category
from gebiedsapp.services.signal_places import Places
from gebiedsapp.services.signals import (
    MAX_DESCRIPTION,
    MAX_LOCATION,
    check_coordinates,
    parse_coordinates,
)

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
