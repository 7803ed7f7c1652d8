"""Where the app keeps its files, decided in one place and passed on explicitly.

Default: the platformdirs user data dir. `GEBIEDSAPP_DATA_DIR` (or `--data-dir`) overrides it for
tests and portable use; `--database URL` / `GEBIEDSAPP_DATABASE_URL` point at another database.
Nothing here touches the disk until `ensure()` is called.

A folder that cannot be made or written to (a read-only disk or share, no rights) is no reason
to stop: `ensure()` makes what it can, and `problems()` says in Dutch what is missing and what
that means (no backups, no log file), for the window and the command line to show.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "gebiedsapp"
APP_AUTHOR = "Gemeente Oldambt"
DATA_DIR_ENV = "GEBIEDSAPP_DATA_DIR"
DATABASE_URL_ENV = "GEBIEDSAPP_DATABASE_URL"
DEFAULT_DATABASE_NAME = "gebiedsapp.db"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def default_database(self) -> Path:
        return self.data_dir / DEFAULT_DATABASE_NAME

    def ensure(self) -> AppPaths:
        """Make the folders that are missing; one that cannot be made is left out (logged),
        and `problems()` says so."""
        for folder in (self.data_dir, self.backup_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                log.info("cannot make %s: %s", folder, error)
        return self

    def problems(self) -> list[FolderProblem]:
        """The folders that cannot be written to or made, with what that means (looks only:
        the command line asks before anything is made)."""
        found = []
        for folder, what, meaning in (
            (self.data_dir, "De gegevensmap", DATA_MEANING),
            (self.backup_dir, "De map voor reservekopieën", BACKUP_MEANING),
            (self.log_dir, "De map voor het logbestand", LOG_MEANING),
        ):
            why = _unwritable(folder)
            if why:
                found.append(FolderProblem(folder, f"{what} {folder} {why}.", meaning))
        return found


DATA_MEANING = "Een database in die map kan niet worden gemaakt of gewijzigd."
BACKUP_MEANING = "Er worden geen reservekopieën gemaakt, ook niet bij het starten."
LOG_MEANING = "Er wordt geen logbestand bijgehouden."


@dataclass(frozen=True)
class FolderProblem:
    folder: Path
    what: str  # Dutch: which folder and why ("... is alleen-lezen.")
    meaning: str  # Dutch: what the app does without it

    def message(self) -> str:
        return f"{self.what} {self.meaning}"


def _unwritable(folder: Path) -> str:
    """Why `folder` cannot be written to or made (Dutch), or "" when it can; changes nothing."""
    if folder.is_dir():
        if os.access(folder, os.W_OK):
            return ""
        return "is alleen-lezen (of u mag er niet in schrijven)"
    parent = folder.parent
    while not parent.is_dir() and parent != parent.parent:
        parent = parent.parent
    if os.access(parent, os.W_OK):
        return ""
    if _read_only_disk(parent):
        return "ontbreekt en kan niet worden gemaakt: de schijf is alleen-lezen"
    return "ontbreekt en kan niet worden gemaakt: u mag daar niet schrijven"


def _read_only_disk(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # not on Windows
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def app_paths(
    data_dir: str | Path | None = None, environ: Mapping[str, str] = os.environ
) -> AppPaths:
    if data_dir is None:
        data_dir = environ.get(DATA_DIR_ENV) or platformdirs.user_data_path(APP_NAME, APP_AUTHOR)
    return AppPaths(Path(data_dir).expanduser().resolve())


def database_url(
    option: str | None, paths: AppPaths, environ: Mapping[str, str] = os.environ
) -> str:
    """The database to open: the option, else the environment, else the embedded default.

    A plain file path is accepted as well as a URL, because users type `--database demo.db`.
    """
    value = option or environ.get(DATABASE_URL_ENV) or ""
    if not value:
        return sqlite_url(paths.default_database)
    if "://" in value:
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"
