"""The start backup may not fail silently (issue 14, item 3): a chosen network folder that is
offline, or a folder that is read-only, is shown in the status bar and once a day in a
message; an offline chosen folder is never made as a local folder behind the user's back."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from gebiedsapp.services import backups
from gebiedsapp.storage.errors import BackupError
from gebiedsapp.ui.app import begin_maintenance, start_maintenance
from gebiedsapp.ui.backup_notice import LABEL_NAME, show_backup_problem
from gebiedsapp.ui.context import AppContext
from support.mounts import make_read_only, small_disk


def _choose(context: AppContext, folder: Path) -> None:
    with context.database.unit_of_work("beheer") as session:
        backups.set_backup_dir(session, folder)


def _note(window: Any) -> QLabel | None:
    label = window.findChild(QLabel, LABEL_NAME)
    return label if label is not None and label.isVisible() else None


def test_an_offline_share_is_shown_and_not_made_as_a_local_folder(
    qtbot: Any, window: Any, context: AppContext, tmp_path: Path, monkeypatch: Any
) -> None:
    share = tmp_path / "netwerkschijf"
    folder = share / "reservekopieen"
    folder.mkdir(parents=True)
    _choose(context, folder)
    shutil.rmtree(share)  # the share is offline: its mount point is an empty path
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    begin_maintenance(window, context.database, context.paths, context.actor)  # a start

    qtbot.waitUntil(lambda: _note(window) is not None)
    note = _note(window)
    assert note is not None
    assert "Geen reservekopie" in note.text()
    assert "niet bereikbaar" in note.toolTip()
    assert len(shown) == 1
    assert str(folder) in shown[0]
    assert not share.exists()  # never made behind the user's back

    note.setToolTip("")
    begin_maintenance(window, context.database, context.paths, context.actor)  # same day again
    qtbot.waitUntil(lambda: bool(note.toolTip()))
    assert len(shown) == 1  # once a day; the status bar keeps saying it


def test_the_message_comes_back_the_next_day(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)
    assert show_backup_problem(window, settings, "x", today=date(2026, 3, 2))
    assert not show_backup_problem(window, settings, "x", today=date(2026, 3, 2))
    assert show_backup_problem(window, settings, "x", today=date(2026, 3, 3))


def test_a_read_only_backup_folder_is_said_to_be_read_only(
    context: AppContext, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "alleen-lezen", size="16m") as folder:
        _choose(context, folder)
        make_read_only(folder)
        with pytest.raises(BackupError) as failed:
            start_maintenance(context.database, context.paths, context.actor)
        assert "alleen-lezen" in failed.value.user_message
        assert "schijf- of netwerkfout" not in failed.value.user_message
        assert list(folder.iterdir()) == []
