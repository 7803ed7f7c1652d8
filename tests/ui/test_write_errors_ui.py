"""A save that the database refuses (here: a read-only database file) shows why in Dutch,
says nothing was changed, and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from gebiedsapp.domain import Area, AreaKind, reference_id
from gebiedsapp.services import areas
from gebiedsapp.storage.database import Database
from gebiedsapp.ui.context import AREAS, AppContext, ChangeHub


def test_a_read_only_database_says_so(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = context.database.file
    assert path is not None
    read_only = Database.connect(f"sqlite:///file:{path}?mode=ro&uri=true", context.database.key)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *_a: shown.append(text))
    )
    blocked = AppContext(database=read_only, actor="anna", paths=context.paths, hub=ChangeHub())
    try:
        with context.read() as s:
            before = s.scalar(select(func.count()).select_from(Area))
        result = blocked.perform(
            None,
            lambda session: areas.create_area(
                session,
                name="Nieuw gebied",
                kind=AreaKind.GEBIED,
                parent_id=reference_id("area", "oldambt"),
            ),
            changes=(AREAS,),
        )
        assert result is None
        assert len(shown) == 1
        assert "Er is niets gewijzigd" in shown[0]
        assert "alleen-lezen" in shown[0]
        with context.read() as s:
            assert s.scalar(select(func.count()).select_from(Area)) == before
    finally:
        read_only.dispose()
