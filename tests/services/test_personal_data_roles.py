"""The gebiedswethouder never sees residents' personal data (issue 6): the permission, the
meedenker register without names, and the inzage dialog refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from gebiedsapp.domain import Role, reference_id
from gebiedsapp.services import teams
from gebiedsapp.services.permissions import PERSONAL_DATA_HIDDEN, may_see_personal_data
from gebiedsapp.services.residents import ResidentInput, list_meedenkers, register_resident

BEERTA = reference_id("area", "beerta")
TODAY = date(2026, 11, 27)


def _member(session: Session, account: str, role: Role, *, ended: bool = False) -> None:
    member = teams.add_member(session, name=f"Lid {account}")
    teams.update_member(
        session, member.id, name=member.name, organisation="", email="", phone="",
        active=True, account=account,
    )  # fmt: skip
    teams.assign(
        session, member_id=member.id, area_id=BEERTA, role=role,
        start_date=TODAY - timedelta(days=100),
        **({"end_date": TODAY - timedelta(days=1)} if ended else {}),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("role", "ended", "sees"),
    [
        (Role.GEBIEDSWETHOUDER, False, False),
        (Role.GEBIEDSWETHOUDER, True, True),  # no longer wethouder
        (Role.GEBIEDSREGISSEUR, False, True),
        (Role.OPBOUWWERKER, False, True),
    ],
)
def test_only_a_wethouder_is_kept_from_personal_data(
    session: Session, role: Role, ended: bool, sees: bool
) -> None:
    _member(session, "iemand", role, ended=ended)
    assert may_see_personal_data(session, "iemand", today=TODAY) is sees
    assert may_see_personal_data(session, "onbekend", today=TODAY)


def test_the_register_without_names(session: Session) -> None:
    register_resident(
        session,
        ResidentInput(name="Mee Denkster", phone="0612345678", wants_meedenken=True, consent=True),
        area_id=BEERTA,
        today=TODAY,
    )
    assert [m.name for m in list_meedenkers(session)] == ["Mee Denkster"]
    assert [m.name for m in list_meedenkers(session, names=False)] == [PERSONAL_DATA_HIDDEN]
