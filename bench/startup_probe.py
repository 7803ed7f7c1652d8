"""Child process for the start-up benchmark: start, show a window, print 'painted' on first paint.

    python bench/startup_probe.py app DATABASE_URL DATA_DIR     the real main window
    python bench/startup_probe.py bare                           a bare PySide6 window with a table
    python bench/startup_probe.py floor DATABASE_URL DATA_DIR   the least any start must do: the
        bare window + importing SQLAlchemy + deriving the SQLCipher key (PBKDF2, 256,000
        rounds) + a first read of the encrypted file
    python bench/startup_probe.py dialog DATABASE_URL DATA_DIR  the app as started by a user
        (`python -m gebiedsapp`) without a stored passphrase, until its passphrase dialog paints.
        Its config folder is DATA_DIR/config, where the app notes per database whether a
        passphrase is remembered in the keyring: the first (warm-up) start asks the keyring (the
        bench's holds none) and notes "no", so the timed starts are those of a user who did not
        let it remember the passphrase, which import no keyring before the dialog (the start of
        one who did opens without a dialog)

The parent times from spawning this process to reading 'painted', so interpreter start-up and
imports count for all alike.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            self.deleteLater()
        return False


def bare_window() -> QMainWindow:
    window = QMainWindow()
    model = QStandardItemModel(100, 4, window)
    for row in range(100):
        for column in range(4):
            model.setItem(row, column, QStandardItem(f"{row}:{column}"))
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 720)
    return window


def app_window(url: str, data_dir: str) -> QMainWindow:
    """As `gebiedsapp` opens an encrypted database whose passphrase it is given (from the
    environment here; from the keyring at a user's start, which adds importing the keyring):
    the same unlock (the key derived while opening's modules are imported), check, open and
    main window."""
    from PySide6.QtCore import QSettings

    from gebiedsapp.paths import app_paths
    from gebiedsapp.ui.app import create_main_window
    from gebiedsapp.ui.unlock import open_with_passphrase

    paths = app_paths(data_dir)
    unlocked = open_with_passphrase(url, paths, "bench", check_beside=True)  # as run_gui
    assert unlocked is not None, "the passphrase in GEBIEDSAPP_PASSPHRASE did not open it"
    settings = QSettings(f"{data_dir}/bench-settings.ini", QSettings.Format.IniFormat)
    return create_main_window(unlocked[0], paths, actor="bench", settings=settings)


def floor_window(url: str) -> QMainWindow:
    import os
    from pathlib import Path

    import sqlalchemy.orm  # noqa: F401  (every start needs it)

    from gebiedsapp.storage.crypto import DatabaseKey, connect_file

    path = Path(url.removeprefix("sqlite:///"))
    key = DatabaseKey.for_file(os.environ["GEBIEDSAPP_PASSPHRASE"], path)
    raw = connect_file(path, key)
    raw.execute("SELECT id, name FROM area LIMIT 50").fetchall()
    raw.close()
    return bare_window()


class FirstDialog(QObject):
    """The first top-level widget painted is the passphrase dialog: say so and stop (it runs
    its own event loop inside the app's start)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
            print("painted", flush=True)
            import os

            os._exit(0)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "dialog":
        import os

        os.environ["XDG_CONFIG_HOME"] = f"{sys.argv[3]}/config"  # not the user's own notes
        from gebiedsapp.__main__ import main as app_main

        watcher = FirstDialog()
        app.installEventFilter(watcher)
        return app_main(["--database", sys.argv[2], "--data-dir", sys.argv[3]])
    if sys.argv[1] == "bare":
        window = bare_window()
    elif sys.argv[1] == "floor":
        window = floor_window(sys.argv[2])
    else:
        window = app_window(sys.argv[2], sys.argv[3])
    painter = FirstPaint()
    window.installEventFilter(painter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
