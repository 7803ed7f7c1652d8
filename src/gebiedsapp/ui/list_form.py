"""A screen with the area's records on the left and one record's form on the right.

Contacts and initiatives share the same rules: the list shows the navigator's area with its
sub-areas, loads off the GUI thread (only when the screen is visible), and a double-click or Enter
opens a record in the form; Escape leaves the form after asking about unsaved input. That
behaviour lives here once; a screen says what differs (its list query, its texts, what counts as
unsaved and what leaving asks) by defining the methods marked 'the screen's'. A screen whose form
keeps a draft while typing (Contacten, Activiteiten) builds on `DraftListFormScreen`, which
knows what a blank form and unsaved input are for such a form.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget
from sqlalchemy.orm import Session

from gebiedsapp.services.actions import member_for_account
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.overview import AreaHeader
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.services.teams import list_members
from gebiedsapp.ui.background import REST
from gebiedsapp.ui.context import AREAS, TEAM, THEMES, AppContext
from gebiedsapp.ui.drafting import DraftAutosaver
from gebiedsapp.ui.page import StaleList
from gebiedsapp.ui.screen import ScreenDefaults
from gebiedsapp.ui.table_model import RowTableModel

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    _Widget = QWidget
else:
    _Widget = object


class _HasId(Protocol):
    @property
    def id(self) -> uuid.UUID: ...


class _Form(Protocol):
    def focus_first(self) -> None: ...


R = TypeVar("R", bound=_HasId)
F = TypeVar("F", bound=_Form)


class ListFormScreen(ScreenDefaults, Generic[R, F], _Widget):
    """Mix in before QWidget: `ContactsScreen(ListFormScreen[ContactView, ContactForm], QWidget)`
    (the list's row type and the form's)."""

    follows_area = True
    context: AppContext
    model: RowTableModel[R]
    form: F
    table: QTableView
    list_label: QLabel
    record_buttons: Sequence[QPushButton] = ()  # enabled only while a saved record is open
    list_job = "list"  # the worker job's name (a newer load of the same name replaces it)

    def _start_list_form(self, context: AppContext) -> None:
        """The state every list-plus-form screen keeps; call first in __init__."""
        self.context = context
        self.area_id: uuid.UUID | None = None
        self.area_ids: frozenset[uuid.UUID] | None = None
        self.editing_id: uuid.UUID | None = None
        self._baseline: dict[str, Any] = {}
        self._loaded = False
        self._area_pending = False  # an area chosen while hidden: its header not read yet
        self._header_busy = False  # the area's header is being read; the list waits for it
        self.list_state = StaleList(self, self.reload_list)

    def _connect_list(self) -> None:
        """Double-click or Enter on a row opens it; call once the table is built."""
        self.table.activated.connect(self._on_activated)

    # -- the screen's ------------------------------------------------------------------------

    def _show_scope(self, header: AreaHeader) -> None:
        """The screen's: say which area (and sub-areas) the list shows."""
        raise NotImplementedError

    def _first_load(self) -> None:
        """The screen's: load the form's choices the first time the screen is needed."""
        raise NotImplementedError

    def _list_query(self) -> Callable[[Session], list[R]]:
        """The screen's: the list's query, its filters read now (on the GUI thread)."""
        raise NotImplementedError

    def _loading_text(self) -> str:
        raise NotImplementedError

    def _failed_text(self) -> str:
        raise NotImplementedError

    def _on_list(self, rows: list[R]) -> None:
        """The screen's: show the loaded rows."""
        raise NotImplementedError

    def open_record(self, record_id: uuid.UUID) -> None:
        """The screen's: open a saved record in the form."""
        raise NotImplementedError

    def _reset_form(self) -> None:
        raise NotImplementedError

    def _is_dirty(self) -> bool:
        raise NotImplementedError

    def _may_leave(self) -> bool:
        """The screen's: True when the form may be emptied (asks about unsaved input)."""
        raise NotImplementedError

    # -- shared ------------------------------------------------------------------------------

    def set_area(self, area_id: uuid.UUID) -> None:
        """The navigator's area: the list shows it with its sub-areas; new records get it.
        Hidden, the screen only remembers it (issue 19: every click read its header on the
        GUI thread); shown, its header comes from the worker (AreaHeaders.fetch)."""
        self.area_id = area_id
        self._area_pending = True
        self.list_state.stale = True
        if self.isVisible():
            self._read_area()

    def _read_area(self, *, shown: bool = False) -> None:
        """The area's header from the worker; the scope, the form and the list follow it."""
        if self.area_id is None:
            return
        self._area_pending, self._header_busy = False, True
        self.list_label.setText(self._loading_text())
        self.context.headers.fetch(
            self.area_id,
            owner=self,
            on_done=lambda header: self._on_header(header, shown=shown),
            on_error=self._on_header_failed,
        )

    def _on_header(self, header: AreaHeader, *, shown: bool) -> None:
        if header.area.id != self.area_id:
            return  # another area was chosen meanwhile; its header comes next
        self._header_busy = False
        self.area_ids = header.area_ids
        self._show_scope(header)
        self._ensure_loaded()
        # the list's first rows are read before what the form reads for the new area (its
        # choices, Contacten's meedenker register): on ten times the data those came first
        # and the rows waited for them (issue 19)
        self.list_state.changed()
        if self.editing_id is None and not self._is_dirty():
            self._reset_form()
        self._on_area()
        if shown:
            self._on_shown()

    def _on_header_failed(self, error: Exception) -> None:
        self._header_busy = False
        self._area_pending = True  # tried again when shown again
        self._on_list_failed(error)

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._first_load()

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_loaded()
        if self._area_pending:
            self._read_area(shown=True)  # what the screen reads when shown follows the header
        elif not self._header_busy:
            self.list_state.shown()  # the list's first rows before what else is read
            self._on_shown()
        super().showEvent(event)

    def _on_shown(self) -> None:
        """What else a screen reads again when shown after it missed a change while hidden."""

    def _on_area(self) -> None:
        """What else a screen reads for a new area (after the form, before the list)."""

    def _on_reload(self) -> None:
        """What else a screen loads again with its list."""

    def _first_page_query(self) -> Callable[[Session], list[R]] | None:
        """The screen's, if its list can take seconds at ten times the data: the query of its
        first rows only, shown while the whole list is still read (None: no first page)."""
        return None

    def reload_list(self) -> None:
        """Load the list off the GUI thread (its first page first, when the screen has one);
        while the area's header is still read, once it is in."""
        if self._area_pending or self._header_busy:
            self.list_state.stale = True
            return
        self.list_state.stale = False
        query, first = self._list_query(), self._first_page_query()
        self.list_label.setText(self._loading_text())
        context = self.context

        def reader(read: Callable[[Session], list[R]]) -> Callable[[], list[R]]:
            def work() -> list[R]:
                with context.read() as session:
                    return read(session)

            return work

        if first is not None:  # the worker runs in turn: these rows come in before the rest
            context.background.submit(
                f"{self.list_job}-first",
                reader(first),
                owner=self,
                on_done=self._on_first_page,
                on_error=self._on_list_failed,
            )

        def the_rest() -> None:
            context.background.submit(
                self.list_job,
                reader(query),
                owner=self,
                on_done=self._on_list,
                on_error=self._on_list_failed,
                priority=REST if first is not None else 0,
                skippable=True,  # a newer reload's makes it stale before it runs
            )

        if first is None:
            the_rest()
        else:  # the next turn: after what the form reads in this one (REST orders only
            QTimer.singleShot(0, self, the_rest)  # the work already waiting)
        self._on_reload()

    def _on_first_page(self, rows: list[R]) -> None:
        """The first rows, in view at once; `_on_list` adds the rest below them
        (RowTableModel.set_all_rows)."""
        self.model.set_rows(rows)

    def _on_list_failed(self, _error: Exception) -> None:
        self.list_label.setText(self._failed_text())

    def _update_mode(self) -> None:
        for button in self.record_buttons:
            button.setEnabled(self.editing_id is not None)

    def leave_form(self) -> None:
        """Escape: stop with this record, asking what to do with unsaved input."""
        if not self._may_leave():
            return
        self._reset_form()
        self.form.focus_first()

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_record(row.id)


class _DraftForm(_Form, Protocol):
    def clear(self, *, area_id: uuid.UUID | None, today: date) -> None: ...

    def payload(self) -> dict[str, Any]: ...

    def is_empty(self) -> bool: ...


class _ChoosingDraftForm(_DraftForm, Protocol):
    """A draft form that offers areas, themes and team members to choose from."""

    def set_areas(self, nodes: Any) -> None: ...

    def set_theme_options(self, options: Any) -> None: ...

    def set_members(self, members: Any, *, default_owner: uuid.UUID | None) -> None: ...


DF = TypeVar("DF", bound=_ChoosingDraftForm)


class DraftListFormScreen(ListFormScreen[R, DF]):
    """A list-plus-form screen whose form keeps a draft while typing (Contacten, Activiteiten):
    what counts as unsaved and what a blank form is, once. The screen makes `autosaver`."""

    autosaver: DraftAutosaver
    _ready = True  # the form's choices are in (False while the first choices are read)
    _waiting: list[Callable[[], object]]  # steps waiting for the first choices
    _held_choices: dict[str, Any] | None = None  # came in before the form was made

    def _form_exists(self) -> bool:
        """False while a screen that makes its form on first use (Contacten, after its first
        paint) has not made it: nothing to reset, nothing typed."""
        return True

    def _reset_form(self) -> None:
        """A blank form for the navigator's area, with a new draft to come (a form made
        later is made blank)."""
        if not self._form_exists():
            return
        self.autosaver.suspended = True
        try:
            self.form.clear(area_id=self.area_id, today=date.today())
        finally:
            self.autosaver.suspended = False
        self.autosaver.start()
        self.editing_id = None
        self._baseline = self.form.payload()
        self._update_mode()

    def _load_reference_data(self, *kinds: str) -> None:
        """The choices the form offers (AREAS, THEMES, TEAM and what `_read_more_choices`
        adds), read in one session on the GUI thread (small registers; Activiteiten)."""
        self._apply_choices(self._choices_work(kinds)())

    def _load_reference_data_later(self, *kinds: str, first: bool = False) -> None:
        """The same choices read on the worker (issue 19: at ten times the data they blocked
        the window). The `first` time the form stays disabled until they are in, and what
        needs them waits for them (`_when_ready`)."""
        if first:
            self._ready, self._waiting = False, []
            self._set_form_enabled(False)
        self.context.background.submit(
            f"{self.list_job}-choices-{'-'.join(kinds)}",
            self._choices_work(kinds),
            owner=self,
            on_done=self._on_choices,
            on_error=self._on_choices_failed,
        )

    def _choices_work(self, kinds: tuple[str, ...]) -> Callable[[], dict[str, Any]]:
        """What reads the choices of `kinds` in its own session: plain data, no widgets."""
        # ui.contacts imports this module: its theme options are imported when first needed
        from gebiedsapp.ui.contacts.themes import theme_options

        context, more = self.context, self._read_more_choices

        def work() -> dict[str, Any]:
            found: dict[str, Any] = {}
            with context.read() as session:
                if AREAS in kinds:
                    found[AREAS] = area_tree(session)
                if THEMES in kinds:
                    found[THEMES] = theme_options(list_themes(session, include_retired=False))
                if TEAM in kinds:
                    me = member_for_account(session, context.actor)
                    found[TEAM] = (
                        list_members(session, active_only=True),
                        me.id if me is not None else None,
                    )
                found.update(more(session, kinds))
            return found

        return work

    def _apply_choices(self, found: dict[str, Any]) -> None:
        """Fill the form's choices; filling them is not typing, so no draft is written. A
        form not made yet gets them as it is made (`_apply_held_choices`), in a turn of its
        own (issue 19: made and filled in the turn they came in, 90 ms on ten times the
        data)."""
        if not self._form_exists():
            self._held_choices = {**(self._held_choices or {}), **found}
            return
        self.autosaver.suspended = True
        try:
            if AREAS in found:
                self.form.set_areas(found[AREAS])
            if THEMES in found:
                self.form.set_theme_options(found[THEMES])
            if TEAM in found:
                members, default_owner = found[TEAM]
                self.form.set_members(members, default_owner=default_owner)
            self._apply_more_choices(found)
        finally:
            self.autosaver.suspended = False

    def _apply_held_choices(self) -> None:
        """The choices that came in before the form was made: the screen calls this as it
        makes its form."""
        held, self._held_choices = self._held_choices, None
        if held:
            self._apply_choices(held)

    def _on_choices(self, found: dict[str, Any]) -> None:
        self._apply_choices(found)
        if self._ready:
            return  # choices read again after a change elsewhere
        self._ready = True
        self._on_choices_ready()
        self._set_form_enabled(True)
        waiting, self._waiting = self._waiting, []
        for step in waiting:
            step()

    def _on_choices_failed(self, _error: Exception) -> None:
        """Left as it is: a form without its areas could not be saved anyway."""
        self.list_label.setText(self._failed_text())

    def _on_choices_ready(self) -> None:
        """The screen's: what the first choices make possible (a blank form for the area)."""

    def _set_form_enabled(self, enabled: bool) -> None:
        """The screen's: the form and its buttons, usable only once their choices are in."""

    def _when_ready(self, step: Callable[[], object]) -> None:
        """Run `step` now if the form's choices are in, else as soon as they arrive (a draft
        restored or a record opened right after the screen was built)."""
        self._ensure_loaded()
        if self._ready:
            step()
        else:
            self._waiting.append(step)

    def _read_more_choices(self, session: Session, kinds: tuple[str, ...]) -> dict[str, Any]:
        """A screen's own choices (Contacten: the partners), read in the same session (on the
        worker when read later): plain data keyed by kind."""
        return {}

    def _apply_more_choices(self, found: dict[str, Any]) -> None:
        """A screen's own choices put in the form (on the GUI thread)."""

    def _is_dirty(self) -> bool:
        """A draft in the database, or input that differs from what was opened (a new form
        that is still empty does not count)."""
        if not self._form_exists():
            return False
        if self.autosaver.draft_id is not None:
            return True
        return self.form.payload() != self._baseline and not (
            self.editing_id is None and self.form.is_empty()
        )
