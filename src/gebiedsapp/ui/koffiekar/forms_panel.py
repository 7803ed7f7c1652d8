"""The koffiekar screen's right side: the round's header and the conversation form above the
round's conversations. Made and placed in three steps (the header, the conversation form and
list, then their layout and paint), so that the screen's first open paints before making them
(issue 19: no GUI-thread block over 100 ms); whatever needs them sooner does all at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar.conversation_form import ConversationForm
from gebiedsapp.ui.koffiekar.conversation_list import ConversationList
from gebiedsapp.ui.koffiekar.models import ConversationListModel
from gebiedsapp.ui.koffiekar.session_form import SessionForm
from gebiedsapp.ui.layout import scrolling

SIDES = [300, 800]  # the rounds, and the round's forms: they get what a small screen has left


class Forms(NamedTuple):
    session_form: SessionForm
    form: ConversationForm
    conversation_list: ConversationList
    scroll: QScrollArea  # the two forms, scrolling on a short screen


class Header(NamedTuple):
    """The first half of the forms: their panel with the round's header in it."""

    forms: QWidget
    session_form: SessionForm


def make_header(context: AppContext, parent: QWidget) -> Header:
    forms = QWidget(parent)
    return Header(forms, SessionForm(context, forms))


def make_forms(context: AppContext, parent: QWidget, header: Header | None = None) -> Forms:
    """The widgets, not yet shown (children made in a shown widget stay hidden until placed);
    `header`: the round's header made already (a turn before, on the first open)."""
    forms, session_form = header or make_header(context, parent)
    form = ConversationForm(context, forms)
    conversation_list = ConversationList(parent)
    forms_layout = QVBoxLayout(forms)
    forms_layout.setContentsMargins(6, 8, 6, 4)
    forms_layout.setSpacing(8)
    forms_layout.addWidget(session_form)
    forms_layout.addWidget(form)
    forms_layout.addStretch(1)
    table = conversation_list.table  # at least four rows to read, whatever the scaling
    table.setMinimumHeight(
        table.horizontalHeader().sizeHint().height()
        + 4 * table.verticalHeader().defaultSectionSize()
        + table.horizontalScrollBar().sizeHint().height()
        + 2 * table.frameWidth()
    )
    conversation_list.setContentsMargins(6, 0, 6, 10)
    return Forms(session_form, form, conversation_list, scrolling(forms, parent))


def place_forms(built: Forms, right: QSplitter) -> None:
    """On a short screen (125-150% scaling) the forms scroll and the list keeps some rows;
    the user drags the handle between them, or folds the round's header."""
    right.addWidget(built.scroll)
    right.addWidget(built.conversation_list)
    right.setChildrenCollapsible(False)
    right.setStretchFactor(1, 1)
    forms = built.scroll.widget()
    assert forms is not None  # make_forms put them in
    right.setSizes([forms.sizeHint().height(), built.conversation_list.sizeHint().height()])


class LazyForms:
    """The Koffiekar screen's forms as attributes that make and place them when first used
    (the screen sets `_forms`, `_placed`, `_right`, `_splitter`, and has `context`,
    `_connect_forms` and `_focus_form`)."""

    if TYPE_CHECKING:
        context: AppContext
        _forms: Forms | None
        _header: Header | None
        _placed: bool
        _right: QSplitter
        _splitter: QSplitter

        def _connect_forms(self, forms: Forms) -> None: ...
        def isVisible(self) -> bool: ...

    @property
    def session_form(self) -> SessionForm:
        return self._forms_built().session_form

    @property
    def form(self) -> ConversationForm:
        return self._forms_built().form

    @property
    def conversation_list(self) -> ConversationList:
        return self._forms_built().conversation_list

    @property
    def conversations(self) -> QTableView:
        return self._forms_built().conversation_list.table

    @property
    def conversations_model(self) -> ConversationListModel:
        return self._forms_built().conversation_list.model

    def _focus_form(self) -> None:
        """The cursor where the user was typing in the forms, else in the summary."""
        assert isinstance(self, QWidget)
        if not self.form.isEnabled():
            return
        last = self.focusWidget()
        typing = (
            last is not None
            and not isinstance(last, QPushButton)
            and (self.form.isAncestorOf(last) or self.session_form.isAncestorOf(last))
            and last.isEnabled()
            and last.isVisibleTo(self)
        )
        (last if typing and last is not None else self.form.summary).setFocus()

    def build_all(self) -> None:
        """ui.screen.PartsOnUse: the forms now (their shortcuts for the overview)."""
        self._forms_built()

    def parts_built(self) -> bool:
        return self._placed

    def _forms_made(self) -> Forms:
        if self._forms is None:
            assert isinstance(self, QWidget)
            header, self._header = self._header, None
            self._forms = make_forms(self.context, self, header)
            self._connect_forms(self._forms)
        return self._forms

    def _header_made(self) -> None:
        if self._forms is None and self._header is None:
            assert isinstance(self, QWidget)
            self._header = make_header(self.context, self)

    def _forms_built(self) -> Forms:
        """The right side, made and placed now if it is not yet: the first open paints the
        screen first (issue 19); whatever needs the forms (an area's choices, a restore,
        Ctrl+N, a key) gets them at once, so nothing waits for a later turn."""
        forms = self._forms_made()
        if not self._placed:
            self._placed = True
            place_forms(forms, self._right)
            self._splitter.setSizes(SIDES)  # the sides as if the forms had been there at once
        return forms

    def _build_later(self) -> None:
        """Shown for the first time: the round's header made in the next turn, the
        conversation form in the one after, all laid out and painted in the third (each
        well under 100 ms; the two forms in one turn took 70-135 ms on a loaded machine),
        then the cursor in them."""
        assert isinstance(self, QWidget)

        def header() -> None:
            self._header_made()
            QTimer.singleShot(0, self, make)

        def make() -> None:
            self._forms_made()
            QTimer.singleShot(0, self, place)

        def place() -> None:
            if not self._placed:
                self._forms_built()
                if self.isVisible():
                    self._focus_form()

        QTimer.singleShot(0, self, header)
