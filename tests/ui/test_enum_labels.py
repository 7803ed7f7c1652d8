"""The domain's enum labels (statuses, priorities, roles, …) are Dutch in domain/ and shown
in the UI's language through ui.labels.label_of: every label has an English translation, and
in English mode the signals list and its filters show none of the Dutch ones."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from signal_steps import open_screen, settle

from gebiedsapp.domain import enums
from gebiedsapp.domain.enums import LabeledEnum, SignalStatus
from gebiedsapp.services.report_text import KEY_FIGURES
from gebiedsapp.ui import language
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.initiatives.models import InitiativesModel
from gebiedsapp.ui.labels import LABELS
from gebiedsapp.ui.main_window import INITIATIVES, SIGNALS, MainWindow
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.models import SignalsModel
from gebiedsapp.ui.summary.figure_texts import TEXTS

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "gebiedsapp_en.ts"


def _members() -> list[LabeledEnum]:
    found: list[LabeledEnum] = []
    todo: list[type] = [LabeledEnum]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            found.extend(sub)
    return found


def test_every_enum_label_is_named_for_the_translation() -> None:
    """A new member (or a changed label) in domain/enums.py needs its line in ui/labels.py."""
    members = _members()
    assert SignalStatus.GEMELD in members
    assert enums.AuditAction.OPEN in members
    missing = sorted({m.label for m in members} - set(LABELS))
    assert missing == []


def test_every_key_figure_of_the_summary_is_named_and_translated() -> None:
    """services.report_text.KEY_FIGURES (Dutch, for the PDF) as the summary screen shows it."""
    texts = {t for _field, name, why in KEY_FIGURES for t in (name, why)}
    assert len(texts) == 2 * len(KEY_FIGURES)
    assert sorted(texts - set(TEXTS)) == []
    assert sorted(texts - set(language._by_text(TS))) == []


def test_every_enum_label_has_an_english_translation() -> None:
    by_text = language._by_text(TS)
    assert sorted({m.label for m in _members()} - set(by_text)) == []


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(language.ENV, language.ENGLISH)
    app = QApplication.instance()
    assert app is not None
    installed = language.install_translators(app, language.chosen_language(QSettings()))
    yield
    language.remove_translators(app, installed)


@pytest.fixture
def db_url(demo_template: Path, tmp_path: Path) -> str:
    """Screens full of demo signals and initiatives in every status."""
    target = tmp_path / "test.db"
    shutil.copyfile(demo_template, target)
    return f"sqlite:///{target}"


def _dutch_only() -> set[str]:
    """The labels whose English differs (so 'Open' and 'Status' do not count)."""
    return {m.label for m in _members() if QApplication.translate("Labels", m.label) != m.label}


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _column(model: Any, column: int) -> set[str]:
    role = Qt.ItemDataRole.DisplayRole
    return {model.data(model.index(row, column), role) for row in range(model.rowCount())}


def test_in_english_the_signals_and_initiatives_show_no_dutch_label(  # type: ignore[no-untyped-def]
    english, qtbot, context: AppContext, settings: QSettings
) -> None:
    dutch = _dutch_only()
    assert {"Gemeld", "In behandeling", "Hoog", "Gebiedsregisseur"} <= dutch
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    open_screen(qtbot, main, SIGNALS)
    screen = main.screens[SIGNALS]
    assert isinstance(screen, SignalsScreen)
    settle(qtbot, screen)
    status_items = _items(screen.status_combo)
    assert "Reported" in status_items
    assert "In progress" in status_items
    assert "High" in _items(screen.priority_combo)
    combos = status_items + _items(screen.priority_combo) + _items(screen.label_combo)
    assert sorted(set(combos) & dutch) == []
    # every status in the list: the filter on '(alle)', chosen as a user does
    screen.status_combo.setFocus()
    qtbot.keyClicks(screen.status_combo, "(all)")
    settle(qtbot, screen)
    assert screen.model.rowCount() > 20
    shown = _column(screen.model, SignalsModel.COL_STATUS)
    shown |= _column(screen.model, SignalsModel.COL_PRIORITY)
    assert len(shown) > 4
    assert {"Resolved", "Normal"} <= shown
    assert sorted(shown & dutch) == []
    open_screen(qtbot, main, INITIATIVES)
    initiatives = main.screens[INITIATIVES]
    model = initiatives.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    statuses = _column(model, InitiativesModel.COL_STATUS)
    assert statuses
    assert sorted(statuses & dutch) == []
