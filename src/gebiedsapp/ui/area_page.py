"""An area's start page: who the team is, what was heard lately, which CBS buurten it covers."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain import AreaKind, Role
from gebiedsapp.services.overview import AreaFigures, AreaHeader, area_figures
from gebiedsapp.ui.context import AREAS, INITIATIVES, TEAM, AppContext
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.page import page_title
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.screen import ScreenDefaults


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class AreaPage(ScreenDefaults, QScrollArea):
    """Shows `AreaOverview` for the selected area; refreshes when areas or teams change."""

    follows_area = True  # the main window's contract (ui.screen.Screen)

    edit_team_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.area_id: uuid.UUID | None = None
        self.header: AreaHeader | None = None
        self.figures: AreaFigures | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        body = QWidget(self)
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        self.title = page_title("", body)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(body)
        style(self.subtitle, "color: $muted;")
        self.subtitle.setWordWrap(True)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)

        self.hint = QFrame(body)
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        style(self.hint, "QFrame { background: $hint; border: 1px solid $hint_border; }")
        hint_layout = QHBoxLayout(self.hint)
        self.hint_text = QLabel(self.hint)
        self.hint_text.setWordWrap(True)
        self.hint_button = QPushButton(self.tr("Teams invullen…"), self.hint)
        self.hint_button.clicked.connect(self.edit_team_requested)
        hint_layout.addWidget(self.hint_text, 1)
        hint_layout.addWidget(self.hint_button)
        outer.addWidget(self.hint)

        grid = QGridLayout()
        grid.setSpacing(12)
        outer.addLayout(grid)

        self.team_box = QGroupBox(self.tr("Team van dit gebied"), body)
        self.team_layout = QGridLayout(self.team_box)
        grid.addWidget(self.team_box, 0, 0)

        self.figures_box = QGroupBox(
            self.tr("Koffiekar (afgelopen 12 maanden) en initiatieven"), body
        )
        self.figures_layout = QGridLayout(self.figures_box)
        grid.addWidget(self.figures_box, 0, 1)

        self.themes_box = QGroupBox(self.tr("Waar inwoners over praten"), body)
        self.themes_layout = QVBoxLayout(self.themes_box)
        grid.addWidget(self.themes_box, 1, 0)

        self.buurten_box = QGroupBox(self.tr("CBS-buurten"), body)
        self.buurten_layout = QVBoxLayout(self.buurten_box)
        grid.addWidget(self.buurten_box, 1, 1)

        self.recent_box = QGroupBox(self.tr("Laatste koffiekarrondes"), body)
        recent_layout = QVBoxLayout(self.recent_box)
        self.recent = QTableWidget(0, 4, self.recent_box)
        self.recent.setHorizontalHeaderLabels(
            [self.tr("Datum"), self.tr("Gebied"), self.tr("Plek"), self.tr("Gesprekken")]
        )
        self.recent.verticalHeader().setVisible(False)
        self.recent.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.recent.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # at most 8 rows
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.recent.setMinimumHeight(180)
        recent_layout.addWidget(self.recent)
        grid.addWidget(self.recent_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addStretch(1)

        context.hub.changed.connect(self._on_changes)

    def set_area(self, area_id: uuid.UUID) -> None:
        """The navigator's area (the main window's contract)."""
        self.show_area(area_id)

    def show_area(self, area_id: uuid.UUID, *, today: date | None = None) -> None:
        """Show the team at once; the figures follow from the worker thread."""
        day = today or date.today()
        self.area_id = area_id
        self.header = self.context.headers.get(area_id, today=day)
        self._render_header(self.header)
        self.figures = None
        self._render_pending()
        ids = self.header.area_ids

        def work() -> AreaFigures:
            with self.context.read() as session:
                return area_figures(session, ids, today=day)

        self.context.background.submit(
            "area-figures",
            work,
            owner=self,
            on_done=self._on_figures,
            on_error=self._on_figures_failed,
        )

    def _on_figures(self, figures: AreaFigures) -> None:
        self.figures = figures
        self._render_figures(figures)

    def _on_figures_failed(self, error: Exception) -> None:
        _clear(self.figures_layout)
        failed = QLabel(self.tr("De cijfers konden niet worden berekend. Zie het logboek."))
        failed.setWordWrap(True)
        self.figures_layout.addWidget(failed, 0, 0)

    def _on_changes(self, kinds: frozenset[str]) -> None:
        if self.area_id is not None and kinds & {AREAS, TEAM, INITIATIVES}:
            self.show_area(self.area_id)

    def _render_header(self, view: AreaHeader) -> None:
        self.title.setText(view.area.name)
        parts = [view.area.kind.label]
        if view.path:
            parts.append(self.tr("in %s") % " › ".join(view.path))
        if view.sub_areas:
            parts.append(self.tr("%s deelgebieden") % view.sub_areas)
        self.subtitle.setText(" · ".join(parts))
        if view.area.description:
            self.subtitle.setText(self.subtitle.text() + "\n" + view.area.description)

        self.hint.setVisible(view.team_members_total == 0)
        self.hint_text.setText(
            self.tr(
                "Er zijn nog geen teamleden vastgelegd. Vul per dorp en wijk in wie "
                "gebiedsregisseur, opbouwwerker en gebiedswethouder is; dan toont "
                "'Wie werkt waar' het overzicht."
            )
        )

        _clear(self.team_layout)
        municipality_wide = view.area.kind is AreaKind.GEMEENTE and not view.team
        if municipality_wide:
            note = QLabel(
                self.tr(
                    "Elk dorp en elke wijk heeft een eigen team. Kies een gebied links, of open "
                    "'Wie werkt waar' (Ctrl+9) voor het overzicht van de hele gemeente."
                )
            )
            note.setWordWrap(True)
            self.team_layout.addWidget(note, 0, 0)
        for row, role in enumerate(() if municipality_wide else Role):
            names = view.team.get(role, ())
            label = QLabel(f"<b>{role.label}</b>")
            value = QLabel(", ".join(names) if names else self.tr("nog niet ingevuld"))
            value.setWordWrap(True)
            if not names:
                style(value, "color: $muted;")
            self.team_layout.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.team_layout.addWidget(value, row, 1)
        self.team_layout.setColumnStretch(1, 1)

        _clear(self.buurten_layout)
        if view.area.kind is AreaKind.GEMEENTE:
            self.buurten_layout.addWidget(
                QLabel(
                    self.tr("Heel Oldambt: %s CBS-wijken en %s CBS-buurten.")
                    % (view.cbs_wijken_total, view.cbs_buurten_total)
                )
            )
        elif view.buurten:
            for code, name in view.buurten:
                self.buurten_layout.addWidget(QLabel(f"{name} ({code})"))
        else:
            none = QLabel(self.tr("Niet aan een CBS-buurt gekoppeld."))
            none.setWordWrap(True)
            self.buurten_layout.addWidget(none)

    def _render_pending(self) -> None:
        _clear(self.figures_layout)
        _clear(self.themes_layout)
        for layout in (self.figures_layout, self.themes_layout):
            layout.addWidget(QLabel(self.tr("Cijfers worden berekend…")))
        self.recent_box.setVisible(False)

    def _render_figures(self, view: AreaFigures) -> None:
        _clear(self.figures_layout)
        figures = [
            (self.tr("Rondes"), view.sessions),
            (self.tr("Gesprekken"), view.conversations),
            (self.tr("Lopende initiatieven\n(vandaag)"), view.initiatives_running),
        ]
        for column, (caption, count) in enumerate(figures):
            number = QLabel(format_number(count))
            number.setStyleSheet("font-size: 22pt; font-weight: 600;")
            self.figures_layout.addWidget(number, 0, column)
            self.figures_layout.addWidget(QLabel(caption), 1, column)
        period = QLabel(
            self.tr("%s t/m %s") % (format_date(view.period_start), format_date(view.period_end))
        )
        style(period, "color: $muted;")
        self.figures_layout.addWidget(period, 2, 0, 1, 2)

        _clear(self.themes_layout)
        if view.top_themes:
            for theme in view.top_themes:
                line = QLabel(
                    self.tr("%s — %s gesprekken") % (theme.name, format_number(theme.conversations))
                )
                line.setWordWrap(True)  # two lines on a narrow screen, not a wider page
                self.themes_layout.addWidget(line)
        else:
            self.themes_layout.addWidget(QLabel(self.tr("Nog geen gesprekken in deze periode.")))

        self.recent.setRowCount(len(view.recent))
        for row, session in enumerate(view.recent):
            cells = [
                format_date(session.day),
                session.area_name,
                session.place,
                format_number(session.conversations),
            ]
            for column, text in enumerate(cells):
                self.recent.setItem(row, column, QTableWidgetItem(text))
        self.recent_box.setVisible(bool(view.recent))
