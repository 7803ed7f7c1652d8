"""Where a signal is, from its coordinates: the CBS buurt around the point and our area for it.

An export from Signalen has coordinates but no area of ours. The point is looked up in the
shipped CBS buurt polygons (`geo.BuurtLocator`); the area is the most specific area that holds
that buurt (Centrum rather than Winschoten). A buurt shared by two areas (Lanengebied and
St. Vitusholt) goes to the area that holds both (Winschoten). A point outside every buurt of
Oldambt is refused with a reason the user can act on.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from gebiedsapp.domain import Area, CbsBuurt, area_buurt
from gebiedsapp.services.geo import BuurtLocator

__all__ = ["Place", "Places"]


def _degrees(value: float) -> str:
    return f"{value:.5f}".replace(".", ",")


@dataclass(frozen=True)
class Place:
    area_id: uuid.UUID | None
    buurt_code: str | None
    reason: str = ""  # Dutch, when no area could be given


class Places:
    """Built once per import; `of` answers per row without further queries."""

    def __init__(self, session: Session) -> None:
        self.locator = BuurtLocator.of(session)
        live = select(Area.id, Area.parent_id, Area.name).where(Area.deleted_at.is_(None))
        self.parents: dict[uuid.UUID, uuid.UUID | None] = {}
        self.names: dict[uuid.UUID, str] = {}
        for area_id, parent_id, name in session.execute(live):
            self.parents[area_id] = parent_id
            self.names[area_id] = name
        self.buurt_names: dict[str, str] = dict(
            session.execute(select(CbsBuurt.code, CbsBuurt.name)).all()
        )
        self.areas_of: dict[str, set[uuid.UUID]] = {}
        for area_id, code in session.execute(select(area_buurt.c.area_id, area_buurt.c.buurt_code)):
            if area_id in self.parents:
                self.areas_of.setdefault(code, set()).add(area_id)

    def _ancestors(self, area_id: uuid.UUID) -> set[uuid.UUID]:
        found: set[uuid.UUID] = set()
        parent = self.parents.get(area_id)
        while parent is not None and parent not in found:
            found.add(parent)
            parent = self.parents.get(parent)
        return found

    def _area(self, areas: set[uuid.UUID]) -> uuid.UUID | None:
        """The most specific of `areas`; for a buurt shared by two, the one holding both."""
        above = {area_id: self._ancestors(area_id) for area_id in areas}
        specific = [a for a in areas if not any(a in above[b] for b in areas if b != a)]
        if len(specific) == 1:
            return specific[0]
        common = [a for a in areas if all(a in above[s] for s in specific)]
        deepest = [a for a in common if not any(a in above[b] for b in common if b != a)]
        return deepest[0] if len(deepest) == 1 else None

    def buurt_at(self, latitude: float, longitude: float) -> str | None:
        return self.locator.locate(longitude, latitude)

    def of(self, latitude: float, longitude: float) -> Place:
        """The area and buurt of a point, or the reason there are none."""
        code = self.buurt_at(latitude, longitude)
        if code is None:
            return Place(
                None,
                None,
                f"Het punt ({_degrees(latitude)}; {_degrees(longitude)}) ligt buiten Oldambt "
                "(in geen enkele CBS-buurt van de gemeente); verbeter de coördinaten of vul het "
                "gebied in.",
            )
        name = self.buurt_names.get(code, code)
        areas = self.areas_of.get(code, set())
        if not areas:
            return Place(
                None, code, f"De buurt '{name}' ({code}) hoort bij geen gebied; vul het gebied in."
            )
        area_id = self._area(areas)
        if area_id is None:
            shown = ", ".join(sorted(self.names[a] for a in areas))
            return Place(
                None,
                code,
                f"De buurt '{name}' hoort bij meer gebieden ({shown}); vul het gebied in.",
            )
        return Place(area_id, code)
