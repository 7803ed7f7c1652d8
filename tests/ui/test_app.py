"""Starting the window on a file that is not ours: a Dutch message, exit code 2, file untouched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from gebiedsapp.storage.migrate import SCHEMA_HEAD
from gebiedsapp.ui.app import run_gui


def test_refuses_a_file_that_is_not_a_database(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "brief.db"
    target.write_bytes(b"Beste inwoner, dit is een brief en geen database.\n" * 20)
    before = target.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    code = run_gui(database=str(target), data_dir=str(tmp_path / "data"))
    assert code == 2
    assert shown
    assert "geen Gebiedsapp-database" in shown[0]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.db", "data"]


def test_start_maintenance_applies_retention_and_backs_up(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gebiedsapp.services.backups import backups as list_backups
    from gebiedsapp.ui.app import start_maintenance

    summary = start_maintenance(context.database, context.paths, context.actor)
    assert summary.startswith("0 bewoner(s) geanonimiseerd")
    assert context.database.file is not None
    made = list_backups(context.database.file, context.paths.backup_dir)
    assert [b.reason for b in made] == ["start"]


def test_preview_folders_left_by_a_crash_are_removed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os
    import tempfile
    import time

    from gebiedsapp.ui import pdf

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = tmp_path / f"{pdf.PREVIEW_PREFIX}oud"
    old.mkdir()
    (old / "samenvatting.pdf").write_bytes(b"%PDF")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(old / "samenvatting.pdf", (day_ago, day_ago))
    os.utime(old, (day_ago, day_ago))
    recent = tmp_path / f"{pdf.PREVIEW_PREFIX}in-gebruik"  # another instance's, in use
    recent.mkdir()
    (recent / "werkbon.pdf").write_bytes(b"%PDF")
    other = tmp_path / "iets-anders"
    other.mkdir()
    os.utime(other, (day_ago, day_ago))
    assert pdf.remove_stale_previews() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [recent.name, "iets-anders"]


def test_damage_found_beside_the_start_closes_the_window_with_a_message(  # type: ignore[no-untyped-def]
    qtbot, context, monkeypatch
) -> None:
    from PySide6.QtCore import QSettings

    from gebiedsapp.startup import OpenedDatabase
    from gebiedsapp.storage.errors import DamagedDatabaseError
    from gebiedsapp.storage.migrate import UpgradeResult
    from gebiedsapp.ui.app import create_main_window, found_damaged

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    opened = OpenedDatabase(context.database, UpgradeResult(SCHEMA_HEAD, SCHEMA_HEAD, None))
    settings = QSettings(str(context.paths.data_dir / "s.ini"), QSettings.Format.IniFormat)
    window = create_main_window(opened, context.paths, actor="anna", settings=settings)
    qtbot.addWidget(window)
    window.show()
    found_damaged(window, RuntimeError("locked"))  # not damage: logged, the window stays
    assert window.isVisible()
    assert shown == []
    found_damaged(window, DamagedDatabaseError("x", "De database is beschadigd."))
    assert not window.isVisible()
    assert "Er is niets opgeslagen" in shown[0]


def test_a_start_while_a_command_restores_the_file_says_so_and_opens_nothing(  # type: ignore[no-untyped-def]
    qtbot, db_url: str, tmp_path: Path, monkeypatch
) -> None:
    """Issue 13: one Gebiedsapp per database. The holder here cannot be asked to come
    forward (it is a command), so the start says who has the file and stops, before any
    passphrase or 'Herstel je werk?'."""
    import socket

    from gebiedsapp.storage.lock import DatabaseLock
    from gebiedsapp.ui import app as app_module

    database = Path(db_url.removeprefix("sqlite:///"))
    holder = DatabaseLock(database, program="gebiedsapp db restore", user="bert")
    assert holder.acquire()
    opened: list[str] = []
    monkeypatch.setattr(app_module, "_open", lambda url, *_a: opened.append(url) or 2)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text: shown.append((title, text))
    )
    try:
        code = run_gui(database=str(database), data_dir=str(tmp_path / "data"))
    finally:
        holder.release()
    assert code == 1
    assert opened == []
    assert shown[0][0] == "Gebiedsapp is al geopend"
    assert shown[0][1].startswith(
        f"De database {database} is al geopend door 'gebiedsapp db restore' van bert op "
        f"{socket.gethostname()}"
    )
    assert "Er is niets gewijzigd." in shown[0][1]


def test_a_second_start_without_changes_makes_no_backup(context) -> None:  # type: ignore[no-untyped-def]
    from gebiedsapp.services.backups import backups as list_backups
    from gebiedsapp.ui.app import start_maintenance

    start_maintenance(context.database, context.paths, context.actor)
    start_maintenance(context.database, context.paths, context.actor)  # its opening only

    made = list_backups(context.database.file, context.paths.backup_dir)
    assert [b.reason for b in made] == ["start"]


def test_the_start_maintenance_writes_nothing_before_the_integrity_check_passed(  # type: ignore[no-untyped-def]
    tmp_path: Path, app_paths
) -> None:
    """Its first write, the audit entry of the opening, goes past the ORM: the maintenance
    itself waits for the check beside the start, and on damage writes nothing."""
    import hashlib

    import pytest

    from gebiedsapp.startup import open_database
    from gebiedsapp.storage.errors import DamagedDatabaseError
    from gebiedsapp.ui.app import start_maintenance
    from support.damage import damaged_database
    from support.dbfile import TEST_KEY

    path = damaged_database(tmp_path / "kapot.db", app_paths)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    opened = open_database(
        f"sqlite:///{path}", app_paths, actor="x", key=TEST_KEY, check_beside=True
    )
    try:
        with pytest.raises(DamagedDatabaseError):
            start_maintenance(opened.database, app_paths, "x")
    finally:
        opened.database.dispose()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
