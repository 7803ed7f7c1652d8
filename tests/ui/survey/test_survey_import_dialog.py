"""The inwonersenquête import, as a user does it: from the area page, choose a file, see a file
with a personal column refused by name, choose the cleaned file, type the year, link a question
to a theme, check the outcomes and the rejected rows, import, and see the outcomes on the area
page beside koffiekar and signals (too few respondents not shown)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QMessageBox
from sqlalchemy import func, select

from gebiedsapp.domain import SurveyResult
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.survey.import_dialog import SurveyImportDialog
from support.survey_files import PER_RESPONDENT_HEADER, csv_bytes, per_respondent_rows

SAFE = "Voelt u zich veilig?"


def _count(context: AppContext) -> int:
    with context.read() as session:
        return session.scalar(select(func.count()).select_from(SurveyResult)) or 0


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The file dialog answers with `path`, as if the user picked it."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def _settle(qtbot: Any, dialog: SurveyImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def _click_area(window: Any, qtbot: Any, name: str) -> None:
    proxy, tree = window.navigator.proxy, window.navigator.tree
    matches = proxy.match(
        proxy.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )  # fmt: skip
    tree.scrollTo(matches[0])
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(matches[0]).center()
    )


def _open_dialog(window: Any, qtbot: Any) -> SurveyImportDialog:
    _click_area(window, qtbot, "Midwolda")
    page = window.area_page
    qtbot.waitUntil(lambda: page.title.text() == "Midwolda", timeout=10_000)
    qtbot.mouseClick(page.survey_button, Qt.MouseButton.LeftButton)
    dialog = page.survey_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _table(model: Any) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_survey_is_imported_from_the_area_page_like_a_user_does(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context: AppContext = window.context
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_a: told.append(text)
    )
    dialog = _open_dialog(window, qtbot)

    # 1. a file with an e-mail column: refused, naming the column; nothing to import
    personal = tmp_path / "enquete-met-mail.csv"
    rows = [[*row, f"bewoner{i}@example.nl"] for i, row in enumerate(per_respondent_rows())]
    personal.write_bytes(csv_bytes([*PER_RESPONDENT_HEADER, "Contact"], rows, encoding="cp1252"))
    _choose(monkeypatch, personal)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    assert "'Contact' (e-mailadres op regel 2)" in dialog.message.text()
    assert "verwijder die kolom uit het bestand" in dialog.message.text()
    assert not dialog.import_button.isEnabled()

    # 2. the cleaned file (one bad row), Excel's Unicode text
    clean = tmp_path / "enquete.txt"
    rows = [*per_respondent_rows(), ["99", "Atlantis", "5", "ja"]]
    clean.write_bytes(csv_bytes(PER_RESPONDENT_HEADER, rows, delimiter="\t", encoding="utf-16"))
    _choose(monkeypatch, clean)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    assert "tab" in dialog.file_info.text()
    assert "Unicode (UTF-16)" in dialog.file_info.text()
    assert dialog.mapping() == {"area": "Gebied", "respondent": "Respondent"}

    # the year: typed over the spin box's value
    dialog.wave.setFocus()
    qtbot.keyClick(dialog.wave, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.wave, "2025")
    _settle(qtbot, dialog)
    assert dialog.wave.value() == 2025

    # a question linked to a theme on the tab "Vragen en thema's"
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert dialog.tabs.currentIndex() == 2
    combo = dialog.theme_combos[SAFE]
    combo.setFocus()
    qtbot.keyClicks(combo, "Overlast en")
    _settle(qtbot, dialog)
    assert combo.currentText() == "Overlast en onveiligheid"

    assert dialog.counts.text() == "17 geldig, 1 afgekeurd · 4 uitkomsten"
    assert _table(dialog.outcomes_model) == [
        ["Midwolda", "2025", "Tevredenheid groen (1-10)", "", "12", "gemiddeld 7,5"],
        ["Midwolda", "2025", SAFE, "Overlast en onveiligheid", "12", "75% ja"],
        ["Scheemda", "2025", "Tevredenheid groen (1-10)", "", "5", "te weinig respondenten"],
        ["Scheemda", "2025", SAFE, "Overlast en onveiligheid", "5", "te weinig respondenten"],
    ]
    assert dialog.tabs.tabText(1) == "Afgekeurd (1)"
    assert _table(dialog.rejected_model) == [["19", "Onbekend gebied 'Atlantis'.", "Atlantis"]]
    assert _count(context) == 0  # nothing written yet

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert told == ["4 enquête-uitkomsten opgeslagen."]
    assert _count(context) == 4

    # the area page shows Midwolda's outcomes beside koffiekar and signals
    page = window.area_page
    qtbot.waitUntil(lambda: page.survey.isVisible() and page.survey.rowCount() == 2, timeout=10_000)
    shown = [
        [page.survey.item(r, c).text() for c in range(page.survey.columnCount())]
        for r in range(page.survey.rowCount())
    ]
    assert shown == [
        ["Overlast en onveiligheid", SAFE, "75% ja", "0", "0"],
        ["geen thema", "Tevredenheid groen (1-10)", "gemiddeld 7,5", "—", "—"],
    ]
    assert "Inwonersenquête 2025" in page.survey_note.text()
    context.background.wait()


def test_cancel_writes_nothing(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context: AppContext = window.context
    dialog = _open_dialog(window, qtbot)
    path = tmp_path / "enquete.csv"
    path.write_bytes(csv_bytes(PER_RESPONDENT_HEADER, per_respondent_rows()))
    _choose(monkeypatch, path)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _count(context) == 0
    context.background.wait()


def test_no_two_rows_of_the_dialog_carry_the_same_label(window: Any, qtbot: Any) -> None:
    """The year typed for a file without a year column and the file's year column were both
    called 'Jaar van de enquête': a user could not tell which one to set."""
    dialog = _open_dialog(window, qtbot)
    labels = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                labels.append(label.text().replace("&", "").rstrip(" *:").lower())
    assert len(labels) > 5
    assert sorted({text for text in labels if labels.count(text) > 1}) == []
    dialog.reject()
