"""Filling the Samenvatting screen from loaded figures, one part per call: the screen calls
them one turn of the event loop apart, so no single call holds the GUI thread long (issue 19)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from gebiedsapp.domain import Role
from gebiedsapp.services.report_text import (
    KEY_FIGURES,
    difference,
    figure,
    number,
    period_range,
    period_text,
)
from gebiedsapp.services.reports.population_note import context_line
from gebiedsapp.services.summary_lists import QUOTES
from gebiedsapp.ui.labels import label_of
from gebiedsapp.ui.palette import sheet
from gebiedsapp.ui.signal_map import BuurtMap
from gebiedsapp.ui.summary.charts import BarChart
from gebiedsapp.ui.summary.data import Dashboard
from gebiedsapp.ui.summary.models import QuotesModel
from gebiedsapp.ui.summary.parts import MUTED
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

# the screen's texts, in its translation context (the screen's class, as before the split)
TITLE = QT_TRANSLATE_NOOP("SummaryScreen", "Samenvatting voor de wethouder: %s")
COMPARED = QT_TRANSLATE_NOOP("SummaryScreen", "%s (%s), vergeleken met %s.")
NO_TEAM = QT_TRANSLATE_NOOP("SummaryScreen", "Geen team vastgelegd.")
MORE = QT_TRANSLATE_NOOP("SummaryScreen", "Meer dan vorige periode: ")
LESS = QT_TRANSLATE_NOOP("SummaryScreen", "Minder: ")
MEDIAN = QT_TRANSLATE_NOOP(
    "SummaryScreen", "Mediane doorlooptijd van afgesloten signalen: %s dagen"
)
NONE_CLOSED = QT_TRANSLATE_NOOP("SummaryScreen", "In deze periode is geen signaal afgesloten.")
NO_BUURTEN = QT_TRANSLATE_NOOP("SummaryScreen", "Aan dit gebied zijn geen CBS-buurten gekoppeld.")
NO_QUOTES = QT_TRANSLATE_NOOP("SummaryScreen", "Geen uitspraken voor rapportage.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SummaryScreen", text)


class DashboardFilling:
    """Mixed into SummaryScreen (before QWidget), which builds these widgets."""

    title: QLabel
    state: QLabel
    figure_labels: dict[str, tuple[QLabel, QLabel, QLabel]]
    population: QLabel
    team: QLabel
    themes: BarChart
    theme_moves: QLabel
    by_category: BarChart
    by_status: BarChart
    median: QLabel
    map: BuurtMap
    map_note: QLabel
    quotes: QLabel
    quotes_model: QuotesModel

    def _build_rest(self) -> None:
        """The screen builds its charts and tables here (SummaryScreen._build_rest)."""

    def _show_figures(self, data: Dashboard) -> None:
        s = data.summary
        self.title.setText(_tr(TITLE) % s.title)
        self.state.setText(
            _tr(COMPARED)
            % (period_text(s.period), period_range(s.period), period_range(s.previous_period))
        )
        for field, _text, _why in KEY_FIGURES:
            now, before = figure(s.current, field), figure(s.previous, field)
            current, previous, change = self.figure_labels[field]
            current.setText(f"<b>{number(now)}</b>")
            previous.setText(number(before))
            change.setText(difference(now, before))
        self.population.setText(context_line(s))
        self.population.setVisible(bool(self.population.text()))
        team = [
            f"{label_of(role)}: {html.escape(', '.join(s.team[role]))}"
            for role in Role
            if s.team.get(role)
        ]
        no_team = _tr(NO_TEAM)  # outside the f-string: lupdate sees it
        self.team.setText(
            "<br>".join(team) if team else f"<span style='{sheet(MUTED)}'>{no_team}</span>"
        )

    def _show_charts(self, data: Dashboard) -> None:
        self._build_rest()
        s = data.summary
        self.themes.set_rows([(t.theme, t.current, t.previous) for t in s.themes[:10]])
        moves = []
        if s.rising_themes:
            moves.append(
                _tr(MORE)
                + ", ".join(
                    f"{t.theme} ({difference(t.current, t.previous)})" for t in s.rising_themes[:5]
                )
            )
        if s.falling_themes:
            moves.append(
                _tr(LESS)
                + ", ".join(
                    f"{t.theme} ({difference(t.current, t.previous)})" for t in s.falling_themes[:5]
                )
            )
        self.theme_moves.setText("<br>".join(html.escape(m) for m in moves))
        self.by_category.set_rows(list(s.signals_by_category))
        self.by_status.set_rows([(label_of(status), n) for status, n in s.signals_by_status])
        self.median.setText(
            _tr(MEDIAN) % number(s.median_days_to_close, 1)
            if s.median_days_to_close is not None
            else _tr(NONE_CLOSED)
        )

    def _show_map(self, data: Dashboard) -> None:
        self.map.set_buurten(data.shapes)
        self.map.set_counts({b.code: b.open_signals for b in data.summary.buurten})
        self.map.setVisible(bool(data.shapes))
        self.map_note.setText("" if data.shapes else _tr(NO_BUURTEN))

    def _list_shown(self, name: str) -> None:
        """A list's first page is in: the quotes say so when there are none."""
        self._build_rest()
        if name == QUOTES:
            none = self.quotes_model.total == 0
            no_quotes = _tr(NO_QUOTES)
            self.quotes.setText(no_quotes if none else "")
            self.quotes.setVisible(none)
