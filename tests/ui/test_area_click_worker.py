"""An area click does not read on the GUI thread (issue 19: the area header took ~120 ms of it
on ten times the data): the area page shows the header when the worker has read it, and a
hidden Signalen reads nothing until it is shown. Clicks on the real window."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from signal_steps import click_area, open_screen, settle
from sqlalchemy import event

from gebiedsapp.services.areas import find_area
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import AREA, SIGNALS, MainWindow
from gebiedsapp.ui.signals import SignalsScreen


def _statements(context: AppContext) -> list[tuple[str, bool]]:
    """Every statement run from now on, and whether the GUI thread ran it."""
    seen: list[tuple[str, bool]] = []

    def record(*args: Any) -> None:
        on_gui = threading.current_thread() is threading.main_thread()
        seen.append((str(args[2]), on_gui))

    event.listen(context.database.engine, "before_cursor_execute", record)
    return seen


def _header_reads(seen: list[tuple[str, bool]]) -> list[bool]:
    """Per area header read (only a header counts the CBS wijken): on the GUI thread?"""
    return [
        on_gui
        for statement, on_gui in seen
        if "FROM cbs_wijk" in statement and "count(" in statement.lower()
    ]


def test_the_area_page_shows_the_header_the_worker_read(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Oldambt")
    qtbot.waitUntil(lambda: not context.background.busy())
    seen = _statements(context)

    click_area(qtbot, window, beerta)

    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")
    qtbot.waitUntil(lambda: not context.background.busy())
    assert _header_reads(seen) == [False]  # read once, on the worker
    assert not any(on_gui for _statement, on_gui in seen)  # nothing on the GUI thread


def test_a_hidden_signalen_reads_nothing_on_an_area_click_until_shown(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    open_screen(qtbot, window, SIGNALS)
    screen = window.screens[SIGNALS]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)
    open_screen(qtbot, window, AREA)
    qtbot.waitUntil(lambda: not context.background.busy())
    seen = _statements(context)

    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")
    qtbot.waitUntil(lambda: not context.background.busy())

    assert not any("FROM signal" in statement for statement, _on_gui in seen)
    assert "Beerta" not in screen.subtitle.text()  # hidden: not even its header
    assert len(_header_reads(seen)) == 1  # the area page's, for both

    open_screen(qtbot, window, SIGNALS)
    settle(qtbot, screen)
    assert "Beerta" in screen.subtitle.text()
    with context.read() as session:
        assert screen.area_ids is not None
        assert find_area(session, "Beerta").id in screen.area_ids
    assert any("FROM signal" in statement for statement, _on_gui in seen)


def test_opening_signalen_reads_its_filters_choices_on_the_worker(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")
    qtbot.waitUntil(lambda: not context.background.busy())
    seen = _statements(context)

    open_screen(qtbot, window, SIGNALS)
    screen = window.screens[SIGNALS]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)

    assert screen.category_combo.isEnabled()
    assert screen.category_combo.count() > 10  # (alle) and the categories
    assert screen.partner_combo.isEnabled()
    assert screen.partner_combo.count() > 1
    assert seen
    assert not any(on_gui for _statement, on_gui in seen)  # nothing on the GUI thread


def test_opening_initiatieven_reads_the_forms_choices_on_the_worker(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    from gebiedsapp.ui.initiatives import InitiativesScreen
    from gebiedsapp.ui.main_window import INITIATIVES

    click_area(qtbot, window, beerta)
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Beerta")
    qtbot.waitUntil(lambda: not context.background.busy())
    seen = _statements(context)

    open_screen(qtbot, window, INITIATIVES)
    screen = window.screens[INITIATIVES]
    assert isinstance(screen, InitiativesScreen)
    qtbot.waitUntil(lambda: not context.background.busy())
    qtbot.waitUntil(screen.form.isEnabled)

    assert screen.save_button.isEnabled()
    assert screen.form.area_combo.currentData() == str(beerta)  # a new one is for this area
    assert screen.form.area_combo.count() > 10
    assert seen
    assert not any(on_gui for _statement, on_gui in seen)  # nothing on the GUI thread


def test_a_hidden_signalen_reads_a_change_elsewhere_only_when_shown(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    from signal_steps import click_signal, make_signal

    from gebiedsapp.domain import Priority
    from gebiedsapp.services import signals as signal_service
    from gebiedsapp.ui.context import SIGNALS as SIGNAL_CHANGES

    signal_id = make_signal(context, priority=Priority.NORMAAL)
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, SIGNALS)
    screen = window.screens[SIGNALS]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)
    click_signal(qtbot, screen, signal_id)
    assert screen.detail.detail is not None
    assert screen.detail.detail.priority is Priority.NORMAAL
    open_screen(qtbot, window, AREA)
    qtbot.waitUntil(lambda: not context.background.busy())
    with context.database.unit_of_work("test") as session:  # a colleague, a sync
        signal_service.change_priority(session, signal_id, Priority.HOOG)
    seen = _statements(context)

    context.hub.announce(SIGNAL_CHANGES)
    qtbot.waitUntil(lambda: not context.background.busy())
    assert not any(on_gui for _statement, on_gui in seen)  # hidden: nothing read for it
    assert screen.detail.detail.priority is Priority.NORMAAL

    open_screen(qtbot, window, SIGNALS)
    settle(qtbot, screen)
    assert screen.detail.detail is not None
    assert screen.detail.detail.priority is Priority.HOOG


def _record_in(context: AppContext, area_id: uuid.UUID, name: str) -> None:
    """A contact and an initiative called `name` in the area."""
    from datetime import date

    from gebiedsapp.domain import ContactType
    from gebiedsapp.services.contact_record import ContactInput
    from gebiedsapp.services.contacts import record_contact
    from gebiedsapp.services.initiatives import InitiativeInput, create_initiative

    with context.database.unit_of_work("test") as session:
        contact = ContactInput(
            day=date.today(), area_id=area_id, contact_type=ContactType.HUISBEZOEK, subject=name
        )
        record_contact(session, contact)
        initiative = InitiativeInput(area_id=area_id, title=name, started_on=date.today())
        create_initiative(session, initiative, today=date.today())


def test_hidden_list_screens_read_nothing_on_an_area_click_and_show_it_when_shown(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """Contacten, Initiatieven and Lijsten opened once, then Signalen: an area click reads
    nothing for them (nothing at all on the GUI thread); shown again, they show its rows."""
    from PySide6.QtCore import Qt

    from gebiedsapp.ui.contacts import ContactsScreen
    from gebiedsapp.ui.initiatives import InitiativesScreen
    from gebiedsapp.ui.lists import ListsScreen
    from gebiedsapp.ui.main_window import CONTACTS, INITIATIVES, LISTS

    with context.read() as session:
        finsterwolde = find_area(session, "Finsterwolde").id
    _record_in(context, beerta, "In Beerta")
    _record_in(context, finsterwolde, "In Finsterwolde")
    click_area(qtbot, window, beerta)
    contacts, initiatives, lists = (window.screen_widget(k) for k in (CONTACTS, INITIATIVES, LISTS))
    assert isinstance(contacts, ContactsScreen)
    assert isinstance(initiatives, InitiativesScreen)
    assert isinstance(lists, ListsScreen)
    bar = lists.tabs.tabBar()
    for key, rows in (
        (CONTACTS, lambda: [r.subject for r in contacts.model.rows]),
        (INITIATIVES, lambda: [r.title for r in initiatives.model.rows]),
        (LISTS, lambda: [r.subject for r in lists.contacts_model.rows]),
    ):
        open_screen(qtbot, window, key)
        if key == LISTS:  # its contacts tab
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
        qtbot.waitUntil(lambda r=rows: r() == ["In Beerta"])  # type: ignore[misc]
    open_screen(qtbot, window, SIGNALS)
    settle(qtbot, window.screens[SIGNALS])
    seen = _statements(context)

    click_area(qtbot, window, finsterwolde)
    qtbot.waitUntil(lambda: window.screens[SIGNALS].subtitle.text() == "Finsterwolde")
    qtbot.waitUntil(lambda: not context.background.busy())

    assert seen
    assert not any(on_gui for _statement, on_gui in seen)  # nothing on the GUI thread
    list_reads = [s for s, _on_gui in seen if "FROM contact" in s or "initiative.title" in s]
    assert list_reads == []  # hidden: not their lists (the area page counts initiatives)
    assert len(_header_reads(seen)) == 1  # one header for the whole click

    open_screen(qtbot, window, CONTACTS)
    qtbot.waitUntil(lambda: [r.subject for r in contacts.model.rows] == ["In Finsterwolde"])
    qtbot.waitUntil(lambda: contacts.form.area_id == finsterwolde)  # a new one is for it
    assert "Finsterwolde" in contacts.subtitle.text()
    open_screen(qtbot, window, INITIATIVES)
    qtbot.waitUntil(lambda: [r.title for r in initiatives.model.rows] == ["In Finsterwolde"])
    assert "Finsterwolde" in initiatives.subtitle.text()
    open_screen(qtbot, window, LISTS)
    qtbot.waitUntil(lambda: [r.subject for r in lists.contacts_model.rows] == ["In Finsterwolde"])
    assert lists.subtitle.text() == "Finsterwolde"


def test_a_hidden_area_page_reads_its_figures_when_shown(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    """Behind Signalen an area click read the area page's figures first (~3 s for Winschoten
    on ten times the data), and Signalen's list waited behind them on the one reads worker."""
    open_screen(qtbot, window, SIGNALS)
    screen = window.screens[SIGNALS]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)

    click_area(qtbot, window, beerta)
    settle(qtbot, screen)
    qtbot.waitUntil(lambda: not context.background.busy())

    assert window.area_page.title.text() == "Beerta"  # its header: shared with Signalen
    assert window.area_page.figures is None  # hidden: its figures are not read

    open_screen(qtbot, window, AREA)
    qtbot.waitUntil(lambda: window.area_page.figures is not None)
