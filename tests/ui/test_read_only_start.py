"""Starting the window on a read-only data folder without `backups/` and `logs/` (issue 14,
item 6): a message box says what is missing and what that means, the log goes to the console,
and the database that cannot be opened there is explained in Dutch; no traceback, exit 2."""

from __future__ import annotations

import logging
import shutil
from logging import FileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gebiedsapp.ui.app import run_gui
from support.readonly import read_only


@pytest.mark.usefixtures("cli_environment")  # the passphrase of the test database
def test_a_read_only_data_folder_is_explained_in_the_window(
    qtbot: object,
    tmp_path: Path,
    migrated_template: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(migrated_template, data / "gebiedsapp.db")
    warned: list[tuple[str, str]] = []
    refused: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _p, title, text, *_a: warned.append((title, text))),
    )
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _title, text, *_a: refused.append(text))
    )
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        with read_only(data):
            code = run_gui(data_dir=str(data))
        added = [h for h in root.handlers if h not in handlers]
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
    assert code == 2
    assert [title for title, _text in warned] == ["Gegevensmap niet beschrijfbaar"]
    text = warned[0][1]
    assert f"De gegevensmap {data} is alleen-lezen" in text
    assert "Er worden geen reservekopieën gemaakt, ook niet bij het starten." in text
    assert "Er wordt geen logbestand bijgehouden." in text
    assert text.endswith("De Gebiedsapp gaat verder waar dat kan.")
    assert not any(isinstance(h, FileHandler) for h in added)  # the console instead
    assert refused  # the database itself cannot be opened there: said in Dutch
    assert "Traceback" not in refused[0]
