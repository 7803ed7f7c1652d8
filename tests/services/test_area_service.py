"""What the beheerder does with the area tree: create, edit, remove, find."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, AreaKind, reference_id
from gebiedsapp.services import areas
from gebiedsapp.services.errors import NotFoundError, ValidationError

WINSCHOTEN = reference_id("area", "winschoten")
CENTRUM = reference_id("area", "winschoten-centrum")
OLDAMBT = reference_id("area", "oldambt")


def _node(session: Session, area_id: uuid.UUID) -> areas.AreaNode:
    return next(n for n in areas.area_tree(session) if n.id == area_id)


def _area_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Area)) or 0


def test_create_area_under_a_kern(session: Session, make_area: Callable[..., Area]) -> None:
    area = make_area(
        name="  De   Nieuwe  Wijk ",
        parent_id=WINSCHOTEN,
        buurt_codes=["BU18950002", "BU18950002", "BU18950004"],
        description=" nieuw ",
    )
    session.commit()

    node = _node(session, area.id)
    assert node.name == "De Nieuwe Wijk"  # spaces tidied
    assert node.kind is AreaKind.GEBIED
    assert node.parent_id == WINSCHOTEN
    assert node.buurt_codes == ("BU18950002", "BU18950004")
    assert node.description == "nieuw"
    assert node.depth == 2
    assert area.sort_order == 10  # after Winschoten's ten shipped neighbourhoods
    assert area.created_by == "test"


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_name_is_refused(session: Session, make_area: Callable[..., Area], name: str) -> None:
    before = _area_count(session)
    with pytest.raises(ValidationError) as caught:
        make_area(name=name)
    assert caught.value.message == "Geef het gebied een naam."
    assert caught.value.field == "name"
    assert _area_count(session) == before


def test_too_long_name_is_refused(make_area: Callable[..., Area]) -> None:
    with pytest.raises(ValidationError, match="te lang"):
        make_area(name="x" * 121)


def test_unknown_buurt_code_is_refused(session: Session, make_area: Callable[..., Area]) -> None:
    before = _area_count(session)
    with pytest.raises(ValidationError) as caught:
        make_area(buurt_codes=["BU18950000", "BU99999999"])
    assert caught.value.message == "Onbekende CBS-buurtcode: BU99999999."
    assert caught.value.field == "buurten"
    assert _area_count(session) == before


def test_unknown_parent_is_refused(make_area: Callable[..., Area]) -> None:
    with pytest.raises(NotFoundError, match="bovenliggende gebied bestaat niet"):
        make_area(parent_id=uuid.uuid4())


def test_removed_parent_is_refused(session: Session, make_area: Callable[..., Area]) -> None:
    hamlet = reference_id("area", "hongerige-wolf")
    areas.remove_area(session, hamlet)
    with pytest.raises(NotFoundError):
        make_area(parent_id=hamlet)


def test_update_area(session: Session) -> None:
    beerta = reference_id("area", "beerta")
    areas.update_area(
        session,
        beerta,
        name="Beerta-dorp",
        kind=AreaKind.KERN,
        parent_id=OLDAMBT,
        buurt_codes=["BU18950300"],
        description="alleen het dorp",
    )
    session.commit()
    node = _node(session, beerta)
    assert (node.name, node.buurt_codes, node.description) == (
        "Beerta-dorp",
        ("BU18950300",),
        "alleen het dorp",
    )
    assert session.get_one(Area, beerta).version == 2


def test_move_area_to_another_parent(session: Session, make_area: Callable[..., Area]) -> None:
    area = make_area(name="Zwerver", parent_id=WINSCHOTEN)
    areas.update_area(
        session,
        area.id,
        name="Zwerver",
        kind=AreaKind.GEBIED,
        parent_id=reference_id("area", "scheemda"),
        buurt_codes=[],
        description="",
    )
    node = _node(session, area.id)
    assert (node.parent_id, node.depth) == (reference_id("area", "scheemda"), 2)


@pytest.mark.parametrize("new_parent", [WINSCHOTEN, CENTRUM], ids=["itself", "own-child"])
def test_cycle_is_refused(session: Session, new_parent: uuid.UUID) -> None:
    with pytest.raises(ValidationError) as caught:
        areas.update_area(
            session,
            WINSCHOTEN,
            name="Winschoten",
            kind=AreaKind.KERN,
            parent_id=new_parent,
            buurt_codes=[],
            description="",
        )
    assert caught.value.field == "parent"
    assert "onder zichzelf" in caught.value.message
    assert session.get_one(Area, WINSCHOTEN).parent_id == OLDAMBT


def test_update_unknown_area_is_refused(session: Session) -> None:
    with pytest.raises(NotFoundError, match="bestaat niet"):
        areas.update_area(
            session,
            uuid.uuid4(),
            name="x",
            kind=AreaKind.GEBIED,
            parent_id=None,
            buurt_codes=[],
            description="",
        )


def test_remove_area_with_children_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError, match="nog deelgebieden"):
        areas.remove_area(session, WINSCHOTEN)
    assert not session.get_one(Area, WINSCHOTEN).is_deleted


def test_remove_leaf_area(session: Session, make_area: Callable[..., Area]) -> None:
    area = make_area(name="Tijdelijk")
    areas.remove_area(session, area.id)
    session.commit()

    assert session.get_one(Area, area.id).is_deleted
    assert area.id not in {n.id for n in areas.area_tree(session)}
    with pytest.raises(NotFoundError):
        areas.find_area(session, "Tijdelijk")
    with pytest.raises(NotFoundError):
        areas.remove_area(session, area.id)  # twice


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Winschoten", "winschoten"),
        ("  wInScHoTeN ", "winschoten"),
        ("t-waar", "t-waar"),  # key
        ("'t Waar", "t-waar"),
        ("BU18950903", "ekamp"),  # CBS buurt code, linked to one area only
        ("bu18950903", "ekamp"),
        ("WK189503", "beerta"),  # CBS wijk code
        ("St. Vitusholt", "winschoten-st-vitusholt"),
    ],
)
def test_find_area(session: Session, text: str, key: str) -> None:
    assert areas.find_area(session, text).id == reference_id("area", key)


def test_find_area_ambiguous(session: Session) -> None:
    # BU18950007 is linked to Winschoten, Lanengebied and St. Vitusholt
    with pytest.raises(ValidationError) as caught:
        areas.find_area(session, "BU18950007")
    for name in ("Winschoten", "Lanengebied", "St. Vitusholt"):
        assert name in caught.value.message
    assert "meer dan één gebied" in caught.value.message


def test_find_area_unknown(session: Session) -> None:
    with pytest.raises(NotFoundError) as caught:
        areas.find_area(session, "Atlantis")
    assert caught.value.message == "Geen gebied gevonden met de naam of code 'Atlantis'."


def test_area_tree_order(session: Session) -> None:
    tree = areas.area_tree(session)
    assert tree[0].id == OLDAMBT
    assert tree[0].depth == 0
    assert tree[1].id == WINSCHOTEN
    position = {node.id: index for index, node in enumerate(tree)}
    depth = {node.id: node.depth for node in tree}
    for node in tree[1:]:
        assert node.parent_id is not None
        assert position[node.parent_id] < position[node.id]
        assert depth[node.parent_id] == node.depth - 1
    # Winschoten's children follow it directly, before the next kern
    after = [n.name for n in tree[2:12]]
    assert set(after) == {
        "Centrum",
        "Parkwijk",
        "Bloemenbuurt",
        "Zeeheldenbuurt",
        "Stadspark",
        "Winschoten-Zuid",
        "Lanengebied",
        "Bomenbuurt",
        "Kloostervallei",
        "St. Vitusholt",
    }
    assert len(tree) == _area_count(session)
