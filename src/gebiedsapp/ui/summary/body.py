"""Samenvatting's body, which scrolls: the laid-out widgets only (the view; the screen is the
controller that loads and fills them). The first row (key figures beside the map) is built
with the screen; the charts and the lists' tables once the screen has been painted (issue 19:
on ten times today's data building all of it in the first open held the GUI thread over
100 ms)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.services.report_text import KEY_FIGURES
from gebiedsapp.ui.palette import style
from gebiedsapp.ui.signal_map import BuurtMap
from gebiedsapp.ui.summary.charts import BarChart
from gebiedsapp.ui.summary.figure_texts import figure_text
from gebiedsapp.ui.summary.lists import SummaryLists
from gebiedsapp.ui.summary.parts import MUTED, read_only_table, section

BODY_MARGINS = 16  # left and right of the scrolling body


class SummaryBody(QWidget):
    """The figures, map, charts and lists of the summary, laid out; `build_rest` adds what is
    under the first row."""

    def __init__(self, lists: SummaryLists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists = lists
        body = self
        self.team = QLabel(body)
        self.team.setWordWrap(True)
        self._build_figures(body)
        self._build_map(body)
        self.rows = QVBoxLayout(body)
        self.rows.setContentsMargins(BODY_MARGINS - 12, 0, 12, 12)
        self.first_row = self._figures_and_map(body)
        self.rows.addLayout(self.first_row)

    def build_rest(self) -> None:
        """The charts and the lists' tables, under the first row."""
        body = self
        self._build_charts(body)
        self._build_tables(body)
        self.rows.addLayout(self._themes_and_signals(body))
        self._add_lists(self.rows, body)

    def _build_figures(self, body: QWidget) -> None:
        """The key figures: this period, the one before, and the difference."""
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(10)  # with the map beside it at 150% scaling
        self.figure_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for column, text in enumerate(
            (
                self.tr("Cijfer"),
                self.tr("Deze periode"),
                self.tr("Vorige periode"),
                self.tr("Verschil"),
            )
        ):
            label = QLabel(f"<b>{text}</b>", body)
            self.figures.addWidget(
                label,
                0,
                column,
                Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft,
            )
        for row, (field, text, why) in enumerate(KEY_FIGURES, start=1):
            name = QLabel(figure_text(text), body)
            name.setToolTip(figure_text(why))
            self.figures.addWidget(name, row, 0)
            cells = (QLabel(body), QLabel(body), QLabel(body))
            for column, cell in enumerate(cells, start=1):
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.figures.addWidget(cell, row, column)
            self.figure_labels[field] = cells
        self.figures.setColumnStretch(4, 1)

    def _build_map(self, body: QWidget) -> None:
        """The map of open signals per buurt, beside the key figures."""
        self.map = BuurtMap(body)
        self.map.setMinimumSize(240, 240)  # beside the figures at 150% scaling too
        self.map_note = QLabel(body)
        style(self.map_note, MUTED)
        self.map_note.setWordWrap(True)

    def _build_charts(self, body: QWidget) -> None:
        """The themes' chart and the signals' charts."""
        self.themes = BarChart(
            body, empty_text=self.tr("Geen gesprekken of contacten met een thema.")
        )
        self.theme_moves = QLabel(body)
        self.theme_moves.setWordWrap(True)
        self.by_category = BarChart(body, empty_text=self.tr("Geen nieuwe signalen."))
        self.by_status = BarChart(body, empty_text=self.tr("Geen nieuwe signalen."))
        self.median = QLabel(body)

    def _build_tables(self, body: QWidget) -> None:
        """Open signals, quotes, open actions and initiatives: a page at a time."""
        self.open_table = read_only_table(self.lists.open_signals, body)
        self.open_table.setAccessibleName(self.tr("Open signalen"))
        self.quotes_table = read_only_table(self.lists.quotes, body)
        self.quotes_table.setAccessibleName(self.tr("Wat bewoners zeiden"))
        header = self.quotes_table.horizontalHeader()  # the quote takes the room, not 'Waar'
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.quotes = QLabel(body)  # says so when there are none
        style(self.quotes, MUTED)
        self.actions_table = read_only_table(self.lists.actions, body)
        self.actions_table.setAccessibleName(self.tr("Afgesproken acties die nog open staan"))
        self.initiatives_table = read_only_table(self.lists.initiatives, body)
        self.initiatives_table.setAccessibleName(self.tr("Bewonersinitiatieven"))

    def _figures_and_map(self, body: QWidget) -> QHBoxLayout:
        """The first row: key figures, inhabitants and team, beside the map."""
        figures_box = QVBoxLayout()
        figures_box.addWidget(
            section(
                self.tr("Kerncijfers"),
                self.tr("Deze periode naast de vorige periode van dezelfde lengte."),
                body,
            )
        )
        figures_box.addLayout(self.figures)
        self.population = QLabel(body)  # CBS inhabitants and rates per 1,000, when imported
        self.population.setObjectName("population")
        self.population.setWordWrap(True)
        style(self.population, MUTED)
        figures_box.addWidget(self.population)
        figures_box.addWidget(self.team)
        figures_box.addStretch(1)
        map_box = QVBoxLayout()
        map_box.addWidget(
            section(
                self.tr("Open signalen per buurt"),
                self.tr("CBS-buurten van het gebied; hoe donkerder, hoe meer open signalen."),
                body,
            )
        )
        map_box.addWidget(self.map, 1)
        map_box.addWidget(self.map_note)
        first = QHBoxLayout()
        first.addLayout(figures_box, 3)
        first.addLayout(map_box, 2)
        return first

    def _themes_and_signals(self, body: QWidget) -> QHBoxLayout:
        """The second row: what residents talk about, beside the new signals."""
        themes_box = QVBoxLayout()
        themes_box.addWidget(
            section(
                self.tr("Waar bewoners over praten"),
                self.tr(
                    "Gesprekken en contacten per thema; het dunne grijze streepje is de vorige "
                    "periode."
                ),
                body,
            )
        )
        themes_box.addWidget(self.themes)
        themes_box.addWidget(self.theme_moves)
        themes_box.addStretch(1)  # the heading stays on its chart when the other column is taller
        signals_box = QVBoxLayout()
        signals_box.addWidget(
            section(
                self.tr("Nieuwe signalen per categorie"),
                self.tr("Signalen gemeld in deze periode, per hoofdcategorie."),
                body,
            )
        )
        signals_box.addWidget(self.by_category)
        signals_box.addWidget(
            section(
                self.tr("… en waar ze nu staan"),
                self.tr("De status van die signalen op dit moment."),
                body,
            )
        )
        signals_box.addWidget(self.by_status)
        signals_box.addWidget(self.median)
        signals_box.addStretch(1)
        second = QHBoxLayout()
        second.addLayout(themes_box, 1)
        second.addLayout(signals_box, 1)
        return second

    def _add_lists(self, layout: QVBoxLayout, body: QWidget) -> None:
        """The lists under the charts, each under its heading."""
        layout.addWidget(
            section(
                self.tr("Open signalen"),
                self.tr("Nog niet afgesloten aan het eind van de periode; over de termijn eerst."),
                body,
            )
        )
        layout.addWidget(self.open_table)
        layout.addWidget(
            section(
                self.tr("Wat bewoners zeiden"),
                self.tr(
                    "Uitspraken die als bruikbaar voor rapportage zijn gemarkeerd; zonder namen."
                ),
                body,
            )
        )
        layout.addWidget(self.quotes_table)
        layout.addWidget(self.quotes)
        layout.addWidget(section(self.tr("Afgesproken acties die nog open staan"), "", body))
        layout.addWidget(self.actions_table)
        layout.addWidget(
            section(
                self.tr("Bewonersinitiatieven"),
                self.tr(
                    "Initiatieven die in deze periode liepen of eindigden, met hun status nu: "
                    "lopende eerst."
                ),
                body,
            )
        )
        layout.addWidget(self.initiatives_table)
