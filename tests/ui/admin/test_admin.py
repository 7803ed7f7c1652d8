"""Beheer screens driven like a user, checked on the database through services afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMessageBox, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gebiedsapp.domain import PartnerKind, Role, TermUnit
from gebiedsapp.paths import app_paths
from gebiedsapp.services.areas import area_tree, find_area
from gebiedsapp.services.taxonomy import save_partner
from gebiedsapp.services.teams import add_member, assign, list_assignments, wethouder_overview
from gebiedsapp.startup import open_database
from gebiedsapp.storage.repositories.taxonomy import TaxonomyRepository
from gebiedsapp.storage.repositories.teams import TeamRepository
from gebiedsapp.ui.admin import AdminScreen
from gebiedsapp.ui.admin.team_dialogs import AssignDialog, EndDateDialog
from gebiedsapp.ui.context import AREAS, CATEGORIES, PARTNERS, TEAM, THEMES, AppContext, ChangeHub
from gebiedsapp.ui.formatting import to_qdate

# The offscreen platform says this when any top-level window is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

# ---- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    paths = app_paths(tmp_path / "data")
    opened = open_database(f"sqlite:///{tmp_path / 't.db'}", paths, actor="test")
    yield AppContext(database=opened.database, actor="test", paths=paths, hub=ChangeHub())
    opened.database.dispose()


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext, messages: list[str]) -> AdminScreen:
    widget = AdminScreen(context)
    qtbot.addWidget(widget)
    widget.resize(1050, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# ---- helpers ----------------------------------------------------------------------------------


def click_index(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    assert index.isValid()
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex() == index, "the click did not land on the row (tab not shown?)"


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    click_index(qtbot, table, table.model().index(row, 0))


def retype(qtbot: QtBot, widget: object, text: str) -> None:
    """Select what is in a line edit (or spin box) and type over it, as a user would."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)


def area_id(context: AppContext, name: str) -> uuid.UUID:
    with context.read() as session:
        return find_area(session, name).id


def kinds_include(kind: str) -> Callable[[frozenset[str]], bool]:
    return lambda kinds: kind in kinds


# ---- the screen -------------------------------------------------------------------------------


def test_tabs_in_order_and_show_tab(screen: AdminScreen) -> None:
    titles = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert titles == [
        "Gebieden",
        "Teams",
        "Thema's",
        "Signaalcategorieën",
        "Partners",
        "Teamserver",
    ]
    names = ("areas", "team", "themes", "categories", "partners", "server")
    for position, name in enumerate(names):
        screen.show_tab(name)
        assert screen.tabs.currentIndex() == position
    with pytest.raises(ValueError, match="unknown admin tab"):
        screen.show_tab("settings")


def test_models_pass_the_model_tester(
    screen: AdminScreen, context: AppContext, qtmodeltester: ModelTester
) -> None:
    with context.database.unit_of_work("test") as session:
        member = add_member(session, name="Els Bakker")
        assign(
            session,
            member_id=member.id,
            area_id=find_area(session, "Beerta").id,
            role=Role.OPBOUWWERKER,
            start_date=date(2024, 1, 1),
            end_date=date(2024, 6, 30),
        )
    context.hub.announce(TEAM)
    screen.team_tab.select_member(member.id)
    assert screen.team_tab.assignments.rowCount() == 1
    for model in (
        screen.team_tab.members,
        screen.team_tab.assignments,
        screen.partners_tab.partners,
        screen.themes_tab.model,
        screen.categories_tab.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_tabs_reload_only_for_their_kinds(
    screen: AdminScreen, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    for name, tab in (
        ("areas", screen.areas_tab),
        ("team", screen.team_tab),
        ("themes", screen.themes_tab),
        ("categories", screen.categories_tab),
        ("partners", screen.partners_tab),
    ):
        monkeypatch.setattr(tab, "reload", lambda name=name: calls.append(name))
    context.hub.announce(THEMES)
    assert calls == ["themes"]
    calls.clear()
    context.hub.announce(PARTNERS)
    assert sorted(calls) == ["categories", "partners"]
    calls.clear()
    context.hub.announce(AREAS)
    assert sorted(calls) == ["areas", "team"]


# ---- Gebieden ---------------------------------------------------------------------------------


def test_rename_area_and_link_a_buurt(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.areas_tab
    beerta = area_id(context, "Beerta")
    click_index(qtbot, tab.tree, tab.model.index_of(beerta))
    assert tab.name_edit.text() == "Beerta"
    assert tab.buurt_count.text() == "Gekoppeld: 4 CBS-buurt(en)"

    retype(qtbot, tab.name_edit, "Beerta-dorp")
    qtbot.keyClicks(tab.buurt_filter, "bu18950400")
    visible = [
        tab.buurt_list.item(row)
        for row in range(tab.buurt_list.count())
        if not tab.buurt_list.item(row).isHidden()
    ]
    assert [item.text() for item in visible] == ["Nieuw-Beerta (BU18950400)"]
    visible[0].setCheckState(Qt.CheckState.Checked)  # what a click on the check box does
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(AREAS)):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    assert messages == []
    with context.read() as session:
        node = next(n for n in area_tree(session) if n.id == beerta)
    assert node.name == "Beerta-dorp"
    assert "BU18950400" in node.buurt_codes
    assert len(node.buurt_codes) == 5
    assert tab.current is not None
    assert tab.current.id == beerta


def test_empty_area_name_warns_in_dutch_and_changes_nothing(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.areas_tab
    beerta = area_id(context, "Beerta")
    click_index(qtbot, tab.tree, tab.model.index_of(beerta))
    retype(qtbot, tab.name_edit, "")
    with qtbot.assertNotEmitted(context.hub.changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert messages == ["Geef het gebied een naam."]
    with context.read() as session:
        assert find_area(session, "Beerta").id == beerta


def test_only_the_gemeente_may_have_no_parent(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.areas_tab
    click_index(qtbot, tab.tree, tab.model.index_of(area_id(context, "Beerta")))
    none_item = tab.parent_combo.model().index(0, 0)
    assert tab.parent_combo.itemText(0) == "(geen)"
    assert not (tab.parent_combo.model().flags(none_item) & Qt.ItemFlag.ItemIsEnabled)
    # the area itself and its descendants are not offered as parent
    assert tab.parent_combo.findText("Beerta") == -1

    tab.parent_combo.setCurrentIndex(0)  # a disabled entry can still be reached by keyboard
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert messages
    assert messages[0].startswith("Kies een bovenliggend gebied")
    with context.read() as session:
        assert find_area(session, "Beerta").parent_id is not None


def test_new_sub_area_then_remove_it(
    qtbot: QtBot,
    screen: AdminScreen,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    answer_yes: list[str],
    messages: list[str],
) -> None:
    tab = screen.areas_tab
    beerta = area_id(context, "Beerta")
    click_index(qtbot, tab.tree, tab.model.index_of(beerta))
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("Beerta-Noord", True))
    )
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.name_edit.text() == "Beerta-Noord"
    with context.read() as session:
        new = find_area(session, "Beerta-Noord")
    assert new.parent_id == beerta

    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert answer_yes
    assert "Beerta-Noord" in answer_yes[0]
    assert messages == []
    with context.read() as session:
        assert all(node.name != "Beerta-Noord" for node in area_tree(session))
    assert tab.current is not None
    assert tab.current.id == beerta


def test_area_with_sub_areas_is_not_removed(
    qtbot: QtBot,
    screen: AdminScreen,
    context: AppContext,
    answer_yes: list[str],
    messages: list[str],
) -> None:
    tab = screen.areas_tab
    click_index(qtbot, tab.tree, tab.model.index_of(area_id(context, "Midwolda")))
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert messages == ["Dit gebied heeft nog deelgebieden. Verplaats of verwijder die eerst."]
    with context.read() as session:
        assert find_area(session, "Midwolda").name == "Midwolda"


# ---- Teams ------------------------------------------------------------------------------------


def fake_exec(qtbot: QtBot, fill: Callable[[Any], None]) -> Callable[[Any], int]:
    """Replace QDialog.exec: show the dialog, let `fill` act on it, press its OK button."""

    def run(dialog: Any) -> int:
        dialog.show()
        fill(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    return run


def test_add_member_and_link_as_gebiedswethouder_of_beerta(
    qtbot: QtBot,
    screen: AdminScreen,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    tab = screen.team_tab
    screen.show_tab("team")
    qtbot.mouseClick(tab.new_member_button, Qt.MouseButton.LeftButton)
    assert not tab.assign_button.isEnabled()  # not before the member is saved
    qtbot.keyClicks(tab.name_edit, "Anna de Vries")
    qtbot.keyClicks(tab.organisation_edit, "Gemeente Oldambt (college)")
    qtbot.keyClicks(tab.email_edit, "a.devries@oldambt.nl")
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(TEAM)):
        qtbot.mouseClick(tab.save_member_button, Qt.MouseButton.LeftButton)
    assert messages == []
    with context.read() as session:
        members = [m for m in TeamRepository(session).members() if m.name == "Anna de Vries"]
    assert len(members) == 1
    assert members[0].email == "a.devries@oldambt.nl"
    assert tab.member_id == members[0].id
    assert tab.assign_button.isEnabled()

    beerta = area_id(context, "Beerta")
    start = date(2025, 3, 1)

    def fill(dialog: AssignDialog) -> None:
        dialog.area_combo.setCurrentIndex(dialog.area_combo.findData(str(beerta)))
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Gebiedswethouder"))
        dialog.start_edit.setDate(to_qdate(start))
        assert dialog.start_edit.text() == "01-03-2025"
        assert not dialog.end_edit.isEnabled()

    monkeypatch.setattr(AssignDialog, "exec", fake_exec(qtbot, fill))
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(TEAM)):
        qtbot.mouseClick(tab.assign_button, Qt.MouseButton.LeftButton)

    assert messages == []
    with context.read() as session:
        overview = wethouder_overview(session, on=start)
        before = wethouder_overview(session, on=start - timedelta(days=1))
    assert any(row.name == "Anna de Vries" and "Beerta" in row.areas for row in overview)
    assert all(row.name != "Anna de Vries" for row in before)
    assert tab.assignments.rowCount() == 1
    shown = [tab.assignments.index(0, c).data() for c in range(4)]
    assert shown == ["Beerta", "Gebiedswethouder", "01-03-2025", "—"]


def test_bad_email_warns_and_adds_nobody(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.team_tab
    qtbot.mouseClick(tab.new_member_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.name_edit, "Piet Post")
    qtbot.keyClicks(tab.email_edit, "piet-at-oldambt")
    qtbot.mouseClick(tab.save_member_button, Qt.MouseButton.LeftButton)
    assert messages == ["'piet-at-oldambt' is geen geldig e-mailadres."]
    assert tab.name_edit.text() == "Piet Post"  # what was typed stays for correcting
    with context.read() as session:
        assert TeamRepository(session).members() == []


def _member_with_assignment(context: AppContext) -> tuple[uuid.UUID, uuid.UUID]:
    with context.database.unit_of_work("test") as session:
        member = add_member(session, name="Bert Mulder")
        link = assign(
            session,
            member_id=member.id,
            area_id=find_area(session, "Finsterwolde").id,
            role=Role.GEBIEDSREGISSEUR,
            start_date=date(2024, 1, 1),
        )
        return member.id, link.id


def test_end_an_assignment(
    qtbot: QtBot,
    screen: AdminScreen,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    member_id, link_id = _member_with_assignment(context)
    context.hub.announce(TEAM)
    tab = screen.team_tab
    screen.show_tab("team")
    click_row(qtbot, tab.member_table, 0)
    assert tab.member_id == member_id
    assert not tab.end_button.isEnabled()
    click_row(qtbot, tab.assignment_table, 0)
    assert tab.end_button.isEnabled()

    def fill(dialog: EndDateDialog) -> None:
        assert dialog.date_edit.minimumDate() == to_qdate(date(2024, 1, 1))
        dialog.date_edit.setDate(to_qdate(date(2025, 8, 31)))

    monkeypatch.setattr(EndDateDialog, "exec", fake_exec(qtbot, fill))
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(TEAM)):
        qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    assert messages == []
    with context.read() as session:
        link = TeamRepository(session).assignment(link_id)
    assert link is not None
    assert link.end_date == date(2025, 8, 31)
    assert tab.assignments.index(0, 3).data() == "31-08-2025"


def test_remove_an_assignment_after_confirming(
    qtbot: QtBot,
    screen: AdminScreen,
    context: AppContext,
    answer_yes: list[str],
    messages: list[str],
) -> None:
    member_id, _link_id = _member_with_assignment(context)
    context.hub.announce(TEAM)
    tab = screen.team_tab
    screen.show_tab("team")
    click_row(qtbot, tab.member_table, 0)
    click_row(qtbot, tab.assignment_table, 0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert answer_yes
    assert "Bert Mulder" in answer_yes[0]
    assert messages == []
    with context.read() as session:
        assert [v for v in list_assignments(session) if v.member_id == member_id] == []
    assert tab.assignments.rowCount() == 0


# ---- Thema's ----------------------------------------------------------------------------------


def test_retire_a_theme_and_take_it_back(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.themes_tab
    screen.show_tab("themes")
    theme = next(item for item in tab.items if item.name == "Eenzaamheid")
    click_index(qtbot, tab.tree, tab.model.index_of(theme.id))
    assert tab.retire_button.text() == "Buiten gebruik stellen"
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(THEMES)):
        qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)

    with context.read() as session:
        offered = {t.id for t in TaxonomyRepository(session).themes(include_retired=False)}
        everything = {t.id for t in TaxonomyRepository(session).themes()}
    assert theme.id not in offered
    assert theme.id in everything
    index = tab.model.index_of(theme.id)
    assert index.data() == "Eenzaamheid (buiten gebruik)"
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert tab.retire_button.text() == "Weer in gebruik nemen"
    assert tab.status.isVisible()

    qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    with context.read() as session:
        offered = {t.id for t in TaxonomyRepository(session).themes(include_retired=False)}
    assert theme.id in offered
    assert messages == []


def test_new_theme_goes_under_the_selected_hoofdthema(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.themes_tab
    screen.show_tab("themes")
    top = next(item for item in tab.items if item.name == "Sociale samenhang")
    click_index(qtbot, tab.tree, tab.model.index_of(top.id))
    # a hoofdthema with themes under it stays a hoofdthema (there are two levels only)
    assert not tab.parent_combo.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.title.text() == "Nieuw thema"
    assert tab.parent_combo.currentText() == "Sociale samenhang"
    qtbot.keyClicks(tab.name_edit, "Buurtpreventie")
    qtbot.keyClicks(tab.description_edit, "WhatsApp-groepen en buurtwachten")
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(THEMES)):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert messages == []
    with context.read() as session:
        saved = [t for t in TaxonomyRepository(session).themes() if t.name == "Buurtpreventie"]
    assert len(saved) == 1
    assert saved[0].parent_id == top.id
    assert saved[0].description == "WhatsApp-groepen en buurtwachten"
    assert tab.current is not None
    assert tab.current.id == saved[0].id


def test_theme_without_name_is_refused(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.themes_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(context.hub.changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert messages == ["Vul een naam in."]


# ---- Signaalcategorieën -----------------------------------------------------------------------


def test_category_term_cannot_be_zero_and_twelve_persists(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.categories_tab
    screen.show_tab("categories")
    category = next(item for item in tab.items if item.name == "Straatverlichting")
    click_index(qtbot, tab.tree, tab.model.index_of(category.id))
    assert tab.term_spin.minimum() == 1
    assert tab.term_spin.maximum() == 365

    retype(qtbot, tab.term_spin, "0")
    assert tab.term_spin.value() >= 1
    retype(qtbot, tab.term_spin, "12")
    assert tab.term_spin.value() == 12
    tab.unit_combo.setCurrentIndex(tab.unit_combo.findText("kalenderdagen"))
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(CATEGORIES)):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert messages == []
    with context.read() as session:
        saved = next(c for c in TaxonomyRepository(session).categories() if c.id == category.id)
    assert saved.term == 12
    assert saved.term_unit is TermUnit.KALENDERDAGEN
    assert saved.default_partner_id == category.default_partner_id  # untouched
    assert tab.term_spin.value() == 12


def test_category_partner_choice_follows_the_partners(
    qtbot: QtBot, screen: AdminScreen, context: AppContext
) -> None:
    tab = screen.categories_tab
    screen.show_tab("categories")
    category = next(item for item in tab.items if item.name == "Straatverlichting")
    click_index(qtbot, tab.tree, tab.model.index_of(category.id))
    assert tab.partner_combo.itemText(0) == "(geen)"
    assert tab.partner_combo.findText("Stichting Buurtlicht") == -1
    with context.database.unit_of_work("test") as session:
        save_partner(session, partner_id=None, name="Stichting Buurtlicht", kind=PartnerKind.OVERIG)
    context.hub.announce(PARTNERS)
    assert tab.partner_combo.findText("Stichting Buurtlicht") > 0


# ---- Partners ---------------------------------------------------------------------------------


def test_add_a_partner_and_retire_it(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    tab = screen.partners_tab
    screen.show_tab("partners")
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.title.text() == "Nieuwe partner"
    qtbot.keyClicks(tab.name_edit, "Dorpsvereniging Beerta")
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("Dorps- of wijkvereniging"))
    qtbot.keyClicks(tab.email_edit, "info@dorpbeerta.nl")
    qtbot.keyClicks(tab.phone_edit, "0597-123456")
    with qtbot.waitSignal(context.hub.changed, check_params_cb=kinds_include(PARTNERS)):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert messages == []
    with context.read() as session:
        found = [p for p in TaxonomyRepository(session).partners() if p.name.endswith("Beerta")]
    assert len(found) == 1
    assert (found[0].kind.label, found[0].email, found[0].phone) == (
        "Dorps- of wijkvereniging",
        "info@dorpbeerta.nl",
        "0597-123456",
    )
    assert tab.current is not None
    assert tab.current.id == found[0].id
    selected = tab.table.selectionModel().selectedRows()
    assert selected
    assert selected[0].data() == "Dorpsvereniging Beerta"

    qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    with context.read() as session:
        offered = {p.id for p in TaxonomyRepository(session).partners(include_retired=False)}
    assert found[0].id not in offered
    row = next(i for i, r in enumerate(tab.partners.rows) if r.id == found[0].id)
    assert tab.partners.index(row, tab.partners.COL_STATUS).data() == "buiten gebruik"


def test_account_links_a_member_to_a_sign_in(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    from gebiedsapp.services.actions import member_for_account

    tab = screen.team_tab
    screen.show_tab("team")
    for name, account in (("Bram Testema", "bram"), ("Carla Demoer", "bram")):
        qtbot.mouseClick(tab.new_member_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(tab.name_edit, name)
        retype(qtbot, tab.account_edit, account)  # the first is offered the login ('test')
        qtbot.mouseClick(tab.save_member_button, Qt.MouseButton.LeftButton)
    with context.read() as session:
        member = member_for_account(session, "bram")
        names = sorted(m.name for m in TeamRepository(session).members())
    assert member is not None
    assert member.name == "Bram Testema"
    # the second member with the same account is refused as a whole: no half-saved member
    assert names == ["Bram Testema"]
    assert messages == ["Het account 'bram' hoort al bij Bram Testema."]


def test_naming_a_beheerder_keeps_everyone_else_out_of_beheer(
    qtbot: QtBot, context: AppContext, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from gebiedsapp.services.permissions import MANAGE_REFUSED
    from gebiedsapp.services.teams import list_members
    from gebiedsapp.ui.main_window import ADMIN, MainWindow

    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    tab = screen.team_tab
    tab.new_member()
    tab.name_edit.setText("Anna Beheerstra")
    tab.account_edit.setText("test")  # the account of this context: the user names herself
    tab.beheerder_check.setChecked(True)
    tab.save_member()
    assert messages == []
    with context.read() as session:
        assert [(m.name, m.beheerder) for m in list_members(session)] == [("Anna Beheerstra", True)]
    assert "beheerder" in tab.members.data(tab.members.index(0, tab.members.COL_ACTIVE))

    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *_a: told.append(text))
    )
    bob = AppContext(database=context.database, actor="bob", paths=context.paths, hub=ChangeHub())
    settings = QSettings(str(context.paths.data_dir / "bob.ini"), QSettings.Format.IniFormat)
    window = MainWindow(bob, settings)
    qtbot.addWidget(window)
    before = window.stack.currentWidget()
    window.show_screen(ADMIN)
    window.open_admin("team")
    assert window.stack.currentWidget() is before
    assert told == [MANAGE_REFUSED, MANAGE_REFUSED]
    assert not window.screen_actions[ADMIN].isChecked()

    anna = MainWindow(context, settings)
    qtbot.addWidget(anna)
    anna.open_admin("team")
    assert anna.stack.currentWidget() is anna.screen_widget(ADMIN)
    assert len(told) == 2


def test_a_beheerder_hands_over_and_steps_down_in_one_form(
    qtbot: QtBot, context: AppContext, messages: list[str]
) -> None:
    from gebiedsapp.services.teams import list_members

    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    tab = screen.team_tab
    for name, account in (("Anna Beheerstra", "test"), ("Bert Opvolger", "bert")):
        tab.new_member()
        tab.name_edit.setText(name)
        tab.account_edit.setText(account)
        tab.beheerder_check.setChecked(True)
        tab.save_member()
    assert messages == []
    (anna,) = [m for m in tab.members.rows if m.name == "Anna Beheerstra"]
    tab.select_member(anna.id)
    tab.beheerder_check.setChecked(False)  # steps down, Bert stays
    tab.save_member()
    assert messages == []
    with context.read() as session:
        assert {m.name: m.beheerder for m in list_members(session)} == {
            "Anna Beheerstra": False,
            "Bert Opvolger": True,
        }


def test_the_first_member_is_offered_the_login_and_later_dat_ben_ik_fills_it(
    qtbot: QtBot, screen: AdminScreen, context: AppContext, messages: list[str]
) -> None:
    from gebiedsapp.services.actions import member_for_account

    tab = screen.team_tab
    screen.show_tab("team")
    # a fresh install: the form for the first member holds the login, and says why
    assert tab.account_edit.text() == "test"
    assert tab.account_note.isVisible()
    assert not tab.me_button.isVisible()
    retype(qtbot, tab.account_edit, "")  # this first member is someone else
    assert not tab.account_note.isVisible()
    qtbot.keyClicks(tab.name_edit, "Bram Voorbeeldstra")
    qtbot.mouseClick(tab.save_member_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(tab.new_member_button, Qt.MouseButton.LeftButton)
    assert tab.account_edit.text() == ""  # not the first: nothing filled in unasked
    assert not tab.account_note.isVisible()
    assert tab.me_button.isVisible()  # but offered, as long as no member has this login
    qtbot.keyClicks(tab.name_edit, "Tessa Testema")
    qtbot.mouseClick(tab.me_button, Qt.MouseButton.LeftButton)
    assert tab.account_edit.text() == "test"
    qtbot.mouseClick(tab.save_member_button, Qt.MouseButton.LeftButton)
    assert messages == []
    with context.read() as session:
        me = member_for_account(session, "test")
        assert me is not None
        assert me.name == "Tessa Testema"
    assert not tab.me_button.isVisible()  # linked now
