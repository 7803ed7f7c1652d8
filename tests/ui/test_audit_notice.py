"""A save that finds the audit log damaged goes on and says so in a message box (issue 14,
item 5): shown on the GUI thread after the save, never in the middle of it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete, select

from gebiedsapp.domain import AuditAction, AuditEntry, AuditHead
from gebiedsapp.paths import AppPaths
from gebiedsapp.startup import OpenedDatabase
from gebiedsapp.ui.app import create_main_window, start_maintenance


def test_the_start_after_the_head_was_deleted_goes_on_and_says_so(
    qtbot: Any,
    opened: OpenedDatabase,
    app_paths: AppPaths,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _p, title, text, *_a: shown.append((title, text))),
    )
    window = create_main_window(opened, app_paths, actor="test", settings=settings)
    qtbot.addWidget(window)
    with opened.database.sessions() as session:
        session.execute(delete(AuditHead))
        session.commit()
    start_maintenance(opened.database, app_paths, "test")  # what every start does
    assert shown == []  # not inside the save: on the event loop, after it
    qtbot.waitUntil(lambda: bool(shown))
    title, text = shown[0]
    assert title == "Auditlog beschadigd"
    assert text.startswith("Het auditlog is beschadigd aangetroffen: de kop ontbrak;")
    with opened.database.sessions() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    damage = actions.index(AuditAction.DAMAGE)
    assert actions[damage + 1] is AuditAction.OPEN  # the opening was entered after it
    assert window.context.background.wait()
