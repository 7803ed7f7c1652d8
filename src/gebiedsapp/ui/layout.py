"""Sizes that hold on small screens: a laptop of 1366x768 at 125% or 150% display scaling
leaves about 1093x614 or 911x512 device-independent pixels for the whole window.

Screens are laid out to fit there; what still does not fit scrolls instead of being squashed
below the size its text needs (a squashed line edit cuts off what is typed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTableView,
    QWidget,
    QWidgetItem,
)

from gebiedsapp.ui.table_model import RowTableModel

DATE_SAMPLE = "00-00-0000"
LIST_ROWS = 4  # a list that shows fewer rows than this is hard to work through


def smart_minimum(widget: QWidget) -> QSize:
    """The size below which Qt's layouts do not squeeze `widget`: an explicit minimum size
    wins over the minimum size hint, per direction."""
    hint = widget.minimumSizeHint()
    explicit = widget.minimumSize()
    return QSize(
        explicit.width() or max(hint.width(), 0), explicit.height() or max(hint.height(), 0)
    )


class ScreenStack(QStackedWidget):
    """The main window's screens. It asks for the room of the screen shown, not of the largest
    screen ever opened, so that only a screen that does not fit scrolls (see `scrolling`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return smart_minimum(page) if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return page.sizeHint().expandedTo(smart_minimum(page))

    def heightForWidth(self, width: int) -> int:
        """The least height the screen shown needs at this width (its wrapped labels), which
        the window's scroll area takes as the page's minimum; not its preferred height."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        layout = page.layout()
        height = smart_minimum(page).height()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.minimumHeightForWidth(width))
        return height


def scrolling(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`widget` in a frameless scroll area: it gets all the room there is, and scroll bars
    instead of squashed fields when there is less room than it needs."""
    area = QScrollArea(parent)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to it
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def room_for_rows(table: QTableView, rows: int = LIST_ROWS) -> None:
    """Keep at least `rows` rows of `table` in view (its header, frame and a sideways scroll
    bar counted): on a short screen (150% scaling) the layout then takes the room from what
    can give it, or the page scrolls, instead of leaving a list of one or two rows."""
    bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
    table.setMinimumHeight(
        table.horizontalHeader().sizeHint().height()
        + rows * table.verticalHeader().defaultSectionSize()
        + 2 * table.frameWidth()
        + bar
    )


def text_width(widget: QWidget, characters: int) -> int:
    """The width of `characters` average characters in `widget`'s font: sizes that follow the
    font, and so the display scaling, instead of fixed pixels."""
    return QFontMetrics(widget.font()).averageCharWidth() * characters


def fit_into(frame: QRect, available: QRect) -> QRect:
    """`frame` made no larger than `available` and moved inside it (a window saved on a
    larger screen, or at a smaller display scaling)."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() - width + 1)
    top = min(max(frame.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def together(*widgets: QWidget, parent: QWidget) -> QWidget:
    """Widgets that a FlowLayout keeps on one line (a label and its field)."""
    pair = QWidget(parent)
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 8, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return pair


class FlowLayout(QLayout):
    """A row of buttons that continues on a next line when the screen is too narrow for it,
    instead of making the whole form as wide as the row. With `fill_last` the last item (the
    theme picker's line edit after its chips) takes the rest of its line."""

    def __init__(self, parent: QWidget | None = None, *, fill_last: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.fill_last = fill_last
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(size.width() for size in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((size.height() for size in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest item: one item a line."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size.grownBy(margins)

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        gap = -1
        if style is not None:
            gap = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the items line by line; the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        x, y, line = area.x(), area.y(), 0
        shown = [item for item in self._items if not item.isEmpty()]  # not a hidden button
        for item in shown:
            size = item.sizeHint()
            filling = self.fill_last and item is shown[-1]
            if filling:
                size.setWidth(max(item.minimumSize().width(), 1))
            if x > area.x() and x + size.width() > area.x() + area.width():
                x, y, line = area.x(), y + line + gap, 0
            if filling:
                size.setWidth(max(size.width(), area.x() + area.width() - x))
            if apply:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + gap
            line = max(line, size.height())
        return y + line - rect.y() + margins.bottom()


class ColumnFit(QObject):
    """Columns that give way on a narrow screen. The table's stretching column (the summary,
    the subject) keeps at least `minimum` pixels; the other columns shrink in proportion to
    the widths they were given, down to about ten characters, instead of squeezing the one
    column people read to a few letters. Where even that does not fit, the table scrolls
    sideways. Widths the user drags become the new wishes."""

    def __init__(self, table: QTableView, *, minimum: int) -> None:
        super().__init__(table)
        self.table = table
        self.minimum = minimum
        header = table.horizontalHeader()
        stretching = QHeaderView.ResizeMode.Stretch
        self.stretch = next(
            (c for c in range(header.count()) if header.sectionResizeMode(c) == stretching), -1
        )
        self.wanted = {
            column: header.sectionSize(column)
            for column in range(header.count())
            if column != self.stretch
        }
        self._fitting = False
        header.sectionResized.connect(self._on_resized)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self.wanted and new > 0:
            self.wanted[column] = new  # the user dragged it

    def fit(self) -> None:
        """Every column its wish when there is room; otherwise all shrink evenly."""
        header = self.table.horizontalHeader()
        shown = {c: w for c, w in self.wanted.items() if not header.isSectionHidden(c)}
        total = sum(shown.values())
        room = self.table.viewport().width() - self.minimum
        scale = 1.0 if total <= room or total == 0 else max(room, 0) / total
        widths = {c: max(min(w, self._floor(c)), int(w * scale)) for c, w in shown.items()}
        self._fitting = True
        try:
            for column, width in widths.items():
                header.resizeSection(column, width)
            if self.stretch >= 0:
                crowded = sum(widths.values()) > room
                mode = (
                    QHeaderView.ResizeMode.Interactive
                    if crowded
                    else QHeaderView.ResizeMode.Stretch
                )
                header.setSectionResizeMode(self.stretch, mode)
                if crowded:
                    header.resizeSection(self.stretch, self.minimum)
        finally:
            self._fitting = False

    def show_columns(self, model: RowTableModel[Any], *, hidden: set[int]) -> None:
        """Hide the columns in `hidden`, and those empty on every row (no quotes at all,
        say): they give their width to the others, and come back once a row fills them."""
        for column in self.wanted:
            empty = bool(model.rows) and not any(
                model.cell(row, column, Qt.ItemDataRole.DisplayRole) for row in model.rows
            )
            self.table.setColumnHidden(column, column in hidden or empty)
        self.fit()

    def _floor(self, column: int) -> int:
        """A column that gives way still shows its header and a date (dd-mm-jjjj) whole."""
        header = self.table.horizontalHeader()
        text = str(self.table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 6
        widest = max(
            header.fontMetrics().horizontalAdvance(text),
            self.table.fontMetrics().horizontalAdvance(DATE_SAMPLE),
        )
        return max(header.minimumSectionSize(), widest + padding)
