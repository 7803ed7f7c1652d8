"""Signals as GeoJSON for GIS (QGIS, ArcGIS): points in WGS84, never personal data.

RFC 7946: a FeatureCollection of Point features, coordinates [longitude, latitude] in WGS84
(no "crs" member: RFC 7946 has none and QGIS reads it as EPSG:4326), UTF-8 without a byte
order mark. Each feature carries the signal's id, category, status, priority, area, buurt and
dates, the same filter and order as the signals screen. Never the description, the location
text or anything about the reporter: those may name or locate a resident. Signals without
coordinates have no place on a map and are counted instead of written.

Written through a temporary file in the same folder that replaces the target only when
complete, as the list exports are.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.services.signal_views import SignalFilter, list_signals
from gebiedsapp.storage.repositories.exports import ExportRepository

__all__ = ["PROPERTIES", "GeoJsonExport", "signals_geojson", "write_geojson"]

# the properties of every feature, in this order (Dutch: the names a GIS user sees)
PROPERTIES = (
    "id",
    "categorie",
    "status",
    "prioriteit",
    "gebied",
    "buurt",
    "buurtcode",
    "gemeld_op",
    "termijn",
    "afgesloten_op",
    "deelsignaal",
)
_CHUNK = 2_000


@dataclass(frozen=True)
class GeoJsonExport:
    collection: dict[str, Any]
    without_coordinates: int  # listed signals that could not be placed on the map

    @property
    def features(self) -> int:
        return len(self.collection["features"])


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def signals_geojson(session: Session, filters: SignalFilter, *, today: date) -> GeoJsonExport:
    """The signals the screen lists with `filters`, as a FeatureCollection of points."""
    listed = list_signals(session, filters, today=today).rows
    repo = ExportRepository(session)
    features: list[dict[str, Any]] = []
    skipped = 0
    for first in range(0, len(listed), _CHUNK):
        part = listed[first : first + _CHUNK]
        extras = repo.signal_extras([r.id for r in part], personal=False)
        for r in part:
            _description, _source, latitude, longitude = extras.get(r.id, (None,) * 4)
            if latitude is None or longitude is None:
                skipped += 1
                continue
            values = (
                str(r.id),
                r.category,
                r.status.label,
                r.priority.label,
                r.area_name,
                r.buurt_name or None,
                r.buurt_code,
                _day(r.reported_on),
                _day(r.deadline),
                _day(r.closed_on),
                r.is_child,
            )
            features.append(
                {
                    "type": "Feature",
                    "id": str(r.id),
                    "geometry": {
                        "type": "Point",
                        "coordinates": [float(longitude), float(latitude)],  # lon, lat
                    },
                    "properties": dict(zip(PROPERTIES, values, strict=True)),
                }
            )
    return GeoJsonExport({"type": "FeatureCollection", "features": features}, skipped)


def write_geojson(path: Path, export: GeoJsonExport) -> int:
    """Write the collection to `path` all at once or not at all; returns the features."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".part", dir=path.parent or Path(".")
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            json.dump(export.collection, stream, ensure_ascii=False, separators=(",", ":"))
            stream.write("\n")
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return export.features
