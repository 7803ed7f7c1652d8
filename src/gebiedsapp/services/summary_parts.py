"""Kept facts brought up to date by counting again only what a write changed: the parts
(`summary_facts.PARTS`: talks, signals, actions, ...) of the areas whose version changed
(`storage.summary_version`, per area and part since migration 0018). The first brief after a
conversation saved in Winschoten counts that area's talks again, not all of Winschoten's
figures (~0.3 s on `large`, issue 15).

Exact by construction: an area's facts of a part are counted from that part's rows of that
area only (the part's queries with the area filter), so the facts of the areas and parts
whose versions did not change are those a fresh count would find, and the recounted ones are
a fresh count. Lists are merged by their order keys (services.summary_order, the SQL orders
in Python). `tests/services/test_summary_parts.py` checks the result against a fresh count
after every write path.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection, Hashable, Iterable
from dataclasses import replace
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.services.period import Period
from gebiedsapp.services.summary_facts import (
    FIELDS_OF,
    FIGURES_OF,
    LIST_OF,
    PARTS,
    TREND_OF,
    Facts,
    part_facts,
    part_figures,
    positions,
)
from gebiedsapp.services.summary_model import Packed, area_of
from gebiedsapp.services.summary_rounds import talk_piece
from gebiedsapp.storage.repositories.reports import AreaIds, ReportRepository
from gebiedsapp.storage.summary_version import EVERY_AREA, NO_AREA, DataVersion

Changed = dict[str, set[uuid.UUID]]  # part -> the areas whose facts of it changed
EVERY = uuid.UUID(int=0)  # in a Changed set: every area's (a reference row, migration 0021)


def changed_parts(before: DataVersion, now: DataVersion) -> Changed | None:
    """What changed from `before` to `now`, per part; None when it cannot be told by part
    (the global version, rows without an area, or a version not per part: count afresh)."""
    if before.base != now.base:
        return None
    old = {(area, part): version for area, part, version in before.parts}
    new = {(area, part): version for area, part, version in now.parts}
    changed: Changed = {}
    for area, part in old.keys() | new.keys():
        if old.get((area, part)) == new.get((area, part)):
            continue
        if area == NO_AREA or part not in PARTS:
            return None
        changed.setdefault(part, set()).add(EVERY if area == EVERY_AREA else uuid.UUID(hex=area))
    return changed


def _mixed(
    base: dict[uuid.UUID, Counter[str]],
    names: Collection[str],
    areas: Iterable[uuid.UUID] | None,
    new: dict[uuid.UUID, Counter[str]],
) -> dict[uuid.UUID, Counter[str]]:
    """Per-area counts of several parts with those of one part (`names`) of `areas` (None:
    every area) new."""
    out = dict(base)
    for area in base.keys() | new.keys() if areas is None else areas:
        counts = Counter({k: v for k, v in out.get(area, Counter()).items() if k not in names})
        counts.update(new.get(area, Counter()))
        if +counts:
            out[area] = counts
        else:  # nothing left: no entry, as a fresh count has none
            out.pop(area, None)
    return out


def _own(
    base: dict[uuid.UUID, Any], areas: Iterable[uuid.UUID] | None, new: dict[uuid.UUID, Any]
) -> Any:
    """Per-area facts of one part with those of `areas` (None: every area) new."""
    if areas is None:
        return dict(new)
    out = dict(base)
    for area in areas:
        out.pop(area, None)
    out.update(new)
    return out


def _merged(
    rows: list[Packed],
    keys: list[Any],
    areas: Collection[uuid.UUID] | None,
    new: list[tuple[Packed, Any]],
) -> tuple[list[Packed], list[Any]]:
    """A list (packed rows, summary_model.Packing) with the rows of `areas` (None: every
    area) new, in the list's order (a stable sort by key)."""
    both: list[tuple[Any, Packed]] = []
    if areas is not None:
        replaced = {area.int for area in areas}
        both = [
            (key, row) for row, key in zip(rows, keys, strict=True) if area_of(row) not in replaced
        ]
    both += [(key, row) for row, key in new]
    both.sort(key=itemgetter(0))
    return [row for _key, row in both], [key for key, _row in both]


def refresh(
    session: Session,
    facts: Facts,
    changed: Changed,
    period: Period,
    today: date,
    *,
    full: bool,
    scope: AreaIds = None,
    base: Hashable | None = None,
) -> Facts:
    """`facts` (all of them with `full`, else the first facts: key figures and team) of the
    areas `scope` (None: every area) with the parts `changed` of their areas counted again
    (EVERY: the part of every area). `base`: the versions under which the talks are added up
    from facts kept per round (`summary_rounds`; a database with round versions, 0021)."""
    previous = period.previous()
    same_year = period.year_earlier() == previous
    figures: dict[str, Any] = {"current": facts.current, "previous": facts.previous}
    if full:
        figures["year_before"] = facts.year_before
    trend = list(facts.trend)
    fields: dict[str, Any] = {}
    orders = dict(facts.orders)
    for part, found in changed.items():
        every = EVERY in found
        counted: list[uuid.UUID] | None = sorted(found)
        if every:
            counted = None if scope is None else sorted(scope)
        areas = None if every else counted  # the areas whose facts of the part are replaced
        # every area's talks (a theme or resident written): counted per area, as afresh; per
        # round every round of the areas would be counted, at about twice the cost
        if part == "talks" and base is not None and not every:
            piece = talk_piece(session, sorted(found), period, today, base=base, full=full)
        elif full:
            piece = part_facts(session, part, counted, period, previous, today)
        else:
            repo = ReportRepository(session)
            piece = {
                "current": part_figures(repo, part, counted, period, today),
                "previous": part_figures(repo, part, counted, previous, today),
            }
        for name in figures:
            figures[name] = _mixed(figures[name], FIGURES_OF[part], areas, piece[name])
        if not full:
            continue
        if part in TREND_OF:
            trend = [
                (month, _mixed(per_area, TREND_OF[part], areas, new))
                for (month, per_area), (_month, new) in zip(trend, piece["trend"], strict=True)
            ]
        for name in FIELDS_OF.get(part, ()):
            fields[name] = _own(fields.get(name, getattr(facts, name)), areas, piece[name])
        if part in LIST_OF:
            name = LIST_OF[part]
            fields[name], orders[name] = _merged(
                fields.get(name, getattr(facts, name)), orders[name], areas, piece[name]
            )
    if full and same_year:
        figures["year_before"] = figures["previous"]
    new = replace(facts, **figures, trend=trend, **fields, added={}, orders=orders)
    _keep_places(facts, new, changed={name for name in LIST_OF.values() if name in fields})
    return new


def _keep_places(old: Facts, new: Facts, *, changed: set[str]) -> None:
    """The rows' places per area (`Facts.where`) of the lists not recounted taken from the
    old facts as they are: finding them again cost a hash of every row's area id."""
    found = old.__dict__.get("where")  # a cached_property, once read
    if found is None:
        return
    places = {
        name: positions(getattr(new, name)) if name in changed else found[name] for name in found
    }
    new.__dict__["where"] = places  # what the cached_property would compute
