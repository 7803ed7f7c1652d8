"""The connection to the team server: the address without a password, the password apart
(keyring or prompt, never a command-line argument), the user's own role, and a schema that
matches this app's. Every failure is a SyncError with a Dutch message that says what to do."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from gebiedsapp.identity import current_actor
from gebiedsapp.services.sync.model import SyncError
from gebiedsapp.storage.migrate import head_revision, known_revisions
from gebiedsapp.storage.repositories import sync_server as server

log = logging.getLogger(__name__)

KEYRING_SERVICE = "gebiedsapp-teamserver"
CONNECT_TIMEOUT_S = 10
FORM = "postgresql://server[:poort]/database"


@dataclass(frozen=True)
class Server:
    engine: Engine
    readable: dict[str, frozenset[str]]
    shown: str  # the address as shown and stored: no password


def server_url(address: str) -> URL:
    """The address as typed or stored, checked: PostgreSQL, no password in it. The account
    is the one in the address, else this user's (the team member's account)."""
    try:
        url = make_url(address.strip())
    except ArgumentError:
        raise SyncError(
            f"'{address}' is geen geldig adres van een teamserver. Gebruik {FORM}."
        ) from None
    if url.password is not None:
        raise SyncError(
            "Zet geen wachtwoord in het adres van de teamserver: het zou in de "
            "opdrachtgeschiedenis en in logboeken terechtkomen. Het wachtwoord komt uit de "
            "sleutelhanger of wordt gevraagd. Er is niets gedaan."
        )
    if url.get_backend_name() != "postgresql" or not url.host or not url.database:
        raise SyncError(f"'{address}' is geen geldig adres van een teamserver. Gebruik {FORM}.")
    if not url.username:
        url = url.set(username=current_actor())
    return url


def account(address: str) -> str:
    """The user name the server knows this user by (the keyring's username)."""
    return str(server_url(address).username)


def connect(address: str, password: str) -> Server:
    url = server_url(address)
    shown = url.render_as_string(hide_password=True)
    engine = create_engine(
        url.set(drivername="postgresql+psycopg", password=password),
        hide_parameters=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "gebiedsapp-sync"},
    )
    try:
        with engine.connect() as connection:
            revision = server.revision(connection)
            readable = server.readable_columns(connection)
    except DBAPIError as exc:
        engine.dispose()
        raise _connection_error(exc, url) from exc
    except BaseException:
        engine.dispose()
        raise
    problem = _schema_problem(revision, shown)
    if problem:
        engine.dispose()
        raise SyncError(problem)
    return Server(engine=engine, readable=readable, shown=shown)


def _connection_error(exc: DBAPIError, url: URL) -> SyncError:
    detail = str(exc.orig)
    log.warning("sync: cannot connect to %s: %s", url.host, detail)
    if "password authentication failed" in detail or "no password supplied" in detail:
        return SyncError(
            f"De teamserver weigert het wachtwoord van '{url.username}'. Controleer het "
            "wachtwoord (in de sleutelhanger, of typ het opnieuw). Er is niets uitgewisseld.",
            detail=detail,
        )
    if "does not exist" in detail and "database" in detail:
        return SyncError(
            f"Op de teamserver {url.host} bestaat de database '{url.database}' niet. "
            "Controleer het adres. Er is niets uitgewisseld.",
            detail=detail,
        )
    return SyncError(
        f"De teamserver {url.host} is niet bereikbaar. Controleer de netwerkverbinding en het "
        "adres en probeer het later opnieuw; uw wijzigingen blijven op deze laptop bewaard.",
        detail=detail,
    )


def _schema_problem(revision: str | None, shown: str) -> str:
    head = head_revision()
    if revision == head:
        return ""
    if revision is None:
        return (
            "Op de teamserver staat nog geen database van de Gebiedsapp. Laat IT die aanmaken "
            f"met: gebiedsapp db upgrade --database {shown}"
        )
    if revision in known_revisions():
        return (
            f"De database op de teamserver heeft een oudere versie ({revision}) dan deze "
            f"Gebiedsapp ({head}). Laat IT de server bijwerken met: gebiedsapp db upgrade "
            f"--database {shown}. Er is niets uitgewisseld."
        )
    return (
        f"De database op de teamserver is nieuwer ({revision}) dan deze Gebiedsapp ({head}). "
        "Werk de Gebiedsapp op deze laptop bij en synchroniseer daarna. Er is niets "
        "uitgewisseld."
    )
