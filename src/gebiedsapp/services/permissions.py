"""Who may do what with residents' personal data.

Until real sign-in and roles arrive (the privacy issue), "who" is the account the app runs
under (`identity.current_actor`: the OS account or GEBIEDSAPP_USER), matched on
`TeamMember.account`, and the role comes from that member's assignments on the day. This module
is the one place to change when sign-in lands; screens and services ask here, never decide
themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from gebiedsapp.domain.enums import Role
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage.repositories.teams import TeamRepository

# Roles that work with residents directly and so may take their contact details along.
PERSONAL_DATA_ROLES = frozenset({Role.GEBIEDSREGISSEUR, Role.OPBOUWWERKER})
# Roles that never see personal data, whatever else the same person does (DOMAIN.md).
NO_PERSONAL_DATA_ROLES = frozenset({Role.GEBIEDSWETHOUDER})

PERSONAL_DATA_REFUSED = (
    "Je mag geen persoonsgegevens van bewoners exporteren. Dat mogen alleen "
    "gebiedsregisseurs en opbouwwerkers met een lopende toewijzing aan een gebied."
)


def may_export_personal_data(session: Session, actor: str, *, today: date) -> bool:
    """True only for an active team member, signed in as `actor`, who is gebiedsregisseur or
    opbouwwerker somewhere on `today` and not also a gebiedswethouder; False for unknown
    accounts."""
    account = actor.strip()
    if not account:
        return False
    repo = TeamRepository(session)
    member = repo.member_by_account(account)
    if member is None or not member.active:
        return False
    roles = {a.role for a in repo.assignments(member_id=member.id, on=today)}
    return bool(roles & PERSONAL_DATA_ROLES) and not roles & NO_PERSONAL_DATA_ROLES


PERSONAL_DATA_HIDDEN = "(afgeschermd)"  # shown instead of a resident's name to a wethouder


def may_see_personal_data(session: Session, actor: str, *, today: date) -> bool:
    """False for a gebiedswethouder (a running wethouder assignment on `today`): that role never
    sees residents' names, phone numbers or e-mail addresses, on screen or in files. Everyone
    else working in the app may see them where their work needs them."""
    account = actor.strip()
    if not account:
        return True
    repo = TeamRepository(session)
    member = repo.member_by_account(account)
    if member is None:
        return True
    roles = {a.role for a in repo.assignments(member_id=member.id, on=today)}
    return not roles & NO_PERSONAL_DATA_ROLES


MANAGE_REFUSED = (
    "Dit mag alleen een beheerder van de Gebiedsapp (instellingen, gebieden, teams, "
    "reservekopieën, bewaartermijnen en AVG-verzoeken). Vraag een beheerder."
)


def may_manage(session: Session, actor: str) -> bool:
    """The beheerder role: an active team member marked beheerder, signed in as `actor`.
    Until a beheerder is named (a new installation), everyone may, so that the first one can
    be named (Beheer → Teams)."""
    repo = TeamRepository(session)
    beheerders = repo.beheerders()
    if not beheerders:
        return True
    return bool(actor.strip()) and any(same_account(m.account, actor) for m in beheerders)


def same_account(one: str | None, other: str | None) -> bool:
    """Accounts compare without case and spaces (Windows user names are case-insensitive)."""
    return (one or "").strip().casefold() == (other or "").strip().casefold()


def require_manage(session: Session, actor: str) -> None:
    """Raise ValidationError (Dutch) unless `actor` may manage the settings."""
    if not may_manage(session, actor):
        raise ValidationError(MANAGE_REFUSED, field="beheerder")


P = ParamSpec("P")
R = TypeVar("R")


def manages(service: Callable[Concatenate[Session, P], R]) -> Callable[Concatenate[Session, P], R]:
    """A service only the beheerder may call (areas, teams, reference data, backup folder,
    retention, AVG requests): checked against the session's actor, for the window and the
    CLI alike, before anything changes."""

    @functools.wraps(service)
    def checked(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
        require_manage(session, str(session.info.get("actor", "")))
        return service(session, *args, **kwargs)

    return checked
