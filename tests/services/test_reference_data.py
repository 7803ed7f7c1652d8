"""Shipped reference data: complete on first start, idempotent, and the beheerder's edits win."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import (
    AppSetting,
    Area,
    AreaKind,
    CbsBuurt,
    CbsWijk,
    Partner,
    SignalCategory,
    Theme,
    area_buurt,
    reference_id,
)
from gebiedsapp.resources import resource_path
from gebiedsapp.services import areas, taxonomy
from gebiedsapp.services.reference_data import CBS_YEAR_SETTING, load_reference_data
from gebiedsapp.startup import OpenedDatabase
from gebiedsapp.storage.database import Database

TRACKED = (Area, Theme, Partner, SignalCategory)

# From /work/shared/DOMAIN.md, "Reference data to ship".
KERNEN = {
    "Winschoten",
    "Bad Nieuweschans",
    "Beerta",
    "Blauwestad",
    "Drieborg",
    "Finsterwolde",
    "Heiligerlee",
    "Midwolda",
    "Nieuw-Beerta",
    "Nieuw-Scheemda",
    "Nieuwolda",
    "Oostwold",
    "Scheemda",
    "'t Waar",
    "Westerlee",
}
HAMLETS = {"Hongerige Wolf", "Ekamp", "Oostwolderhamrik"}
WINSCHOTEN_SPOKEN = {
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
LEEFBAAROMETER = {
    "Woningvoorraad",
    "Fysieke omgeving",
    "Voorzieningen",
    "Sociale samenhang",
    "Overlast en onveiligheid",
}


def _json(*parts: str) -> Any:
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))


def _walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk(node.get("children", []))


def _expected_counts() -> Counter[str]:
    return Counter(
        cbs_wijk=len(_json("geo", "wijken.geojson")["features"]),
        cbs_buurt=len(_json("geo", "buurten.geojson")["features"]),
        area=sum(1 for _ in _walk(_json("reference", "areas.json")["areas"])),
        theme=sum(1 for _ in _walk(_json("reference", "themes.json")["themes"])),
        partner=len(_json("reference", "partners.json")["partners"]),
        signal_category=sum(
            1 for _ in _walk(_json("reference", "signal_categories.json")["categories"])
        ),
    )


def _table_counts(session: Session) -> dict[str, int]:
    models = (CbsWijk, CbsBuurt, *TRACKED)
    counts = {
        m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0 for m in models
    }
    counts["area_buurt"] = session.scalar(select(func.count()).select_from(area_buurt)) or 0
    return counts


def _row_stamps(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    return {
        m.__tablename__: sorted(
            map(tuple, session.execute(select(m.id, m.version, m.updated_at, m.name)))
        )
        for m in TRACKED
    }


@pytest.mark.fresh_database
def test_first_load_inserts_everything(opened: OpenedDatabase, session: Session) -> None:
    expected = _expected_counts()
    assert expected["cbs_wijk"] == 11
    assert expected["cbs_buurt"] == 50
    assert opened.reference_counts == expected
    counts = _table_counts(session)
    assert {k: counts[k] for k in expected} == dict(expected)
    assert session.get_one(AppSetting, CBS_YEAR_SETTING).value == "2024"


def test_second_load_changes_nothing(database: Database) -> None:
    with database.read_session() as session:
        counts_before = _table_counts(session)
        stamps_before = _row_stamps(session)

    with database.unit_of_work("tweede-start") as session:
        loaded = load_reference_data(session)

    assert loaded == Counter()
    assert not loaded
    with database.read_session() as session:
        assert _table_counts(session) == counts_before
        assert _row_stamps(session) == stamps_before
        changed = session.scalar(
            select(func.count()).select_from(Area).where(Area.updated_by == "tweede-start")
        )
        assert changed == 0


def test_renamed_record_stays_renamed(database: Database) -> None:
    with database.unit_of_work("beheerder") as session:
        winschoten = areas.find_area(session, "winschoten")
        areas.update_area(
            session,
            winschoten.id,
            name="Stad Winschoten",
            kind=AreaKind.KERN,
            parent_id=winschoten.parent_id,
            buurt_codes=["BU18950000"],
            description="hernoemd",
        )
        theme_id = reference_id("theme", "eenzaamheid")
        theme = session.get_one(Theme, theme_id)
        taxonomy.save_theme(
            session, theme_id=theme_id, name="Eenzaamheid en isolement", parent_id=theme.parent_id
        )

    with database.unit_of_work("tweede-start") as session:
        assert load_reference_data(session) == Counter()

    with database.read_session() as session:
        area = areas.find_area(session, "winschoten")
        assert area.id == reference_id("area", "winschoten")
        assert (area.name, area.description) == ("Stad Winschoten", "hernoemd")
        node = next(n for n in areas.area_tree(session) if n.id == area.id)
        assert node.buurt_codes == ("BU18950000",)
        assert session.get_one(Theme, theme_id).name == "Eenzaamheid en isolement"


def test_soft_deleted_record_is_not_resurrected(database: Database) -> None:
    hamlet_id = reference_id("area", "hongerige-wolf")
    with database.unit_of_work("beheerder") as session:
        areas.remove_area(session, hamlet_id)
        taxonomy.set_retired(
            session,
            taxonomy.TaxonomyKind.PARTNER,
            reference_id("partner", "gemeente-afval"),
            retired=True,
        )

    with database.unit_of_work("tweede-start") as session:
        assert load_reference_data(session) == Counter()

    with database.read_session() as session:
        hamlet = session.get_one(Area, hamlet_id)
        assert hamlet.is_deleted
        assert "Hongerige Wolf" not in {n.name for n in areas.area_tree(session)}
        assert session.scalar(select(func.count()).where(Area.name == "Hongerige Wolf")) == 1
        assert session.get_one(Partner, reference_id("partner", "gemeente-afval")).retired


def test_ids_are_deterministic(session: Session) -> None:
    winschoten = session.get_one(Area, reference_id("area", "winschoten"))
    assert (winschoten.name, winschoten.kind, winschoten.key) == (
        "Winschoten",
        AreaKind.KERN,
        "winschoten",
    )
    for model, kind in ((Area, "area"), (Theme, "theme"), (Partner, "partner")):
        for row_id, key in session.execute(select(model.id, model.key)):
            assert row_id == reference_id(kind, key)
    for row_id, key in session.execute(select(SignalCategory.id, SignalCategory.key)):
        assert row_id == reference_id("signal_category", key)


def test_every_cbs_buurt_is_linked_to_an_area(session: Session) -> None:
    shipped = {f["properties"]["statcode"] for f in _json("geo", "buurten.geojson")["features"]}
    linked = set(session.scalars(select(area_buurt.c.buurt_code).distinct()))
    assert len(shipped) == 50
    assert shipped - linked == set()
    assert linked <= shipped


def test_cbs_wijken_have_the_expected_codes(session: Session) -> None:
    codes = set(session.scalars(select(CbsWijk.code)))
    assert codes == {f"WK1895{n:02d}" for n in range(11)}
    buurten = session.scalars(select(CbsBuurt)).all()
    assert all(b.wijk_code == "WK" + b.code[2:8] for b in buurten)
    assert all(b.geometry.startswith('{"type":') for b in buurten)


def test_kernen_of_oldambt_exist(session: Session) -> None:
    kernen = set(session.scalars(select(Area.name).where(Area.kind == AreaKind.KERN)))
    assert kernen == KERNEN
    hamlets = set(session.scalars(select(Area.name).where(Area.kind == AreaKind.BUURTSCHAP)))
    assert hamlets >= HAMLETS
    root = session.get_one(Area, reference_id("area", "oldambt"))
    assert (root.kind, root.parent_id) == (AreaKind.GEMEENTE, None)


def test_winschoten_neighbourhoods_people_name(session: Session) -> None:
    winschoten_id = reference_id("area", "winschoten")
    names = set(session.scalars(select(Area.name).where(Area.parent_id == winschoten_id)))
    assert names == WINSCHOTEN_SPOKEN


def test_themes_start_from_the_leefbaarometer(session: Session) -> None:
    top = set(session.scalars(select(Theme.name).where(Theme.parent_id.is_(None))))
    assert top >= LEEFBAAROMETER
    parents = {row.id: row.parent_id for row in session.execute(select(Theme.id, Theme.parent_id))}
    for parent_id in parents.values():
        assert parent_id is None or parents[parent_id] is None  # two levels


def test_categories_keep_their_shipped_partner_and_term(session: Session) -> None:
    """A misspelt partner key in the JSON must not silently become 'no partner'."""
    wrong = []
    for node in _walk(_json("reference", "signal_categories.json")["categories"]):
        category = session.get_one(SignalCategory, reference_id("signal_category", node["key"]))
        partner = node.get("default_partner")
        expected_partner = reference_id("partner", partner) if partner else None
        if (category.term, category.default_partner_id) != (node["term"], expected_partner):
            wrong.append(node["key"])
        assert 1 <= category.term <= 365
    assert wrong == []
