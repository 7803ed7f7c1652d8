"""Passphrases at the command line: from the environment, the keyring, or typed (not echoed)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from gebiedsapp.services import encryption
from gebiedsapp.storage.crypto import EMPTY, PLAIN, DatabaseKey, cipher_available
from gebiedsapp.storage.database import sqlite_file
from gebiedsapp.storage.errors import StorageError, WrongPassphraseError

NEW_PASSPHRASE_ENV = "GEBIEDSAPP_NEW_PASSPHRASE"


def ask(prompt: str, *, twice: bool = False) -> str | None:
    """A passphrase typed at the terminal (not echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Nogmaals: ") != first:
        raise StorageError(
            "passphrases typed differ", "De twee wachtwoorden zijn niet gelijk; er is niets gedaan."
        )
    return first


def new_passphrase(environ_name: str) -> str:
    passphrase = os.environ.get(environ_name) or ask("Nieuw wachtwoord: ", twice=True)
    if not passphrase:
        raise StorageError(
            "no new passphrase given",
            f"Geef het nieuwe wachtwoord in {environ_name} of start vanaf een terminal.",
        )
    problem = encryption.check_new_passphrase(passphrase, passphrase)
    if problem:
        raise StorageError("new passphrase refused", problem)
    return passphrase


def cli_key(url: str) -> DatabaseKey | None:
    """The key for the database at `url`: from GEBIEDSAPP_PASSPHRASE, the keyring, or typed at
    the terminal. A plain database and a server need none. A new file is encrypted when
    SQLCipher is here (and refused without a passphrase); without it, made plain."""
    path = sqlite_file(make_url(url))
    if path is not None:
        notice = encryption.recover_interrupted(path)  # before its state is read
        if notice:
            print(notice, file=sys.stderr)
    state = encryption.database_state(url)
    if state in ("", PLAIN):
        return None
    assert path is not None
    if state == EMPTY:
        if not cipher_available():
            print(
                "Let op: SQLCipher ontbreekt; de nieuwe database wordt niet versleuteld en "
                "neemt geen namen, telefoonnummers of e-mailadressen van bewoners op.",
                file=sys.stderr,
            )
            return None
        return encryption.key_for(url, new_passphrase(encryption.PASSPHRASE_ENV))
    passphrase = existing_passphrase(
        path,
        "Wachtwoord van de database: ",
        f"{path} is versleuteld (of geen Gebiedsapp-database).",
    )
    return encryption.key_for(url, passphrase)


def existing_passphrase(path: Path, prompt: str, what: str) -> str:
    """The passphrase from GEBIEDSAPP_PASSPHRASE, the keyring, or typed at the terminal."""
    passphrase = (
        encryption.passphrase_from_environment()
        or encryption.remembered_passphrase(path)
        or ask(prompt)
    )
    if not passphrase:
        raise WrongPassphraseError(
            "no passphrase given",
            f"{what} Geef het wachtwoord in {encryption.PASSPHRASE_ENV} of start vanaf een "
            "terminal. Er is niets gewijzigd.",
        )
    return passphrase
