"""The koffiekar screen's right side: the round's header and the conversation form above the
round's conversations. Made and placed in two steps, so that the screen's first open can paint
before making them and make them before laying them out and painting them (issue 19: no
GUI-thread block over 100 ms); whatever needs them sooner does both steps at once."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar.conversation_form import ConversationForm
from gebiedsapp.ui.koffiekar.conversation_list import ConversationList
from gebiedsapp.ui.koffiekar.session_form import SessionForm
from gebiedsapp.ui.layout import scrolling


class Forms(NamedTuple):
    session_form: SessionForm
    form: ConversationForm
    conversation_list: ConversationList
    scroll: QScrollArea  # the two forms, scrolling on a short screen


def make_forms(context: AppContext, parent: QWidget) -> Forms:
    """The widgets, not yet shown (children made in a shown widget stay hidden until placed)."""
    forms = QWidget(parent)
    session_form = SessionForm(context, forms)
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
