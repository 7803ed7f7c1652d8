"""The main window as a user meets it: area tree, area page, status bar, remembered layout."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolBar

from gebiedsapp.domain import Role
from gebiedsapp.services import teams
from gebiedsapp.services.areas import find_area
from gebiedsapp.ui.context import TEAM
from gebiedsapp.ui.main_window import ADMIN, AREA, SUMMARY, TEAM_OVERVIEW, MainWindow

KERNEN = [
    "Winschoten", "Bad Nieuweschans", "Beerta", "Blauwestad", "Drieborg", "Finsterwolde",
    "Heiligerlee", "Midwolda", "Nieuw-Beerta", "Nieuw-Scheemda", "Nieuwolda", "Oostwold",
    "Scheemda", "'t Waar", "Westerlee",
]  # fmt: skip


def _tree_names(window: MainWindow) -> list[str]:
    model = window.navigator.model
    names: list[str] = []

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            names.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return names


def menu_action(window: MainWindow, menu: str, text: str) -> QAction:
    """The action a user clicks in the menu bar: menu 'Bestand', item 'Reservekopie maken'."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu and top.menu() is not None:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu} → {text}")


def click_area(window: MainWindow, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click an area in the tree, as a user does."""
    tree = window.navigator.tree
    proxy = window.navigator.proxy
    matches = proxy.match(
        proxy.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )  # fmt: skip
    assert matches, name
    tree.scrollTo(matches[0])
    rect = tree.visualRect(matches[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_shows_oldambt_tree_and_database(window: MainWindow, context, qtbot) -> None:  # type: ignore[no-untyped-def]
    names = _tree_names(window)
    assert names[0] == "Oldambt"
    for kern in KERNEN:
        assert kern in names
    assert "Zeeheldenbuurt" in names  # a Winschoten wijk people name in speech
    assert str(context.database.file) in window.database_label.text()
    assert "test" in window.user_label.text()
    # the start page shows the whole municipality, never an empty grey window
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Oldambt")
    assert window.stack.currentWidget() is window.area_page


def test_area_tree_model_is_consistent(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.navigator.model)
    qtmodeltester.check(window.navigator.proxy)


def test_selecting_an_area_shows_its_page(window: MainWindow, qtbot, context) -> None:  # type: ignore[no-untyped-def]
    with context.read() as session:
        beerta = find_area(session, "Beerta").id
    with qtbot.waitSignal(window.navigator.area_selected) as blocker:
        click_area(window, qtbot, "Beerta")
    assert blocker.args == [beerta]
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")  # read on the worker
    buurten = [label.text() for label in window.area_page.buurten_box.findChildren(QLabel)]
    assert "Beerta-Centrum (BU18950300)" in buurten


def test_filter_narrows_the_tree(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.navigator.filter, "schans")
    proxy = window.navigator.proxy
    visible: list[str] = []

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            visible.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert visible == ["Oldambt", "Bad Nieuweschans"]


def test_empty_machine_hint_disappears_once_a_team_exists(  # type: ignore[no-untyped-def]
    window: MainWindow, context, qtbot
) -> None:
    qtbot.waitUntil(lambda: "nog geen teamleden" in window.area_page.hint_text.text())
    assert window.area_page.hint.isVisibleTo(window)
    with context.database.unit_of_work("test") as session:
        teams.add_member(session, name="Anna Testema")
    context.hub.announce(TEAM)
    qtbot.waitUntil(lambda: not window.area_page.hint.isVisibleTo(window))


def test_team_on_area_page_follows_assignments(window: MainWindow, context, qtbot) -> None:  # type: ignore[no-untyped-def]
    with context.database.unit_of_work("test") as session:
        member = teams.add_member(session, name="Bram Voorbeeldstra")
        oldambt = find_area(session, "oldambt")
        teams.assign(
            session, member_id=member.id, area_id=oldambt.id,
            role=Role.GEBIEDSWETHOUDER, start_date=date(2020, 1, 1),
        )  # fmt: skip
    context.hub.announce(TEAM)

    def texts() -> list[str]:
        return [label.text() for label in window.area_page.team_box.findChildren(QLabel)]

    qtbot.waitUntil(lambda: "Bram Voorbeeldstra" in texts())


def test_screens_switch_by_shortcut_and_menu(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.screens[TEAM_OVERVIEW]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.screens[SUMMARY]
    menu_action(window, "Beheer", "Teams").trigger()
    assert window.stack.currentWidget() is window.screens[ADMIN]
    assert not window.navigator.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.area_page
    assert window.navigator.isVisible()


def test_geometry_and_screen_are_remembered(qtbot, context, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(context, settings)
    qtbot.addWidget(first)
    first.show()
    first.setWindowState(Qt.WindowState.WindowNoState)  # the first start opens maximised
    first.resize(760, 560)  # the offscreen screen is 800x800: stay inside it, borders too
    toolbar = first.findChild(QToolBar, "screensToolbar")
    button = toolbar.widgetForAction(first.screen_actions[TEAM_OVERVIEW])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # 'Wie werkt waar' in the toolbar
    size = first.size()
    first.close()
    second = MainWindow(context, settings)
    qtbot.addWidget(second)
    second.show()
    assert (size.width(), size.height()) == (760, 560)
    assert second.size() == size
    assert second.stack.currentWidget() is second.screens[TEAM_OVERVIEW]


def test_backup_from_menu_writes_a_copy(window: MainWindow, context) -> None:  # type: ignore[no-untyped-def]
    menu_action(window, "Bestand", "Reservekopie maken").trigger()
    copies = list(context.paths.backup_dir.glob("*-handmatig.db"))
    assert len(copies) == 1
    assert "Reservekopie gemaakt" in window.statusBar().currentMessage()


def test_about_names_the_cbs_source(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gebiedsapp.ui.help import AboutDialog

    shown: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        shown.append(dialog.summary.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    menu_action(window, "Help", "Over Gebiedsapp").trigger()
    assert "CBS" in shown[0]
    assert "CC BY 4.0" in shown[0]


def test_area_figures_arrive_from_the_worker_and_match_the_database(
    qtbot, context, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from gebiedsapp.domain import Conversation, KoffiekarSession
    from gebiedsapp.services.demo import generate
    from gebiedsapp.services.initiatives import list_initiatives

    with context.database.unit_of_work("test") as session:
        generate(session, size="small", seed=5, anchor=date.today())
    with context.read() as session:
        since = date.today().replace(year=date.today().year - 1)
        sessions = session.scalar(
            select(func.count()).where(KoffiekarSession.date.between(since, date.today()))
        )
        conversations = session.scalar(
            select(func.count(Conversation.id))
            .join(KoffiekarSession, KoffiekarSession.id == Conversation.session_id)
            .where(KoffiekarSession.date.between(since, date.today()))
        )
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    page = main.area_page
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    assert page.figures is not None
    assert (page.figures.sessions, page.figures.conversations) == (sessions, conversations)
    shown = [label.text() for label in page.figures_box.findChildren(QLabel)]
    assert f"{conversations:,}".replace(",", ".") in shown  # Dutch thousands separator
    assert page.recent_box.isVisibleTo(main)
    assert len(page.figures.top_themes) == 5
    top = page.figures.top_themes[0]  # by name: the theme and its number of conversations
    assert f"{top.name} — {top.conversations} gesprekken" in [
        label.text() for label in page.findChildren(QLabel)
    ]
    with context.read() as session:
        running = len(list_initiatives(session, area_ids=None, include_ended=False))
    assert running > 0
    assert page.figures.initiatives_running == running
    assert str(running) in shown


def test_every_screen_opens_from_its_shortcut(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gebiedsapp.ui.main_window import (
        ACTIONS,
        CONTACTS,
        INITIATIVES,
        KOFFIEKAR,
        LISTS,
        SIGNALS,
        SUMMARY,
    )

    for key, number in (
        (KOFFIEKAR, Qt.Key.Key_2),
        (CONTACTS, Qt.Key.Key_3),
        (SIGNALS, Qt.Key.Key_4),
        (INITIATIVES, Qt.Key.Key_5),
        (SUMMARY, Qt.Key.Key_6),
        (ACTIONS, Qt.Key.Key_7),
        (LISTS, Qt.Key.Key_8),
        (TEAM_OVERVIEW, Qt.Key.Key_9),
        (ADMIN, Qt.Key.Key_0),
        (AREA, Qt.Key.Key_1),
    ):
        qtbot.keyClick(window, number, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.screens[key]
    window.context.background.wait()


def test_ctrl_n_starts_a_round_in_the_chosen_area(window: MainWindow, qtbot, context) -> None:  # type: ignore[no-untyped-def]
    from gebiedsapp.services.koffiekar import recent_places
    from gebiedsapp.ui.main_window import KOFFIEKAR

    with context.read() as session:
        beerta = find_area(session, "Beerta").id
    click_area(window, qtbot, "Beerta")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.screens[KOFFIEKAR]
    with context.read() as session:
        from sqlalchemy import func, select

        from gebiedsapp.domain import KoffiekarSession

        rounds = session.scalar(select(func.count()).where(KoffiekarSession.area_id == beerta))
        assert recent_places(session, beerta) == []
    assert rounds == 1
    window.context.background.wait()


def test_drafts_left_by_a_crash_are_restored_from_the_file_menu(
    window: MainWindow, qtbot, context
) -> None:  # type: ignore[no-untyped-def]
    from gebiedsapp.domain import DraftKind
    from gebiedsapp.services.drafts import save_draft
    from gebiedsapp.services.koffiekar import SessionInput, start_session
    from gebiedsapp.ui.main_window import CONTACTS, KOFFIEKAR
    from gebiedsapp.ui.recovery import RecoveryDialog, pending_drafts

    with context.database.unit_of_work("test") as session:
        beerta = find_area(session, "Beerta").id
        round_ = start_session(session, SessionInput(area_id=beerta, day=date.today()))
        save_draft(session, draft_id=None, kind=DraftKind.CONVERSATION, session_id=round_.id,
                   payload={"summary": "Halfgetypt gesprek over de bus"})  # fmt: skip
        save_draft(session, draft_id=None, kind=DraftKind.CONTACT,
                   payload={"subject": "Bezoek dorpshuis"})  # fmt: skip
    offered: list[int] = []

    def restore(kind: DraftKind) -> None:
        """Bestand → Concepten herstellen…, then 'Herstellen' on the draft of this kind."""

        def click() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, RecoveryDialog) or not dialog.isVisible():
                QTimer.singleShot(20, click)
                return
            offered.append(len(dialog.drafts))
            draft = next(d for d in dialog.drafts if d.kind is kind)
            button = dialog.rows[draft.id].findChild(QPushButton, "restore")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)
        menu_action(window, "Bestand", "Concepten herstellen…").trigger()

    restore(DraftKind.CONVERSATION)
    assert offered == [2]
    assert window.stack.currentWidget() is window.screens[KOFFIEKAR]
    form = window.screens[KOFFIEKAR].form  # type: ignore[attr-defined]
    assert form.summary.text() == "Halfgetypt gesprek over de bus"
    # the contact draft stays for later: nothing is thrown away without asking
    assert [d.kind for d in pending_drafts(context)].count(DraftKind.CONTACT) == 1
    restore(DraftKind.CONTACT)
    assert window.stack.currentWidget() is window.screens[CONTACTS]
    contacts = window.screens[CONTACTS]
    subject = contacts.form.subject_edit  # type: ignore[attr-defined]
    # put in the form once its choices are in (read on the worker: issue 19)
    qtbot.waitUntil(lambda: subject.text() == "Bezoek dorpshuis")
    window.context.background.wait()


def test_ctrl_l_and_enter_choose_an_area_and_the_screens_follow(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, context
) -> None:
    """Issue 13: the area search had no shortcut, and Enter in it did nothing."""
    from gebiedsapp.ui.main_window import KOFFIEKAR

    with context.read() as session:
        beerta = find_area(session, "Beerta").id
        scheemda = find_area(session, "Scheemda").id
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Koffiekar
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    search = window.navigator.filter
    assert QApplication.focusWidget() is search
    qtbot.keyClicks(search, "beerta")  # also matches Nieuw-Beerta, which comes first in the tree
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.navigator.current_area() == beerta
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")
    koffiekar = window.screens[KOFFIEKAR]
    assert window.stack.currentWidget() is koffiekar
    # its rounds are read on the worker; the cursor stays in the tree meanwhile and after
    qtbot.waitUntil(lambda: koffiekar.title.text() == "Koffiekar · Beerta")  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is window.navigator.tree  # arrow keys go on from here

    # from Beheer, which hides the tree, Ctrl+L brings it back; the typed text is replaced
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert not window.navigator.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.isVisible()
    qtbot.keyClicks(search, "scheemda")
    assert search.text() == "scheemda"
    qtbot.keyClick(search, Qt.Key.Key_Enter)
    assert window.navigator.current_area() == scheemda
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Scheemda")

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(search, "bestaat niet")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.area_page.title.text() == "Scheemda"  # nothing found: nothing changes
    assert QApplication.focusWidget() is search
    window.context.background.wait()
