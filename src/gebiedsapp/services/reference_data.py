"""Loading the shipped reference data: areas, CBS boundaries, themes, partners, categories.

Idempotent by construction: every shipped record has a deterministic id (`reference_id`), only
missing records are inserted, and records that exist (edited or retired by the beheerder) are
left as they are. A second load changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from gebiedsapp.domain.areas import Area, CbsBuurt, CbsWijk, area_buurt
from gebiedsapp.domain.base import reference_id
from gebiedsapp.domain.enums import AreaKind, PartnerKind, TermUnit
from gebiedsapp.domain.settings import AppSetting
from gebiedsapp.domain.taxonomy import Partner, SignalCategory, Theme
from gebiedsapp.resources import load_json, resource_path

CBS_YEAR_SETTING = "reference.cbs_year"
FINGERPRINT_SETTING = "reference.fingerprint"
REFERENCE_FILES = (
    ("geo", "wijken.geojson"),
    ("geo", "buurten.geojson"),
    ("reference", "areas.json"),
    ("reference", "themes.json"),
    ("reference", "partners.json"),
    ("reference", "signal_categories.json"),
)


def shipped_fingerprint() -> str:
    """A hash of the shipped reference files: equal means there is nothing new to load."""
    digest = hashlib.sha256()
    for parts in REFERENCE_FILES:
        digest.update(resource_path(*parts).read_bytes())
    return digest.hexdigest()


def _walk(
    nodes: list[dict[str, Any]], parent: str | None = None
) -> Iterator[tuple[dict[str, Any], str | None]]:
    for node in nodes:
        yield node, parent
        yield from _walk(node.get("children", []), node["key"])


def _existing_ids(
    session: Session, model: type[Area | Theme | Partner | SignalCategory]
) -> set[uuid.UUID]:
    return set(session.scalars(select(model.id)))


def _load_cbs(session: Session, counts: Counter[str]) -> None:
    known_wijken = set(session.scalars(select(CbsWijk.code)))
    known_buurten = set(session.scalars(select(CbsBuurt.code)))
    wijken = load_json("geo", "wijken.geojson")["features"]
    buurten = load_json("geo", "buurten.geojson")["features"]
    new_wijken = [
        {
            "code": f["properties"]["statcode"],
            "name": f["properties"]["statnaam"],
            "year": f["properties"]["jaar"],
            "geometry": json.dumps(f["geometry"], separators=(",", ":")),
        }
        for f in wijken
        if f["properties"]["statcode"] not in known_wijken
    ]
    new_buurten = [
        {
            "code": f["properties"]["statcode"],
            "name": f["properties"]["statnaam"],
            "wijk_code": "WK" + f["properties"]["statcode"][2:8],
            "year": f["properties"]["jaar"],
            "geometry": json.dumps(f["geometry"], separators=(",", ":")),
        }
        for f in buurten
        if f["properties"]["statcode"] not in known_buurten
    ]
    if new_wijken:
        session.execute(insert(CbsWijk), new_wijken)
    if new_buurten:
        session.execute(insert(CbsBuurt), new_buurten)
    counts["cbs_wijk"] += len(new_wijken)
    counts["cbs_buurt"] += len(new_buurten)
    if session.get(AppSetting, CBS_YEAR_SETTING) is None:
        session.add(AppSetting(key=CBS_YEAR_SETTING, value=str(wijken[0]["properties"]["jaar"])))


def _load_areas(session: Session, counts: Counter[str]) -> None:
    existing = _existing_ids(session, Area)
    links: list[dict[str, Any]] = []
    for node, parent in _walk(load_json("reference", "areas.json")["areas"]):
        area_id = reference_id("area", node["key"])
        if area_id in existing:
            continue
        session.add(
            Area(
                id=area_id,
                key=node["key"],
                name=node["name"],
                kind=AreaKind(node["kind"]),
                parent_id=reference_id("area", parent) if parent else None,
                cbs_wijk_code=node.get("cbs_wijk"),
                description=node.get("description", ""),
                sort_order=node.get("sort_order", 0),
            )
        )
        links.extend({"area_id": area_id, "buurt_code": code} for code in node.get("buurten", []))
        counts["area"] += 1
    session.flush()
    if links:
        session.execute(insert(area_buurt), links)


def _load_themes(session: Session, counts: Counter[str]) -> None:
    existing = _existing_ids(session, Theme)
    for node, parent in _walk(load_json("reference", "themes.json")["themes"]):
        theme_id = reference_id("theme", node["key"])
        if theme_id in existing:
            continue
        session.add(
            Theme(
                id=theme_id,
                key=node["key"],
                name=node["name"],
                parent_id=reference_id("theme", parent) if parent else None,
                description=node.get("description", ""),
                sort_order=node.get("sort_order", 0),
            )
        )
        counts["theme"] += 1
    session.flush()


def _load_partners(session: Session, counts: Counter[str]) -> None:
    existing = _existing_ids(session, Partner)
    for node in load_json("reference", "partners.json")["partners"]:
        partner_id = reference_id("partner", node["key"])
        if partner_id in existing:
            continue
        session.add(
            Partner(
                id=partner_id,
                key=node["key"],
                name=node["name"],
                kind=PartnerKind(node["kind"]),
                description=node.get("description", ""),
            )
        )
        counts["partner"] += 1
    session.flush()


def _load_categories(session: Session, counts: Counter[str]) -> None:
    existing = _existing_ids(session, SignalCategory)
    partners = _existing_ids(session, Partner)
    for node, parent in _walk(load_json("reference", "signal_categories.json")["categories"]):
        category_id = reference_id("signal_category", node["key"])
        if category_id in existing:
            continue
        partner_id = (
            reference_id("partner", node["default_partner"])
            if node.get("default_partner")
            else None
        )
        session.add(
            SignalCategory(
                id=category_id,
                key=node["key"],
                name=node["name"],
                parent_id=reference_id("signal_category", parent) if parent else None,
                term=node["term"],
                term_unit=TermUnit(node["term_unit"]),
                default_partner_id=partner_id if partner_id in partners else None,
                sort_order=node.get("sort_order", 0),
            )
        )
        counts["signal_category"] += 1
    session.flush()


def load_reference_data(session: Session) -> Counter[str]:
    """Insert whatever shipped reference data the database lacks; return counts per table.

    Skipped when these very files were loaded before (the usual start), which keeps start-up
    from running a dozen queries for nothing.
    """
    counts: Counter[str] = Counter()
    fingerprint = shipped_fingerprint()
    # read from the table, not through the ORM: the usual start then does not configure
    # SQLAlchemy's mappers before the window's first paint (issue 19)
    setting = AppSetting.__table__.c
    loaded = session.execute(
        select(setting.value).where(setting.key == FINGERPRINT_SETTING)
    ).scalar_one_or_none()
    if loaded == fingerprint:
        return counts
    stored = session.get(AppSetting, FINGERPRINT_SETTING)
    _load_cbs(session, counts)
    session.flush()
    _load_areas(session, counts)
    _load_themes(session, counts)
    _load_partners(session, counts)
    _load_categories(session, counts)
    if stored is None:
        session.add(AppSetting(key=FINGERPRINT_SETTING, value=fingerprint))
    else:
        stored.value = fingerprint
    return +counts  # drop the zero counts: an empty result means nothing was missing
