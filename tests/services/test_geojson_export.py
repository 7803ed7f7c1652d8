"""GeoJSON for GIS: RFC 7946 points (longitude first, WGS84), the screen's filter, and never
personal data (no description, no location text, nothing about the reporter)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from gebiedsapp.domain import SignalSource, SignalStatus, reference_id
from gebiedsapp.services import signals
from gebiedsapp.services.geojson_export import PROPERTIES, signals_geojson, write_geojson
from gebiedsapp.services.signal_views import SignalFilter
from gebiedsapp.services.signals import SignalInput

BEERTA = reference_id("area", "beerta")
ZWERFVUIL = reference_id("signal_category", "afval/zwerfvuil")
TODAY = date(2026, 11, 26)
PERSONAL = ("Hoofdstraat 12", "Mevrouw Jansen belde")


def _signal(session: Session, **changes: object) -> str:
    values: dict[str, object] = {
        "area_id": BEERTA,
        "description": "Mevrouw Jansen belde over zwerfvuil",
        "source": SignalSource.TELEFOON,
        "reported_on": date(2026, 11, 3),
        "category_id": ZWERFVUIL,
        "location": "Hoofdstraat 12",
        "buurt_code": "BU18950300",
    }
    values.update(changes)
    created = signals.create_signal(session, SignalInput(**values), today=TODAY)  # type: ignore[arg-type]
    return str(created.id)


def test_signals_open_as_rfc_7946_points_without_personal_data(
    session: Session, tmp_path: Path
) -> None:
    placed = _signal(session, latitude=53.1765, longitude=7.09996)
    _signal(session)  # no coordinates: not on the map, counted
    session.flush()
    export = signals_geojson(session, SignalFilter(), today=TODAY)
    assert (export.features, export.without_coordinates) == (1, 1)
    target = tmp_path / "signalen.geojson"
    assert write_geojson(target, export) == 1

    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # RFC 7946: no byte order mark
    collection = json.loads(data.decode("utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # WGS84 by definition
    (feature,) = collection["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == placed
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.09996, 53.1765]}
    longitude, latitude = feature["geometry"]["coordinates"]
    assert 6.8 < longitude < 7.3  # longitude first
    assert 53.0 < latitude < 53.3
    properties = feature["properties"]
    assert list(properties) == list(PROPERTIES)
    assert properties == {
        "id": placed,
        "categorie": "Zwerfvuil",
        "status": SignalStatus.GEMELD.label,
        "prioriteit": "Normaal",
        "gebied": "Beerta",
        "buurt": "Beerta-Centrum",
        "buurtcode": "BU18950300",
        "gemeld_op": "2026-11-03",
        "termijn": properties["termijn"],
        "afgesloten_op": None,
        "deelsignaal": False,
    }
    assert date.fromisoformat(properties["termijn"]) > date(2026, 11, 3)
    text = data.decode("utf-8")
    for personal in PERSONAL:
        assert personal not in text


def test_the_export_follows_the_screens_filter(session: Session) -> None:
    _signal(session, latitude=53.1765, longitude=7.09996)
    session.flush()
    elsewhere = SignalFilter(area_ids=frozenset({reference_id("area", "finsterwolde")}))
    export = signals_geojson(session, elsewhere, today=TODAY)
    assert (export.features, export.without_coordinates) == (0, 0)
    assert export.collection == {"type": "FeatureCollection", "features": []}
