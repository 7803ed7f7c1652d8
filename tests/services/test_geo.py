"""Map geometry: projection, rings, bounding boxes and hit tests on the shipped boundaries."""

from __future__ import annotations

import json
import math
import uuid

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.resources import load_json
from gebiedsapp.services.areas import AreaNode, area_tree
from gebiedsapp.services.geo import (
    area_code,
    bbox,
    buurt_shapes,
    drawable_shapes,
    interior_point,
    map_shapes,
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


# --- areas without a CBS buurt: their own (approximate) outline -------------------------------


def test_every_area_of_the_reference_data_has_a_drawable_geometry(session: Session) -> None:
    """Parkwijk, Bloemenbuurt, Stadspark and Kloostervallei (and two buurtschappen) have no CBS
    buurt: they are drawn by the outline shipped for them; every other area by its buurten."""
    nodes = area_tree(session)
    assert len(nodes) == 29
    for node in nodes:
        below = {node.id} | {n.id for n in nodes if _is_below(nodes, n.id, node.id)}
        shapes = drawable_shapes(session, below)
        assert shapes, node.name
        for shape in shapes:
            assert shape.rings, shape.code
            assert all(len(ring) >= 3 for ring in shape.rings), shape.code
    own = {
        shape.name: shape
        for shape in drawable_shapes(session, {n.id for n in nodes})
        if shape.approximate
    }
    assert sorted(own) == [
        "Bloemenbuurt",
        "Hongerige Wolf",
        "Kloostervallei",
        "Oostwolderhamrik",
        "Parkwijk",
        "Stadspark",
    ]
    parkwijk = next(n for n in nodes if n.name == "Parkwijk")
    assert drawable_shapes(session, {parkwijk.id}) == [own["Parkwijk"]]
    assert own["Parkwijk"].area_id == parkwijk.id
    assert own["Parkwijk"].code == area_code("winschoten-parkwijk")
    assert map_shapes(session, [own["Parkwijk"].code, "BU18950002"]) == [
        *buurt_shapes(session, ["BU18950002"]),
        own["Parkwijk"],
    ]


def _is_below(nodes: list[AreaNode], area_id: uuid.UUID, root: uuid.UUID) -> bool:
    parents = {n.id: n.parent_id for n in nodes}
    parent = parents.get(area_id)
    while parent is not None:
        if parent == root:
            return True
        parent = parents.get(parent)
    return False


def test_the_shipped_outlines_lie_in_the_buurt_they_were_drawn_in_and_say_so() -> None:
    data = load_json("geo", "gebieden.geojson")
    assert "BENADERINGEN" in data["note"]
    assert "geen officiële grenzen" in data["note"]
    buurten = {
        f["id"]: parse_rings(json.dumps(f["geometry"]))
        for f in load_json("geo", "buurten.geojson")["features"]
    }
    for feature in data["features"]:
        assert feature["properties"]["grens"] == "benadering"
        (ring,) = parse_rings(json.dumps(feature["geometry"]))
        inside = buurten[feature["properties"]["afgeleid_van"]]
        assert point_in_rings(*interior_point([ring]), inside), feature["id"]
