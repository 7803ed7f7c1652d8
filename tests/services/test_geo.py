"""Map geometry: projection, rings, bounding boxes and hit tests on the shipped boundaries."""

from __future__ import annotations

import json
import math

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.services.geo import (
    bbox,
    buurt_shapes,
    interior_point,
    parse_rings,
    point_in_rings,
    project,
    project_rings,
)

SQUARE = [[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]]


def test_projection_keeps_relative_positions_and_distances() -> None:
    west = project(6.95, 53.15)
    east = project(7.15, 53.15)
    north = project(6.95, 53.25)
    assert east[0] > west[0]
    assert east[1] == pytest.approx(west[1])
    assert north[1] > west[1]
    assert north[0] == pytest.approx(west[0])
    # 0.1° of latitude is about 11.1 km; 0.2° of longitude at 53.2° N about 13.3 km
    assert north[1] - west[1] == pytest.approx(11_113, rel=0.01)
    assert east[0] - west[0] == pytest.approx(
        0.2 * 111_320 * math.cos(math.radians(53.2)), rel=0.01
    )


def test_point_in_polygon_on_a_square() -> None:
    assert point_in_rings(5, 5, SQUARE)
    assert point_in_rings(0.1, 9.9, SQUARE)
    assert not point_in_rings(-1, 5, SQUARE)
    assert not point_in_rings(5, 10.5, SQUARE)
    assert not point_in_rings(11, 11, SQUARE)


def test_hole_and_multipolygon_parts_use_the_even_odd_rule() -> None:
    geometry = {
        "type": "MultiPolygon",
        "coordinates": [
            [
                [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],  # a hole
            ],
            [[[20, 0], [30, 0], [30, 10], [20, 10], [20, 0]]],
        ],
    }
    rings = parse_rings(json.dumps(geometry))
    assert len(rings) == 3
    assert all(len(ring) == 4 for ring in rings)  # the repeated closing point is dropped
    assert point_in_rings(2, 2, rings)
    assert not point_in_rings(5, 5, rings)  # in the hole
    assert point_in_rings(25, 5, rings)  # the second part
    assert not point_in_rings(15, 5, rings)  # between the parts
    assert bbox(rings) == (0, 0, 30, 10)
    x, y = interior_point(rings)
    assert point_in_rings(x, y, rings)


def test_parse_rings_refuses_other_geometry_and_accepts_empty_text() -> None:
    assert parse_rings("") == []
    with pytest.raises(ValueError, match="Point"):
        parse_rings('{"type": "Point", "coordinates": [7, 53]}')


def test_every_shipped_buurt_parses_into_oldambt(session: Session) -> None:
    shapes = buurt_shapes(session, None)
    assert len(shapes) == 50
    assert [s.code for s in shapes] == sorted(s.code for s in shapes)
    assert sum(len(s.rings) > 1 for s in shapes) >= 3  # the MultiPolygons have several parts
    outer = project_rings([[(6.85, 53.05), (7.25, 53.05), (7.25, 53.30), (6.85, 53.30)]])
    for shape in shapes:
        x, y = shape.label_point()
        assert shape.contains(x, y), shape.code
        min_x, min_y, max_x, max_y = shape.bbox
        assert min_x < x < max_x
        assert min_y < y < max_y
        assert point_in_rings(x, y, outer)


def test_a_real_buurt_holds_its_own_centre_and_not_its_neighbours(session: Session) -> None:
    # Winschoten-Centrum: [[7.045,53.147],[7.025,53.148],[7.022,53.142],[7.041,53.138]]
    (centrum,) = buurt_shapes(session, ["BU18950000"])
    assert centrum.name == "Winschoten-Centrum"
    centre = project(7.033, 53.144)
    assert centrum.contains(*centre)
    assert not centrum.contains(*project(7.035, 53.151))  # in Zeeheldenbuurt, just north
    others = buurt_shapes(session, None)
    holders = [s.code for s in others if s.contains(*centre)]
    assert holders == ["BU18950000"]


def test_buurt_shapes_by_code(session: Session) -> None:
    assert buurt_shapes(session, []) == []
    shapes = buurt_shapes(session, {"BU18950600", "BU18950000", "BU00000000"})
    assert [s.code for s in shapes] == ["BU18950000", "BU18950600"]
