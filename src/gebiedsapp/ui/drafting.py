"""Autosaving a form as a draft: on every change (debounced) and when the form loses focus.

Each save is its own small transaction through `services.drafts`, so a crash, a kill or an
empty battery loses at most the last few hundred milliseconds of typing. The form decides what
its payload is (a JSON-able dict of its fields); this class decides when to save it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError

from gebiedsapp.domain import DraftKind
from gebiedsapp.services.drafts import discard_draft, save_draft
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.storage.errors import StorageError
from gebiedsapp.ui.context import AppContext

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400


class DraftAutosaver(QObject):
    """Keeps one form's draft in the database while the user types.

    Call `changed()` from every field's change signal; `watch(widget)` saves when that widget
    (or any child) loses focus. `draft_id` is None until the first save; `finished()` forgets
    it after the record was finalised (the service deleted the draft in the same transaction).
    """

    saved = Signal(object)  # the draft id
    failed = Signal(str)  # a Dutch message for the status bar

    def __init__(
        self,
        context: AppContext,
        *,
        kind: DraftKind,
        payload: Callable[[], dict[str, Any]],
        is_empty: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.payload = payload
        self.is_empty = is_empty
        self.draft_id: uuid.UUID | None = None
        self.target_id: uuid.UUID | None = None
        self.session_id: uuid.UUID | None = None
        self.suspended = False  # while a form is being filled programmatically
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.save_now)

    def watch(self, widget: QWidget) -> None:
        for child in [widget, *widget.findChildren(QWidget)]:
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self.timer.isActive():
            self.save_now()
        return False

    def changed(self, *_args: object) -> None:
        if not self.suspended:
            self.timer.start()

    def start(
        self,
        *,
        draft_id: uuid.UUID | None = None,
        target_id: uuid.UUID | None = None,
        session_id: uuid.UUID | None = None,
    ) -> None:
        """Begin a new form (or continue a restored draft)."""
        self.timer.stop()
        self.draft_id = draft_id
        self.target_id = target_id
        self.session_id = session_id

    def save_now(self) -> uuid.UUID | None:
        """Write the draft now (also before finalising, so the draft id exists to delete)."""
        self.timer.stop()
        if self.draft_id is None and self.is_empty():
            return None  # nothing typed yet: no empty drafts
        try:
            with self.context.database.unit_of_work(self.context.actor) as session:
                self.draft_id = save_draft(
                    session,
                    draft_id=self.draft_id,
                    kind=self.kind,
                    payload=self.payload(),
                    target_id=self.target_id,
                    session_id=self.session_id,
                )
        except (SQLAlchemyError, ValidationError, StorageError, OSError) as exc:
            log.warning("draft could not be saved: %s", exc)
            self.failed.emit(
                self.tr(
                    "Let op: je concept kon niet worden bewaard. Niets weggooien; probeer het "
                    "straks opnieuw."
                )
            )
            return None
        self.saved.emit(self.draft_id)
        return self.draft_id

    def finished(self) -> None:
        """The record was finalised; its draft is gone. The next form starts fresh."""
        self.timer.stop()
        self.draft_id = None
        self.target_id = None

    def discard(self) -> None:
        """The user chose to throw this draft away (explicitly, after a question)."""
        self.timer.stop()
        if self.draft_id is not None:
            with self.context.database.unit_of_work(self.context.actor) as session:
                discard_draft(session, self.draft_id)
        self.draft_id = None
        self.target_id = None
