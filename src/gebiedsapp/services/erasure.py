"""Verwijdering (AVG article 17): erase a resident everywhere, on their request.

In one unit of work: the resident's details, consents and register entries are removed; the
conversations and contacts that recorded them are unlinked (their content stays, anonymous,
so the figures do not change); the photos of the signals made from those are removed; and each
mention of them in a text that the user confirmed (services.mentions, found again here under
the write lock) is replaced with "[gewist]". The audit log gets one entry saying that an
erasure was done, not what was erased.

Then the traces: `prepare` (before) and `purge` (after) leave the erased words nowhere in the
database's own files, or say in Dutch what is still pending (storage.traces); `finish_pending`
does what was left at the next start.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from gebiedsapp.domain import AuditAction
from gebiedsapp.services import audit, mentions
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.services.subject_access import person_of, scope_of
from gebiedsapp.storage import traces
from gebiedsapp.storage.audit import take_write_lock
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.repositories.people import PeopleRepository

PENDING_MESSAGE = (
    "De bewoner is gewist, maar een ander venster of programma leest nog in de database "
    "(bijvoorbeeld een tweede Gebiedsapp of een reservekopie die wordt gemaakt). Daardoor "
    "staan de gewiste gegevens nog in het werkbestand van de database (het bestand dat "
    "eindigt op -wal). Sluit de andere vensters; bij de volgende start van de Gebiedsapp wordt "
    "het opruimen afgemaakt."
)
STILL_PENDING_MESSAGE = (
    "Na het wissen van een bewoner staan de gewiste gegevens nog in het werkbestand van de "
    "database (het bestand dat eindigt op -wal), omdat een ander venster of programma nog in "
    "de database leest. Sluit de andere vensters; bij de volgende start wordt het opnieuw "
    "geprobeerd."
)


@dataclass(frozen=True)
class Erasure:
    """What was done, in counts (shown to the user; the audit log gets none of it)."""

    conversations: int  # unlinked
    contacts: int  # unlinked
    photos: int  # removed
    mentions: int  # hits replaced with "[gewist]"
    texts: int  # records whose text changed
    drafts: int  # of those: drafts
    versions: int  # of those: earlier versions


def _chosen(found: mentions.Mentions, confirmed: Collection[str] | None) -> list[mentions.Mention]:
    if confirmed is None:
        keys = found.default_keys()
    else:
        keys = frozenset(confirmed)
        missing = keys - {m.key for m in found.hits}
        if missing:
            raise ValidationError(
                "Een of meer teksten zijn gewijzigd sinds de vermeldingen werden gezocht. Er is "
                "niets gewist; zoek de bewoner opnieuw en controleer de vermeldingen."
            )
    return [m for m in found.hits if m.key in keys]


@manages
def erase_people(
    session: Session,
    resident_ids: Sequence[uuid.UUID],
    *,
    confirmed: Collection[str] | None = None,
) -> Erasure:
    """Erase the records of one person (see `subject_access.person_data`) and scrub the
    confirmed mentions (keys of `subject_access.mentions_of`; None: the hits checked by
    default), in the caller's unit of work (all or nothing), with one audit entry.

    The write lock is taken first, so the mentions are found in what will be changed."""
    ids = list(dict.fromkeys(resident_ids))
    take_write_lock(session)
    person = person_of(session, ids)  # NotFoundError for a record that is gone
    scope = scope_of(session, ids)
    chosen = _chosen(mentions.find(session, person, scope), confirmed)
    repo = PeopleRepository(session)
    session.info["audit_suppress"] = True  # one entry below says an erasure happened
    try:
        scrubbed = mentions.scrub(session, chosen)
        conversations = contacts = photos = 0
        for resident_id in ids:
            linked = [heard.conversation for heard in repo.conversations(resident_id)]
            met = [row.contact for row in repo.contacts(resident_id)]
            signals = [
                row.signal.id for row in repo.signals([c.id for c in linked], [c.id for c in met])
            ]
            for conversation in linked:
                conversation.resident_id = None
            for contact in met:
                contact.resident_id = None
            for photo in repo.photos(signals):
                session.delete(photo)
                photos += 1
            conversations += len(linked)
            contacts += len(met)
        session.flush()  # the links are gone before the rows they pointed at
        for resident_id in ids:
            repo.delete_sync_conflicts(resident_id)
            repo.delete_meedenkers(resident_id)
            for consent in repo.consents(resident_id):
                session.delete(consent)
        session.flush()
        for resident_id in ids:
            resident = repo.get(resident_id)
            if resident is not None:
                session.delete(resident)
        session.flush()
    finally:
        session.info.pop("audit_suppress", None)
    audit.note(
        session,
        AuditAction.ERASE,
        record_type="resident",
        detail="verzoek tot verwijdering van persoonsgegevens uitgevoerd",
    )
    return Erasure(
        conversations=conversations,
        contacts=contacts,
        photos=photos,
        mentions=scrubbed.hits,
        texts=scrubbed.records,
        drafts=scrubbed.by_table.get("draft", 0),
        versions=scrubbed.by_table.get("record_version", 0),
    )


def erase_person(session: Session, resident_id: uuid.UUID) -> Erasure:
    """One resident record, with the mentions checked by default."""
    return erase_people(session, [resident_id])


# --- traces ----------------------------------------------------------------------------------


def prepare(database: Database) -> None:
    """Before the erasure's unit of work: if the app stops before `purge` has run, the next
    start runs it (`finish_pending`)."""
    traces.mark_pending(database.engine)


def purge(database: Database, *, wait: Callable[[float], None] = time.sleep) -> str:
    """After the erasure was committed: rebuild the search index and empty the write-ahead
    log, waiting a moment for other readers. "" when done, else what is pending (Dutch)."""
    return "" if traces.purge(database.engine, wait=wait) else PENDING_MESSAGE


def finish_pending(database: Database) -> str:
    """At a start: finish the purge an earlier erasure left pending (readers, a crash)."""
    if database.read_only or not traces.is_pending(database.engine):
        return ""
    return "" if traces.purge(database.engine) else STILL_PENDING_MESSAGE
