"""English as a second language: the .ts covers every tr() string with a finished
translation whose placeholders and accelerators match the Dutch, the committed .qm is built
from it, the window speaks English when asked and Dutch otherwise."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from gebiedsapp.ui import language
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.initiatives.screen import InitiativesScreen
from gebiedsapp.ui.main_window import INITIATIVES, MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    path = ROOT / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _script()


def _messages(ts: Path) -> list[tuple[str, str, list[str], str]]:
    """(context, source, translations, state) per message; state is "" when finished,
    "unfinished", or "vanished" (no longer, or not yet, in the source: kept for its
    translation, left out of the .qm)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            state = translation.get("type", "")
            found.append((name, message.findtext("source", ""), texts, state))
    return found


_PLACEHOLDER = re.compile(r"%(?:\d+|[sdn%]|L\d+)|\{[^{}]*\}")


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _accelerators(text: str) -> int:
    """Single `&` (a mnemonic); `&&` is a literal ampersand, `&name;` an HTML entity."""
    return len(re.findall(r"(?<!&)&(?![&#\w]+;)(?!&)", text))


def test_every_tr_string_has_a_finished_english_translation(tmp_path: Path) -> None:
    """Regenerating from the source adds a new tr() string as unfinished: fails until it is
    translated (run packaging/translations.py and translate it)."""
    fresh = tmp_path / "fresh.ts"
    shutil.copyfile(translations.TS, fresh)
    translations.update_ts(fresh)
    committed = {(c, s) for c, s, _t, state in _messages(translations.TS) if not state}
    current = [m for m in _messages(fresh) if m[3] != "vanished"]
    assert len(current) > 800
    untranslated = [s for _c, s, texts, state in current if state or not all(texts)]
    assert untranslated == []
    assert {(c, s) for c, s, _t, _state in current} == committed, "run packaging/translations.py"


def test_placeholders_and_accelerators_match_the_dutch() -> None:
    wrong = []
    for _context, source, texts, _state in _messages(translations.TS):
        for text in texts:
            if _placeholders(text) != _placeholders(source):
                wrong.append(("placeholders", source, text))
            if _accelerators(text) != _accelerators(source):
                wrong.append(("&", source, text))
    assert wrong == []


def test_the_checks_catch_a_wrong_translation() -> None:
    assert _placeholders("%s van %s bereikt") != _placeholders("%s reached")
    assert _placeholders("in {name}") != _placeholders("in {naam}")
    assert _accelerators("Nieuw &contact") != _accelerators("New contact")
    assert _accelerators("A && B &x") == 1
    assert _accelerators("A &amp; B") == 0


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    rebuilt = tmp_path / "gebiedsapp_en.qm"
    translations.build_qm(translations.TS, rebuilt)
    assert rebuilt.read_bytes() == translations.QM.read_bytes(), "run packaging/translations.py"


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English installed on the shared QApplication for one test, and removed afterwards."""
    monkeypatch.setenv(language.ENV, language.ENGLISH)
    app = QApplication.instance()
    assert app is not None
    installed = language.install_translators(app, language.chosen_language(QSettings()))
    yield
    language.remove_translators(app, installed)


def _open(qtbot, context: AppContext, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(context, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()  # for its shortcuts (Ctrl+5)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def _menus(main: MainWindow) -> list[str]:
    return [action.text() for action in main.menuBar().actions()]


def test_the_window_speaks_english_when_asked(english, qtbot, context, settings) -> None:  # type: ignore[no-untyped-def]
    main = _open(qtbot, context, settings)
    assert _menus(main) == ["&File", "&View", "&Administration", "&Help"]
    assert main.windowTitle() == "Gebiedsapp – area-based work in Oldambt"
    qtbot.keyClick(main, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    screen = main.stack.currentWidget()
    assert isinstance(screen, InitiativesScreen)
    assert screen is main.screens[INITIATIVES]
    assert screen.ended_check.text() == "Also completed and stopped"


def test_without_a_choice_the_window_stays_dutch(qtbot, context, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(language.ENV, raising=False)
    assert language.chosen_language(settings) == language.DUTCH
    main = _open(qtbot, context, settings)
    assert _menus(main) == ["&Bestand", "Bee&ld", "B&eheer", "&Help"]
    assert main.windowTitle() == "Gebiedsapp – gebiedsgericht werken in Oldambt"


def test_choosing_english_in_the_menu_is_kept_for_the_next_start(  # type: ignore[no-untyped-def]
    window, qtbot, settings, monkeypatch
) -> None:
    monkeypatch.delenv(language.ENV, raising=False)
    said: list[str] = []
    monkeypatch.setattr(
        language.QMessageBox, "information", lambda _parent, _title, text: said.append(text)
    )
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Bee&ld
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view_menu = QApplication.activePopupWidget()
    qtbot.keyClick(view_menu, Qt.Key.Key_T)  # &Taal / Language
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view_menu)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_E)  # &English
    qtbot.waitUntil(lambda: len(said) == 1)
    assert "opnieuw start" in said[0]
    assert "restart" in said[0]
    assert settings.value(language.SETTING) == language.ENGLISH
    assert language.chosen_language(settings) == language.ENGLISH
    assert _menus(window)[0] == "&Bestand"  # applied at the next start, not half now


def test_an_unknown_or_damaged_setting_means_dutch(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(language.ENV, raising=False)
    for value in ("fr", ["en"], 1):
        settings.setValue(language.SETTING, value)
        assert language.chosen_language(settings) == language.DUTCH
    settings.setValue(language.SETTING, language.ENGLISH)
    assert language.chosen_language(settings) == language.ENGLISH
    monkeypatch.setenv(language.ENV, language.DUTCH)  # a script's choice wins
    assert language.chosen_language(settings) == language.DUTCH


def test_table_headers_and_texts_lupdate_files_elsewhere_are_english(
    english, qtbot, context, settings
) -> None:  # type: ignore[no-untyped-def]
    """Headers go through QCoreApplication.translate under the model's name, and
    `parent.tr(...)` lands in a context named "parent": found by their Dutch text."""
    main = _open(qtbot, context, settings)
    qtbot.keyClick(main, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    screen = main.screens[INITIATIVES]
    assert isinstance(screen, InitiativesScreen)
    model = screen.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Name", "Status", "Area"]
    assert QApplication.translate("ContactForm", "Reservekopie mislukt") == "Backup failed"


def test_a_text_without_translation_stays_dutch_not_empty(english) -> None:  # type: ignore[no-untyped-def]
    assert QApplication.translate("Elders", "Nog niet vertaald %s") == "Nog niet vertaald %s"


def _models() -> list[type]:
    import gebiedsapp.ui as ui

    for module in pkgutil.walk_packages(ui.__path__, "gebiedsapp.ui."):
        importlib.import_module(module.name)
    found: list[type] = []
    todo: list[type] = [QAbstractItemModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [m for m in found if m.__module__.startswith("gebiedsapp.ui")]


def test_every_column_header_has_an_english_translation() -> None:
    """Headers are translated by their text at run time (lupdate cannot see them): a new
    header needs a tr() elsewhere or a line in ui/header_texts.py."""
    by_text = language._by_text(translations.TS)
    texts = {
        text
        for model in _models()
        for name in ("headers", "header_tips")
        for text in getattr(model, name, ())
        if text
    }
    assert len(texts) > 50
    assert sorted(texts - set(by_text)) == []
