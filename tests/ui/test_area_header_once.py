"""One area click reads the area header once, however many screens follow the area (issue 19:
each screen's set_area read it again, about five times per click)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel
from signal_steps import click_area, open_screen
from sqlalchemy import event
from sqlalchemy.orm import Session

from gebiedsapp.domain import Role
from gebiedsapp.services import teams as team_service
from gebiedsapp.services.areas import find_area
from gebiedsapp.ui.context import TEAM, AppContext
from gebiedsapp.ui.main_window import CONTACTS, INITIATIVES, LISTS, SIGNALS, MainWindow


def _header_reads(context: AppContext) -> list[str]:
    """Every statement that counts the CBS wijken: only an area header does."""
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statement = str(args[2])
        if "FROM cbs_wijk" in statement and "count(" in statement.lower():
            statements.append(statement)

    event.listen(context.database.engine, "before_cursor_execute", seen)
    return statements


def test_an_area_click_reads_the_header_once_for_every_screen(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    for key in (CONTACTS, LISTS, INITIATIVES, SIGNALS):
        open_screen(qtbot, window, key)
    qtbot.waitUntil(lambda: not context.background.busy())
    reads = _header_reads(context)

    click_area(qtbot, window, beerta)

    signals = window.screens[SIGNALS]
    qtbot.waitUntil(lambda: "Beerta" in signals.subtitle.text())  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")
    qtbot.waitUntil(lambda: not context.background.busy())
    assert len(reads) == 1

    with context.read() as session:
        drieborg = find_area(session, "Drieborg").id
    click_area(qtbot, window, drieborg)  # the next click reads its own header, once
    qtbot.waitUntil(lambda: "Drieborg" in signals.subtitle.text())  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not context.background.busy())
    assert len(reads) == 2


def test_a_team_change_is_in_the_next_header(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """The shared header is forgotten when the team changes, before the area page reloads."""
    click_area(qtbot, window, beerta)

    def add_to_team(session: Session) -> None:
        member = team_service.add_member(session, name="Tessa Teamlid")
        team_service.assign(
            session, member_id=member.id, area_id=beerta, role=Role.OPBOUWWERKER,
            start_date=date.today(),
        )  # fmt: skip

    context.perform(window, add_to_team, changes=(TEAM,))

    def texts() -> list[str]:
        return [label.text() for label in window.area_page.team_box.findChildren(QLabel)]

    qtbot.waitUntil(lambda: any("Tessa Teamlid" in text for text in texts()))


def test_the_first_headers_modules_come_in_one_chain_and_a_failing_one_does_not_spin(
    qtbot: Any, context: AppContext, beerta: uuid.UUID, monkeypatch: Any
) -> None:
    """The first header imports its modules one per turn (issue 19). Headers asked meanwhile
    wait for that one chain (each started its own); a module that fails to import is tried
    once and the header is read all the same (it was tried again every turn, for ever, and
    no header came: review)."""
    from gebiedsapp.ui import area_headers, warmup
    from gebiedsapp.ui.area_headers import AreaHeaders

    monkeypatch.setattr(area_headers, "_first_header", lambda: True)
    monkeypatch.setattr(area_headers, "AREA_HEADER", ("gebiedsapp_not_a_module", "json"))
    tried: list[str] = []
    real_import = warmup.importlib.import_module

    def counted(name: str) -> Any:
        tried.append(name)
        return real_import(name)

    monkeypatch.setattr(warmup.importlib, "import_module", counted)
    chains: list[object] = []
    start_chain = area_headers.import_in_turns

    def one_more(*args: Any, **kwargs: Any) -> None:
        chains.append(args)
        start_chain(*args, **kwargs)

    monkeypatch.setattr(area_headers, "import_in_turns", one_more)
    headers = AreaHeaders(context.read, context.background)
    with context.read() as session:
        drieborg = find_area(session, "Drieborg").id
    owner = QLabel()
    got: list[str] = []
    for area in (beerta, drieborg):
        headers.fetch(area, owner=owner, on_done=lambda header: got.append(header.area.name))
    qtbot.waitUntil(lambda: len(got) == 2, timeout=10_000)
    assert sorted(got) == ["Beerta", "Drieborg"]
    assert len(chains) == 1
    qtbot.wait(50)
    assert tried.count("gebiedsapp_not_a_module") == 1
    context.background.wait()
