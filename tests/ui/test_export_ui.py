"""'Exporteren…' on every list screen: the dialog, the personal-data choice, and a file that
reads back with what the screen lists."""

from __future__ import annotations

import csv
import io
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gebiedsapp.domain import AuditAction, AuditEntry, ContactType, Role, reference_id
from gebiedsapp.services import contacts, koffiekar, teams
from gebiedsapp.services.actions import create_follow_up
from gebiedsapp.services.export import CSV_ENCODING, ExportFormat
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.lists import list_conversations
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.ui import export as export_ui
from gebiedsapp.ui.actions import MyActionsScreen
from gebiedsapp.ui.contacts.screen import ContactsScreen
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.export import ExportDialog, Exporter, default_file_name
from gebiedsapp.ui.koffiekar.screen import KoffiekarScreen
from gebiedsapp.ui.lists import ListsScreen
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.team_overview import TeamOverviewScreen

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

BEERTA = reference_id("area", "beerta")
OUDEREN = reference_id("theme", "ouderen")
TODAY = date.today()
RESIDENT = "Bewonerxq Fictiefsma"


@pytest.fixture
def data(context: AppContext) -> None:
    """Three conversations in Beerta (one with a resident who wants contact), a contact and an
    action."""
    with context.database.unit_of_work("test") as session:
        round_ = koffiekar.start_session(
            session, SessionInput(area_id=BEERTA, day=TODAY, start_time=time(10), place="Kerk")
        )
        for n, resident in enumerate((ResidentInput(), ResidentInput(), ResidentInput(
            name=RESIDENT, phone="0612345678", wants_contact=True, consent=True
        ))):  # fmt: skip
            koffiekar.record_conversation(
                session,
                session_id=round_.id,
                data=ConversationInput(
                    f"Gesprek {n}\nmet een tweede regel", theme_ids=[OUDEREN], resident=resident
                ),
            )
        contact = contacts.record_contact(
            session,
            contacts.ContactInput(
                day=TODAY, area_id=BEERTA, contact_type=ContactType.HUISBEZOEK,
                subject="=Bezoek aan de buurvrouw",
            ),
        )  # fmt: skip
        create_follow_up(
            session, description="Terugbellen", area_id=BEERTA, owner_id=None,
            due_date=TODAY + timedelta(days=2), contact_id=contact.id,
        )  # fmt: skip


def _make_regisseur(context: AppContext, *, role: Role = Role.GEBIEDSREGISSEUR) -> None:
    """Link the account the app runs under ('test') to a team member with this role."""
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Rianne Regisseur")
        teams.update_member(
            session, member.id, name=member.name, organisation="", email="", phone="",
            active=True, account="test",
        )  # fmt: skip
        teams.assign(
            session, member_id=member.id, area_id=BEERTA, role=role,
            start_date=TODAY - timedelta(days=30),
        )  # fmt: skip


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(kind: str) -> Any:
        def show(_parent: QWidget, title: str, text: str, *_a: object) -> object:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(export_ui.QMessageBox, kind, record(kind))
    return shown


def _show(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def lists(qtbot: QtBot, context: AppContext, data: None) -> ListsScreen:
    screen = ListsScreen(context)
    _show(qtbot, screen)
    screen.set_area(BEERTA)
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=15_000)
    return screen


def _export(qtbot: QtBot, exporter: Exporter, path: Path, **kwargs: Any) -> int:
    with qtbot.waitSignal(exporter.exported, timeout=15_000) as done:
        assert exporter.export_to(path, **kwargs)
    assert done.args is not None
    assert done.args[0] == path
    return int(done.args[1])


def _csv(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode(CSV_ENCODING)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_every_list_screen_has_the_button(qtbot: QtBot, context: AppContext) -> None:
    screens = [
        ListsScreen(context),
        MyActionsScreen(context),
        KoffiekarScreen(context),
        ContactsScreen(context),
        TeamOverviewScreen(context),
        SignalsScreen(context),
    ]
    for screen in screens:
        qtbot.addWidget(screen)
        exporter = screen.exporter  # type: ignore[attr-defined]
        assert isinstance(exporter, Exporter)
        assert exporter.button.text() == "Exporteren…"
        assert screen.isAncestorOf(exporter.button)
    # the koffiekar screen has nothing to export before an area is chosen
    assert not screens[2].exporter.button.isEnabled()  # type: ignore[attr-defined]
    assert screens[2].export_job() is None  # type: ignore[attr-defined]


def test_personal_data_checkbox_is_off_and_disabled_for_a_non_member(
    lists: ListsScreen,
) -> None:
    dialog = lists.exporter.make_dialog(lists.export_job())  # the conversations tab
    assert not dialog.personal.isEnabled()
    assert not dialog.personal.isChecked()
    assert dialog.note.text() == export_ui.NOT_ALLOWED
    assert dialog.with_personal_data is False
    assert dialog.fmt is ExportFormat.XLSX


def test_personal_data_checkbox_is_offered_unchecked_to_a_regisseur(
    lists: ListsScreen, context: AppContext
) -> None:
    _make_regisseur(context)
    dialog = lists.exporter.make_dialog(lists.export_job())
    assert dialog.personal.isEnabled()
    assert not dialog.personal.isChecked()
    dialog.personal.setChecked(True)
    assert dialog.with_personal_data is True
    lists.tabs.setCurrentIndex(0)  # rounds hold no personal data at all
    rounds = lists.exporter.make_dialog(lists.export_job())
    assert not rounds.personal.isEnabled()
    assert rounds.note.text() == export_ui.NO_PERSONAL_DATA


def test_a_wethouder_is_never_offered_personal_data(
    lists: ListsScreen, context: AppContext
) -> None:
    _make_regisseur(context, role=Role.GEBIEDSWETHOUDER)
    assert not lists.exporter.make_dialog(lists.export_job()).personal.isEnabled()


def test_the_button_asks_format_and_file_then_writes_the_whole_filtered_list(
    qtbot: QtBot,
    lists: ListsScreen,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    def choose_csv(dialog: ExportDialog) -> int:
        dialog.csv_button.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    suggested: list[str] = []

    def save_as(_parent: QWidget, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(tmp_path / "mijn-export"), _filter

    monkeypatch.setattr(ExportDialog, "exec", choose_csv)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    with qtbot.waitSignal(lists.exporter.exported, timeout=15_000):
        lists.exporter.button.click()
    assert Path(suggested[0]).name == f"gesprekken-{date.today().isoformat()}.csv"
    target = tmp_path / "mijn-export.csv"
    rows = _csv(target)
    with context.read() as session:
        expected = [r.summary for r in list_conversations(session, lists.current_filter())]
    assert len(expected) == 3
    assert rows[0][:4] == ["Datum", "Gebied", "Plek", "Samenvatting"]
    assert [r[3] for r in rows[1:]] == expected
    assert rows[1][3].endswith("\nmet een tweede regel")
    assert rows[1][0] == TODAY.strftime("%d-%m-%Y")
    assert RESIDENT not in target.read_text(encoding=CSV_ENCODING)
    assert messages == [("information", f"3 rijen opgeslagen in:\n{target}")]
    assert lists.exporter.button.isEnabled()
    with context.read() as session:  # entered in the audit log, without the file's name
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry is not None
    assert (entry.action, entry.actor, entry.record_type, entry.detail) == (
        AuditAction.EXPORT,
        "test",
        "gesprekken",
        "csv, 3 rijen, zonder persoonsgegevens",
    )


def test_xlsx_with_personal_data_for_a_regisseur(
    qtbot: QtBot,
    lists: ListsScreen,
    context: AppContext,
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    _make_regisseur(context)
    target = tmp_path / "gesprekken.xlsx"
    assert _export(qtbot, lists.exporter, target, personal=True) == 3
    sheet = load_workbook(target)["Gesprekken"]
    assert sheet["J1"].value == "Naam bewoner"
    names = [sheet.cell(row=r, column=10).value for r in range(2, 5)]
    assert RESIDENT in names
    assert sheet["A2"].is_date


def test_the_service_refuses_personal_data_even_when_the_dialog_is_bypassed(
    qtbot: QtBot, lists: ListsScreen, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "gesprekken.xlsx"
    with qtbot.waitSignal(lists.exporter.failed, timeout=15_000) as failed:
        assert lists.exporter.export_to(target, personal=True)
    assert failed.args is not None
    assert "geen persoonsgegevens" in failed.args[0]
    assert messages == [("warning", failed.args[0])]
    assert list(folder.iterdir()) == []


def test_other_screens_export_what_they_show(
    qtbot: QtBot,
    context: AppContext,
    data: None,
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    koffie = KoffiekarScreen(context)
    _show(qtbot, koffie)
    koffie.set_area(BEERTA)  # chosen in the window's area tree: read on the worker
    qtbot.waitUntil(lambda: koffie.area is not None and koffie.area.id == BEERTA)
    assert koffie.exporter.button.isEnabled()
    assert _export(qtbot, koffie.exporter, tmp_path / "k.xlsx") == 4  # 1 round, 3 conversations
    assert load_workbook(tmp_path / "k.xlsx").sheetnames == ["Rondes", "Gesprekken"]
    assert default_file_name(koffie.export_job().name, ExportFormat.XLSX, TODAY) == (  # type: ignore[union-attr]
        f"koffiekar-beerta-{TODAY.isoformat()}.xlsx"
    )

    log = ContactsScreen(context)
    _show(qtbot, log)
    log.set_area(BEERTA)
    _export(qtbot, log.exporter, tmp_path / "c.csv", fmt=ExportFormat.CSV)
    rows = _csv(tmp_path / "c.csv")
    assert [r[4] for r in rows[1:]] == ["'=Bezoek aan de buurvrouw"]  # guarded against formulas

    _make_regisseur(context)
    mine = MyActionsScreen(context)
    _show(qtbot, mine)
    assert _export(qtbot, mine.exporter, tmp_path / "a.csv", fmt=ExportFormat.CSV) == 0
    assert _csv(tmp_path / "a.csv")[0][:2] == ["Uiterlijk", "Actie"]

    overview = TeamOverviewScreen(context)
    _show(qtbot, overview)
    _export(qtbot, overview.exporter, tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == ["Per gebied", "Per wethouder"]
    beerta = next(r for r in book["Per gebied"].iter_rows(values_only=True) if r[0] == "Beerta")
    assert beerta[2] == "Rianne Regisseur"
    assert [m[0] for m in messages] == ["information"] * 4
