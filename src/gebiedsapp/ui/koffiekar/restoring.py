"""Restoring the koffiekar screen's drafts (from 'Herstel je werk?'): a round's header, a
conversation being typed or corrected, a round that was planned but never started. Mixed into
KoffiekarScreen, which builds the forms these fill."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from gebiedsapp.domain import DraftKind
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.drafts import DraftView
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.koffiekar import get_conversation, get_session
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar.conversation_form import ConversationForm, parse_uuid
from gebiedsapp.ui.koffiekar.session_form import SessionForm
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # mypy sees the widget this mixes into; at run time Qt's class comes after it
    from PySide6.QtWidgets import QWidget as _Widget
else:
    _Widget = object

# the screen's texts, in its translation context (the screen's class, as before the split)
CANNOT_RESTORE = QT_TRANSLATE_NOOP("KoffiekarScreen", "Niet te herstellen")
CANNOT_RESTORE_WHY = QT_TRANSLATE_NOOP(
    "KoffiekarScreen",
    "Het gebied of de koffiekarronde van dit concept bestaat niet meer. Het concept "
    "blijft bewaard.",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("KoffiekarScreen", text)


class DraftRestoring(_Widget):
    """Mix in before QWidget; the screen makes the forms and shows areas and rounds."""

    context: AppContext
    area: AreaNode | None

    @property
    def session_form(self) -> SessionForm:
        raise NotImplementedError  # the screen's (built on first use)

    @property
    def form(self) -> ConversationForm:
        raise NotImplementedError  # the screen's (built on first use)

    def _settle(self) -> None:
        raise NotImplementedError  # the screen's

    def _show_area(self, area_id: uuid.UUID) -> None:
        raise NotImplementedError  # the screen's

    def _select_round(self, round_id: uuid.UUID | None) -> None:
        raise NotImplementedError  # the screen's

    def restore_draft(self, draft: DraftView) -> None:
        """Open the form that holds this draft (from 'Herstel je werk?')."""
        if draft.kind not in (DraftKind.SESSION, DraftKind.CONVERSATION):
            return  # a contact draft: the contacts screen restores it
        self._settle()
        if draft.kind is DraftKind.SESSION and draft.target_id is None:
            self._restore_new_round(draft)
            return
        round_id = draft.target_id if draft.kind is DraftKind.SESSION else draft.session_id
        editing = None
        with self.context.read() as session:
            try:
                view = get_session(session, round_id) if round_id else None
                if draft.kind is DraftKind.CONVERSATION and draft.target_id is not None:
                    editing = get_conversation(session, draft.target_id)
            except NotFoundError:
                view = None
        if view is None:
            self._cannot_restore()
            return
        if self.area is None or self.area.id != view.area_id:
            self._show_area(view.area_id)
        self._select_round(view.id)
        if draft.kind is DraftKind.SESSION:
            self.session_form.restore(draft)
            self.session_form.toggle.setChecked(True)
            self.session_form.place.setFocus()
        else:
            self.form.keep_draft()
            self.form.restore(draft, editing)
            self.form.summary.setFocus()

    def _restore_new_round(self, draft: DraftView) -> None:
        """A round that was being planned but never started: its header, Ctrl+S starts it."""
        area_id = parse_uuid(draft.payload.get("area_id"))
        if area_id is None:
            self._cannot_restore()
            return
        self._show_area(area_id)
        if self.area is None or self.area.id != area_id:
            self._cannot_restore()
            return
        self._select_round(None)
        self.session_form.restore(draft)
        self.session_form.toggle.setChecked(True)
        self.session_form.place.setFocus()

    def _cannot_restore(self) -> None:
        QMessageBox.warning(
            self,
            _tr(CANNOT_RESTORE),
            _tr(CANNOT_RESTORE_WHY),
        )
