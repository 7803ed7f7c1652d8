"""Every enum value has the Dutch label the UI shows; stored values stay what they are."""

from __future__ import annotations

import pytest

from gebiedsapp.domain import AreaKind, Handling, PartnerKind, Role, TermUnit
from gebiedsapp.domain.enums import LabeledEnum

ENUMS: list[type[LabeledEnum]] = [AreaKind, Role, TermUnit, PartnerKind, Handling]


@pytest.mark.parametrize("enum_cls", ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_a_label(enum_cls: type[LabeledEnum]) -> None:
    labels = [member.label for member in enum_cls]
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels)


def test_stored_values_do_not_change() -> None:
    """These strings are in databases on laptops; renaming one is a data migration."""
    assert [k.value for k in AreaKind] == ["gemeente", "kern", "wijk", "buurtschap", "gebied"]
    assert [r.value for r in Role] == ["gebiedsregisseur", "opbouwwerker", "gebiedswethouder"]
    assert [h.value for h in Handling] == ["ter_plekke", "doorverwijzen", "actie_nodig"]
    assert Role.GEBIEDSWETHOUDER.label == "Gebiedswethouder"
