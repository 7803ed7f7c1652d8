"""The four lists of the Lijsten screen as data: per tab its title, the column that stretches,
the starting widths, its nouns and the filters that apply. The screen builds a table from each.

The texts are translated where they are shown, in the screen's own context ("ListsScreen").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QTableView

from gebiedsapp.ui.actions import ActionsModel
from gebiedsapp.ui.contacts.models import ContactsModel
from gebiedsapp.ui.layout import ColumnFit
from gebiedsapp.ui.lists.models import ConversationsModel, SessionsModel
from gebiedsapp.ui.table_model import RowTableModel
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

SESSIONS, CONVERSATIONS, CONTACTS_TAB, ACTIONS_TAB = (
    "sessions",
    "conversations",
    "contacts",
    "actions",
)

AREA_COLUMNS = {
    SESSIONS: SessionsModel.COL_AREA,
    CONVERSATIONS: ConversationsModel.COL_AREA,
    CONTACTS_TAB: ContactsModel.COL_AREA,
    ACTIONS_TAB: ActionsModel.COL_AREA,
}


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # with its accelerator
    stretch: int  # the column that takes the room there is
    widths: dict[int, int]
    one: str  # the noun for one row, and for more
    many: str
    uses: frozenset[str]  # which of the filters theme, author and handling apply
    tooltip: str = ""


@dataclass
class Tab:
    """A tab as built, with the state of its last query."""

    key: str
    model: RowTableModel[Any]
    table: QTableView
    one: str
    many: str
    stale: bool = True
    busy: bool = False
    summary: str = ""
    uses: frozenset[str] = field(default_factory=frozenset)  # which filters apply
    fit: ColumnFit | None = None


TABS = (
    TabSpec(
        SESSIONS,
        QT_TRANSLATE_NOOP("ListsScreen", "&Rondes"),
        stretch=SessionsModel.COL_PLACE,
        widths={
            SessionsModel.COL_DATE: 85,
            SessionsModel.COL_AREA: 160,
            SessionsModel.COL_CONVERSATIONS: 100,
            SessionsModel.COL_PASSERS_BY: 120,
        },
        one=QT_TRANSLATE_NOOP("ListsScreen", "ronde"),
        many=QT_TRANSLATE_NOOP("ListsScreen", "rondes"),
        uses=frozenset({"theme", "author"}),
        tooltip=QT_TRANSLATE_NOOP(
            "ListsScreen", "Koffiekarrondes; een thema betekent: er was een gesprek over."
        ),
    ),
    TabSpec(
        CONVERSATIONS,
        QT_TRANSLATE_NOOP("ListsScreen", "&Gesprekken"),
        stretch=ConversationsModel.COL_SUMMARY,
        widths={
            ConversationsModel.COL_DATE: 85,
            ConversationsModel.COL_AREA: 115,
            ConversationsModel.COL_QUOTE: 90,  # few conversations have a quote
            ConversationsModel.COL_THEMES: 170,
            ConversationsModel.COL_HANDLING: 145,
            ConversationsModel.COL_AUTHOR: 85,
        },
        one=QT_TRANSLATE_NOOP("ListsScreen", "gesprek"),
        many=QT_TRANSLATE_NOOP("ListsScreen", "gesprekken"),
        uses=frozenset({"theme", "author", "handling"}),
    ),
    TabSpec(
        CONTACTS_TAB,
        QT_TRANSLATE_NOOP("ListsScreen", "&Contacten"),
        stretch=ContactsModel.COL_SUBJECT,
        widths={
            ContactsModel.COL_DATE: 85,
            ContactsModel.COL_AREA: 115,
            ContactsModel.COL_TYPE: 95,
            ContactsModel.COL_WITH: 190,
            ContactsModel.COL_THEMES: 170,
            ContactsModel.COL_AUTHOR: 85,
        },
        one=QT_TRANSLATE_NOOP("ListsScreen", "contact"),
        many=QT_TRANSLATE_NOOP("ListsScreen", "contacten"),
        uses=frozenset({"theme", "author"}),
    ),
    TabSpec(
        ACTIONS_TAB,
        QT_TRANSLATE_NOOP("ListsScreen", "&Acties"),
        stretch=ActionsModel.COL_DESCRIPTION,
        widths={
            ActionsModel.COL_DUE: 150,
            ActionsModel.COL_AREA: 130,
            ActionsModel.COL_OWNER: 150,
            ActionsModel.COL_SOURCE: 130,
            ActionsModel.COL_STATUS: 80,
        },
        one=QT_TRANSLATE_NOOP("ListsScreen", "actie"),
        many=QT_TRANSLATE_NOOP("ListsScreen", "acties"),
        uses=frozenset({"author"}),
        tooltip=QT_TRANSLATE_NOOP(
            "ListsScreen",
            "Acties die in de periode zijn afgesproken, open en afgerond. Thema en "
            "afhandeling gelden hier niet.",
        ),
    ),
)
