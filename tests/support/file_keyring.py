"""A keyring backend for child processes (PYTHON_KEYRING_BACKEND=support.file_keyring.FileKeyring):
the passwords in the JSON file named by GEBIEDSAPP_TEST_KEYRING, so that a test can put a
remembered passphrase in a real start's keyring without touching the developer's own."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

FILE_ENV = "GEBIEDSAPP_TEST_KEYRING"


def _file() -> Path:
    return Path(os.environ[FILE_ENV])


def _read() -> dict[str, str]:
    file = _file()
    return json.loads(file.read_text(encoding="utf-8")) if file.exists() else {}


def store(file: Path, service: str, username: str, password: str) -> None:
    """Put a password in the file, as a test's set-up (the child reads it)."""
    found = json.loads(file.read_text(encoding="utf-8")) if file.exists() else {}
    found[f"{service}\n{username}"] = password
    file.write_text(json.dumps(found), encoding="utf-8")


class FileKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return _read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        store(_file(), service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        found = _read()
        found.pop(f"{service}\n{username}", None)
        _file().write_text(json.dumps(found), encoding="utf-8")
