"""An area's start page: who the team is, what was heard lately, which CBS buurten it covers."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.domain.enums import AreaKind, Role
from gebiedsapp.ui.context import AREAS, CBS, INITIATIVES, SURVEY, TEAM, AppContext
from gebiedsapp.ui.formatting import format_date, format_number
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.page import page_title
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.screen import ScreenDefaults

if TYPE_CHECKING:  # imported when used: it brings Beheer's modules, not needed at start-up
    from gebiedsapp.services.overview import AreaFigures, AreaHeader
    from gebiedsapp.services.survey import SurveyLine
    from gebiedsapp.ui.survey.import_dialog import SurveyImportDialog


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
        # the figures and the survey of this area and day, read when the page is shown: hidden
        # behind Signalen, Winschoten's figures took the one reads worker ~3 s on ten times
        # today's data, and Signalen's list waited behind them (issue 19)
        self._figures_pending: tuple[frozenset[uuid.UUID], date] | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        body = QWidget(self)
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)

        self.survey_dialog: SurveyImportDialog | None = None
        self._build_heading(body)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self._build_hint(body))

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

        grid.addWidget(self._build_buurten_box(body), 1, 1)
        grid.addWidget(self._build_recent_box(body), 2, 0, 1, 2)
        grid.addWidget(self._build_survey_box(body), 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addStretch(1)

        self.context.hub.changed.connect(self._on_changes)

    def _build_heading(self, body: QWidget) -> None:
        self.title = page_title("", body)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(body)
        style(self.subtitle, "color: $muted;")
        self.subtitle.setWordWrap(True)

    def _build_hint(self, body: QWidget) -> QFrame:
        """A nudge to fill in the area's team, with the button that goes there."""
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
        return self.hint

    def _build_buurten_box(self, body: QWidget) -> QGroupBox:
        """The inhabitants (CBS) and the buurten the area is made of."""
        self.buurten_box = QGroupBox(self.tr("Inwoners en CBS-buurten"), body)
        self.buurten_layout = QVBoxLayout(self.buurten_box)
        self.population = QLabel(self.buurten_box)
        self.population.setObjectName("population")
        self.population.setWordWrap(True)
        self.population.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.population_source = QLabel(self.buurten_box)
        self.population_source.setWordWrap(True)
        style(self.population_source, "color: $muted;")
        self.buurten_list = QVBoxLayout()
        self.buurten_layout.addWidget(self.population)
        self.buurten_layout.addWidget(self.population_source)
        self.buurten_layout.addLayout(self.buurten_list)
        return self.buurten_box

    def _build_recent_box(self, body: QWidget) -> QGroupBox:
        """The latest coffee-cart rounds in the area."""
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
        return self.recent_box

    def _build_survey_box(self, body: QWidget) -> QGroupBox:
        """What the residents' survey says, beside the conversations and signals."""
        self.survey_box = QGroupBox(self.tr("Wat de enquête zegt"), body)
        survey_layout = QVBoxLayout(self.survey_box)
        self.survey_note = QLabel(body)
        self.survey_note.setWordWrap(True)
        style(self.survey_note, "color: $muted;")
        self.survey = QTableWidget(0, 5, self.survey_box)
        self.survey.setAccessibleName(self.tr("Uitkomsten van de inwonersenquête"))
        self.survey.setHorizontalHeaderLabels(
            [
                self.tr("Thema"),
                self.tr("Vraag"),
                self.tr("Uitkomst"),
                self.tr("Koffiekar"),
                self.tr("Signalen"),
            ]
        )
        self.survey.verticalHeader().setVisible(False)
        self.survey.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        survey_header = self.survey.horizontalHeader()
        survey_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a survey
        survey_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # has few rows
        self.survey.setMinimumHeight(160)
        self.survey_button = QPushButton(self.tr("&Enquête importeren…"), self.survey_box)
        self.survey_button.setToolTip(
            self.tr("Uitkomsten van een inwonersenquête inlezen uit een CSV- of Excel-bestand")
        )
        self.survey_button.clicked.connect(self.import_survey)
        survey_top = QHBoxLayout()
        survey_top.addWidget(self.survey_note, 1)
        survey_top.addWidget(self.survey_button, 0, Qt.AlignmentFlag.AlignTop)
        survey_layout.addLayout(survey_top)
        survey_layout.addWidget(self.survey)
        self.survey.setVisible(False)
        return self.survey_box

    def set_area(self, area_id: uuid.UUID) -> None:
        """The navigator's area (the main window's contract)."""
        self.show_area(area_id)

    def show_area(self, area_id: uuid.UUID, *, today: date | None = None) -> None:
        """Show the area's header when the worker has read it (on ten times today's data it
        took over 100 ms of the GUI thread per click); the figures follow after it."""
        day = today or date.today()
        self.area_id = area_id
        self.figures = None
        self._render_pending()
        self.context.headers.fetch(
            area_id,
            owner=self,
            today=day,
            on_done=lambda header: self._on_header(header, day),
            on_error=self._on_figures_failed,
        )

    def _on_header(self, header: AreaHeader, day: date) -> None:
        if header.area.id != self.area_id:
            return  # another area was clicked meanwhile
        self.header = header
        self._render_header(header)
        self._figures_pending = (header.area_ids, day)
        if self.isVisible():  # hidden: read when shown (showEvent)
            self._read_figures()

    def showEvent(self, event: QShowEvent) -> None:
        if self._figures_pending is not None:
            self._read_figures()
        super().showEvent(event)

    def _read_figures(self) -> None:
        """The area's figures and survey lines, on the worker."""
        if self._figures_pending is None:
            return
        ids, day = self._figures_pending
        self._figures_pending = None
        read = self.context.read
        # the figures' modules: imported at the first area shown, after the first paint
        # (start-up time), on this thread, not the worker's
        from gebiedsapp.services.overview import area_figures
        from gebiedsapp.services.period import Period
        from gebiedsapp.services.survey import survey_lines

        def work() -> AreaFigures:
            with read() as session:
                return area_figures(session, ids, today=day)

        self.context.background.submit(
            "area-figures",
            work,
            owner=self,
            on_done=self._on_figures,
            on_error=self._on_figures_failed,
        )
        period = Period(day - timedelta(days=365), day)  # the figures' 12 months

        def survey() -> list[SurveyLine]:
            with read() as session:
                return survey_lines(session, ids, period)

        self.context.background.submit(
            "area-survey",
            survey,
            owner=self,
            on_done=self._render_survey,
            on_error=lambda _error: self._render_survey([]),
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
        if self.area_id is not None and kinds & {AREAS, TEAM, INITIATIVES, SURVEY, CBS}:
            self.show_area(self.area_id)

    def _render_header(self, view: AreaHeader) -> None:
        self.title.setText(view.area.name)
        parts = [label_of(view.area.kind)]
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
            label = QLabel(f"<b>{label_of(role)}</b>")
            value = QLabel(", ".join(names) if names else self.tr("nog niet ingevuld"))
            value.setWordWrap(True)
            if not names:
                style(value, "color: $muted;")
            self.team_layout.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.team_layout.addWidget(value, row, 1)
        self.team_layout.setColumnStretch(1, 1)

        self._render_population(view)
        _clear(self.buurten_list)
        if view.area.kind is AreaKind.GEMEENTE:
            self.buurten_list.addWidget(
                QLabel(
                    self.tr("Heel Oldambt: %s CBS-wijken en %s CBS-buurten.")
                    % (view.cbs_wijken_total, view.cbs_buurten_total)
                )
            )
        elif view.buurten:
            for code, name in view.buurten:
                self.buurten_list.addWidget(QLabel(f"{name} ({code})"))
        else:
            none = QLabel(self.tr("Niet aan een CBS-buurt gekoppeld."))
            none.setWordWrap(True)
            self.buurten_list.addWidget(none)

    def _render_population(self, view: AreaHeader) -> None:
        """The CBS population as context: summed over the area's buurten, or said unknown."""
        people = view.population
        if people is None:
            self.population.setText(
                self.tr(
                    "Inwoners: nog geen CBS-cijfers ingelezen (Beheer → CBS-cijfers importeren…)."
                )
            )
            self.population_source.setVisible(False)
            return
        if people.inhabitants is None:
            self.population.setText(self.tr("Inwoners: onbekend (%s).") % people.reason)
        else:
            text = self.tr("<b>Inwoners: %s</b> (CBS %s") % (
                format_number(people.inhabitants),
                people.year,
            )
            if people.buurten > 1:
                text += self.tr(", samen %s CBS-buurten") % people.buurten
            text += ")"
            if people.households is not None:
                text += self.tr(" · %s huishoudens") % format_number(people.households)
            if people.shared_with:
                text += "<br>" + self.tr(
                    "Let op: een CBS-buurt wordt gedeeld met %s; die telt hier helemaal mee."
                ) % ", ".join(people.shared_with)
            self.population.setText(text)
        self.population_source.setText(people.credit)
        self.population_source.setVisible(True)

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

    def _render_survey(self, lines: list[SurveyLine]) -> None:
        """The newest inwonersenquête beside the koffiekar and signals of the last 12 months on
        the same theme; an outcome of too few respondents says so instead of its result."""
        from gebiedsapp.services.survey import MIN_RESPONDENTS

        self.survey.setVisible(bool(lines))
        if not lines:
            self.survey_note.setText(self.tr("Nog geen uitkomsten van een inwonersenquête."))
            return
        several = len({line.area for line in lines}) > 1
        self.survey_note.setText(
            self.tr(
                "Inwonersenquête %s. Koffiekar: gesprekken en contacten over het thema in de "
                "afgelopen 12 maanden; signalen: signalen uit die gesprekken en contacten. "
                "Uitkomsten van minder dan %s respondenten worden niet getoond."
            )
            % (lines[0].wave, MIN_RESPONDENTS)
        )
        self.survey.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = [
                line.theme or self.tr("geen thema"),
                f"{line.question} ({line.area})" if several else line.question,
                line.result,
                "—" if line.conversations is None else format_number(line.conversations),
                "—" if line.signals is None else format_number(line.signals),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(text)
                self.survey.setItem(row, column, item)

    def import_survey(self) -> SurveyImportDialog:
        """Open the survey import (window-modal); the page refreshes through the change hub."""
        from gebiedsapp.ui.survey.import_dialog import SurveyImportDialog

        dialog = SurveyImportDialog(self.context, parent=self)
        dialog.accepted.connect(lambda: self._survey_imported(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.survey_dialog = dialog
        dialog.open()
        return dialog

    def _survey_imported(self, dialog: SurveyImportDialog) -> None:
        if dialog.imported is not None:
            QMessageBox.information(
                self,
                self.tr("Importeren"),
                self.tr("%s enquête-uitkomsten opgeslagen.") % format_number(dialog.imported),
            )
