"""Type-ahead theme picker: type part of a name, Enter makes it a chip, Backspace takes it back.

The completer offers the active themes whose name contains what was typed (case- and
accent-insensitive), those starting with it first. Enter takes the highlighted suggestion, or
the first one; the popup never has to be opened or navigated for the common case.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.layout import FlowLayout


@dataclass(frozen=True)
class ThemeChoice:
    id: uuid.UUID
    label: str  # the name; "name (hoofdthema)" when two themes share a name
    active: bool = True  # retired themes stay on old conversations but are not offered


def theme_choices(session: Session) -> list[ThemeChoice]:
    """Every theme (retired ones too, for old conversations); a parent name where two share one."""
    themes = list_themes(session)
    names = {t.id: t.name for t in themes}
    counts: dict[str, int] = {}
    for theme in themes:
        counts[theme.name.casefold()] = counts.get(theme.name.casefold(), 0) + 1
    choices = []
    for theme in themes:
        label = theme.name
        if counts[theme.name.casefold()] > 1 and theme.parent_id in names:
            label = f"{theme.name} ({names[theme.parent_id]})"
        choices.append(ThemeChoice(theme.id, label, active=not theme.retired))
    return choices


def fold(text: str) -> str:
    """Lower case without accents: 'Ideeën' and 'ideeen' match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def rank(choices: list[ThemeChoice], text: str) -> list[ThemeChoice]:
    """Active choices containing `text`: the exact name, names starting with it, then a word
    starting with it, then anywhere."""
    wanted = fold(text.strip())
    if not wanted:
        return []
    scored = []
    for order, choice in enumerate(choices):
        label = fold(choice.label)
        where = label.find(wanted)
        if where < 0 or not choice.active:
            continue
        if label == wanted:
            score = -1
        else:
            score = 0 if where == 0 else 1 if label[where - 1] in " -/(" else 2
        scored.append((score, order, choice))
    return [choice for _s, _o, choice in sorted(scored, key=lambda item: item[:2])]


class _ThemeLineEdit(QLineEdit):
    """Handles Enter, Backspace and Ctrl+Enter itself, also while the popup is open."""

    commit = Signal()
    remove_last = Signal()
    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.submit.emit()
            else:
                self.commit.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Backspace and not self.text():
            self.remove_last.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ThemePicker(QWidget):
    """Chips of chosen themes followed by the line edit to type the next one."""

    changed = Signal()
    submit_requested = Signal()  # Ctrl+Enter typed in the picker (the popup may have eaten it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[ThemeChoice] = []
        self.by_id: dict[uuid.UUID, ThemeChoice] = {}
        self.chosen: list[uuid.UUID] = []
        self.chips: list[QToolButton] = []

        self.edit = _ThemeLineEdit(self)
        self.edit.setPlaceholderText(self.tr("typ een deel van een thema, Enter kiest"))
        self.edit.setAccessibleName(self.tr("Thema's"))
        self.edit.setMinimumWidth(180)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(8)
        popup = self.completer.popup()  # creates the default list popup
        assert popup is not None
        self.popup = popup
        # Not setCompleter(): the line edit would then complete on its own and overwrite the
        # typed text while the user moves through the popup. Enter is handled here instead.
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._take_label)
        self.setFocusProxy(self.edit)

        self.layout_ = FlowLayout(self, fill_last=True)  # many chips: a second line
        self.layout_.setSpacing(4)
        self.layout_.addWidget(self.edit)

        self.edit.textEdited.connect(self._suggest)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.edit.commit.connect(self.commit_pending)
        self.edit.remove_last.connect(self.remove_last)
        self.edit.submit.connect(self.submit_requested)

    # -- the themes on offer ----------------------------------------------------------------

    def set_choices(self, choices: list[ThemeChoice]) -> None:
        self.choices = list(choices)
        self.by_id = {c.id: c for c in self.choices}

    def _suggest(self, text: str) -> None:
        matches = [c.label for c in rank(self._open_choices(), text)]
        self.suggestions.setStringList(matches)
        if matches:
            self.completer.setCompletionPrefix("")
            self.completer.complete()
        else:
            self.popup.hide()

    def _take_label(self, label: str) -> None:
        """A suggestion was clicked in the popup."""
        choice = next((c for c in self._open_choices() if c.label == label), None)
        if choice is not None:
            self.add(choice.id)
            self.edit.clear()

    def _open_choices(self) -> list[ThemeChoice]:
        return [c for c in self.choices if c.id not in self.chosen]

    def best_match(self) -> ThemeChoice | None:
        """What Enter would take: the highlighted suggestion, an exact name, or the first."""
        text = self.edit.text().strip()
        if not text:
            return None
        selection = self.popup.selectionModel()
        if self.popup.isVisible() and selection is not None and selection.selectedIndexes():
            text = str(selection.selectedIndexes()[0].data())  # moved to with the arrow keys
        candidates = self._open_choices()
        exact = [c for c in candidates if fold(c.label) == fold(text)]
        if exact:
            return exact[0]
        ranked = rank(candidates, text)
        return ranked[0] if ranked else None

    # -- chips ------------------------------------------------------------------------------

    def commit_pending(self) -> bool:
        """Turn the typed text into a chip; False if text is left that matches no theme."""
        if not self.edit.text().strip():
            self.popup.hide()
            return True
        choice = self.best_match()
        if choice is None:
            return False
        self.add(choice.id)
        self.edit.clear()
        self.popup.hide()
        return True

    def add(self, theme_id: uuid.UUID) -> None:
        if theme_id in self.chosen:
            return
        choice = self.by_id.get(theme_id) or ThemeChoice(theme_id, self.tr("(onbekend thema)"))
        chip = QToolButton(self)
        chip.setText(f"{choice.label}  ✕")
        chip.setToolTip(
            self.tr("Klik om '%s' weg te halen (of Backspace in het lege veld)") % choice.label
        )
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight on to the next field
        chip.setObjectName("themeChip")
        chip.setStyleSheet(
            "QToolButton#themeChip { background: #dcebfa; border: 1px solid #8fb6e0;"
            " border-radius: 9px; padding: 1px 8px; }"
            "QToolButton#themeChip:hover { background: #f6d5d5; border-color: #d08c8c; }"
        )
        chip.clicked.connect(lambda _checked=False, t=theme_id: self.remove(t))
        self.layout_.insertWidget(len(self.chips), chip)
        self.chips.append(chip)
        self.chosen.append(theme_id)
        self.changed.emit()

    def remove(self, theme_id: uuid.UUID, *, focus: bool = True) -> None:
        if theme_id not in self.chosen:
            return
        index = self.chosen.index(theme_id)
        del self.chosen[index]
        chip = self.chips.pop(index)
        self.layout_.removeWidget(chip)
        chip.deleteLater()
        if focus:
            self.edit.setFocus()
        self.changed.emit()

    def remove_last(self) -> None:
        if self.chosen:
            self.remove(self.chosen[-1])

    def theme_ids(self) -> list[uuid.UUID]:
        return list(self.chosen)

    def chip_labels(self) -> list[str]:
        return [self.by_id[t].label if t in self.by_id else "?" for t in self.chosen]

    def set_theme_ids(self, ids: list[uuid.UUID]) -> None:
        for theme_id in list(self.chosen):
            self.remove(theme_id, focus=False)
        for theme_id in ids:
            self.add(theme_id)

    def pending_text(self) -> str:
        return self.edit.text()

    def set_pending_text(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.set_theme_ids([])
        self.edit.clear()
        self.popup.hide()
