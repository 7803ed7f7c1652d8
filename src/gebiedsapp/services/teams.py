"""Team members, their assignments to areas, and the 'Wie werkt waar' overview."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from gebiedsapp.domain import Assignment, Role, TeamMember
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.errors import NotFoundError, ValidationError
from gebiedsapp.services.permissions import manages, same_account
from gebiedsapp.services.validation import clean_email, clean_name, clean_phone
from gebiedsapp.storage.repositories.areas import AreaRepository
from gebiedsapp.storage.repositories.teams import TeamRepository


def _clean_member_fields(name: str, email: str, phone: str) -> tuple[str, str, str]:
    return clean_name(name, limit=120), clean_email(email), clean_phone(phone)


@manages
def add_member(
    session: Session, *, name: str, organisation: str = "", email: str = "", phone: str = ""
) -> TeamMember:
    name, email, phone = _clean_member_fields(name, email, phone)
    member = TeamMember(
        name=name, organisation=organisation.strip(), email=email, phone=phone, active=True
    )
    session.add(member)
    session.flush()
    return member


@manages
def update_member(
    session: Session,
    member_id: uuid.UUID,
    *,
    name: str,
    organisation: str,
    email: str,
    phone: str,
    active: bool,
    account: str | None = None,
) -> TeamMember:
    """Change a member; `account` (the sign-in whose 'Mijn acties' this is) only when given."""
    member = TeamRepository(session).member(member_id)
    if member is None or member.is_deleted:
        raise NotFoundError("Dit teamlid bestaat niet (meer).")
    if account is not None:
        account = account.strip() or None
        if member.beheerder and not same_account(account, member.account):
            _keep_a_beheerder_reachable(session, member, account)
        other = TeamRepository(session).member_by_account(account) if account else None
        if other is not None and other.id != member_id:
            raise ValidationError(
                f"Het account '{account}' hoort al bij {other.name}.", field="account"
            )
        member.account = account
    member.name, member.email, member.phone = _clean_member_fields(name, email, phone)
    member.organisation = organisation.strip()
    if not active and member.beheerder:
        _keep_a_beheerder(session, member)
    member.active = active
    session.flush()
    return member


@manages
def set_beheerder(session: Session, member_id: uuid.UUID, beheerder: bool) -> TeamMember:
    """Give or take the beheerder role. A beheerder needs an account (to be recognised by);
    the last beheerder cannot be taken off: someone must be able to manage the settings."""
    member = TeamRepository(session).member(member_id)
    if member is None or member.is_deleted:
        raise NotFoundError("Dit teamlid bestaat niet (meer).")
    if beheerder and not (member.account or "").strip():
        raise ValidationError(
            f"{member.name} heeft geen account; een beheerder moet de app zelf gebruiken.",
            field="beheerder",
        )
    actor = str(session.info.get("actor", ""))
    first = beheerder and not TeamRepository(session).beheerders()
    if first and not same_account(member.account, actor):  # whoever names the first, is it
        raise ValidationError(
            f"Maak eerst uzelf beheerder (het teamlid met account '{actor}'); anders kan "
            "niemand op deze computer de instellingen nog beheren.",
            field="beheerder",
        )
    if not beheerder and member.beheerder:
        _keep_a_beheerder(session, member)
    member.beheerder = beheerder
    session.flush()
    return member


def _keep_a_beheerder_reachable(session: Session, member: TeamMember, account: str | None) -> None:
    """The account of the last beheerder may change only to the acting user's own: otherwise
    nobody could manage the settings any more."""
    others = [m for m in TeamRepository(session).beheerders() if m.id != member.id]
    actor = str(session.info.get("actor", ""))
    if not others and not (account and same_account(account, actor)):
        raise ValidationError(
            f"{member.name} is de laatste beheerder: dat account kan alleen uw eigen account "
            f"('{actor}') worden. Maak eerst iemand anders beheerder.",
            field="account",
        )


def _keep_a_beheerder(session: Session, leaving: TeamMember) -> None:
    others = [m for m in TeamRepository(session).beheerders() if m.id != leaving.id]
    if not others:
        raise ValidationError(
            f"{leaving.name} is de laatste beheerder. Maak eerst iemand anders beheerder.",
            field="beheerder",
        )


@manages
def assign(
    session: Session,
    *,
    member_id: uuid.UUID,
    area_id: uuid.UUID,
    role: Role,
    start_date: date,
    end_date: date | None = None,
    note: str = "",
) -> Assignment:
    """Link a member to an area in a role for a period; refuses an overlapping duplicate."""
    teams = TeamRepository(session)
    member = teams.member(member_id)
    if member is None or member.is_deleted:
        raise NotFoundError("Dit teamlid bestaat niet (meer).")
    area = AreaRepository(session).get(area_id)
    if area is None or area.is_deleted:
        raise NotFoundError("Dit gebied bestaat niet (meer).")
    if end_date is not None and end_date < start_date:
        raise ValidationError("De einddatum ligt vóór de begindatum.", field="end_date")
    for other in teams.assignments(area_id=area_id, member_id=member_id):
        if other.role == role and _overlaps(other, start_date, end_date):
            raise ValidationError(
                f"{member.name} is in die periode al {role.label.lower()} van {area.name}.",
                field="start_date",
            )
    assignment = Assignment(
        member_id=member_id,
        area_id=area_id,
        role=role,
        start_date=start_date,
        end_date=end_date,
        note=note.strip(),
    )
    session.add(assignment)
    session.flush()
    return assignment


def _overlaps(other: Assignment, start: date, end: date | None) -> bool:
    other_end = other.end_date or date.max
    return start <= other_end and other.start_date <= (end or date.max)


@manages
def end_assignment(session: Session, assignment_id: uuid.UUID, end_date: date) -> Assignment:
    assignment = TeamRepository(session).assignment(assignment_id)
    if assignment is None or assignment.is_deleted:
        raise NotFoundError("Deze koppeling bestaat niet (meer).")
    if end_date < assignment.start_date:
        raise ValidationError("De einddatum ligt vóór de begindatum.", field="end_date")
    assignment.end_date = end_date
    session.flush()
    return assignment


@manages
def remove_assignment(session: Session, assignment_id: uuid.UUID) -> None:
    """For an assignment entered by mistake; a real change of person uses `end_assignment`."""
    assignment = TeamRepository(session).assignment(assignment_id)
    if assignment is None or assignment.is_deleted:
        raise NotFoundError("Deze koppeling bestaat niet (meer).")
    assignment.soft_delete()
    session.flush()


@dataclass(frozen=True)
class TeamRow:
    """One area in 'Wie werkt waar': the names per role on the chosen day."""

    area_id: uuid.UUID
    area_name: str
    depth: int
    names: dict[Role, tuple[str, ...]] = field(default_factory=dict)

    def for_role(self, role: Role) -> tuple[str, ...]:
        return self.names.get(role, ())


def team_overview(session: Session, *, on: date) -> list[TeamRow]:
    """Every area in tree order with who fills each role on `on` (empty tuples where nobody)."""
    names: dict[uuid.UUID, dict[Role, list[str]]] = {}
    for assignment in TeamRepository(session).assignments(on=on):
        per_role = names.setdefault(assignment.area_id, {})
        per_role.setdefault(assignment.role, []).append(assignment.member.name)
    return [
        TeamRow(
            area_id=node.id,
            area_name=node.name,
            depth=node.depth,
            names={role: tuple(sorted(v)) for role, v in names.get(node.id, {}).items()},
        )
        for node in area_tree(session)
    ]


@dataclass(frozen=True)
class WethouderRow:
    name: str
    areas: tuple[str, ...]


def wethouder_overview(session: Session, *, on: date) -> list[WethouderRow]:
    """Which wethouder is linked to which areas on `on` (the question the seed page asks)."""
    areas: dict[str, list[str]] = {}
    for assignment in TeamRepository(session).assignments(on=on):
        if assignment.role is Role.GEBIEDSWETHOUDER:
            areas.setdefault(assignment.member.name, []).append(assignment.area.name)
    return [WethouderRow(name, tuple(sorted(a))) for name, a in sorted(areas.items())]


@dataclass(frozen=True)
class AssignmentView:
    id: uuid.UUID
    member_id: uuid.UUID
    member_name: str
    area_id: uuid.UUID
    area_name: str
    role: Role
    start_date: date
    end_date: date | None


def list_assignments(
    session: Session,
    *,
    area_id: uuid.UUID | None = None,
    member_id: uuid.UUID | None = None,
    on: date | None = None,
) -> list[AssignmentView]:
    return [
        AssignmentView(
            id=a.id,
            member_id=a.member_id,
            member_name=a.member.name,
            area_id=a.area_id,
            area_name=a.area.name,
            role=a.role,
            start_date=a.start_date,
            end_date=a.end_date,
        )
        for a in TeamRepository(session).assignments(area_id=area_id, member_id=member_id, on=on)
    ]


@dataclass(frozen=True)
class MemberView:
    id: uuid.UUID
    name: str
    organisation: str
    email: str
    phone: str
    active: bool
    account: str | None = None
    beheerder: bool = False

    @classmethod
    def of(cls, m: TeamMember) -> MemberView:
        return cls(m.id, m.name, m.organisation, m.email, m.phone, m.active, m.account, m.beheerder)


def list_members(session: Session, *, active_only: bool = False) -> list[MemberView]:
    return [MemberView.of(m) for m in TeamRepository(session).members(active_only=active_only)]
