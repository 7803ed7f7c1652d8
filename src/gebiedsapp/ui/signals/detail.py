"""The detail of one signal: its fields, where it came from, children, feedback and history,
and the buttons for what may happen next (only the moves the workflow table allows)."""

from __future__ import annotations

import html
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from gebiedsapp.domain import Priority, SignalStatus
from gebiedsapp.services import signals as signal_service
from gebiedsapp.services.errors import NotFoundError
from gebiedsapp.services.reports import Progress
from gebiedsapp.services.signal_views import SignalDetail, signal_detail
from gebiedsapp.ui.admin.common import heading
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.formatting import format_date
from gebiedsapp.ui.labels import label_of, label_text
from gebiedsapp.ui.palette import css, sheet
from gebiedsapp.ui.pdf import Build, PdfActions, pdf_name
from gebiedsapp.ui.signals.choices import category_choices, partner_choices
from gebiedsapp.ui.signals.common import LABEL_ROLES
from gebiedsapp.ui.signals.dialogs import (
    ChoiceDialog,
    FeedbackDialog,
    NoteDialog,
    SplitDialog,
    uuid_or_none,
)
from gebiedsapp.ui.signals.photos import PhotoStrip

MUTED = "color: $muted;"


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight: 600; margin-top: 10px;")
    return label


def _text(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class SignalDetailPane(QScrollArea):
    """Shows one signal; every change goes through a service and is announced as SIGNALS."""

    open_signal = Signal(object)  # uuid.UUID of a parent or child signal to show

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: SignalDetail | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # everything wraps or stacks to the pane's width: scrolling sideways only hides buttons
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self.body = body
        self.setWidget(body)

        self.title = heading(self.tr("Geen signaal gekozen"), body)
        self.state = QLabel(body)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.description = _text(body)
        self._value_rows(body)

        changes, more, prints = self._change_buttons(body)

        self._lower_parts(body)
        layout = self._lay_out(body, changes, more, prints)
        margins = layout.contentsMargins()
        self._least_width = self._widest_row() + margins.left() + margins.right()
        self.show_signal(None)

    def _value_rows(self, body: QWidget) -> None:
        """One labelled value per field of the signal."""
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("area", self.tr("Gebied")),
            ("location", self.tr("Locatie")),
            ("category", self.tr("Categorie")),
            ("partner", self.tr("Partner")),
            ("priority", self.tr("Prioriteit")),
            ("source", self.tr("Bron")),
            ("reported", self.tr("Gemeld op")),
            ("deadline", self.tr("Uiterlijk")),
            ("feedback", self.tr("Terugkoppeling")),
        ):
            value = _text(body)
            self.values[key] = value
            self.fields.addRow(text + ":", value)

    def _change_buttons(self, body: QWidget) -> tuple[QHBoxLayout, QHBoxLayout, QHBoxLayout]:
        """The status moves' place, the change buttons, Splitsen, Terugkoppeling and the werkbon."""
        self.moves_label = _section(self.tr("Status wijzigen naar"), body)
        self.moves = QGridLayout()
        self.move_buttons: dict[SignalStatus, QPushButton] = {}
        self.category_button = QPushButton(self.tr("&Categorie…"), body)
        self.partner_button = QPushButton(self.tr("&Partner…"), body)
        self.priority_button = QPushButton(self.tr("Pri&oriteit…"), body)
        self.split_button = QPushButton(self.tr("&Splitsen…"), body)
        self.feedback_button = QPushButton(self.tr("&Terugkoppeling vastleggen…"), body)
        self.category_button.clicked.connect(self.change_category)
        self.partner_button.clicked.connect(self.change_partner)
        self.priority_button.clicked.connect(self.change_priority)
        self.split_button.clicked.connect(self.split)
        self.feedback_button.clicked.connect(self.record_feedback)
        changes = QHBoxLayout()
        for button in (self.category_button, self.partner_button, self.priority_button):
            changes.addWidget(button)
        changes.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.split_button)
        more.addWidget(self.feedback_button)
        self.pdf = PdfActions(self.context, self, self.sheet_job)
        self.sheet_button = self.pdf.menu_button(self.tr("&Werkbon (PDF)"), body)
        self.sheet_button.setToolTip(
            self.tr("Dit signaal op één A4, als werkbon voor de partner (zonder persoonsgegevens)")
        )
        prints = QHBoxLayout()
        prints.addWidget(self.sheet_button)
        prints.addStretch(1)
        more.addStretch(1)
        return changes, more, prints

    def _lower_parts(self, body: QWidget) -> None:
        """Herkomst, deelsignalen, terugkoppeling, foto's and the history."""
        self.origin = _text(body)
        self.parent_link = QLabel(body)
        self.parent_link.setWordWrap(True)  # a long parent name widened the pane
        self.parent_link.linkActivated.connect(self._link)
        self.children_text = _text(body)
        self.children_text.linkActivated.connect(self._link)
        self.children_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.feedback = _text(body)
        self.photos = PhotoStrip(self.context, body)
        self.history = _text(body)

    def _lay_out(
        self, body: QWidget, changes: QHBoxLayout, more: QHBoxLayout, prints: QHBoxLayout
    ) -> QVBoxLayout:
        """Top to bottom, each part under its heading."""
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 0, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.description)
        layout.addLayout(self.fields)
        layout.addWidget(self.moves_label)
        layout.addLayout(self.moves)
        layout.addWidget(_section(self.tr("Wijzigen"), body))
        layout.addLayout(changes)
        layout.addLayout(more)
        layout.addLayout(prints)
        self.origin_label = _section(self.tr("Herkomst"), body)
        layout.addWidget(self.origin_label)
        layout.addWidget(self.origin)
        layout.addWidget(self.parent_link)
        self.children_label = _section(self.tr("Deelsignalen"), body)
        layout.addWidget(self.children_label)
        layout.addWidget(self.children_text)
        layout.addWidget(_section(self.tr("Foto's"), body))
        layout.addWidget(self.photos)
        layout.addWidget(_section(self.tr("Terugkoppeling aan de bewoner"), body))
        layout.addWidget(self.feedback)
        layout.addWidget(_section(self.tr("Geschiedenis (nieuwste eerst)"), body))
        layout.addWidget(self.history)
        layout.addStretch(1)
        return layout

    # -- showing ----------------------------------------------------------------------------

    def sheet_job(self) -> tuple[str, str, Build] | None:
        d = self.detail
        if d is None:
            return None
        today = date.today()

        def build(_session: Session, path: Path, _progress: Progress) -> int:
            from gebiedsapp.services.reports.signal_sheet import write_signal_sheet  # ReportLab

            return write_signal_sheet(d, path, printed_on=today)

        return pdf_name("werkbon", d.category, today.isoformat()), self.tr("Werkbon"), build

    def show_signal(self, signal_id: uuid.UUID | None) -> None:
        detail = None
        if signal_id is not None:
            with self.context.read() as session:
                try:
                    detail = signal_detail(session, signal_id, today=date.today())
                except NotFoundError:
                    detail = None
        self.detail = detail
        self.photos.show_photos(detail.id if detail is not None else None)
        self._render()

    def minimumSizeHint(self) -> QSize:
        """As wide as its widest row of buttons, with or without a signal (so the list beside
        it does not jump): the pane does not scroll sideways, and a narrower one cut its
        status buttons off (issue 13, at 1366 px)."""
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._least_width), hint.height())

    def _widest_row(self) -> int:
        def width(*texts: str) -> int:
            return sum(QPushButton(text).sizeHint().width() + 6 for text in texts)

        labels = sorted(
            (label_of(s) for s in SignalStatus), key=self.fontMetrics().horizontalAdvance
        )
        changes = (self.category_button, self.partner_button, self.priority_button)
        rows = (
            width(*labels[-2:]),  # the status moves, two side by side
            width(*(button.text() for button in changes)),
            width(self.split_button.text(), self.feedback_button.text()),
        )
        return max(rows) + self.verticalScrollBar().sizeHint().width()

    def reload(self) -> None:
        self.show_signal(self.detail.id if self.detail is not None else None)

    def _render(self) -> None:
        d = self.detail
        body = self.body
        for child in body.findChildren(QWidget):
            if child is not body and not child.isWindow():
                child.setVisible(d is not None or child is self.title)
        if d is None:
            self.title.setText(self.tr("Geen signaal gekozen"))
            self._clear_moves()  # no buttons left that change a signal no longer shown
            return
        self._render_values(d)
        self._render_moves(d)
        for button in (
            self.category_button,
            self.partner_button,
            self.priority_button,
            self.split_button,
        ):
            button.setEnabled(d.is_open)
            button.setToolTip("" if d.is_open else self.tr("Heropen het signaal eerst."))

        self._render_origin(d)
        self._render_feedback(d)
        self._render_history(d)

    def _render_values(self, d: SignalDetail) -> None:
        """The title, the state and the value of each field."""
        self.title.setText(html.escape(d.category))
        role = LABEL_ROLES.get(d.label)
        colour = css(role) if role is not None else "inherit"
        self.state.setText(
            f"<b>{html.escape(label_of(d.status))}</b> · "
            f"<span style='color:{colour}'>{html.escape(label_of(d.label))}</span>"
        )
        self.description.setText(html.escape(d.description).replace("\n", "<br>"))
        where = html.escape(d.area_name) + (f" · {html.escape(d.buurt)}" if d.buurt else "")
        self.values["area"].setText(where)
        location = html.escape(d.location) or "—"
        if d.coordinates is not None:
            lat, lon = (f"{value:.5f}".replace(".", ",") for value in d.coordinates)
            location += f" <span style='{sheet(MUTED)}'>({lat}; {lon})</span>"
        self.values["location"].setText(location)
        self.values["category"].setText(html.escape(d.category))
        self.values["partner"].setText(html.escape(d.partner) or self.tr("(geen)"))
        self.values["priority"].setText(label_of(d.priority))
        self.values["source"].setText(label_of(d.source))
        self.values["reported"].setText(format_date(d.reported_on))
        deadline = format_date(d.deadline)
        if d.closed_on is not None:
            deadline += " · " + self.tr("gesloten op %s") % format_date(d.closed_on)
        self.values["deadline"].setText(deadline)
        self.values["feedback"].setText(
            self.tr("bewoner wil terugkoppeling") if d.wants_feedback else self.tr("niet gevraagd")
        )

    def _render_origin(self, d: SignalDetail) -> None:
        """Where it came from: a conversation or contact, a parent; its children."""
        self.origin.setText(html.escape(d.origin))
        self.origin.setVisible(bool(d.origin))
        self.parent_link.setText(
            self.tr("Deelsignaal van: ") + f"<a href='{d.parent_id}'>{html.escape(d.parent)}</a>"
            if d.parent_id
            else ""
        )
        self.parent_link.setVisible(d.parent_id is not None)
        self.origin_label.setVisible(bool(d.origin) or d.parent_id is not None)
        self.children_label.setVisible(bool(d.children))
        self.children_text.setVisible(bool(d.children))
        self.children_text.setText(
            "<br>".join(
                f"<a href='{c.id}'>{html.escape(c.category)}</a> · {label_of(c.status)}"
                f" · {html.escape(c.partner or '—')}"
                f"<br><span style='{sheet(MUTED)}'>{html.escape(c.description)}</span>"
                for c in d.children
            )
        )

    def _render_feedback(self, d: SignalDetail) -> None:
        """The feedback given to the resident, or that it has not been."""
        if d.feedback:
            self.feedback.setText(
                "<br>".join(
                    f"{format_date(f.given_on)} · {html.escape(f.how)} · {html.escape(f.by)}"
                    + (
                        f"<br><span style='{sheet(MUTED)}'>{html.escape(f.note)}</span>"
                        if f.note
                        else ""
                    )
                    for f in d.feedback
                )
            )
        else:
            not_yet = self.tr("Nog niet gegeven.")  # outside the f-string: lupdate sees it
            self.feedback.setText(f"<span style='{sheet(MUTED)}'>{not_yet}</span>")

    def _render_history(self, d: SignalDetail) -> None:
        """Every change, newest first, down to the report itself."""
        lines = []
        for h in d.history:
            when = h.at.astimezone().strftime("%d-%m-%Y %H:%M")
            change = f"{html.escape(h.old)} → {html.escape(h.new)}" if h.old else html.escape(h.new)
            if h.caption:  # a photo that is still there: its caption, on screen only
                change += f" ({html.escape(h.caption)})"
            line = (
                f"<span style='{sheet(MUTED)}'>{when} · {html.escape(h.by or '?')}</span><br>"
                f"<b>{html.escape(label_text(h.what))}</b>: {change}"
            )
            if h.note:
                line += f"<br><i>{html.escape(h.note)}</i>"
            lines.append(line)
        reported = self.tr("Gemeld")  # outside the f-string: lupdate sees it
        lines.append(
            f"<span style='{sheet(MUTED)}'>{format_date(d.reported_on)}</span><br>"
            f"<b>{reported}</b> ({html.escape(label_of(d.source))})"
        )
        self.history.setText("<br><br>".join(lines))

    def _clear_moves(self) -> None:
        for button in self.move_buttons.values():
            self.moves.removeWidget(button)
            button.deleteLater()
        self.move_buttons = {}

    def _render_moves(self, d: SignalDetail) -> None:
        self._clear_moves()
        for number, status in enumerate(d.allowed):
            button = QPushButton(label_of(status), self.body)
            button.setObjectName(f"move-{status.value}")
            button.setToolTip(self.tr("Zet het signaal op '%s'") % label_of(status))
            button.clicked.connect(lambda _checked=False, s=status: self.move_to(s))
            self.moves.addWidget(button, number // 2, number % 2)  # fits the narrow pane
            self.move_buttons[status] = button

    def _link(self, target: str) -> None:
        self.open_signal.emit(uuid.UUID(target))

    # -- changing ---------------------------------------------------------------------------

    def move_to(self, status: SignalStatus) -> None:
        d = self.detail
        if d is None:
            return
        dialog = NoteDialog(
            self.tr("Status wijzigen"),
            self.tr("Het signaal gaat van '%s' naar '%s'.")
            % (label_of(d.status), label_of(status)),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        note = dialog.note.text()
        self.context.perform(
            self,
            lambda s: signal_service.transition(s, d.id, status, note=note),
            changes=(SIGNALS,),
        )

    def change_category(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ChoiceDialog(
            self.tr("Categorie wijzigen"),
            self.tr("&Categorie:"),
            category_choices(self.context),
            str(d.category_id),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.value():
            return
        category_id, note = uuid.UUID(dialog.value()), dialog.note.text()
        self.context.perform(
            self,
            lambda s: signal_service.change_category(s, d.id, category_id, note=note),
            changes=(SIGNALS,),
        )

    def change_partner(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ChoiceDialog(
            self.tr("Partner wijzigen"),
            self.tr("&Partner:"),
            [("", self.tr("(geen: het team zelf)")), *partner_choices(self.context)],
            str(d.partner_id or ""),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        partner_id, note = uuid_or_none(dialog.value()), dialog.note.text()
        self.context.perform(
            self,
            lambda s: signal_service.change_partner(s, d.id, partner_id, note=note),
            changes=(SIGNALS,),
        )

    def change_priority(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ChoiceDialog(
            self.tr("Prioriteit wijzigen"),
            self.tr("&Prioriteit:"),
            [(p.value, label_of(p)) for p in Priority],
            d.priority.value,
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        priority, note = Priority(dialog.value()), dialog.note.text()
        self.context.perform(
            self,
            lambda s: signal_service.change_priority(s, d.id, priority, note=note),
            changes=(SIGNALS,),
        )

    def split(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = SplitDialog(
            category_choices(self.context), partner_choices(self.context), d.description, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        parts, note = dialog.parts(), dialog.note.text()
        self.context.perform(
            self,
            lambda s: signal_service.split(s, d.id, parts, note=note),
            changes=(SIGNALS,),
        )

    def record_feedback(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = FeedbackDialog(self.context.actor, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        given_on, how = dialog.given_on(), str(dialog.how.currentData())
        by, note = dialog.by.text(), dialog.note.toPlainText()
        self.context.perform(
            self,
            lambda s: signal_service.record_feedback(
                s, d.id, given_on=given_on, how=how, by=by, note=note
            ),
            changes=(SIGNALS,),
        )
