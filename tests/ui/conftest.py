"""UI fixtures: an AppContext on a real, migrated SQLite file and a main window on it."""

from __future__ import annotations

import gc
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gebiedsapp.domain import ActionStatus, FollowUp, TeamMember
from gebiedsapp.paths import AppPaths
from gebiedsapp.paths import app_paths as _app_paths
from gebiedsapp.services import demo
from gebiedsapp.services import teams as team_service
from gebiedsapp.services.areas import find_area
from gebiedsapp.startup import OpenedDatabase, open_database
from gebiedsapp.ui.context import AppContext, ChangeHub
from gebiedsapp.ui.prompts import Leave
from support.dbfile import TEST_KEY


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_gui_thread() -> Iterator[None]:
    """As the app does (ui.gc_guard): no automatic collection, which could run on the
    background worker and destroy a Qt object of an earlier test there. And as its start
    does (ui.none_guard): None and True outlive the references PySide6 loses (without it a
    run of many UI files in one process aborted at exit: bool_dealloc)."""
    from gebiedsapp.ui.none_guard import keep_none_alive

    keep_none_alive()
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def context(opened: OpenedDatabase, app_paths: AppPaths) -> Iterator[AppContext]:
    ctx = AppContext(database=opened.database, actor="test", paths=app_paths, hub=ChangeHub())
    yield ctx
    assert ctx.background.wait(), "background work still running after the test"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, context: AppContext, settings: QSettings):  # type: ignore[no-untyped-def]
    from gebiedsapp.ui.main_window import MainWindow

    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


DEMO_SIZE, DEMO_SEED = "small", 1


@pytest.fixture(scope="session")
def demo_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The migrated template with `gebiedsapp demo-data --size small --seed 1` in it (through
    the same service as the CLI), made once per run: screens full of rows, as users see them."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    shutil.copyfile(migrated_template, path)
    opened = open_database(
        f"sqlite:///{path}", _app_paths(folder / "data"), actor="test", key=TEST_KEY
    )
    with opened.database.unit_of_work("test") as session:
        demo.generate(session, size=DEMO_SIZE, seed=DEMO_SEED)
        _sign_in_as_busiest(session, account="test")
    opened.database.dispose()
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("demo.db-")]
    assert not leftovers, f"the demo template was not closed cleanly: {leftovers}"
    return path


def _sign_in_as_busiest(session: Session, *, account: str) -> None:
    """Demo members have no account: give the one with the most open actions the tests'
    account, so that 'Mijn acties' has rows to click."""
    busiest = session.scalar(
        select(FollowUp.owner_id)
        .where(FollowUp.status == ActionStatus.OPEN, FollowUp.owner_id.is_not(None))
        .group_by(FollowUp.owner_id)
        .order_by(func.count().desc(), FollowUp.owner_id)
        .limit(1)
    )
    assert busiest is not None, "the demo data has no open actions"
    member = session.get(TeamMember, busiest)
    assert member is not None
    team_service.update_member(
        session,
        member.id,
        name=member.name,
        organisation=member.organisation,
        email=member.email or "",
        phone=member.phone or "",
        active=member.active,
        account=account,
    )


@pytest.fixture
def beerta(context: AppContext) -> uuid.UUID:
    """The id of the village Beerta, which the screen tests record their work in."""
    with context.read() as session:
        return find_area(session, "Beerta").id


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every warning or error box shown, recorded instead of a modal box that would block."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    return shown


@pytest.fixture
def leave_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[ModuleType, Leave], list[Leave]]:
    """Answer a list-and-form screen's 'Concept bewaren / Weggooien / Annuleren' (or 'Opslaan /
    …') with `choice`, without a modal box: `leave_answers(screen_module, choice)` returns the
    list each question asked is entered in."""

    def set_answer(module: ModuleType, choice: Leave) -> list[Leave]:
        asked: list[Leave] = []

        def ask(_parent: object, *_args: object, **_texts: object) -> Leave:
            asked.append(choice)
            return choice

        monkeypatch.setattr(module, "ask_leave", ask)
        return asked

    return set_answer
