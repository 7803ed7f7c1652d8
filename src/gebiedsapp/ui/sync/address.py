"""The team server's address as the first-run wizard and Beheer take it: one check, one
place it is kept (services.sync save_server/saved_server: the setting the CLI reads too)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QSettings
from sqlalchemy.orm import Session

from gebiedsapp.services import sync
from gebiedsapp.services.errors import ValidationError

LEGACY_KEY = "teamserver/adres"  # where versions before sync kept it (QSettings): read only

# postgresql://host[:port]/database; no user or password in it: those are never stored here
_SERVER = re.compile(r"^postgresql://(?P<host>[A-Za-z0-9.\-]+)(?::(?P<port>\d{1,5}))?/[\w\-]+$")


def server_problem(address: str) -> str:
    """What is wrong with a team server address: '' (fine, or empty), 'credentials' (a user
    or password in it: never stored here) or 'form' (not postgresql://host[:port]/db)."""
    address = address.strip()
    if not address:
        return ""
    if "@" in address:
        return "credentials"
    match = _SERVER.match(address)
    if match is None or (match["port"] and not 0 < int(match["port"]) < 65536):
        return "form"
    return ""


def problem_text(address: str) -> str:
    """The Dutch explanation of what is wrong with `address` ('' when it is fine)."""
    problem = server_problem(address)
    if problem == "credentials":
        return QCoreApplication.translate(
            "ServerAddress",
            "Zet geen gebruikersnaam of wachtwoord in het adres; die worden hier niet "
            "bewaard. Gebruik de vorm postgresql://server[:poort]/database.",
        )
    if problem:
        return (
            QCoreApplication.translate(
                "ServerAddress",
                "'%s' is geen geldig adres van een teamserver. Gebruik de vorm "
                "postgresql://server[:poort]/database, bijvoorbeeld "
                "postgresql://gebiedsapp.oldambt.local:5432/gebiedsapp.",
            )
            % address.strip()
        )
    return ""


def current_address(session: Session, settings: QSettings | None = None) -> str:
    """The address kept for this database; else one an earlier version kept in QSettings
    (shown, so that saving it once moves it to the shared setting)."""
    address = sync.saved_server(session)
    if not address and settings is not None:
        address = str(settings.value(LEGACY_KEY, "") or "")
    return address


def save_address(session: Session, address: str) -> None:
    """Keep the address (empty: none) in the caller's unit of work; ValidationError (Dutch)
    when it is not one."""
    problem = problem_text(address)
    if problem:
        raise ValidationError(problem)
    try:
        sync.save_server(session, address.strip())
    except sync.SyncError as exc:
        raise ValidationError(exc.message) from exc
