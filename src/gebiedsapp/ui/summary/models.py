"""The summary screen's lists as table models: open signals, quotes, open actions, initiatives.

On ten times today's data Winschoten's year has thousands of open signals: the rows come from
the database a page at a time (`services.summary_lists`): the first page with the list's
order, each next page when the view scrolls to it (canFetchMore/fetchMore), a look-up of
200 rows by id; both on a worker (issue 19)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from gebiedsapp.services.money import format_euros
from gebiedsapp.services.summary import InitiativeRow, OpenAction, OpenSignal, Quote
from gebiedsapp.services.summary_lists import ListOrder, Page
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import ColourRole, brush
from gebiedsapp.ui.signals.common import label_brush
from gebiedsapp.ui.table_model import RowTableModel

R = TypeVar("R")
PageAsker = Callable[["PagedModel[Any]", ListOrder, int], None]  # asks for rows from an offset


class PagedModel(RowTableModel[R]):
    """The rows of a list read so far; the view asks for the next page as it scrolls, which
    comes from the worker (`add_page`). The total is the list's length when its order was
    read (the rows of records removed since are left out)."""

    def __init__(self, ask_page: PageAsker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ask_page = ask_page
        self.order: ListOrder | None = None
        self.next_offset = 0  # the place in the order of the next page
        self.fetching = False  # a page asked for and not in yet

    @property
    def total(self) -> int:
        """The list's length (its rows read or not); while only its first page's order is in,
        that page's length (the next pages wait for the whole order, `set_order`)."""
        return len(self.order) if self.order is not None else len(self.rows)

    def set_page(self, order: ListOrder, page: Page[Any]) -> None:
        """A new list, with its first page."""
        self.beginResetModel()
        self.order = order
        self.rows = list(page.rows)
        self.next_offset = page.end
        self.fetching = False
        self.endResetModel()

    def set_order(self, first: ListOrder, whole: ListOrder) -> None:
        """The whole order of the list whose first page came alone (`first`): the next pages
        come from it. Dropped when another list came meanwhile; when the records changed
        between the two reads (the first ids differ), the list shows again from the whole
        order's start, so no row is shown twice or left out."""
        if first is not self.order:
            return
        if whole.ids[: len(first.ids)] == first.ids:
            self.order = whole
            # a view already scrolled to the end asks no more by itself: its layout again
            # makes it look whether its last row shows, and fetch the next page if so
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self.order = whole
        self.rows = []
        self.next_offset = 0
        self.fetching = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self.order = None
        self.rows = []
        self.next_offset = 0
        self.fetching = False
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return (
            not parent.isValid()
            and self.order is not None
            and not self.fetching
            and self.next_offset < self.total
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent) or self.order is None:
            return
        self.fetching = True
        self.ask_page(self, self.order, self.next_offset)

    def add_page(self, order: ListOrder, page: Page[Any]) -> None:
        """The page asked for; dropped when another list came meanwhile."""
        if order is not self.order or page.offset != self.next_offset:
            return
        self.fetching = False
        self.next_offset = max(page.end, self.next_offset + 1)
        if page.rows:  # else all removed since the list's order was read
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()

    def page_failed(self, order: ListOrder) -> None:
        """The database went away (closed, restored): keep what is shown, ask no more."""
        if order is self.order:
            self.fetching = False
            self.order = None


# A cell's text made for its own column only: the view asks each cell apart (the column
# widths' sample alone 250 times, issue 19), and a row's every text per cell cost five times
# the formatting
_SIGNAL_TEXTS: tuple[Callable[[OpenSignal], str], ...] = (
    lambda row: row.category,
    lambda row: row.buurt or "—",
    lambda row: format_date(row.since),
    lambda row: row.partner or "—",
    lambda row: format_date(row.deadline),
    lambda row: label_of(row.label),
)


class OpenSignalsModel(PagedModel[OpenSignal]):
    headers = ("Categorie", "Buurt", "Gemeld op", "Partner", "Uiterlijk", "Termijn")

    def cell(self, row: OpenSignal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:  # only the column asked for
            return _SIGNAL_TEXTS[column](row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return label_brush(row.label)
        return None


class QuotesModel(PagedModel[Quote]):
    """The quotes, one per row; the whole text in its tooltip."""

    headers = ("Uitspraak", "Datum", "Waar")

    def cell(self, row: Quote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"“{row.text}”", format_date(row.day), row.buurt or row.area)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.text
        return None


class OpenActionsModel(PagedModel[OpenAction]):
    headers = ("Actie", "Wie", "Uiterlijk", "Gebied")

    def cell(self, row: OpenAction, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 2:
                return format_date(row.due) if row.due else "—"
            return (row.what, row.owner or "—", None, row.area)[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column == 2:
            return brush(ColourRole.OVERDUE)
        return None


class InitiativesModel(PagedModel[InitiativeRow]):
    headers = ("Initiatief", "Status", "Sinds", "Volgende mijlpaal", "Budget toegekend", "Gebied")

    def cell(self, row: InitiativeRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 2:
                return format_date(row.since)
            if column == 3:
                return self._step(row)
            if column == 4:
                return format_euros(row.budget_granted, blank="—")
            return (row.title, row.status_label, None, None, None, row.area)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _step(self, row: InitiativeRow) -> str:
        """Its end, or its next milestone."""
        if row.ended is not None:
            return self.tr("%s op %s") % (label_of(row.status).lower(), format_date(row.ended))
        if row.next_step:
            due = f" ({format_date(row.next_due)})" if row.next_due else ""
            return row.next_step + due
        return "—"
