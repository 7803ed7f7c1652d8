"""The conversation form's controller: autosave, save with Ctrl+Enter, Escape that asks.

A new conversation is recorded with `record_conversation`; a finalised one loaded from the list
is changed with `edit_conversation` (the service keeps the earlier version). Both delete the
form's draft in the same transaction, and a follow-up action ("actie aanmaken") and the
proposed call-back of a resident who wants contact are created in that same unit of work, so a
refused input writes nothing at all (and the cursor goes to the field the message is about).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from sqlalchemy.orm import Session

from gebiedsapp.domain import DraftKind, Handling
from gebiedsapp.services.actions import create_follow_up
from gebiedsapp.services.drafts import DraftView
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.koffiekar import (
    ConversationInput,
    ConversationView,
    edit_conversation,
    record_conversation,
)
from gebiedsapp.services.residents import ResidentInput
from gebiedsapp.services.teams import MemberView
from gebiedsapp.ui.context import KOFFIEKAR, AppContext
from gebiedsapp.ui.drafting import DraftAutosaver
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.koffiekar.conversation_fields import ConversationFields
from gebiedsapp.ui.koffiekar.prompts import DISCARD, KEEP, ask_keep_or_discard, ask_which_theme
from gebiedsapp.ui.page import form_keys
from gebiedsapp.ui.palette import style

T = TypeVar("T")
MAX_ASKED = 5  # more themes than this fit the text: typing on is quicker than choosing


def parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


class ConversationForm(ConversationFields):
    saved = Signal(object)  # the conversation id
    history_requested = Signal(object)  # the conversation id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: uuid.UUID | None = None
        self.area_id: uuid.UUID | None = None
        self.editing: ConversationView | None = None
        self._loaded: dict[str, Any] | None = None  # payload right after loading for an edit
        self.default_owner: uuid.UUID | None = None  # the current user's team member
        self.autosaver = DraftAutosaver(
            context,
            kind=DraftKind.CONVERSATION,
            payload=self.payload,
            is_empty=self.is_empty,
            parent=self,
        )
        self.autosaver.saved.connect(self._on_draft_saved)
        self.autosaver.failed.connect(self._on_draft_failed)

        for line in (
            self.summary,
            self.quote,
            self.name,
            self.phone,
            self.email,
            self.action_description,
            self.callback_description,
        ):
            line.textChanged.connect(self.autosaver.changed)
        for box in (
            self.quote_reportable,
            self.wants_contact,
            self.wants_meedenken,
            self.consent,
            self.make_action,
            self.callback,
        ):
            box.toggled.connect(self.autosaver.changed)
        self.themes.changed.connect(self.autosaver.changed)
        self.handling_group.idToggled.connect(self.autosaver.changed)
        self.action_owner.currentIndexChanged.connect(self.autosaver.changed)
        self.action_due.dateChanged.connect(self.autosaver.changed)
        self.callback_owner.currentIndexChanged.connect(self.autosaver.changed)
        self.callback_due.dateChanged.connect(self.autosaver.changed)
        self.make_action.toggled.connect(self._on_make_action)
        self.autosaver.watch(self)

        form_keys(self, save=self.save, leave=self.escape)
        self.summary.returnPressed.connect(self.themes.edit.setFocus)  # Enter works like Tab
        self.themes.submit_requested.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.escape)
        self.history_button.clicked.connect(self._ask_history)
        self.setEnabled(False)  # until a round is chosen

    def _ask_history(self) -> None:
        if self.editing is not None:
            self.history_requested.emit(self.editing.id)

    # -- what the form holds ----------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        owner = self.action_owner.currentData()
        callback_owner = self.callback_owner.currentData()
        return {
            "summary": self.summary.text(),
            "theme_ids": [str(t) for t in self.themes.theme_ids()],
            "theme_text": self.themes.pending_text(),
            "handling": self.handling.value,
            "quote": self.quote.text(),
            "quote_reportable": self.quote_reportable.isChecked(),
            "wants_contact": self.wants_contact.isChecked(),
            "wants_meedenken": self.wants_meedenken.isChecked(),
            "name": self.name.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "consent": self.consent.isChecked(),
            "action": self.make_action.isChecked(),
            "action_description": self.action_description.text(),
            "action_owner_id": owner or None,
            "action_due": from_qdate(self.action_due.date()).isoformat(),
            "callback": self.callback.isChecked(),
            "callback_description": self.callback_description.text(),
            "callback_owner_id": callback_owner or None,
            "callback_due": from_qdate(self.callback_due.date()).isoformat(),
        }

    def is_empty(self) -> bool:
        texts = (self.summary, self.quote, self.name, self.phone, self.email)
        return (
            not any(w.text().strip() for w in texts)
            and not self.action_description.text().strip()
            and not self.themes.theme_ids()
            and not self.themes.pending_text().strip()
        )

    def has_unsaved_changes(self) -> bool:
        if self.editing is not None:
            return self.payload() != self._loaded
        return not self.is_empty()

    def fill(self, data: dict[str, Any]) -> None:
        """Put a payload in the fields without autosaving it again."""
        self.autosaver.suspended = True
        try:
            self.summary.setText(str(data.get("summary", "")))
            ids = [i for t in data.get("theme_ids", []) if (i := parse_uuid(t)) is not None]
            self.themes.set_theme_ids(ids)
            self.themes.set_pending_text(str(data.get("theme_text", "")))
            try:
                self.handling = Handling(data.get("handling", Handling.TER_PLEKKE.value))
            except ValueError:
                self.handling = Handling.TER_PLEKKE
            self.quote.setText(str(data.get("quote", "")))
            self.quote_reportable.setChecked(bool(data.get("quote_reportable")))
            self.wants_contact.setChecked(bool(data.get("wants_contact")))
            self.wants_meedenken.setChecked(bool(data.get("wants_meedenken")))
            self.name.setText(str(data.get("name", "")))
            self.phone.setText(str(data.get("phone", "")))
            self.email.setText(str(data.get("email", "")))
            self.consent.setChecked(bool(data.get("consent")))
            self.make_action.setChecked(bool(data.get("action")))
            self.action_description.setText(str(data.get("action_description", "")))
            self._select_owner(data.get("action_owner_id"))
            due = data.get("action_due")
            if due:
                try:
                    self.action_due.setDate(to_qdate(date.fromisoformat(str(due))))
                except ValueError:
                    self.reset_due_date()
            else:
                self.reset_due_date()
            self._fill_callback(data)
        finally:
            self.autosaver.suspended = False

    def _fill_callback(self, data: dict[str, Any]) -> None:
        self.reset_callback()
        self.callback.setChecked(bool(data.get("callback", True)))
        if "callback_description" in data:
            self.callback_description.setText(str(data["callback_description"]))
            self.callback_description.setCursorPosition(0)
        self._select_owner(data.get("callback_owner_id"), combo=self.callback_owner)
        try:
            due = date.fromisoformat(str(data["callback_due"]))
        except (KeyError, ValueError):
            return
        self.callback_due.setDate(to_qdate(due))

    def blank(self) -> None:
        self.fill({})

    # -- members for the action's owner -----------------------------------------------------

    def set_members(self, members: list[MemberView], default: uuid.UUID | None) -> None:
        self.default_owner = default
        self.autosaver.suspended = True
        try:
            for combo in (self.action_owner, self.callback_owner):
                keep = combo.currentData()
                combo.clear()
                combo.addItem(self.tr("(nog niemand)"), "")
                for member in members:
                    combo.addItem(member.name, str(member.id))
                self._select_owner(keep if keep else None, combo=combo)
        finally:
            self.autosaver.suspended = False

    def _select_owner(self, owner_id: object, *, combo: QComboBox | None = None) -> None:
        """The given owner, else the signed-in user's team member, else '(nog niemand)'."""
        combo = combo or self.action_owner
        wanted = str(owner_id) if owner_id else str(self.default_owner or "")
        index = combo.findData(wanted)
        combo.setCurrentIndex(max(index, 0))

    # -- modes ------------------------------------------------------------------------------

    def set_round(self, session_id: uuid.UUID | None, area_id: uuid.UUID | None) -> None:
        """Start a blank new conversation in this round (the caller saved any draft first)."""
        self.session_id = session_id
        self.area_id = area_id
        self.setEnabled(session_id is not None)
        self.start_new()

    def start_new(self) -> None:
        self.editing = None
        self._loaded = None
        self.blank()
        self._set_mode(edit=False, has_resident=False)
        self.autosaver.start(session_id=self.session_id)
        self.draft_label.clear()

    def start_edit(self, view: ConversationView) -> None:
        self.editing = view
        self.blank()
        self.fill(self._view_payload(view))
        self._loaded = self.payload()
        self._set_mode(edit=True, has_resident=view.has_resident)
        self.autosaver.start(target_id=view.id, session_id=view.session_id)
        self.draft_label.clear()

    @staticmethod
    def _view_payload(view: ConversationView) -> dict[str, Any]:
        return {
            "summary": view.summary,
            "theme_ids": [str(t) for t in view.theme_ids],
            "handling": view.handling.value,
            "quote": view.quote,
            "quote_reportable": view.quote_reportable,
        }

    def restore(self, draft: DraftView, editing: ConversationView | None) -> None:
        """Continue a saved draft exactly as it was typed."""
        self.editing = editing
        self.blank()
        base = self._view_payload(editing) if editing is not None else {}
        self.fill({**base, **draft.payload})  # a field the draft lacks keeps the saved value
        self._loaded = None if editing is None else {}
        self._set_mode(
            edit=editing is not None, has_resident=bool(editing and editing.has_resident)
        )
        self.autosaver.start(
            draft_id=draft.id, target_id=draft.target_id, session_id=draft.session_id
        )
        local = draft.updated_at.astimezone()
        self.draft_label.setText(self.tr("Concept hersteld (%s)") % f"{local:%d-%m-%Y %H:%M}")

    def _set_mode(self, *, edit: bool, has_resident: bool) -> None:
        self.title.setText(self.tr("Gesprek bewerken") if edit else self.tr("Nieuw gesprek"))
        self.set_edit_look(edit)
        self.history_button.setVisible(edit)
        for box in (self.wants_contact, self.wants_meedenken):
            box.setEnabled(not edit)
            box.setVisible(not edit)
        self.resident_note.setVisible(edit)
        self.resident_note.setText(
            self.tr(
                "De contactgegevens van deze bewoner staan apart (AVG) en zijn hier niet te "
                "wijzigen."
            )
            if has_resident
            else self.tr("Bij dit gesprek zijn geen contactgegevens vastgelegd.")
        )
        self._reveal()

    def _on_make_action(self, checked: bool) -> None:
        if checked and self.handling is Handling.TER_PLEKKE and not self.autosaver.suspended:
            self.handling = Handling.ACTIE_NODIG

    def _on_draft_saved(self, _draft_id: object) -> None:
        style(self.draft_label, "color: $success;")
        self.draft_label.setText(self.tr("Concept bewaard %s") % f"{datetime.now():%H:%M:%S}")

    def _on_draft_failed(self, message: str) -> None:
        style(self.draft_label, "color: $warning; font-weight: 600;")
        self.draft_label.setText(message)

    # -- saving -----------------------------------------------------------------------------

    def conversation_input(self) -> ConversationInput:
        edit = self.editing is not None
        resident = ResidentInput(
            name=self.name.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            wants_contact=self.wants_contact.isChecked() and not edit,
            wants_meedenken=self.wants_meedenken.isChecked() and not edit,
            consent=self.consent.isChecked(),
            theme_ids=tuple(self.themes.theme_ids()),
        )
        return ConversationInput(
            summary=self.summary.text(),
            theme_ids=tuple(self.themes.theme_ids()),
            handling=self.handling,
            quote=self.quote.text(),
            quote_reportable=self.quote_reportable.isChecked(),
            resident=resident if not edit else ResidentInput(),
        )

    def take_typed_theme(self) -> bool:
        """Before saving: the theme still typed in the field becomes a chip. Text that fits
        several themes is never guessed: the user is asked which one (Annuleren: back to the
        marked field). False when nothing may be saved yet."""
        picker = self.themes
        text = picker.pending_text().strip()
        if not text:
            return True
        matches = picker.pending_matches()
        if len(matches) == 1:
            picker.take(matches[0])
            return True
        if not matches:
            QMessageBox.warning(
                self,
                self.tr("Niet opgeslagen"),
                self.tr("Er is geen thema dat past bij '%s'. Kies een thema uit de lijst.") % text,
            )
        elif len(matches) > MAX_ASKED:
            QMessageBox.warning(
                self,
                self.tr("Welk thema?"),
                self.tr(
                    "'%s' past bij %s thema's. Typ meer van de naam, of kies er een met ↓ en Enter."
                )
                % (text, len(matches)),
            )
        else:
            chosen = ask_which_theme(self, text, matches)
            if chosen is not None:
                picker.take(chosen)
                return True
        picker.edit.setFocus()
        picker.show_matches()
        picker.mark(bool(matches))
        return False

    def save(self) -> uuid.UUID | None:
        """Ctrl+Enter: finalise, then a blank form for the next resident."""
        if self.session_id is None or not self.isEnabled():
            return None
        if not self.take_typed_theme():
            return None
        data = self.conversation_input()
        action = self.make_action.isChecked()
        description = self.action_description.text()
        owner_id = parse_uuid(self.action_owner.currentData())
        due = from_qdate(self.action_due.date())
        callback = self.callback.isChecked() and self.wants_callback_row()
        callback_text = self.callback_description.text()
        callback_owner = parse_uuid(self.callback_owner.currentData())
        callback_due = from_qdate(self.callback_due.date())
        session_id, area_id = self.session_id, self.area_id
        editing = self.editing
        draft_id = self.autosaver.save_now() or self.autosaver.draft_id
        failed: list[QWidget] = []  # the field a refusal is about, for the cursor

        def blame(fields: dict[str, QWidget], call: Callable[[], T]) -> T:
            try:
                return call()
            except ValidationError as exc:
                if (widget := fields.get(exc.field or "")) is not None:
                    failed.append(widget)
                raise

        def work(session: Session) -> uuid.UUID:
            if editing is not None:
                saved_id = blame(
                    self._conversation_fields(),
                    lambda: edit_conversation(session, editing.id, data, draft_id=draft_id).id,
                )
            else:
                saved_id = blame(
                    self._conversation_fields(),
                    lambda: (
                        record_conversation(
                            session, session_id=session_id, data=data, draft_id=draft_id
                        ).id
                    ),
                )
            if action and area_id is not None:
                blame(
                    {"description": self.action_description, "owner": self.action_owner},
                    lambda: create_follow_up(
                        session,
                        description=description,
                        area_id=area_id,
                        owner_id=owner_id,
                        due_date=due,
                        conversation_id=saved_id,
                    ),
                )
            if callback and area_id is not None:
                blame(
                    {"description": self.callback_description, "owner": self.callback_owner},
                    lambda: create_follow_up(
                        session,
                        description=callback_text,
                        area_id=area_id,
                        owner_id=callback_owner,
                        due_date=callback_due,
                        conversation_id=saved_id,
                    ),
                )
            return saved_id

        conversation_id = self.context.perform(self, work, changes=(KOFFIEKAR,))
        if conversation_id is None:
            if failed:  # e.g. the consent box after 'toestemming', not the phone field
                failed[0].setFocus()
            return None  # the message was shown; everything typed stays, the draft too
        self.autosaver.finished()
        self.start_new()
        self.draft_label.setText(self.tr("Opgeslagen %s") % f"{datetime.now():%H:%M:%S}")
        self.summary.setFocus()
        self.saved.emit(conversation_id)
        return conversation_id

    def _conversation_fields(self) -> dict[str, QWidget]:
        """The widget behind each field name a ValidationError of the services can carry."""
        return {
            "summary": self.summary,
            "themes": self.themes.edit,
            "quote": self.quote,
            "resident": self.wants_contact,
            "consent": self.consent,
            "name": self.name,
            "phone": self.phone,
            "email": self.email,
        }

    def escape(self) -> None:
        """Escape: a blank form, but typed text is never thrown away without asking."""
        if self.set_aside():
            self.summary.setFocus()

    def set_aside(self) -> bool:
        """Empty the form for something else; ask first if it holds unsaved text.

        'Concept bewaren' (the default) keeps the draft, 'Weggooien' deletes it; False when the
        user chose 'Annuleren' and the form stays as it is.
        """
        if self.has_unsaved_changes():
            answer = ask_keep_or_discard(self)
            if answer == KEEP:
                self.autosaver.save_now()
                self.autosaver.finished()
            elif answer == DISCARD:
                self.autosaver.discard()
            else:
                return False
        elif self.editing is None and self.autosaver.draft_id is None:
            return True  # already blank
        self.start_new()
        return True

    def keep_draft(self) -> None:
        """Before the form is reused for another round: write what is typed as a draft."""
        if self.has_unsaved_changes():
            self.autosaver.save_now()
        self.autosaver.timer.stop()
