"""What the beheerder does with the area tree."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain.areas import Area
from gebiedsapp.domain.enums import AreaKind
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.services.validation import clean_name
from gebiedsapp.storage.repositories.areas import AreaRepository, AreaTreeRow
from gebiedsapp.storage.repositories.teams import TeamRepository


@dataclass(frozen=True)
class AreaNode:
    """A plain, detached view of one area for screens and the CLI."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    name: str
    kind: AreaKind
    cbs_wijk_code: str | None
    buurt_codes: tuple[str, ...]
    description: str
    depth: int


def area_tree(session: Session) -> list[AreaNode]:
    """All areas in depth-first tree order (each parent before its children)."""
    areas, codes = AreaRepository(session).tree_rows()
    by_parent: dict[uuid.UUID | None, list[AreaTreeRow]] = {}
    known = {a.id for a in areas}
    for area in areas:
        parent = area.parent_id if area.parent_id in known else None
        by_parent.setdefault(parent, []).append(area)
    result: list[AreaNode] = []

    def visit(parent: uuid.UUID | None, depth: int) -> None:
        for area in by_parent.get(parent, []):
            result.append(
                AreaNode(
                    id=area.id,
                    parent_id=area.parent_id if area.parent_id in known else None,
                    name=area.name,
                    kind=area.kind,
                    cbs_wijk_code=area.cbs_wijk_code,
                    buurt_codes=tuple(sorted(codes.get(area.id, ()))),
                    description=area.description,
                    depth=depth,
                )
            )
            visit(area.id, depth + 1)

    visit(None, 0)
    return result


def find_area(session: Session, text: str) -> Area:
    """The one area named `text` (name, key or CBS code); a Dutch error when none or several."""
    matches = AreaRepository(session).find(text)
    if not matches:
        raise NotFoundError(f"Geen gebied gevonden met de naam of code '{text}'.")
    if len(matches) > 1:
        names = ", ".join(a.name for a in matches)
        raise ValidationError(f"'{text}' past bij meer dan één gebied ({names}); wees preciezer.")
    return matches[0]


def _clean_name(name: str) -> str:
    return clean_name(name, limit=120, message="Geef het gebied een naam.")


def _check_parent(repo: AreaRepository, kind: AreaKind, parent_id: uuid.UUID | None) -> None:
    if parent_id is None:
        if kind is not AreaKind.GEMEENTE:
            raise ValidationError(
                "Kies een bovenliggend gebied; alleen de gemeente zelf staat bovenaan.",
                field="parent",
            )
        return
    parent = repo.get(parent_id)
    if parent is None or parent.is_deleted:
        raise NotFoundError("Het bovenliggende gebied bestaat niet (meer).")


def _check_buurten(session: Session, codes: Sequence[str]) -> list[str]:
    wanted = sorted(set(codes))
    found = {b.code for b in AreaRepository(session).buurten_by_code(wanted)}
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise ValidationError(f"Onbekende CBS-buurtcode: {', '.join(unknown)}.", field="buurten")
    return wanted


@manages
def create_area(
    session: Session,
    *,
    name: str,
    kind: AreaKind,
    parent_id: uuid.UUID | None,
    buurt_codes: Sequence[str] = (),
    description: str = "",
) -> Area:
    repo = AreaRepository(session)
    _check_parent(repo, kind, parent_id)
    area = Area(
        name=_clean_name(name),
        kind=kind,
        parent_id=parent_id,
        description=description.strip(),
        sort_order=len(repo.children_of(parent_id)) if parent_id else 0,
    )
    area.buurten = list(repo.buurten_by_code(_check_buurten(session, buurt_codes)))
    session.add(area)
    session.flush()
    return area


@manages
def update_area(
    session: Session,
    area_id: uuid.UUID,
    *,
    name: str,
    kind: AreaKind,
    parent_id: uuid.UUID | None,
    buurt_codes: Sequence[str],
    description: str,
) -> Area:
    repo = AreaRepository(session)
    area = repo.get(area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    _check_parent(repo, kind, parent_id)
    if parent_id is not None:
        ancestor = repo.get(parent_id)
        while ancestor is not None:
            if ancestor.id == area_id:
                raise ValidationError(
                    "Een gebied kan niet onder zichzelf of een van zijn deelgebieden hangen.",
                    field="parent",
                )
            ancestor = repo.get(ancestor.parent_id) if ancestor.parent_id else None
    area.name = _clean_name(name)
    area.kind = kind
    area.parent_id = parent_id
    area.description = description.strip()
    area.buurten = list(repo.buurten_by_code(_check_buurten(session, buurt_codes)))
    session.flush()
    return area


@manages
def remove_area(session: Session, area_id: uuid.UUID) -> None:
    """Soft-delete an area without sub-areas; its records keep pointing at it."""
    repo = AreaRepository(session)
    area = repo.get(area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    if repo.children_of(area_id):
        raise ValidationError(
            "Dit gebied heeft nog deelgebieden. Verplaats of verwijder die eerst."
        )
    running = TeamRepository(session).assignments(area_id=area_id, on=date.today())
    if running:
        names = ", ".join(sorted({a.member.name for a in running}))
        raise ValidationError(
            f"Aan dit gebied zijn nog teamleden gekoppeld ({names}). Beëindig die koppelingen "
            "eerst (Beheer → Teams)."
        )
    area.soft_delete()
    session.flush()


@dataclass(frozen=True)
class BuurtView:
    code: str
    name: str
    wijk_code: str


def list_buurten(session: Session) -> list[BuurtView]:
    """All CBS buurten, by code."""
    return [BuurtView(b.code, b.name, b.wijk_code) for b in AreaRepository(session).buurten()]
