"""Population per area from the imported CBS key figures, and rates per 1,000 inhabitants.

An area's population is the sum of the CBS buurten linked to it and its sub-areas (each buurt
once); the whole municipality is its own CBS row. An area without a linked buurt, or with a
buurt that has no figure that year, has no population: it is said to be unknown, never guessed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.cbs_import import CREDIT
from gebiedsapp.storage.repositories.cbs_figures import CbsFiguresRepository


@dataclass(frozen=True)
class Population:
    """The CBS context of an area: `inhabitants` None means unknown, `reason` says why."""

    year: int
    inhabitants: int | None
    households: int | None
    buurten: int  # the CBS buurten it is the sum of (0 for the municipality's own row)
    reason: str = ""  # Dutch, when unknown
    shared_with: tuple[str, ...] = ()  # other areas linked to one of these buurten too

    @property
    def shared_note(self) -> str:
        """Said beside the number: a buurt two areas share counts whole for each of them."""
        if not self.shared_with:
            return ""
        return (
            f"een CBS-buurt wordt gedeeld met {', '.join(self.shared_with)}; die telt hier "
            "helemaal mee"
        )

    @property
    def known(self) -> bool:
        return self.inhabitants is not None and self.inhabitants > 0

    @property
    def credit(self) -> str:
        return CREDIT.format(year=self.year)

    def per_thousand(self, count: int) -> float | None:
        """`count` per 1,000 inhabitants; None when the population is unknown."""
        if not self.known or self.inhabitants is None:
            return None
        return count / self.inhabitants * 1000


def figures_year(session: Session, *, up_to: int | None = None) -> int | None:
    """The newest imported year, at most `up_to` when such a year exists (a summary of 2023
    uses 2023's figures, not 2024's); None when nothing was imported."""
    years = [y.year for y in CbsFiguresRepository(session).years()]
    if not years:
        return None
    earlier = [y for y in years if up_to is None or y <= up_to]
    return max(earlier) if earlier else min(years)


def population(
    session: Session,
    area_ids: Iterable[uuid.UUID],
    *,
    municipality: bool = False,
    up_to: int | None = None,
) -> Population | None:
    """The population of these areas (with their sub-areas already in `area_ids`); None when
    no CBS figures were imported at all."""
    year = figures_year(session, up_to=up_to)
    if year is None:
        return None
    repo = CbsFiguresRepository(session)
    if municipality:
        code = repo.municipality_code()
        rows = repo.inhabitants(year, [code] if code else [])
        if rows and rows[0].inhabitants is not None:
            return Population(year, rows[0].inhabitants, rows[0].households, 0)
    codes = repo.linked_buurten(area_ids)
    if not codes:
        return Population(year, None, None, 0, "dit gebied is niet aan een CBS-buurt gekoppeld")
    found = {row.code: row for row in repo.inhabitants(year, codes)}
    missing = [c for c in codes if found.get(c) is None or found[c].inhabitants is None]
    if missing:
        return Population(
            year,
            None,
            None,
            len(codes),
            f"geen CBS-cijfer {year} voor {', '.join(missing[:3])}"
            + (f" en {len(missing) - 3} andere" if len(missing) > 3 else ""),
        )
    households = [found[c].households for c in codes]
    return Population(
        year,
        sum(found[c].inhabitants or 0 for c in codes),
        None if any(h is None for h in households) else sum(h or 0 for h in households),
        len(codes),
        shared_with=_sharing(session, set(area_ids), set(codes)),
    )


def _sharing(session: Session, ids: set[uuid.UUID], codes: set[str]) -> tuple[str, ...]:
    """Areas neither among these, above them nor below them that are linked to one of
    `codes`: Lanengebied and St. Vitusholt share one CBS buurt, so neither has a population
    of its own in CBS."""
    nodes = area_tree(session)
    parents = {node.id: node.parent_id for node in nodes}

    def line(area_id: uuid.UUID | None) -> set[uuid.UUID]:  # the area and those above it
        found: set[uuid.UUID] = set()
        while area_id is not None and area_id not in found:
            found.add(area_id)
            area_id = parents.get(area_id)
        return found

    above = set().union(*(line(area_id) for area_id in ids)) if ids else set()
    return tuple(
        sorted(
            node.name
            for node in nodes
            if node.id not in above and not line(node.id) & ids and codes & set(node.buurt_codes)
        )
    )
