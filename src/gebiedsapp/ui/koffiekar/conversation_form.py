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
from functools import partial
from typing import Any, NamedTuple, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QMessageBox, QWidget
from sqlalchemy.orm import Session

from gebiedsapp.domain import DraftKind, Handling
from gebiedsapp.services.actions import create_follow_up
from gebiedsapp.services.conversation_record import (
    DRAFT_FIELDS,
    RECORD_FIELDS,
    ConversationDraft,
    FieldDef,
    InputKind,
)
from gebiedsapp.services.drafts import DraftView
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.koffiekar import (
    ConversationInput,
    ConversationView,
    conversation_input,
    edit_conversation,
    record_conversation,
)
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


class _FollowUp(NamedTuple):
    """An action saved with the conversation; `fields`: the widget per refused field."""

    fields: dict[str, QWidget]
    description: str
    owner_id: uuid.UUID | None
    due: date | None


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

        self._watch_inputs()
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

    def _watch_inputs(self) -> None:
        """Every field's change starts the autosave's timer, by the kind of its input."""
        for definition in DRAFT_FIELDS:
            widget = self.inputs.get(definition.key)
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.autosaver.changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.autosaver.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.autosaver.changed)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self.autosaver.changed)
        self.themes.changed.connect(self.autosaver.changed)  # chips and the typed name
        self.handling_group.idToggled.connect(self.autosaver.changed)

    def draft(self) -> ConversationDraft:
        """What the form holds, read field by field as its definition says."""
        return ConversationDraft(**{d.key: self._read(d) for d in DRAFT_FIELDS})

    def _read(self, definition: FieldDef) -> Any:
        widget = self.inputs.get(definition.key)
        kind = definition.kind
        if kind is InputKind.THEMES:
            return tuple(self.themes.theme_ids())
        if kind is InputKind.THEME_TEXT:
            return self.themes.pending_text()
        if kind is InputKind.HANDLING:
            return self.handling
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return parse_uuid(widget.currentData())
        if isinstance(widget, QDateEdit):
            return from_qdate(widget.date())
        raise LookupError(f"no input for the field {definition.key}")

    def _write(self, definition: FieldDef, value: Any) -> None:
        """Put one value in its input; None leaves the form's proposal (set before)."""
        widget = self.inputs.get(definition.key)
        kind = definition.kind
        if kind is InputKind.THEMES:
            self.themes.set_theme_ids(list(value))
        elif kind is InputKind.THEME_TEXT:
            self.themes.set_pending_text(value)
        elif kind is InputKind.HANDLING:
            self.handling = value
        elif isinstance(widget, QComboBox):
            self._select_owner(value, combo=widget)
        elif value is None:
            return
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
            widget.setCursorPosition(0 if widget is self.callback_description else len(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(to_qdate(value))

    def payload(self) -> dict[str, Any]:
        return self.draft().to_json()

    def is_empty(self) -> bool:
        return self.draft().is_empty()

    def has_unsaved_changes(self) -> bool:
        if self.editing is not None:
            return self.payload() != self._loaded
        return not self.is_empty()

    def fill(self, draft: ConversationDraft) -> None:
        """Put a draft in the fields without autosaving it again."""
        self.autosaver.suspended = True
        try:
            self.reset_due_date()
            self.reset_callback()
            for definition in DRAFT_FIELDS:
                self._write(definition, getattr(draft, definition.key))
        finally:
            self.autosaver.suspended = False

    def blank(self) -> None:
        self.fill(ConversationDraft())

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
        self.fill(self._view_draft(view))
        self._loaded = self.payload()
        self._set_mode(edit=True, has_resident=view.has_resident)
        self.autosaver.start(target_id=view.id, session_id=view.session_id)
        self.draft_label.clear()

    @staticmethod
    def _view_draft(view: ConversationView) -> ConversationDraft:
        """The saved conversation as the form shows it (its record's fields)."""
        return ConversationDraft(**{d.key: getattr(view, d.key) for d in RECORD_FIELDS})

    def restore(self, draft: DraftView, editing: ConversationView | None) -> None:
        """Continue a saved draft exactly as it was typed."""
        self.editing = editing
        self.blank()
        base = self._view_draft(editing).to_json() if editing is not None else {}
        saved = {d.key: base[d.key] for d in RECORD_FIELDS if d.key in base}
        # a field the draft lacks keeps the saved value
        self.fill(ConversationDraft.from_json({**saved, **draft.payload}))
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
        return conversation_input(self.draft(), new=self.editing is None)

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
        failed: list[QWidget] = []  # the field a refusal is about, for the cursor
        work = self._save_work(self.draft(), session_id=self.session_id, failed=failed)
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

    def _save_work(
        self, typed: ConversationDraft, *, session_id: uuid.UUID, failed: list[QWidget]
    ) -> Callable[[Session], uuid.UUID]:
        """One unit of work: the conversation (new or corrected) and its follow-ups; a refused
        input adds the widget it is about to `failed`."""
        data = conversation_input(typed, new=self.editing is None)
        follow_ups = self._follow_ups(typed)
        area_id = self.area_id
        editing = self.editing
        draft_id = self.autosaver.save_now() or self.autosaver.draft_id

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
            if area_id is not None:
                for follow_up in follow_ups:
                    create = partial(
                        create_follow_up,
                        session,
                        description=follow_up.description,
                        area_id=area_id,
                        owner_id=follow_up.owner_id,
                        due_date=follow_up.due,
                        conversation_id=saved_id,
                    )
                    blame(follow_up.fields, create)
            return saved_id

        return work

    def _follow_ups(self, typed: ConversationDraft) -> list[_FollowUp]:
        """The action asked for, then the call-back proposed to a resident who wants contact."""
        wanted = []
        if typed.action:
            wanted.append(
                _FollowUp(
                    {"description": self.action_description, "owner": self.action_owner},
                    typed.action_description,
                    typed.action_owner_id,
                    typed.action_due,
                )
            )
        if typed.callback and self.wants_callback_row():
            wanted.append(
                _FollowUp(
                    {"description": self.callback_description, "owner": self.callback_owner},
                    typed.callback_description or "",
                    typed.callback_owner_id,
                    typed.callback_due,
                )
            )
        return wanted

    def _conversation_fields(self) -> dict[str, QWidget]:
        """The widget behind each field name a ValidationError of the services can carry."""
        named = {(d.record_name or d.key): self.inputs.get(d.key) for d in DRAFT_FIELDS}
        fields = {name: widget for name, widget in named.items() if widget is not None}
        return {**fields, "themes": self.themes.edit, "resident": self.wants_contact}

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
