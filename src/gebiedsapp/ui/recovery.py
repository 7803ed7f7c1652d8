"""'Herstel je werk?': the drafts left behind by a crash, a kill or an empty battery.

Shown at start when the current user has drafts. Each draft can be restored (the main window
opens the form that holds it) or thrown away after a confirmation; "Later" keeps them all, so
nothing is ever discarded silently.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import DraftKind
from gebiedsapp.services.areas import area_tree
from gebiedsapp.services.drafts import DraftView, discard_draft, list_drafts
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.koffiekar import get_session
from gebiedsapp.ui.context import DRAFTS, AppContext
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import style

DRAFT_ID = "draft_id"  # the property naming a row button's draft
translate = QCoreApplication.translate  # by this name lupdate finds the texts


def pending_drafts(context: AppContext) -> list[DraftView]:
    """The current user's drafts, newest first."""
    with context.read() as session:
        return newest_first(list_drafts(session))


def newest_first(drafts: list[DraftView]) -> list[DraftView]:
    return sorted(drafts, key=lambda d: d.updated_at, reverse=True)


def kind_label(draft: DraftView) -> str:
    """'Gesprek', or 'Gesprek (wijziging)' when it corrects a record that was already saved."""
    if draft.target_id is not None and draft.kind is not DraftKind.SESSION:
        return translate("Recovery", "%s (wijziging)") % label_of(draft.kind)
    return label_of(draft.kind)


def where(context: AppContext, drafts: list[DraftView]) -> dict[uuid.UUID, str]:
    """For each draft, the area (and round) it belongs to, so two similar drafts can be told
    apart; empty when unknown."""
    found: dict[uuid.UUID, str] = {}
    with context.read() as session:
        areas = {node.id: node.name for node in area_tree(session)}
        for draft in drafts:
            round_id = draft.target_id if draft.kind is DraftKind.SESSION else draft.session_id
            if round_id is not None:
                try:
                    view = get_session(session, round_id)
                except NotFoundError:
                    continue
                found[draft.id] = translate("Recovery", "%s, ronde van %s") % (
                    view.area_name,
                    format_date(view.day),
                )
                continue
            area = parse_area(draft.payload.get("area_id"))
            if area in areas:
                found[draft.id] = areas[area]
    return found


def parse_area(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def saved_at(draft: DraftView) -> str:
    """When the draft was last saved, in local time: dd-mm-jjjj uu:mm."""
    return f"{draft.updated_at.astimezone():%d-%m-%Y %H:%M}"


class RecoveryDialog(QDialog):
    restore_requested = Signal(object)  # the DraftView to open

    def __init__(
        self, context: AppContext, drafts: list[DraftView], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.drafts = list(drafts)
        self.rows: dict[object, QFrame] = {}
        self.restore_buttons: list[QPushButton] = []
        self.setWindowTitle(self.tr("Herstel je werk?"))
        self.setMinimumWidth(620)

        heading = QLabel(self.tr("Herstel je werk?"), self)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Deze invoer was nog niet opgeslagen toen het programma de vorige keer stopte. "
                "Herstel een concept om verder te gaan waar je was, of gooi het weg. "
                "Met 'Later' blijft alles bewaard."
            ),
            self,
        )
        intro.setWordWrap(True)

        body = QWidget(self)
        self.list_layout = QVBoxLayout(body)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        places = where(context, self.drafts)
        for draft in self.drafts:
            row = self._row(draft, places.get(draft.id, ""), body)
            self.rows[draft.id] = row
            self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setMinimumHeight(min(90 * max(len(self.drafts), 1), 380))
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.verticalScrollBar()
        extra = bar.sizeHint().width() if bar is not None else 20
        scroll.setMinimumWidth(body.sizeHint().width() + extra + 4)

        buttons = QDialogButtonBox(self)
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setToolTip(self.tr("Alle concepten blijven bewaard"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        if self.restore_buttons:
            self.restore_buttons[0].setFocus()

    def _row(self, draft: DraftView, place: str, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        kind = QLabel(f"<b>{kind_label(draft)}</b>", frame)
        place_label = QLabel(place, frame)
        place_label.setTextFormat(Qt.TextFormat.PlainText)
        when = QLabel(self.tr("laatst bewaard %s") % saved_at(draft), frame)
        style(when, "color: $muted;")
        summary = QLabel(draft.summary(), frame)
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        restore = QPushButton(self.tr("Herstellen"), frame)
        restore.setObjectName("restore")
        self.restore_buttons.append(restore)
        restore.setDefault(False)
        restore.setAutoDefault(True)
        discard = QPushButton(self.tr("Weggooien…"), frame)
        discard.setObjectName("discard")
        discard.setAutoDefault(False)
        for button in (restore, discard):
            button.setProperty(DRAFT_ID, str(draft.id))
        restore.clicked.connect(self._on_restore_clicked)
        discard.clicked.connect(self._on_discard_clicked)
        grid = QGridLayout(frame)
        heading = QHBoxLayout()
        heading.addWidget(kind)
        heading.addWidget(place_label, 1)
        grid.addLayout(heading, 0, 0)
        grid.addWidget(when, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(summary, 1, 0, 1, 2)
        grid.addWidget(restore, 0, 2)
        grid.addWidget(discard, 1, 2)
        grid.setColumnStretch(0, 1)
        return frame

    # The buttons are connected to bound methods, never to lambdas over `self`: once exec()
    # has returned, PySide hands the dialog to Python, and a lambda held by a row's button was
    # then its last reference. Discarding the last draft deletes that row; the row's
    # destructor freed the lambda, the lambda freed the dialog, and the dialog deleted the row
    # a second time, in the middle of its own destructor: a segmentation fault (issue 13).
    def _clicked_draft(self) -> DraftView | None:
        sender = self.sender()
        wanted = sender.property(DRAFT_ID) if sender is not None else None
        return next((d for d in self.drafts if str(d.id) == wanted), None)

    def _on_restore_clicked(self) -> None:
        draft = self._clicked_draft()
        if draft is not None:
            self.restore(draft)

    def _on_discard_clicked(self) -> None:
        draft = self._clicked_draft()
        if draft is not None:
            self.discard(draft)

    def restore(self, draft: DraftView) -> None:
        """Open this draft's form; the other drafts stay and are offered again next time."""
        self.restore_requested.emit(draft)
        self.accept()

    def discard(self, draft: DraftView) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Concept weggooien?"),
            self.tr("Dit concept wordt definitief weggegooid:\n\n%s: %s\n\nWeet je het zeker?")
            % (kind_label(draft), draft.summary()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False

        def work(session: Session) -> bool:
            discard_draft(session, draft.id)
            return True

        if not self.context.perform(self, work, changes=(DRAFTS,)):
            return False
        self.drafts = [d for d in self.drafts if d.id != draft.id]
        row = self.rows.pop(draft.id, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        if not self.drafts:
            self.accept()
        return True
