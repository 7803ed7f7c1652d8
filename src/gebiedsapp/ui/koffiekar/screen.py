"""The koffiekar screen: an area's rounds on the left; the chosen round on the right (its
header, the form for the next conversation, and the conversations recorded so far).

Ctrl+N starts a round for "today, here" and puts the cursor in the summary field, so a
regisseur at the cart can type the first conversation straight away (with the whole municipality
chosen it asks which village or wijk first). Coming back to the screen puts the cursor in the
summary again, wherever it was left (a button, another screen). Nothing typed is lost when
switching rounds or areas: the header is finalised, a half-typed conversation stays a draft and
comes back when its round is chosen again.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import AreaKind
from gebiedsapp.services.actions import member_for_account
from gebiedsapp.services.areas import AreaNode
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.koffiekar import (
    get_conversation,
    quick_session,
    session_conversations,
)
from gebiedsapp.services.lists import SessionRow, session_row
from gebiedsapp.ui.context import AREAS, KOFFIEKAR, TEAM, THEMES, AppContext
from gebiedsapp.ui.export import Exporter, ExportJob
from gebiedsapp.ui.koffiekar.area_choice import ask_round_area
from gebiedsapp.ui.koffiekar.area_reads import AreaReads, read_area, read_round
from gebiedsapp.ui.koffiekar.forms_panel import SIDES, Forms, Header, LazyForms
from gebiedsapp.ui.koffiekar.history_dialog import HistoryDialog
from gebiedsapp.ui.koffiekar.input_watch import InputWatch
from gebiedsapp.ui.koffiekar.models import RoundListModel, make_table
from gebiedsapp.ui.koffiekar.prints import area_export, round_sheet
from gebiedsapp.ui.koffiekar.restoring import DraftRestoring
from gebiedsapp.ui.koffiekar.rounds_list import RoundsList
from gebiedsapp.ui.layout import FlowLayout
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.pdf import Build, PdfActions
from gebiedsapp.ui.screen import ScreenDefaults

AREA_READ = "koffiekar-area"  # the Background key of the area's read on the worker
BUILD_TURNS = 5  # a read that comes in while the forms are made waits at most this many turns


class KoffiekarScreen(ScreenDefaults, LazyForms, DraftRestoring, RoundsList, QWidget):
    follows_area = True  # the main window's contract (ui.screen.Screen)
    area_shown = Signal(object)  # the area id, also when a restored draft switched the area
    signal_requested = Signal(object)  # a conversation id: the window opens a new signal for it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.area: AreaNode | None = None
        self.round_id: uuid.UUID | None = None
        self._refreshing = False
        # hidden, the screen only remembers what it missed and catches up when shown
        self._pending_area: uuid.UUID | None = None
        self._stale = False
        self._loading: uuid.UUID | None = None  # the area being read on the worker
        self._focus_when_read = True  # the cursor into the form when that read is in
        self._input = InputWatch(
            self, waiting=lambda: self._loading is not None, settle=self._settle
        )

        self._forms: Forms | None = None  # made a turn after the first paint (_forms_built)
        self._header: Header | None = None  # the forms' first half, a turn before them
        self._placed = False
        left = self._build_rounds_panel()
        self._right = right = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(SIDES)
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._connect()

    def _build_rounds_panel(self) -> QWidget:
        """The left side: the title, "Nieuwe ronde", the rounds, the round's sheet, export."""
        context = self.context
        left = QWidget(self)
        self.title = QLabel(self.tr("Koffiekar"), left)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.new_round_action = QAction(self.tr("Nieuwe ronde"), self)
        self.new_round_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_round_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_round_action.triggered.connect(self.new_session)
        self.addAction(self.new_round_action)
        self.new_button = QPushButton(self.tr("Nieuwe ronde, vandaag hier  (Ctrl+N)"), left)
        self.new_button.setStyleSheet("font-weight: 600; padding: 5px;")
        self.new_button.clicked.connect(self.new_session)
        self.rounds_model = RoundListModel(self)
        self.rounds = make_table(self.rounds_model, left)
        self.rounds.setAccessibleName(self.tr("Koffiekarrondes"))
        header = self.rounds.horizontalHeader()
        header.setSectionResizeMode(RoundListModel.COL_PLACE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(RoundListModel.COL_DATE, 96)
        header.resizeSection(RoundListModel.COL_CONVERSATIONS, 82)
        self.rounds_hint = QLabel(left)
        self.rounds_hint.setWordWrap(True)
        style(self.rounds_hint, "color: $muted;")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 10, 6, 10)
        left_layout.addWidget(self.title)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.rounds, 1)
        left_layout.addWidget(self.rounds_hint)
        self.exporter = Exporter(context, self, self.export_job)
        self.exporter.button.setToolTip(
            self.tr("Alle rondes en gesprekken van dit dorp of deze wijk opslaan als bestand")
        )
        self.pdf = PdfActions(context, self, self.sheet_job)
        self.sheet_button = self.pdf.menu_button(self.tr("&Verslag van de ronde"), left)
        self.sheet_button.setToolTip(
            self.tr("Wat er in deze ronde is gehoord, op één A4 (zonder persoonsgegevens)")
        )
        self.sheet_button.setEnabled(False)
        bottom = FlowLayout()
        bottom.addWidget(self.sheet_button)
        bottom.addWidget(self.exporter.button)
        left_layout.addLayout(bottom)
        return left

    def _connect(self) -> None:
        context = self.context
        save_header = QShortcut(QKeySequence("Ctrl+S"), self)
        save_header.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_header.activated.connect(lambda: self.session_form.finalise())
        save_header.setWhatsThis(self.tr("Ronde opslaan"))
        self.rounds.selectionModel().currentRowChanged.connect(self._on_round_row)
        context.hub.changed.connect(self._on_changes)
        self._show_hint()

    def _connect_forms(self, built: Forms) -> None:
        built.session_form.finalised.connect(self._on_header_saved)
        built.conversation_list.edit_requested.connect(self.edit_conversation)
        built.conversation_list.history_requested.connect(self.show_history)
        built.conversation_list.signal_requested.connect(self.signal_requested)
        built.form.history_requested.connect(self.show_history)

    # -- the area ---------------------------------------------------------------------------

    def set_area(self, area_id: uuid.UUID) -> None:
        """The navigator's area, read on the worker (here: 110-180 ms per click on 10x, issue
        19); the cursor stays where it is. Hidden, the screen only remembers it."""
        shown = self.area is not None and self.area.id == area_id and self._loading is None
        if self.isVisible() and shown:
            self._pending_area = None  # the tree following a restore, or a click on the area
            return  # shown: changes come in through the hub, the typing stays as it is
        self._pending_area = area_id
        if self.isVisible():
            self._catch_up(focus=False)
        elif self._loading is not None:  # an area clicked before is not shown any more
            self.context.background.forget(AREA_READ)
            self._loading = None

    def _catch_up(self, *, focus: bool = True) -> None:
        """Read the area chosen (or what changed while hidden) on the worker; `focus`: the
        cursor into the form when it is in (shown again, not an area click)."""
        self._focus_when_read = focus
        if self._loading is not None and self._pending_area is None:
            return  # a read is under way; when it is in, what changed meanwhile is read
        area_id, stale = self._pending_area, self._stale
        self._pending_area, self._stale = None, False
        if area_id is None and stale and self.area is not None:
            area_id = self.area.id
        if area_id is None:
            return
        self._loading = area_id
        context, actor = self.context, self.context.actor

        def work() -> AreaReads | None:
            with context.read() as session:
                return read_area(session, area_id, actor)

        self.context.background.submit(
            AREA_READ,
            work,
            owner=self,
            on_done=self._on_area_read,
            on_error=lambda _error: self._read_failed(area_id),
            skippable=True,  # arrowing through the tree: only the last area is read
        )
        self._input.watch()  # a key typed into the screen meanwhile shows the area at once
        self.new_button.setEnabled(True)  # a click meanwhile reads the area at once (_settle)

    def _on_area_read(self, reads: AreaReads | None, turns: int = 0) -> None:
        if reads is None or reads.node.id != self._loading:
            self._loading = None
            return  # gone meanwhile, or already shown by a call that could not wait
        if not self._placed and self.isVisible() and turns < BUILD_TURNS:
            # first open: the forms are made a turn at a time (LazyForms), not all now
            QTimer.singleShot(0, self, lambda: self._on_area_read(reads, turns + 1))
            return
        same_area = self.area is not None and self.area.id == reads.node.id
        self._show_area(reads.node.id, reads)
        if same_area:
            self.load_conversations()
        outside = QApplication.focusWidget()
        if (
            self._focus_when_read
            and self.isVisible()
            and (outside is None or not self.isAncestorOf(outside))
        ):
            self._focus_form()  # opened with today's round: the cursor in it, as when shown
        if self._stale and self.isVisible():  # changed while it was being read
            self._catch_up(focus=False)  # the cursor was put (or left) by this read

    def is_busy(self) -> bool:
        """An area being read, or the forms still being made (what tests wait for)."""
        return self._loading is not None or (self.isVisible() and not self._placed)

    def _read_failed(self, area_id: uuid.UUID) -> None:
        self._loading = None
        self._pending_area = area_id  # tried again when shown again

    def _settle(self) -> None:
        """Ctrl+N, a restore: they need the area now, not when the worker is done."""
        if self._loading is not None:
            self._show_area(self._loading)

    def _show_area(self, area_id: uuid.UUID, reads: AreaReads | None = None) -> None:
        """Show this area's rounds; what was typed for the previous round is kept first."""
        self._pending_area = self._loading = None
        read_here = reads is None
        if reads is None:
            with self.context.read() as session:
                reads = read_area(session, area_id, self.context.actor)
            if reads is None:
                return
        same_area = self.area is not None and self.area.id == area_id
        if not same_area:
            self._leave_round()
        self._apply_choices(reads)
        assert self.area is not None
        self.title.setText(self.tr("Koffiekar · %s") % self.area.name)
        rounds = reads.rounds
        self._set_rounds(rounds, select=self.round_id if same_area else None)
        if same_area:
            keep = self.round_id
        else:
            newest = rounds[0] if rounds else None
            keep = newest.id if newest and newest.day == date.today() else None
        self._select_round(keep)
        self._show_hint()
        if read_here:  # a restore or a village asked for: the tree follows (not its own choice)
            self.area_shown.emit(area_id)

    def _load_choices(self, area_id: uuid.UUID) -> bool:
        """What the forms offer in this area: places, buurten, members, themes."""
        with self.context.read() as session:
            reads = read_area(session, area_id, self.context.actor, rounds=False)
        if reads is None:
            return False
        self._apply_choices(reads)
        return True

    def _apply_choices(self, reads: AreaReads) -> None:
        self.area = reads.node
        self.session_form.set_area(
            reads.node.id,
            places=reads.places,
            buurten=reads.buurten,
            members=reads.members,
            team=reads.team,
        )
        self.form.themes.set_choices(reads.themes)
        self.form.set_members([m for m in reads.members if m.active], reads.my_id)

    def export_job(self) -> ExportJob | None:
        """Every round of the area shown, and every conversation in them."""
        self._settle()  # the area chosen, also while it is being read
        return area_export(self.area) if self.area is not None else None

    def _can_hold_rounds(self) -> bool:
        return self.area is not None and self.area.kind is not AreaKind.GEMEENTE

    def _show_hint(self) -> None:
        if self.area is None:
            text = self.tr("Kies links een dorp of wijk.")
        elif not self._can_hold_rounds():
            text = self.tr("Een koffiekarronde hoort bij een dorp of wijk: kies er links een.")
        elif not self.rounds_model.rows:
            text = self.tr("Nog geen rondes hier. Ctrl+N start een ronde voor vandaag.")
        elif self.round_id is None:
            text = self.tr("Kies een ronde, of start met Ctrl+N een ronde voor vandaag.")
        else:
            text = ""
        self.rounds_hint.setText(text)
        self.rounds_hint.setVisible(bool(text))
        self.new_button.setEnabled(self._can_hold_rounds())
        self.exporter.button.setEnabled(self.area is not None and not self.exporter.busy)

    # -- rounds -----------------------------------------------------------------------------

    def new_session(self) -> None:
        """'Nieuwe ronde' (Ctrl+N): a round for today at the last place, with me present."""
        self._settle()
        if (self.area is None or not self._can_hold_rounds()) and not self._choose_area():
            self._show_hint()
            return
        assert self.area is not None
        self._leave_round()
        area_id, actor = self.area.id, self.context.actor

        def work(session: Session) -> uuid.UUID:
            me = member_for_account(session, actor)
            row = quick_session(
                session, area_id=area_id, staff_ids=[me.id] if me else [], now=datetime.now()
            )
            return row.id

        new_id = self.context.perform(self, work, changes=(KOFFIEKAR,))
        if new_id is None:
            return
        self._select_round(new_id)
        self.form.summary.setFocus()

    def _choose_area(self) -> bool:
        """No village or wijk chosen (the whole municipality is): ask where, then show it."""
        area_id = ask_round_area(self.context, self)
        if area_id is None:
            return False
        self._show_area(area_id)  # the window's area tree follows (area_shown)
        return self._can_hold_rounds()

    def sheet_job(self) -> tuple[str, str, Build] | None:
        """The one-page print of the round shown."""
        self._settle()
        if self.round_id is None or self.area is None:
            return None
        name, build = round_sheet(self.area.name, self.round_id)
        return name, self.tr("Verslag van de koffiekarronde"), build

    def _on_round_row(self, current: object, _previous: object) -> None:
        if self._refreshing:
            return
        row = self.rounds_model.row_at(current)  # type: ignore[arg-type]
        self._select_round(row.id if row else None)

    def _select_round(self, round_id: uuid.UUID | None) -> None:
        """Show a round: its header, a blank form (or its pending draft), its conversations."""
        if round_id == self.round_id and round_id is not None:
            return
        self._leave_round()
        self.round_id = round_id
        view = header_draft = conversation_draft = None
        listed: SessionRow | None = None
        if round_id is not None:
            with self.context.read() as session:
                view, header_draft, conversation_draft = read_round(session, round_id)
                if (
                    view is not None
                    and self.area is not None
                    and self.rounds_model.index_of(round_id) < 0
                ):  # just started: not listed yet
                    listed = session_row(session, round_id, self.area.id)
        if view is None:
            self.round_id = None
        self._put_round(listed)
        self._refreshing = True
        try:
            self._highlight_round(self.round_id)
        finally:
            self._refreshing = False
        self.sheet_button.setEnabled(self.round_id is not None)
        self.session_form.load(view)
        if header_draft is not None:
            self.session_form.restore(header_draft)
        self.form.set_round(self.round_id, view.area_id if view else None)
        if conversation_draft is not None:
            self.form.restore(conversation_draft, None)
        self.load_conversations()
        self._show_hint()

    def _leave_round(self) -> None:
        """Before another round or area is shown: finalise the header, keep the typing."""
        if self.session_form.new_round:  # never started silently: stays a draft
            self.session_form.autosaver.save_now()
        if self.round_id is None:
            return
        self.session_form.finalise()
        self.form.keep_draft()

    def flush(self) -> None:
        """Write every open draft now (the main window calls this before quitting)."""
        if self._forms is None:
            return  # never built: nothing typed
        self.form.keep_draft()
        if self.session_form.dirty:
            self.session_form.autosaver.save_now()

    # -- conversations ----------------------------------------------------------------------

    def load_conversations(self) -> None:
        rows = []
        if self.round_id is not None:
            with self.context.read() as session:
                rows = session_conversations(session, self.round_id)
        self.conversation_list.set_rows(rows, in_round=self.round_id is not None)

    def edit_conversation(self, conversation_id: uuid.UUID) -> None:
        """Load a finalised conversation into the form; Ctrl+Enter then saves the correction."""
        if not self.form.set_aside():
            return
        with self.context.read() as session:
            try:
                view = get_conversation(session, conversation_id)
            except NotFoundError as exc:
                QMessageBox.warning(self, self.tr("Niet gevonden"), exc.message)
                return
        self.form.start_edit(view)
        self.form.summary.setFocus()

    def show_history(self, conversation_id: uuid.UUID) -> None:
        HistoryDialog(self.context, conversation_id, self).exec()

    def _on_header_saved(self, round_id: uuid.UUID) -> None:
        if round_id != self.round_id:  # a restored new round was just started
            self._select_round(round_id)
            self.form.summary.setFocus()

    # -- refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """After a write: the round shown, its row in the list and its conversations, at once
        (one round's: a few ms); the area's other rounds on the worker. Reading every round
        here held the window 60-110 ms per Ctrl+Enter on ten times the data (issue 19)."""
        if self.round_id is not None and self.area is not None:
            with self.context.read() as session:
                self._put_round(session_row(session, self.round_id, self.area.id))
        self.load_conversations()
        self._reload_rounds_later()

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if self.area is None and self._loading is None:
            return
        if not self.isVisible() or self._loading is not None:
            # read again when shown, not on every save elsewhere; a read under way on the
            # worker may have missed this change: it is read again when that one is in
            self._stale = self._stale or bool(kinds & {AREAS, TEAM, THEMES, KOFFIEKAR})
            return
        assert self.area is not None  # nothing being read, so an area is shown
        if kinds & {AREAS, TEAM, THEMES}:
            self._load_choices(self.area.id)
        if KOFFIEKAR in kinds:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Back on this screen (Ctrl+2, or after 'Signaal maken…'): ready for the next
        conversation, not on the button that was pressed last."""
        if not event.spontaneous():
            self._catch_up()
        super().showEvent(event)
        if event.spontaneous():
            return
        if self._forms is None:
            self._build_later()  # painted first; the cursor goes in when they are built
            return
        self._focus_form()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
