"""Issue 19: `gebiedsapp` without a stored passphrase shows its passphrase dialog before it
imports SQLAlchemy, the storage layer or the main window (the dialog came after about a
second of imports), and where the user chose not to remember it, before the keyring too (a
note per database says whether one is remembered). A real process each: imports cannot be
undone inside pytest's own."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gebiedsapp.paths import DATA_DIR_ENV
from gebiedsapp.services import passphrases
from support import file_keyring
from support.dbfile import TEST_PASSPHRASE

TESTS = Path(__file__).resolve().parents[1]
SRC = TESTS.parent / "src"

# Started as a user starts it (gebiedsapp.__main__); when the passphrase dialog shows, it
# prints which heavy modules are loaded, then types the passphrase and clicks the button (or
# closes the dialog); when the main window shows, it prints that too.
CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMainWindow

    HEAVY = ("sqlalchemy", "alembic", "gebiedsapp.storage.database", "gebiedsapp.domain",
             "gebiedsapp.startup", "gebiedsapp.ui.main_window",
             # what the dialog does not need either: the Help menu (the icon only), the log's
             # rotation from logging.handlers, the English catalogue's XML parser
             "gebiedsapp.ui.help", "logging.handlers", "xml.etree.ElementTree")
    # nor these (the lock's host name, None's guard); the keyring, where asked, imports them
    UNLESS_KEYRING = ("socket", "platform")
    UNSHOWN = ("gebiedsapp.ui.first_run", "gebiedsapp.ui.admin", "gebiedsapp.ui.team_overview",
               "gebiedsapp.ui.survey.import_dialog", "gebiedsapp.services.demo",
               "gebiedsapp.services.sync",  # (PostgreSQL's dialect) read after the first paint
               "gebiedsapp.ui.help")  # the Help menu's dialogs
    passphrase = sys.argv[1]

    def answer(dialog):
        if not passphrase:
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
            return
        field = dialog.findChild(QLineEdit, "current")
        QTest.keyClicks(field, passphrase)
        QTest.keyClick(field, Qt.Key.Key_Return)

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
                loaded = [m for m in HEAVY if m in sys.modules]
                if "keyring" not in sys.modules:
                    loaded += [m for m in UNLESS_KEYRING if m in sys.modules]
                print("dialog", watched.windowTitle(), "loaded:", ",".join(loaded), flush=True)
                print("keyring", "keyring" in sys.modules, flush=True)
                QTimer.singleShot(0, lambda: answer(watched))
            if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
                loaded = [m for m in UNSHOWN if m in sys.modules]
                print("window", "sqlalchemy" in sys.modules, ",".join(loaded), flush=True)
                os._exit(0)
            return False

    app = QApplication(sys.argv[:1])
    watch = Watch()
    app.installEventFilter(watch)
    from gebiedsapp.__main__ import main
    print("exit", main(sys.argv[2:]), flush=True)
    """
)


def _start(
    database: Path, tmp_path: Path, *, passphrase: str, keyring: Path | None = None
) -> list[str]:
    """Start as a user does; `keyring`: the file of a keyring (support.file_keyring), else
    this computer has none."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GEBIEDSAPP_USER": "anna",
        DATA_DIR_ENV: str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # nothing remembered
        "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
    }
    if keyring is not None:
        environment["PYTHON_KEYRING_BACKEND"] = "support.file_keyring.FileKeyring"
        environment[file_keyring.FILE_ENV] = str(keyring)
    environment.pop("GEBIEDSAPP_PASSPHRASE", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, passphrase, "--database", str(database)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


def test_the_passphrase_dialog_comes_before_sqlalchemy_and_the_window_after_it(
    db_url: str, tmp_path: Path
) -> None:
    """The dialog of an encrypted database shows with nothing heavy loaded; the passphrase
    typed into it then opens the database and the main window (imported only then), which
    shows the area page without importing the screens and dialogs it does not show (the
    first-run wizard, Beheer, Wie werkt waar, the survey import, the demo data, sync,
    the Help menu's dialogs)."""
    lines = _start(Path(db_url.removeprefix("sqlite:///")), tmp_path, passphrase=TEST_PASSPHRASE)
    assert lines[0] == "dialog Database openen loaded: "
    assert lines[2] == "window True "


@pytest.mark.fresh_database
def test_a_new_database_asks_its_passphrase_before_sqlalchemy(tmp_path: Path) -> None:
    """First start: the dialog to choose a passphrase, too; closing it ends the app (exit 1)
    with nothing made."""
    database = tmp_path / "nieuw.db"
    lines = _start(database, tmp_path, passphrase="")
    assert lines == ["dialog Wachtwoord kiezen loaded: ", "keyring False", "exit 1"]
    assert not database.exists()


def _marker(database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the child (its config folder in tmp_path, as _start sets it) notes whether a
    passphrase is remembered for `database`."""
    monkeypatch.setattr(passphrases, "MARKER_FOLDER", None)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    marker = passphrases.marker_file(database)
    assert marker.is_relative_to(tmp_path)
    return marker


def test_where_no_passphrase_is_remembered_the_dialog_comes_before_the_keyring(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database from before the note: the keyring (none here) is asked once, and the answer
    noted; the next start shows its dialog without importing the keyring (about half a second
    on a busy laptop), and typing the passphrase still opens the window."""
    database = Path(db_url.removeprefix("sqlite:///"))
    marker = _marker(database, tmp_path, monkeypatch)
    assert not marker.exists()
    lines = _start(database, tmp_path, passphrase=TEST_PASSPHRASE)
    assert lines[:3] == ["dialog Database openen loaded: ", "keyring True", "window True "]
    assert marker.read_text(encoding="utf-8") == "no"

    lines = _start(database, tmp_path, passphrase=TEST_PASSPHRASE)
    assert lines[:3] == ["dialog Database openen loaded: ", "keyring False", "window True "]
    assert marker.read_text(encoding="utf-8") == "no"


def test_a_passphrase_remembered_before_the_note_still_opens_without_a_dialog(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remembered by an older version (no note): the keyring opens the database, no dialog
    shows, and the note now says it is remembered; a note left saying so where the keyring
    lost it (emptied by the user) just means the dialog asks, and the note says no."""
    database = Path(db_url.removeprefix("sqlite:///"))
    marker = _marker(database, tmp_path, monkeypatch)
    ring = tmp_path / "keyring.json"
    file_keyring.store(ring, passphrases.KEYRING_SERVICE, str(database.resolve()), TEST_PASSPHRASE)
    lines = _start(database, tmp_path, passphrase="", keyring=ring)
    assert lines == ["window True "]
    assert marker.read_text(encoding="utf-8") == "yes"

    ring.write_text("{}", encoding="utf-8")
    lines = _start(database, tmp_path, passphrase=TEST_PASSPHRASE, keyring=ring)
    assert lines[:3] == ["dialog Database openen loaded: ", "keyring True", "window True "]
    assert marker.read_text(encoding="utf-8") == "no"
