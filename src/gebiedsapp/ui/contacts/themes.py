"""A keyboard-friendly multi-select over the theme taxonomy: type to filter, Enter or Space to tick.

Typing 'eenz' and Enter ticks 'Eenzaamheid' and clears the filter for the next one; Down moves into
the list, where Space ticks the current theme. Matching ignores case and accents. Saving
(Ctrl+Enter) with text left in the filter takes the theme it names when there is one; text that
fits several themes ('openb') or none is neither guessed nor dropped: the save waits and the
filter is marked.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gebiedsapp.services.taxonomy_views import ThemeView
from gebiedsapp.ui.palette import style

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MARKED = "QLineEdit { border: 2px solid $warning; border-radius: 3px; }"  # a choice is awaited


@dataclass(frozen=True)
class ThemeOption:
    id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None


def theme_options(themes: Iterable[ThemeView]) -> list[ThemeOption]:
    """Plain copies of the taxonomy in tree order (each dimension followed by its themes), safe
    to use after the session closed. `list_themes` sorts flat by sort order and name."""
    flat = [ThemeOption(t.id, t.name, t.parent_id) for t in themes]
    known = {o.id for o in flat}
    children: dict[uuid.UUID, list[ThemeOption]] = {}
    for option in flat:
        if option.parent_id in known:
            children.setdefault(option.parent_id, []).append(option)
    ordered: list[ThemeOption] = []
    for option in flat:
        if option.parent_id not in known:  # a top-level theme (or an orphan: shown on top)
            ordered.append(option)
            ordered.extend(children.get(option.id, []))
    return ordered


def fold(text: str) -> str:
    """Lower case without accents: 'Eénzaam' → 'eenzaam'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class ThemePicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Typ om te zoeken, Enter kiest"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Thema zoeken"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Thema's"))
        self.list.setUniformItemSizes(True)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        style(self.chosen, "color: $muted;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.filter)

        self.filter.textChanged.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._unmark())
        self.filter.installEventFilter(self)
        self.list.itemChanged.connect(self._on_item_changed)
        self._options: list[ThemeOption] = []
        self._update_chosen()

    # -- contents ---------------------------------------------------------------------------

    def set_options(self, options: Sequence[ThemeOption]) -> None:
        """Offer these themes; ticked themes stay ticked (and stay listed, even if retired)."""
        keep = {i: self._name_of(i) for i in self.checked_ids()}
        self._options = list(options)
        self._fill(keep)

    def set_checked(
        self, ids: Iterable[uuid.UUID], *, names: dict[uuid.UUID, str] | None = None
    ) -> None:
        """Tick exactly these; `names` labels ticked themes that are no longer offered."""
        wanted = dict.fromkeys(ids)
        offered = {o.id for o in self._options}
        if self.list.count() == len(self._options) and offered.issuperset(wanted):
            self._tick({str(i) for i in wanted})  # a blank form on every area click: no rebuild
            return
        extra = {i: (names or {}).get(i, self.tr("(vervallen thema)")) for i in wanted}
        self._fill(extra, checked=set(wanted))

    def _tick(self, ticked: set[str]) -> None:
        """Tick exactly `ticked` (ids as text) among the items as they are."""
        self.list.blockSignals(True)
        try:
            for item in self._items():
                state = (
                    Qt.CheckState.Checked
                    if item.data(ID_ROLE) in ticked
                    else Qt.CheckState.Unchecked
                )
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self.list.blockSignals(False)
        self._apply_filter(self.filter.text())
        if not self.filter.text():
            self.list.scrollToTop()
        self._update_chosen()

    def checked_ids(self) -> list[uuid.UUID]:
        return [
            uuid.UUID(item.data(ID_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def checked_names(self) -> list[str]:
        return [
            item.text().strip()
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _name_of(self, theme_id: uuid.UUID) -> str:
        for item in self._items():
            if item.data(ID_ROLE) == str(theme_id):
                return item.text().strip()
        return ""

    def _fill(self, extra: dict[uuid.UUID, str], checked: set[uuid.UUID] | None = None) -> None:
        ticked = set(extra) if checked is None else checked
        offered = {o.id for o in self._options}
        self.list.blockSignals(True)
        try:
            self.list.clear()
            top = QFont()
            top.setBold(True)
            for option in self._options:
                indent = "    " if option.parent_id is not None else ""
                item = QListWidgetItem(indent + option.name, self.list)
                item.setData(ID_ROLE, str(option.id))
                item.setData(Qt.ItemDataRole.UserRole + 2, fold(option.name))
                if option.parent_id is None:
                    item.setFont(top)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                state = Qt.CheckState.Checked if option.id in ticked else Qt.CheckState.Unchecked
                item.setCheckState(state)
            for theme_id, name in extra.items():
                if theme_id in offered or theme_id not in ticked:
                    continue
                item = QListWidgetItem(name, self.list)
                item.setData(ID_ROLE, str(theme_id))
                item.setData(Qt.ItemDataRole.UserRole + 2, fold(name))
                item.setToolTip(self.tr("Dit thema wordt niet meer aangeboden voor nieuwe invoer."))
                item.setCheckState(Qt.CheckState.Checked)
        finally:
            self.list.blockSignals(False)
        self._apply_filter(self.filter.text())
        if not self.filter.text():
            self.list.scrollToTop()
        self._update_chosen()

    # -- filtering and keys -----------------------------------------------------------------

    def _visible_items(self) -> list[QListWidgetItem]:
        return [item for item in self._items() if not item.isHidden()]

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.data(Qt.ItemDataRole.UserRole + 2))
        visible = self._visible_items()
        if needle and visible:
            self.list.setCurrentItem(visible[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QEvent.Type.KeyPress:
                return True  # the save was held back (below); the message is shown
            if self.settle_filter():
                return False  # settled: the form's Ctrl+Enter saves
            event.accept()  # no save now: the key comes here as a key press instead
            return True
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier
            ):
                self.tick_first_match()
                return True
            if key == Qt.Key.Key_Down:
                visible = self._visible_items()
                if visible:
                    current = self.list.currentItem()
                    self.list.setCurrentItem(
                        current if current in visible and current is not None else visible[0]
                    )
                self.list.setFocus()
                return True
        return super().eventFilter(watched, event)

    def tick_first_match(self) -> None:
        """Enter in the filter: tick the first theme that matches, then clear for the next."""
        if not self.filter.text().strip():
            return
        visible = self._visible_items()
        if visible:
            visible[0].setCheckState(Qt.CheckState.Checked)
        self.filter.clear()

    def settle_filter(self) -> bool:
        """Before saving: tick the theme the filter names, if it names exactly one. False (and
        the filter marked) when the text fits several themes or none: nothing is guessed."""
        text = self.filter.text().strip()
        if not text:
            return True
        needle = fold(text)
        visible = self._visible_items()
        open_ = [i for i in visible if i.checkState() != Qt.CheckState.Checked]
        exact = [i for i in open_ if i.data(Qt.ItemDataRole.UserRole + 2) == needle]
        if exact or len(open_) == 1:
            (exact or open_)[0].setCheckState(Qt.CheckState.Checked)
            self.filter.clear()
            return True
        if visible and not open_:  # what it fits is ticked already
            self.filter.clear()
            return True
        if open_:
            problem = self.tr(
                "'%s' past bij %s thema's: kies er een (Enter kiest het bovenste, ↓ en Spatie "
                "een ander)"
            ) % (text, len(open_))
        else:
            problem = self.tr("Geen thema past bij '%s'") % text
        style(self.filter, MARKED)
        style(self.chosen, "color: $warning; font-weight: 600;")
        self.chosen.setText(problem)
        return False

    def _unmark(self) -> None:
        if self.filter.styleSheet():
            style(self.filter, "")
            style(self.chosen, "color: $muted;")
            self._update_chosen()

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._unmark()
        self._update_chosen()
        self.changed.emit()

    def _update_chosen(self) -> None:
        names = self.checked_names()
        self.chosen.setText(
            self.tr("Gekozen: %s") % ", ".join(names)
            if names
            else self.tr("Nog geen thema gekozen")
        )
