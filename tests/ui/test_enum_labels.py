"""The domain's enum labels (statuses, priorities, roles, …) are Dutch in domain/ and shown
in the UI's language through ui.labels.label_of: every label has an English translation, and
in English mode the signals list and its filters show none of the Dutch ones."""

from __future__ import annotations

import ast
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


UI = Path(__file__).resolve().parents[2] / "src" / "gebiedsapp" / "ui"
TRANSLATING = {"label_of", "label_text", "tr", "translate", "service_text", "figure_text"}
# `.label` reads that are not an enum's Dutch label on screen: (file, expression) and why.
NOT_ENUM_LABELS = {
    ("koffiekar/theme_picker.py", "choice.label"),  # a theme from the database: data
    ("koffiekar/theme_picker.py", "c.label"),
    ("koffiekar/theme_picker.py", "self.by_id[t].label"),
    ("koffiekar/prompts.py", "c.label"),
    ("koffiekar/conversation_list.py", "self.label"),  # a QLabel
    ("sync/conflicts.py", "row.label"),  # the record as the sync names it: data
    ("sync/conflicts.py", "record.label"),
    # a signal's deadline label: the member itself, a key for a colour or a short text
    ("signals/models.py", "row.label"),
    ("signals/detail.py", "d.label"),
    ("summary/models.py", "row.label"),
    # a field's definition: its label is Dutch text that goes through tr() where it is shown
    ("signals/form.py", "definition.label"),
}


def enum_labels_shown_untranslated(source: str, file: str) -> list[str]:
    """Each `x.label` read outside label_of()/tr() and the allowlist: an enum's Dutch label
    shown as it is (use ui.labels.label_of)."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "label"):
            continue
        if not isinstance(node.ctx, ast.Load) or (file, ast.unparse(node)) in NOT_ENUM_LABELS:
            continue
        up: ast.AST | None = parents.get(node)
        while isinstance(up, ast.expr) and not (
            isinstance(up, ast.Call) and _callee(up) in TRANSLATING
        ):
            up = parents.get(up)
        if not isinstance(up, ast.Call):
            found.append(f"{file}:{node.lineno}: {ast.unparse(node)}")
    return found


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def test_the_ui_shows_enum_labels_only_through_label_of() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += enum_labels_shown_untranslated(
            path.read_text(encoding="utf-8"), path.relative_to(UI).as_posix()
        )
    assert found == []


def test_the_label_scan_finds_a_label_shown_as_it_is() -> None:
    source = """
def f(self, row, status):
    a = QLabel(row.status.label)
    b = f"{row.kind.label} · {row.area}"
    c = label_of(row.status)
    d = self.tr(FIELD.label)
    e = self.tr(x.accessible or x.label)
"""
    assert enum_labels_shown_untranslated(source, "x.py") == [
        "x.py:3: row.status.label",
        "x.py:4: row.kind.label",
    ]
