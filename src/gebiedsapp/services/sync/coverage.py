"""What a summary covers, said on its first page: on a laptop, everything the team had shared
through the team server up to the last sync plus what was recorded here since; on a laptop that
never synced, only what was recorded here; on the server itself, what the team pushed."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from gebiedsapp.storage.repositories import sync_local as local

LOCAL = ZoneInfo("Europe/Amsterdam")


def coverage_note(session: Session) -> str:
    """A few Dutch words for the foot of every page of a summary (page 1 included)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return "stand van de teamserver"
    last, _server = local.state(connection)
    if last is None:
        return "alleen deze laptop (niet gesynchroniseerd)"
    when = (last if last.tzinfo else last.replace(tzinfo=UTC)).astimezone(LOCAL)
    return f"team gesynchroniseerd tot {when:%d-%m-%Y %H:%M}"
