"""Issue 19: Contacten and Lijsten open without reading on the GUI thread. The form's choices
(areas, themes, team, partners) and Lijsten's theme filter are read on the worker; until the
choices are in, Contacten's form is disabled, and the list's rows come in on their own. A
hidden Contacten reads nothing on an area click. Clicks on the real window."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from signal_steps import click_area, open_screen
from sqlalchemy import event

from gebiedsapp.domain import ContactType, ContactWith
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.contact_record import ContactInput
from gebiedsapp.services.contacts import record_contact
from gebiedsapp.services.residents import ResidentInput, list_meedenkers, register_resident
from gebiedsapp.ui import list_form
from gebiedsapp.ui.contacts import ContactsScreen
from gebiedsapp.ui.contacts import meedenkers as contacts_meedenkers
from gebiedsapp.ui.contacts import screen as contacts_screen
from gebiedsapp.ui.contacts.models import ContactsModel
from gebiedsapp.ui.context import CONTACTS as CONTACTS_CHANGES
from gebiedsapp.ui.context import KOFFIEKAR as KOFFIEKAR_CHANGES
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.lists import ListsScreen
from gebiedsapp.ui.lists import choices as lists_choices
from gebiedsapp.ui.lists import screen as lists_screen
from gebiedsapp.ui.main_window import CONTACTS, LISTS, SIGNALS, MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@contextmanager
def held(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> Iterator[threading.Event]:
    """`module.name` waits until the test lets it go; yields the event set once it is called
    (a read on the GUI thread would freeze the window until the release's timeout)."""
    started, release = threading.Event(), threading.Event()
    read: Callable[..., Any] = getattr(module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(10)
        return read(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    try:
        yield started
    finally:
        release.set()


def _add_contact(context: AppContext, area_id: uuid.UUID, subject: str) -> None:
    with context.database.unit_of_work("test") as session:
        record_contact(
            session,
            ContactInput(
                day=date.today(),
                area_id=area_id,
                contact_type=ContactType.HUISBEZOEK,
                subject=subject,
            ),
        )


def test_contacten_opens_before_its_choices_are_read_and_waits_for_them(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _add_contact(context, beerta, "Bankje bij de kerk")
    click_area(qtbot, window, beerta)
    with held(monkeypatch, list_form, "area_tree") as started:
        open_screen(qtbot, window, CONTACTS)  # returns while the choices are still read
        screen = window.screens[CONTACTS]
        assert isinstance(screen, ContactsScreen)
        qtbot.waitUntil(started.is_set)
        assert not screen.form.isEnabled()  # nothing to choose yet: nothing to type
        assert screen.form.area_combo.findData(str(beerta)) < 0
    qtbot.waitUntil(screen.form.isEnabled)
    assert screen.form.area_id == beerta  # the blank form for the navigator's area
    qtbot.waitUntil(lambda: [r.subject for r in screen.model.rows] == ["Bankje bij de kerk"])


def test_a_hidden_contacten_reads_nothing_on_an_area_click(
    qtbot: Any, window: MainWindow, context: AppContext, beerta: uuid.UUID
) -> None:
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, CONTACTS)
    qtbot.waitUntil(lambda: not context.background.busy())
    open_screen(qtbot, window, SIGNALS)
    qtbot.waitUntil(lambda: not context.background.busy())
    with context.read() as session:
        finsterwolde = find_area(session, "Finsterwolde").id
    statements: list[str] = []
    event.listen(
        context.database.engine,
        "before_cursor_execute",
        lambda *args: statements.append(args[2]),
    )
    click_area(qtbot, window, finsterwolde)
    qtbot.waitUntil(lambda: window.area_page.title.text() == "Finsterwolde")
    qtbot.waitUntil(lambda: not context.background.busy())
    read = [s for s in statements if "FROM contact" in s or "FROM resident" in s]
    assert read == []  # neither its list nor the meedenker register

    open_screen(qtbot, window, CONTACTS)
    screen = window.screens[CONTACTS]
    assert isinstance(screen, ContactsScreen)
    qtbot.waitUntil(lambda: screen.form.area_id == finsterwolde)  # its header from the worker


def test_lijsten_reads_its_theme_filter_off_the_gui_thread(
    qtbot: Any,
    window: MainWindow,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    click_area(qtbot, window, beerta)
    with held(monkeypatch, lists_choices, "list_themes") as started:
        open_screen(qtbot, window, LISTS)  # returns while the themes are still read
        screen = window.screens[LISTS]
        assert isinstance(screen, ListsScreen)
        qtbot.waitUntil(started.is_set)
        assert screen.theme_combo.count() <= 1  # (alle), the themes follow
    contains = Qt.MatchFlag.MatchContains
    qtbot.waitUntil(lambda: screen.theme_combo.findText("Ouderen", contains) >= 0)


@contextmanager
def whole_list_held(
    monkeypatch: pytest.MonkeyPatch, module: Any, first_page: int
) -> Iterator[threading.Event]:
    """`module`'s first page is `first_page` rows; its whole list of contacts waits until the
    test lets it go (yields the event set once the whole list is asked for)."""
    monkeypatch.setattr(module, "FIRST_PAGE", first_page, raising=False)
    asked, release = threading.Event(), threading.Event()
    read = module.list_contacts

    def whole_list_waits(session: Any, filters: Any, *, limit: int = 5_000) -> Any:
        if limit != first_page:
            asked.set()
            release.wait(10)
        return read(session, filters, limit=limit)

    monkeypatch.setattr(module, "list_contacts", whole_list_waits)
    try:
        yield asked
    finally:
        release.set()


def test_contacten_shows_its_first_rows_before_the_whole_list_and_keeps_the_selection(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for subject in ("Bankje", "Lantaarnpaal", "Speeltuin"):
        _add_contact(context, beerta, subject)
    click_area(qtbot, window, beerta)
    with whole_list_held(monkeypatch, contacts_screen, first_page=2) as asked:
        open_screen(qtbot, window, CONTACTS)
        screen = window.screens[CONTACTS]
        assert isinstance(screen, ContactsScreen)
        qtbot.waitUntil(asked.is_set)
        qtbot.waitUntil(lambda: len(screen.model.rows) == 2)  # the whole list is still read
        first = screen.model.rows[0]
        rect = screen.table.visualRect(screen.model.index(0, ContactsModel.COL_SUBJECT))
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(screen.model.rows) == 3)
    assert screen.model.row_at(screen.table.currentIndex()) == first  # still chosen


def test_lijsten_shows_its_first_rows_before_the_whole_list(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for subject in ("Bankje", "Lantaarnpaal", "Speeltuin"):
        _add_contact(context, beerta, subject)
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, LISTS)
    screen = window.screens[LISTS]
    assert isinstance(screen, ListsScreen)
    qtbot.waitUntil(lambda: not context.background.busy())
    with whole_list_held(monkeypatch, lists_screen, first_page=1) as asked:
        bar = screen.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
        qtbot.waitUntil(asked.is_set)
        qtbot.waitUntil(lambda: len(screen.contacts_model.rows) == 1)
        assert screen.status.text() == "Zoeken…"
    qtbot.waitUntil(lambda: len(screen.contacts_model.rows) == 3)
    assert screen.status.text() == "3 contacten"


def test_opening_a_contact_without_a_meedenker_reads_the_register_on_the_worker(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its area's register follows; only a contact with a meedenker waits for it (its
    meedenker must be there to choose)."""
    _add_contact(context, beerta, "Bankje bij de kerk")
    with context.read() as session:
        oldambt = find_area(session, "Oldambt").id
    click_area(qtbot, window, oldambt)  # the form's area; the list shows Beerta's contact too
    open_screen(qtbot, window, CONTACTS)
    screen = window.screens[CONTACTS]
    assert isinstance(screen, ContactsScreen)
    qtbot.waitUntil(lambda: len(screen.model.rows) == 1 and not context.background.busy())
    timed_out: list[bool] = []
    read = contacts_meedenkers.meedenker_choices
    release = threading.Event()

    def slow_register(*args: Any, **kwargs: Any) -> Any:
        timed_out.append(not release.wait(10))  # a read on the GUI thread waits it out
        return read(*args, **kwargs)

    monkeypatch.setattr(contacts_meedenkers, "meedenker_choices", slow_register)
    try:
        rect = screen.table.visualRect(screen.model.index(0, 0))
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert screen.form.subject_edit.text() == "Bankje bij de kerk"
        assert screen.form.area_id == beerta
    finally:
        release.set()
    qtbot.waitUntil(lambda: not context.background.busy())
    assert timed_out == [False]


def test_contacten_shown_again_for_another_area_reads_its_first_rows_before_the_register(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An area clicked while Contacten was hidden: shown again, the list's first rows are read
    first, the form's meedenker register after them, the rest of the list last (on ten times
    the data the register came first and the rows waited for it, issue 19)."""
    with context.read() as session:
        finsterwolde = find_area(session, "Finsterwolde").id
    _add_contact(context, finsterwolde, "Bankje bij de kerk")
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, CONTACTS)
    qtbot.waitUntil(lambda: not context.background.busy())
    open_screen(qtbot, window, SIGNALS)
    click_area(qtbot, window, finsterwolde)
    qtbot.waitUntil(lambda: not context.background.busy())

    order: list[str] = []
    submit = context.background.submit

    def noted(key: str, work: Callable[[], Any], **kwargs: Any) -> None:
        def run() -> Any:
            order.append(key)  # on the worker, as it starts
            return work()

        submit(key, run, **kwargs)

    monkeypatch.setattr(context.background, "submit", noted)
    open_screen(qtbot, window, CONTACTS)
    screen = window.screens[CONTACTS]
    assert isinstance(screen, ContactsScreen)
    qtbot.waitUntil(lambda: screen.form.area_id == finsterwolde)
    qtbot.waitUntil(lambda: not context.background.busy())
    assert [r.subject for r in screen.model.rows] == ["Bankje bij de kerk"]
    reads = [k for k in order if k.startswith("contacts-")]
    assert reads == ["contacts-log-first", "contacts-meedenkers", "contacts-log"], order


def test_a_contact_opened_while_the_register_is_read_shows_its_meedenker_when_it_is_in(
    qtbot: Any,
    window: MainWindow,
    context: AppContext,
    beerta: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The register counts as read when its read begins: a contact with a meedenker opened
    meanwhile was put in a form without that meedenker, and kept "(kies een meedenker)"
    when the register came (on ten times the data it takes seconds)."""
    click_area(qtbot, window, beerta)
    open_screen(qtbot, window, CONTACTS)
    screen = window.screens[CONTACTS]
    assert isinstance(screen, ContactsScreen)
    qtbot.waitUntil(lambda: screen.form.isEnabled() and not context.background.busy())
    with context.database.unit_of_work("test") as session:  # a colleague's, by a sync
        register_resident(
            session,
            ResidentInput(
                name="Anna Testema", phone="06-12345678", wants_meedenken=True, consent=True
            ),
            area_id=beerta,
            today=date.today(),
        )
        [entry] = list_meedenkers(session)
        record_contact(
            session,
            ContactInput(
                day=date.today(),
                area_id=beerta,
                contact_type=ContactType.HUISBEZOEK,
                subject="Meedenken over het dorpsplein",
                with_kind=ContactWith.MEEDENKER,
                meedenker_id=entry.id,
            ),
        )
    context.hub.announce(CONTACTS_CHANGES)
    qtbot.waitUntil(lambda: len(screen.model.rows) == 1 and not context.background.busy())
    with held(monkeypatch, contacts_meedenkers, "meedenker_choices") as reading:
        context.hub.announce(KOFFIEKAR_CHANGES)  # the register is read again, on the worker
        qtbot.waitUntil(reading.is_set)
        rect = screen.table.visualRect(screen.model.index(0, 0))
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert screen.form.subject_edit.text() == "Meedenken over het dorpsplein"
    qtbot.waitUntil(lambda: not context.background.busy())
    assert screen.form.with_kind is ContactWith.MEEDENKER
    assert screen.form.meedenker_combo.currentData() == str(entry.id)
    assert screen.form.meedenker_combo.currentText().startswith("Anna Testema")
