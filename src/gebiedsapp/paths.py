"""Where the app keeps its files, decided in one place and passed on explicitly.

Default: the platformdirs user data dir. `GEBIEDSAPP_DATA_DIR` (or `--data-dir`) overrides it for
tests and portable use; `--database URL` / `GEBIEDSAPP_DATABASE_URL` point at another database.
Nothing here touches the disk until `ensure()` is called.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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
        for folder in (self.data_dir, self.backup_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


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
