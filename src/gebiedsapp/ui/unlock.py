"""Opening the database with its passphrase, encrypting a plain one and changing the
passphrase, from the window. The rules live in services.encryption; this asks the user.

Up to the passphrase dialog a start imports only what the dialog needs (services.before_open
and services.passphrases, no SQLAlchemy): opening the database, and so the storage layer,
is imported once a passphrase was given (issue 19; tests/ui/test_unlock_imports.py)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gebiedsapp.paths import AppPaths
from gebiedsapp.services import before_open, passphrases
from gebiedsapp.services.before_open import EMPTY, ENCRYPTED, cipher_available
from gebiedsapp.storage.errors import OtherPassphraseError, StorageError, WrongPassphraseError
from gebiedsapp.ui.feature_scan import skip_feature_scan
from gebiedsapp.ui.passphrase import PassphraseDialog, Purpose
from gebiedsapp.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the window's: imported when the passphrase opened the file, not before
    from gebiedsapp.services.database_access import DatabaseKey
    from gebiedsapp.services.encryption import Outcome
    from gebiedsapp.startup import OpenedDatabase
    from gebiedsapp.ui.context import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # by this name lupdate finds the texts

WRONG = QT_TRANSLATE_NOOP(
    "Unlock",
    "Het wachtwoord is onjuist. Let op hoofdletters en de Caps Lock-toets. Zonder het juiste "
    "wachtwoord is de database niet te openen; er is geen achterdeur.",
)

# The opened database and the key that opened it (None: a plain file or a server).
_Opened = tuple["OpenedDatabase", "DatabaseKey | None"]


def open_with_passphrase(
    url: str,
    paths: AppPaths,
    actor: str,
    *,
    ask: Callable[[PassphraseDialog], bool] | None = None,
    check_beside: bool = False,
) -> _Opened | None:
    """Open the database at `url`, asking for its passphrase where it needs one: for an
    encrypted file (from GEBIEDSAPP_PASSPHRASE, the keyring, or the dialog, again after a wrong
    one) and for a new file (chosen in the dialog). None when the user gives up. StorageError
    for everything else (the caller shows it). `ask` runs a dialog (tests answer it);
    `check_beside`: see startup.open_database."""
    run = ask or (lambda dialog: dialog.exec() == PassphraseDialog.DialogCode.Accepted)
    path = before_open.database_file(url)
    notice = ""  # an interrupted change of passphrase: which one holds now
    if path is not None:
        notice = before_open.recover_interrupted(path)  # before its state is read
    state = before_open.database_state(url)
    # the window's children (a PDF viewer, Explorer) do not inherit it
    from_environment = passphrases.passphrase_from_environment()
    os.environ.pop(passphrases.PASSPHRASE_ENV, None)

    def opened_with(key: DatabaseKey | None) -> _Opened:
        from gebiedsapp.startup import open_database

        opened = open_database(url, paths, actor=actor, key=key, check_beside=check_beside)
        return opened, key

    if state == ENCRYPTED:
        assert path is not None
        return _unlock(
            url, path, opened_with=opened_with, run=run, given=from_environment, notice=notice
        )
    if state == EMPTY:
        assert path is not None
        return _create(url, path, opened_with=opened_with, run=run, given=from_environment)
    return opened_with(None)  # plain (offered encryption once the window is up) or a server


def _unlock(
    url: str,
    path: Path,
    *,
    opened_with: Callable[[DatabaseKey | None], _Opened],
    run: Callable[[PassphraseDialog], bool],
    given: str | None,
    notice: str,
) -> _Opened | None:
    """An encrypted file: the given or remembered passphrase, else ask until one opens it."""
    before_open.require_cipher()
    for stored in _stored(given, path):
        if stored:
            try:
                return opened_with(_key_for(url, stored))
            except WrongPassphraseError:
                log.warning("the stored or given passphrase does not open %s", path)
    problem = notice
    while True:
        dialog = PassphraseDialog(Purpose.UNLOCK, where=str(path), problem=problem)
        if not run(dialog):
            return None
        passphrase = dialog.passphrase()
        try:
            result = opened_with(_key_for(url, passphrase))
        except OtherPassphraseError as other:  # the old one, after a change (or the new)
            problem = other.user_message
            continue
        except WrongPassphraseError:
            problem = translate("Unlock", WRONG)
            continue
        _keep(path, passphrase, remember=dialog.remember())
        return result


def _keep(path: Path, passphrase: str, *, remember: bool) -> None:
    """Remember the passphrase in the keyring when asked; else note that none is, so that the
    next start shows its dialog without importing the keyring (services.passphrases)."""
    if remember:
        passphrases.remember_passphrase(path, passphrase)
    else:
        passphrases.not_remembered(path)


def _stored(given: str | None, path: Path) -> Iterator[str | None]:
    """The given passphrase, then the keyring's: the keyring (its import alone takes about as
    long as a bare window's start) only when there is no given one, or it did not open the file,
    and only when one may be remembered for this file (not where the user chose not to)."""
    yield given
    if passphrases.may_be_remembered(path):
        yield passphrases.remembered_passphrase(path)


def _key_for(url: str, passphrase: str) -> DatabaseKey:
    """The key (the quarter second of PBKDF2), derived while what opens the database is
    imported (SQLAlchemy, the models, the migrations: not imported before the dialog)."""
    return before_open.key_beside(url, passphrase, meanwhile=_import_opening)


def _import_opening() -> None:
    skip_feature_scan()  # (run_gui did; a start from elsewhere too) ~300 modules follow
    import gebiedsapp.startup  # noqa: F401  (opened_with uses it next)


def _create(
    url: str,
    path: Path,
    *,
    opened_with: Callable[[DatabaseKey | None], _Opened],
    run: Callable[[PassphraseDialog], bool],
    given: str | None,
) -> _Opened | None:
    """A new file: encrypted under the given passphrase or one chosen in the dialog (plain,
    with a warning, where this computer has no SQLCipher)."""
    if not cipher_available():
        QMessageBox.warning(
            None,
            translate("Unlock", "Geen versleuteling"),
            translate(
                "Unlock",
                "Versleuteling (SQLCipher) is op deze computer niet beschikbaar. De nieuwe "
                "database wordt niet versleuteld en neemt daarom geen namen, "
                "telefoonnummers of e-mailadressen van bewoners op. Vraag de beheerder om "
                "de Gebiedsapp opnieuw te installeren.",
            ),
        )
        return opened_with(None)
    if given:
        problem = passphrases.check_new_passphrase(given, given)
        if problem:
            raise WrongPassphraseError(f"{passphrases.PASSPHRASE_ENV} too weak", problem)
        return opened_with(_key_for(url, given))
    dialog = PassphraseDialog(Purpose.NEW, where=str(path))
    if not run(dialog):
        return None
    passphrase = dialog.passphrase()
    result = opened_with(_key_for(url, passphrase))
    _keep(path, passphrase, remember=dialog.remember())
    return result


def encrypt_database(
    context: AppContext,
    parent: QWidget | None,
    *,
    ask: Callable[[PassphraseDialog], bool] | None = None,
) -> bool:
    """Beheer → Database versleutelen…: choose a passphrase, then encrypt the open plain
    database and its plain backups in place; the app goes on with the encrypted file."""
    from gebiedsapp.services import encryption

    run = ask or (lambda dialog: dialog.exec() == PassphraseDialog.DialogCode.Accepted)
    database = context.database
    path = database.file
    if path is None or database.encrypted:
        QMessageBox.information(
            parent,
            translate("Unlock", "Versleutelen"),
            translate("Unlock", "Deze database is al versleuteld.")
            if database.encrypted
            else translate(
                "Unlock", "Alleen een databasebestand op deze computer wordt versleuteld."
            ),
        )
        return False
    if not cipher_available():
        QMessageBox.warning(parent, translate("Unlock", "Versleutelen"), _unavailable())
        return False
    dialog = PassphraseDialog(Purpose.ENCRYPT, parent, where=str(path))
    if not run(dialog):
        return False
    folders = (context.paths.backup_dir, context.backup_dir())
    done = _while_closed(
        context,
        parent,
        lambda: encryption.encrypt_database(path, dialog.passphrase(), folders),
        translate("Unlock", "Niet versleuteld"),
    )
    if done is None:
        return False
    _keep(path, dialog.passphrase(), remember=dialog.remember())
    _note(context, "database versleuteld")
    QMessageBox.information(
        parent,
        translate("Unlock", "Versleuteld"),
        translate(
            "Unlock",
            "De database en zijn reservekopieën zijn versleuteld; de onversleutelde bestanden "
            "zijn overschreven en verwijderd. Bewaar het wachtwoord goed: zonder is niets te "
            "lezen.",
        )
        + (f"\n\n{done.summary()}" if done.skipped else ""),
    )
    return True


def change_passphrase(
    context: AppContext,
    parent: QWidget | None,
    *,
    ask: Callable[[PassphraseDialog], bool] | None = None,
) -> bool:
    """Beheer → Wachtwoord wijzigen…: the current passphrase, then the new one twice."""
    from gebiedsapp.services import encryption
    from gebiedsapp.services.database_access import passphrase_opens

    run = ask or (lambda dialog: dialog.exec() == PassphraseDialog.DialogCode.Accepted)
    database = context.database
    path, current = database.file, database.key
    if path is None or current is None:
        QMessageBox.information(
            parent,
            translate("Unlock", "Wachtwoord wijzigen"),
            translate("Unlock", "Deze database is niet versleuteld; versleutel hem eerst."),
        )
        return False
    problem = ""
    while True:
        dialog = PassphraseDialog(Purpose.CHANGE, parent, where=str(path), problem=problem)
        if not run(dialog):
            return False
        if passphrase_opens(current, dialog.current_passphrase()):
            break
        problem = translate("Unlock", "Het huidige wachtwoord is onjuist; er is niets gewijzigd.")
    folders = (context.paths.backup_dir, context.backup_dir())
    done = _while_closed(
        context,
        parent,
        lambda: encryption.change_passphrase(path, current, dialog.passphrase(), folders),
        translate("Unlock", "Wachtwoord niet gewijzigd"),
    )
    if done is None:
        return False
    _note(context, "wachtwoord gewijzigd")
    QMessageBox.information(
        parent,
        translate("Unlock", "Wachtwoord gewijzigd"),
        translate(
            "Unlock",
            "Het wachtwoord is gewijzigd, ook van de reservekopieën. Het oude wachtwoord opent "
            "ze niet meer.",
        )
        + (f"\n\n{done.summary()}" if done.skipped else ""),
    )
    return True


def _while_closed(
    context: AppContext,
    parent: QWidget | None,
    work: Callable[[], Outcome],
    title: str,
) -> Outcome | None:
    """Run `work` (which rewrites the database file) with every connection closed, then go on
    with the key it returns. When it fails it changed nothing (what could fail after the
    database itself, the backups, is reported in the outcome instead): go on as before."""
    from gebiedsapp.services.database_access import file_errors
    from gebiedsapp.ui.sync.busy import refused_while_syncing

    database = context.database
    if refused_while_syncing(context, parent, title):  # it would write into the old file
        return None
    if not context.background.wait():  # a start backup still copying the file
        QMessageBox.warning(
            parent,
            title,
            translate(
                "Unlock",
                "De app is nog bezig met een reservekopie. Probeer het over een minuut opnieuw; "
                "er is niets gewijzigd.",
            ),
        )
        return None
    database.engine.dispose()
    failures: tuple[type[BaseException], ...] = (StorageError, *file_errors())
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        done = work()
    except failures as exc:
        QApplication.restoreOverrideCursor()
        log.exception("%s", title)
        database.reopen(database.key)  # nothing changed: the same file, the same key
        message = exc.user_message if isinstance(exc, StorageError) else str(exc)
        QMessageBox.critical(
            parent, title, message + translate("Unlock", "\n\nEr is niets gewijzigd.")
        )
        return None
    QApplication.restoreOverrideCursor()
    database.reopen(done.key)
    return done


def _note(context: AppContext, detail: str) -> None:
    from gebiedsapp.domain import AuditAction
    from gebiedsapp.services import audit

    try:
        with context.database.unit_of_work(context.actor) as session:
            audit.note(session, AuditAction.ENCRYPT, detail=detail)
    except Exception:
        log.exception("could not enter %r in the audit log", detail)


def _unavailable() -> str:
    return translate(
        "Unlock",
        "Versleuteling (SQLCipher) is op deze computer niet beschikbaar; vraag de beheerder om "
        "de Gebiedsapp opnieuw te installeren.",
    )


def describe_protection(context: AppContext) -> str:
    """For the status bar."""
    database = context.database
    if database.read_only:
        return translate("Unlock", "Alleen-lezen: de database is beschadigd")
    if database.encrypted:
        return translate("Unlock", "Versleuteld")
    if database.file is not None:
        return translate("Unlock", "Niet versleuteld: geen contactgegevens van bewoners")
    return ""


def offer_encryption(context: AppContext, parent: QWidget) -> bool:
    """Once, after the window is up, for a plain database file where SQLCipher is here."""
    database = context.database
    if database.encrypted or database.read_only or database.file is None:
        return False
    if not cipher_available():
        return False
    answer = QMessageBox.question(
        parent,
        translate("Unlock", "Database niet versleuteld"),
        translate(
            "Unlock",
            "Deze database is niet versleuteld. Zolang dat zo is, neemt de Gebiedsapp geen "
            "namen, telefoonnummers of e-mailadressen van bewoners op.\n\nNu versleutelen?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return encrypt_database(context, parent)
