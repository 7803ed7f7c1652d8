"""Plain geometry for the buurt map: GeoJSON rings, a local planar projection, hit tests.

The shipped CBS boundaries are WGS84 lon/lat. Over one municipality (about 20 km across) an
equirectangular projection scaled by cos(latitude) is accurate to well under a pixel, so no
projection library is needed. Coordinates come out in metres, x east and y north.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy.orm import Session

from gebiedsapp.resources import load_json
from gebiedsapp.storage.repositories.geo import BuurtGeometry, GeoRepository

Point = tuple[float, float]
Ring = tuple[Point, ...]

# Reference point of the projection: the middle of Oldambt. Fixed, so shapes and signal points
# projected at different moments always line up.
ORIGIN_LON = 7.06
ORIGIN_LAT = 53.19
_METRES_PER_DEGREE_LAT = 111_132.0
_METRES_PER_DEGREE_LON = 111_320.0 * math.cos(math.radians(ORIGIN_LAT))


def project(lon: float, lat: float) -> Point:
    """WGS84 lon/lat to local x/y in metres (x east, y north) around the Oldambt origin."""
    return (
        (lon - ORIGIN_LON) * _METRES_PER_DEGREE_LON,
        (lat - ORIGIN_LAT) * _METRES_PER_DEGREE_LAT,
    )


def parse_rings(geometry: str) -> list[list[Point]]:
    """Every ring (outer and holes) of a GeoJSON Polygon or MultiPolygon, as lon/lat.

    Holes are returned as ordinary rings: with the even-odd rule (`point_in_rings` and the map's
    fill) that is all a hole needs. Empty text gives no rings; other geometry types are an error.
    """
    if not geometry.strip():
        return []
    data = json.loads(geometry)
    kind = data.get("type")
    if kind == "Polygon":
        polygons = [data["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = data["coordinates"]
    else:
        raise ValueError(f"unsupported geometry type: {kind!r}")
    rings: list[list[Point]] = []
    for polygon in polygons:
        for ring in polygon:
            points = [(float(p[0]), float(p[1])) for p in ring]
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()  # GeoJSON repeats the first point; paths close themselves
            if len(points) >= 3:
                rings.append(points)
    return rings


def project_rings(rings: Iterable[Sequence[Point]]) -> tuple[Ring, ...]:
    return tuple(tuple(project(lon, lat) for lon, lat in ring) for ring in rings)


def bbox(rings: Iterable[Sequence[Point]]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y); ValueError when there are no points."""
    xs: list[float] = []
    ys: list[float] = []
    for ring in rings:
        for x, y in ring:
            xs.append(x)
            ys.append(y)
    if not xs:
        raise ValueError("no points")
    return min(xs), min(ys), max(xs), max(ys)


def point_in_rings(x: float, y: float, rings: Iterable[Sequence[Point]]) -> bool:
    """Even-odd rule over all rings: inside one polygon of a MultiPolygon, outside its holes."""
    inside = False
    for ring in rings:
        n = len(ring)
        j = n - 1
        for i in range(n):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


def interior_point(rings: Sequence[Sequence[Point]]) -> Point:
    """A point inside the shape, away from its edges (for labels and tests).

    Unlike the centroid this is inside concave and multi-part shapes too: on a few horizontal
    lines through the shape it takes the middle of the widest inside stretch.
    """
    min_x, min_y, max_x, max_y = bbox(rings)
    best: tuple[float, Point] | None = None
    for step in range(1, 10):
        y = min_y + (max_y - min_y) * step / 10
        crossings: list[float] = []
        for ring in rings:
            n = len(ring)
            for i in range(n):
                xi, yi = ring[i]
                xj, yj = ring[i - 1]
                if (yi > y) != (yj > y):
                    crossings.append((xj - xi) * (y - yi) / (yj - yi) + xi)
        crossings.sort()
        for left, right in zip(crossings[::2], crossings[1::2], strict=False):
            # prefer wide stretches near the vertical middle
            score = (right - left) * (1.0 - abs(step - 5) / 10)
            if best is None or score > best[0]:
                best = (score, ((left + right) / 2, y))
    if best is None:
        return (min_x + max_x) / 2, (min_y + max_y) / 2
    return best[1]


# Areas the municipality defined itself (Parkwijk, Stadspark...) have no CBS buurt. They are
# drawn from resources/geo/gebieden.geojson: outlines the project drew inside the CBS buurt they
# lie in, approximations and not official boundaries. On the map they carry this code prefix.
AREA_CODE_PREFIX = "gebied:"


def area_code(key: str) -> str:
    """The map code of an area's own outline (a CBS buurt's code is its statcode)."""
    return AREA_CODE_PREFIX + key


def is_area_code(code: str) -> bool:
    return code.startswith(AREA_CODE_PREFIX)


@cache
def area_outlines() -> dict[str, tuple[tuple[Point, ...], ...]]:
    """The shipped approximate outlines, lon/lat rings by area key (read once)."""
    data = load_json("geo", "gebieden.geojson")
    return {
        str(feature["id"]): tuple(tuple(r) for r in parse_rings(json.dumps(feature["geometry"])))
        for feature in data["features"]
    }


@dataclass(frozen=True)
class BuurtShape:
    """One shape of the map ready to draw: a CBS buurt, or an area's own approximate outline
    (`area_id` set); rings projected to metres (x east, y north)."""

    code: str
    name: str
    rings: tuple[Ring, ...]
    area_id: uuid.UUID | None = None  # the area whose own outline this is

    @property
    def approximate(self) -> bool:
        """Drawn by the project, not a CBS boundary."""
        return self.area_id is not None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return bbox(self.rings)

    def contains(self, x: float, y: float) -> bool:
        return point_in_rings(x, y, self.rings)

    def label_point(self) -> Point:
        return interior_point(self.rings)


def buurt_shapes(session: Session, codes: Collection[str] | None = None) -> list[BuurtShape]:
    """The buurten with these codes (all when None), by code; buurten without geometry left out."""
    shapes: list[BuurtShape] = []
    for buurt in GeoRepository(session).buurt_geometries(codes):
        rings = project_rings(parse_rings(buurt.geometry))
        if rings:
            shapes.append(BuurtShape(code=buurt.code, name=buurt.name, rings=rings))
    return shapes


def area_shapes(
    session: Session,
    *,
    area_ids: Collection[uuid.UUID] | None = None,
    keys: Collection[str] | None = None,
) -> list[BuurtShape]:
    """The own outlines of the areas that have no CBS buurt (of these ids or keys), by name."""
    outlines = area_outlines()
    shapes = [
        BuurtShape(area_code(key), name, project_rings(outlines[key]), area_id=area_id)
        for area_id, key, name in GeoRepository(session).areas_without_buurt(
            area_ids=area_ids, keys=keys
        )
        if key in outlines
    ]
    return sorted(shapes, key=lambda shape: (shape.name, shape.code))


def map_shapes(session: Session, codes: Collection[str]) -> list[BuurtShape]:
    """The shapes for these map codes: CBS buurten first, then areas' own outlines on top."""
    buurten = [code for code in codes if not is_area_code(code)]
    keys = [code.removeprefix(AREA_CODE_PREFIX) for code in codes if is_area_code(code)]
    shapes = buurt_shapes(session, buurten)
    if keys:
        shapes += area_shapes(session, keys=keys)
    return shapes


def drawable_shapes(session: Session, area_ids: Collection[uuid.UUID]) -> list[BuurtShape]:
    """What the map draws for these areas (an area with its sub-areas, say): the CBS buurten
    linked to them, and on top the own outlines of those without a buurt."""
    repo = GeoRepository(session)
    return buurt_shapes(session, repo.buurt_codes(area_ids)) + area_shapes(
        session, area_ids=area_ids
    )


class BuurtLocator:
    """Which CBS buurt a WGS84 point lies in, over the shipped (stored) buurt polygons.

    The test runs on plain lon/lat: over a buurt the even-odd rule needs no projection. Built
    once per import (50 polygons), then each point costs a few bounding-box checks."""

    def __init__(self, outlines: Iterable[tuple[str, str]]) -> None:
        self._shapes: list[tuple[str, tuple[float, float, float, float], list[list[Point]]]] = []
        for code, geometry in outlines:
            rings = parse_rings(geometry)
            if rings:
                self._shapes.append((code, bbox(rings), rings))

    @classmethod
    def of(cls, session: Session) -> BuurtLocator:
        return cls((buurt.code, buurt.geometry) for buurt in buurt_geometries(session))

    def __bool__(self) -> bool:
        return bool(self._shapes)

    def locate(self, longitude: float, latitude: float) -> str | None:
        """The code of the buurt holding the point; None when it lies in none of them."""
        for code, (min_x, min_y, max_x, max_y), rings in self._shapes:
            inside_box = min_x <= longitude <= max_x and min_y <= latitude <= max_y
            if inside_box and point_in_rings(longitude, latitude, rings):
                return code
        return None


def buurt_geometries(session: Session) -> list[BuurtGeometry]:
    return GeoRepository(session).buurt_geometries()
