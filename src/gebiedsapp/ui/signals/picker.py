"""A choice field you can type in: the list shows the tree, typing finds a choice by any part
of its full name ("Hoofd › Sub"), ignoring case and accents.

A plain combo box's keyboard search only matches the start of what the list shows, so
typing "Straatv" in the category field chose "Sociaal" (issue 13). Here what is chosen is
always shown in full in the field, and typed text that matches nothing (or several choices)
chooses nothing: the field says so and a dialog refuses to go on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QStyle, QToolTip, QWidget

from gebiedsapp.ui.admin.common import select_data

PATH = " › "
ModelIndex = QModelIndex | QPersistentModelIndex


class Pick(NamedTuple):
    data: str  # "" means none chosen
    listed: str  # as the drop-down list shows it (indented under its parent)
    text: str  # as the field shows it when chosen, and what typing searches: "Hoofd › Sub"


def fold(text: str) -> str:
    """Lower case without accents, so "Eenzaamheid" is found by "eenzaamheid" and "é" by "e"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


class _PickModel(QAbstractListModel):
    """The list shows `listed`, the field (EditRole) shows `text`."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.picks: list[Pick] = []

    def set_picks(self, picks: Sequence[Pick]) -> None:
        self.beginResetModel()
        self.picks = list(picks)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.picks)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.picks):
            return None
        pick = self.picks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return pick.listed
        if role == Qt.ItemDataRole.EditRole:
            return pick.text
        if role == Qt.ItemDataRole.UserRole:
            return pick.data
        if role == Qt.ItemDataRole.ToolTipRole:
            return pick.text or None
        return None


class _Matches(QSortFilterProxyModel):
    """The choices whose full name holds every typed word; shown by their full name."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, _PickModel)
        pick = model.picks[source_row]
        return bool(pick.data) and matches(pick, self.words)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            role = Qt.ItemDataRole.EditRole
        return super().data(index, role)


def own_name(pick: Pick) -> str:
    return pick.text.rsplit(PATH, 1)[-1]


def matches(pick: Pick, words: Sequence[str]) -> bool:
    name = fold(pick.text)
    return all(word in name for word in words)


class ChoicePicker(QComboBox):
    """An editable combo over `Pick`s. `commit()` turns what was typed into a choice.

    With `revert`, typed text that finds no single choice is replaced by the current choice
    (a filter: what the list shows and what the field says stay the same); without, it stays
    so that the dialog can refuse to save it.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        noun: tuple[str, str],
        revert: bool = False,
    ) -> None:
        super().__init__(parent)
        self.noun, self.nouns = noun
        self.revert = revert
        self.problem = ""  # what the last commit could not choose, in Dutch; "" when fine
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picks = _PickModel(self)
        self.setModel(self.picks)
        self.matches = _Matches(self)
        self.matches.setSourceModel(self.picks)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        popup = completer.popup()
        assert popup is not None
        self.list_popup = popup
        self._from_list = False  # the key being handled chose from the completer's list
        completer.activated.connect(self._chosen_from_list)
        edit = self.lineEdit()
        assert edit is not None
        self.edit = edit
        edit.textEdited.connect(self._typed)
        warning_sign = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.warning = edit.addAction(warning_sign, QLineEdit.ActionPosition.TrailingPosition)
        self.warning.setVisible(False)
        self.warning.triggered.connect(self._tell)
        self.currentIndexChanged.connect(self._show_chosen)

    def set_picks(self, picks: Sequence[Pick], current: str = "") -> None:
        """Fill the list; `current` (data) is chosen, else the first entry."""
        self.picks.set_picks(picks)
        empty = next((p for p in picks if not p.data), None)
        self.edit.setPlaceholderText(empty.listed if empty else "")
        widest = max((self.fontMetrics().horizontalAdvance(p.text) for p in picks), default=0)
        self.list_popup.setMinimumWidth(min(widest + 40, 640))  # full names, not cut at the field
        select_data(self, current)
        self._show_chosen()

    def typed_text(self) -> str:
        return self.edit.text()

    def chosen_text(self) -> str:
        return str(
            self.picks.data(self.picks.index(self.currentIndex()), Qt.ItemDataRole.EditRole) or ""
        )

    def commit(self) -> bool:
        """Choose what the typed text names; False (and `problem` said) when it names no single
        choice. Nothing typed since the last choice: True."""
        text = self.typed_text()
        if text == self.chosen_text():
            self._set_problem("")
            return True
        row, problem = self.find_row(text)
        if row is None:
            self._set_problem(problem)
            if self.revert:
                self._show_chosen()
            return False
        self._set_problem("")
        self.setCurrentIndex(row)
        self._show_chosen()
        return True

    def find_row(self, text: str) -> tuple[int | None, str]:
        """The row the text names, else None and why (in Dutch). Tried in turn, the first
        that gives exactly one: the whole name, the own name ("Afval", not "Bedrijfsafval"),
        an own name holding every typed word ("wegen": the main category, not all below
        it), a whole name holding every word ("wegen licht")."""
        picks = [(row, p) for row, p in enumerate(self.picks.picks) if p.data]
        wanted = fold(text)
        if not wanted:
            empty = next((row for row, p in enumerate(self.picks.picks) if not p.data), None)
            if empty is not None:
                return empty, ""
            return None, self.tr("Kies een %s.") % self.noun
        words = wanted.split()
        found: list[int] = []
        for test in (
            lambda p: fold(p.text) == wanted,
            lambda p: fold(own_name(p)) == wanted,
            lambda p: all(word in fold(own_name(p)) for word in words),
            lambda p: matches(p, words),
        ):
            found = [row for row, p in picks if test(p)]
            if len(found) == 1:
                return found[0], ""
        if not found:
            return None, self.tr("Geen %s gevonden met ‘%s’.") % (self.noun, text.strip())
        return None, self.tr("‘%s’ past bij %d %s; kies er een uit de lijst.") % (
            text.strip(),
            len(found),
            self.nouns,
        )

    # -- typing -----------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._set_problem("")
        self.matches.set_words(text)

    def _chosen_from_list(self, _text: str) -> None:
        self._from_list = True
        QTimer.singleShot(0, self._chosen_done)

    def _chosen_done(self) -> None:
        self._from_list = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter first turns the typed text into a choice (or takes the one from the list);
        only a next Enter reaches the dialog, which saves on Enter."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self._from_list or self.typed_text() != self.chosen_text()
        ):
            if not self._from_list:
                self.commit()
            self._from_list = False
            self.list_popup.hide()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def _show_chosen(self, *_args: object) -> None:
        """The field shows the chosen entry in full (its end, the own name, when it is long)."""
        text = self.chosen_text()
        if self.edit.text() != text:
            self.edit.setText(text)
        self.setToolTip(text)

    def _set_problem(self, problem: str) -> None:
        """Said at once (a tip under the field) and kept in sight (a warning sign in the field,
        its tip the message) until the next typing or choice."""
        if problem == self.problem:
            return
        self.problem = problem
        self.warning.setVisible(bool(problem))
        self.warning.setToolTip(problem)
        self.setAccessibleDescription(problem)
        if problem:
            self._tell()
        else:
            QToolTip.hideText()

    def _tell(self) -> None:
        if self.problem:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.problem, self)


def category_picker(
    parent: QWidget, picks: Sequence[Pick], *, current: str = "", revert: bool = False
) -> ChoicePicker:
    """The category field of the signal screen, its form and dialogs."""
    picker = ChoicePicker(
        parent, noun=(parent.tr("categorie"), parent.tr("categorieën")), revert=revert
    )
    picker.setAccessibleName(parent.tr("Categorie"))
    picker.set_picks(picks, current)
    return picker
