"""Type-ahead theme picker: type part of a name, Enter makes it a chip, Backspace takes it back.

The completer offers the active themes whose name contains what was typed (case- and
accent-insensitive), those starting with it first, with the one Enter takes highlighted; a label
beside the field names it too. Enter takes the highlighted suggestion; the popup never has to be
navigated for the common case. Saving with text that fits several themes ('openb': Openbare
ruimte en groen, Openbaar vervoer) is never a silent guess: the form asks which one was meant.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.ui.layout import FlowLayout
from gebiedsapp.ui.palette import style

MARKED = "QLineEdit { border: 2px solid $warning; border-radius: 3px; }"  # a choice is awaited


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
        self.picked = False  # the user moved the highlight: the highlighted theme is meant
        self._highlighting = False
        selection = self.popup.selectionModel()
        assert selection is not None
        selection.currentChanged.connect(self._on_highlight)
        # what Enter would take, named beside the field (the popup may cover the form)
        self.preview = QLabel(self)
        style(self.preview, "color: $muted;")
        self.preview.setAccessibleName(self.tr("Thema dat Enter kiest"))
        self.preview.setWordWrap(True)  # a long theme name wraps; it never widens the form

        self.layout_ = FlowLayout(self, fill_last=True)  # many chips: a second line
        self.layout_.setSpacing(4)
        entry = QWidget(self)  # the field and what Enter would take: the flow's last item
        entry_row = QHBoxLayout(entry)
        entry_row.setContentsMargins(0, 0, 0, 0)
        entry_row.setSpacing(4)
        entry_row.addWidget(self.edit, 1)
        entry_row.addWidget(self.preview)
        self.layout_.addWidget(entry)

        self.edit.textEdited.connect(self._suggest)
        self.edit.textChanged.connect(self._show_preview)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.edit.commit.connect(self.commit_pending)
        self.edit.remove_last.connect(self.remove_last)
        self.edit.submit.connect(self.submit_requested)

    # -- the themes on offer ----------------------------------------------------------------

    def set_choices(self, choices: list[ThemeChoice]) -> None:
        self.choices = list(choices)
        self.by_id = {c.id: c for c in self.choices}

    def _suggest(self, text: str) -> None:
        self.mark(False)
        matches = [c.label for c in rank(self._open_choices(), text)]
        self._highlighting = True
        try:
            self.suggestions.setStringList(matches)
            self.picked = False
            if matches:
                self.completer.setCompletionPrefix("")
                self.completer.complete()
                # highlight what Enter takes, so the choice is plain to see
                self.popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
            else:
                self.popup.hide()
        finally:
            self._highlighting = False
        self._show_preview()

    def _on_highlight(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._highlighting:
            self.picked = True  # moved with the arrow keys or the mouse
            self.mark(False)
        self._show_preview()

    def _show_preview(self, *_args: object) -> None:
        text = self.edit.text().strip()
        if not text:
            self.preview.clear()
            return
        matches = rank(self._open_choices(), text)
        choice = self.best_match()
        if choice is None:
            self.preview.setText(self.tr("geen thema past"))
        elif len(matches) > 1 and not self.picked and fold(choice.label) != fold(text):
            self.preview.setText(
                self.tr("Enter kiest: %s (%s passen, ↓ voor een ander)")
                % (choice.label, len(matches))
            )
        else:
            self.preview.setText(self.tr("Enter kiest: %s") % choice.label)

    def show_matches(self) -> None:
        """Open the suggestions for the text in the field again (after a refused save)."""
        self._suggest(self.edit.text())

    def mark(self, on: bool) -> None:
        """A red border while the typed text awaits a choice (it fits several themes)."""
        style(self.edit, MARKED if on else "")

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

    def pending_matches(self) -> list[ThemeChoice]:
        """The themes the typed text could mean, for saving: one when it is settled (an exact
        name, a single match, or a suggestion the user moved to), else every match."""
        text = self.edit.text().strip()
        if not text:
            return []
        candidates = self._open_choices()
        exact = [c for c in candidates if fold(c.label) == fold(text)]
        if exact:
            return exact[:1]
        if self.picked and self.popup.isVisible():
            chosen = self.best_match()
            return [chosen] if chosen is not None else []
        return rank(candidates, text)

    def take(self, choice: ThemeChoice) -> None:
        """Make this theme a chip and empty the field (a choice made outside the popup)."""
        self.add(choice.id)
        self.edit.clear()
        self.popup.hide()
        self.mark(False)

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
        self.mark(False)
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
        style(
            chip,
            "QToolButton#themeChip { background: $chip; border: 1px solid $chip_border;"
            " border-radius: 9px; padding: 1px 8px; }"
            "QToolButton#themeChip:hover { background: $chip_hover;"
            " border-color: $chip_hover_border; }",
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
        self.picked = False
        self.edit.setText(text)

    def clear(self) -> None:
        self.set_theme_ids([])
        self.edit.clear()
        self.popup.hide()
        self.mark(False)
