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
    """One Dutch sentence for page 1 of a summary."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return "Gegevens: alles wat het team met de teamserver heeft gedeeld."
    last, _server = local.state(connection)
    if last is None:
        return (
            "Gegevens: alleen wat op deze laptop is vastgelegd; deze laptop is niet "
            "gesynchroniseerd met de teamserver."
        )
    when = (last if last.tzinfo else last.replace(tzinfo=UTC)).astimezone(LOCAL)
    return (
        f"Gegevens: alles wat het team tot {when:%d-%m-%Y %H:%M} (laatste synchronisatie van "
        "deze laptop) met de teamserver had gedeeld, en wat daarna op deze laptop is vastgelegd."
    )
