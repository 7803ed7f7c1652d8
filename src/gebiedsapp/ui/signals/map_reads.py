"""What Signalen's map needs, made on a worker (issue 19: at ten times today's data the
municipality's shapes and 3,300 points took about a second of the GUI thread per area click).
QPainterPath is a value class: a worker may build it; the map only adds the items."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QPainterPath
from sqlalchemy.orm import Session

from gebiedsapp.services.geo import BuurtShape, drawable_shapes
from gebiedsapp.services.signal_views import SignalRow
from gebiedsapp.services.signals import SignalPoint
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.signal_map import MapPoint, buurt_path


class MapShapes(NamedTuple):
    area_ids: frozenset[uuid.UUID]
    shapes: list[BuurtShape]
    paths: list[QPainterPath]


def read_shapes(read: Callable[[], Session], area_ids: frozenset[uuid.UUID]) -> MapShapes:
    """The area's CBS buurten and its own outlines, with their paths (on a worker)."""
    with read() as session:
        shapes = drawable_shapes(session, area_ids)
    return MapShapes(area_ids, shapes, [buurt_path(shape) for shape in shapes])


def map_points(
    rows: list[SignalRow], points: list[SignalPoint], *, open_keys: frozenset[str] | None = None
) -> list[MapPoint]:
    """The open signals with coordinates that the list shows (so the filters apply): those of
    `rows`, or of the whole list's `open_keys` when only its first rows were made."""
    listed = open_keys if open_keys is not None else {r.key for r in rows if r.closed_on is None}
    return [
        MapPoint(
            point.longitude,
            point.latitude,
            " · ".join(
                part for part in (point.category, point.location, label_of(point.status)) if part
            ),
            point.key,
        )
        for point in points
        if point.key in listed
    ]
