"""Retention of residents' personal data (AVG): anonymise what is no longer needed.

A resident's name, phone and e-mail are kept while something they are part of is still open: an
agreed action not yet done, a signal not yet closed, or a place in the participation register
under a consent that was not withdrawn. Once all of that is closed, the details are kept for
`retention_days` (default 365, as Dutch municipal signal platforms do) after the last of it,
then anonymised: the fields are emptied, the row and every link to it stay, so the figures and
the history of the conversations, contacts and signals do not change. Drafts (forms being
typed, which may hold personal data) are purged after `draft_days` (default 30).

`plan` is the dry run: what would be anonymised and purged today, and why. `apply` does it in
the caller's unit of work and enters it in the audit log. The app runs `apply` on every start;
`gebiedsapp privacy retention [--dry-run]` runs either by hand.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from gebiedsapp.domain import AppSetting, AuditAction
from gebiedsapp.domain.base import utcnow
from gebiedsapp.services import audit
from gebiedsapp.services.errors import ValidationError
from gebiedsapp.services.permissions import manages
from gebiedsapp.storage.audit import take_write_lock
from gebiedsapp.storage.repositories.retention import RetentionRepository

RETENTION_DAYS_KEY = "privacy.retention_days"
DRAFT_DAYS_KEY = "privacy.draft_days"
DEFAULT_RETENTION_DAYS = 365
DEFAULT_DRAFT_DAYS = 30
MAX_DAYS = 3650  # ten years: anything longer is a typing error, not a policy


@dataclass(frozen=True)
class RetentionSettings:
    retention_days: int = DEFAULT_RETENTION_DAYS
    draft_days: int = DEFAULT_DRAFT_DAYS


def _check_days(value: int, what: str, minimum: int) -> int:
    if not minimum <= value <= MAX_DAYS:
        raise ValidationError(
            f"De {what} moet tussen {minimum} en {MAX_DAYS} dagen liggen (nu: {value})."
        )
    return value


def get_settings(session: Session) -> RetentionSettings:
    def read(key: str, default: int) -> int:
        row = session.get(AppSetting, key)
        try:
            return int(row.value) if row is not None else default
        except ValueError:  # a hand-edited database: fall back, never skip retention
            return default

    return RetentionSettings(
        read(RETENTION_DAYS_KEY, DEFAULT_RETENTION_DAYS), read(DRAFT_DAYS_KEY, DEFAULT_DRAFT_DAYS)
    )


@manages
def save_settings(session: Session, settings: RetentionSettings) -> None:
    """The beheerder's choice; refused (Dutch) when out of range."""
    _check_days(settings.retention_days, "bewaartermijn", 1)
    _check_days(settings.draft_days, "bewaartermijn van concepten", 1)
    for key, value in (
        (RETENTION_DAYS_KEY, settings.retention_days),
        (DRAFT_DAYS_KEY, settings.draft_days),
    ):
        row = session.get(AppSetting, key)
        if row is None:
            session.add(AppSetting(key=key, value=str(value)))
        else:
            row.value = str(value)
    session.flush()


@dataclass(frozen=True)
class ResidentDue:
    """A resident whose details are due: by id only (the plan is shown and logged)."""

    resident_id: uuid.UUID
    closed_on: date  # the day the last related thing was closed
    due_on: date  # closed_on + retention days


@dataclass(frozen=True)
class RetentionPlan:
    today: date
    settings: RetentionSettings
    residents: tuple[ResidentDue, ...]
    kept_open: int  # residents kept because something is still open
    kept_in_term: int  # residents whose term has not passed yet
    drafts: tuple[uuid.UUID, ...]

    @property
    def empty(self) -> bool:
        return not self.residents and not self.drafts

    def summary(self, *, done: bool = False) -> str:
        """One Dutch sentence for the CLI, the log and the audit entry (no personal data)."""
        anonymise, remove = (
            ("geanonimiseerd", "verwijderd")
            if done
            else (
                "te anonimiseren",
                "te verwijderen",
            )
        )
        return (
            f"{len(self.residents)} bewoner(s) {anonymise}, {len(self.drafts)} concept(en) "
            f"{remove}; {self.kept_open} bewoner(s) bewaard omdat er nog iets openstaat, "
            f"{self.kept_in_term} binnen de bewaartermijn van {self.settings.retention_days} "
            f"dagen"
        )


def plan(
    session: Session, *, today: date, settings: RetentionSettings | None = None
) -> RetentionPlan:
    """The dry run: nothing is changed."""
    settings = settings or get_settings(session)
    repo = RetentionRepository(session)
    last: dict[uuid.UUID, date] = {}
    still_open: set[uuid.UUID] = set()

    def later(resident: uuid.UUID, day: date | None) -> None:
        if day is not None and (resident not in last or day > last[resident]):
            last[resident] = day

    for resident, day in repo.last_contact().items():
        later(resident, day)
    for source in (repo.actions(), repo.signals(), repo.participation()):
        for running in source:
            if running.open_count:
                still_open.add(running.resident_id)
            later(running.resident_id, running.last_closed)
    for resident, day in repo.withdrawn().items():
        later(resident, day)
    due: list[ResidentDue] = []
    kept_open = kept_in_term = 0
    for person in repo.residents():
        resident = person.resident_id
        if resident in still_open:
            kept_open += 1
            continue
        # the term runs from the last related thing; the day the details were recorded only
        # counts for a resident nothing refers to (any more)
        closed_on = last.get(resident, person.recorded_on)
        due_on = closed_on + timedelta(days=settings.retention_days)
        if due_on <= today:
            due.append(ResidentDue(resident, closed_on, due_on))
        else:
            kept_in_term += 1
    drafts = tuple(draft.id for draft in repo.old_drafts(_draft_cutoff(today, settings)))
    return RetentionPlan(
        today=today,
        settings=settings,
        residents=tuple(sorted(due, key=lambda d: (d.closed_on, d.resident_id.hex))),
        kept_open=kept_open,
        kept_in_term=kept_in_term,
        drafts=drafts,
    )


def apply(
    session: Session, *, today: date, settings: RetentionSettings | None = None
) -> RetentionPlan:
    """Anonymise and purge what `plan` lists, in the caller's unit of work; the plan done.

    The plan is made before the write lock is taken: on ten times today's data it reads for two
    seconds at every start, and a save of the window (a draft while typing) waited that long,
    or failed after the busy timeout when thousands were due (issue 19). Under the lock it is
    kept only when no other connection committed anything since it was begun (SQLite's data
    version: the change mark misses a sync's pulled rows, which may bring a due resident an
    open action), else made again under the lock, so nothing can come in between. A plan
    written across is tried again without the lock a few times first (a draft is saved every
    few seconds while someone types). A server takes the lock first."""
    done, seen = _plan_unlocked(session, today=today, settings=settings)
    take_write_lock(session)
    if done is None or _data_version(session) != seen:
        done = plan(session, today=today, settings=settings)
    if done.empty:
        return done
    repo = RetentionRepository(session)
    stamp = utcnow()
    due = [item.resident_id for item in done.residents]
    for resident in repo.residents_in(due):  # by the hundred: not two reads per resident
        resident.name = ""
        resident.phone = ""
        resident.email = ""
        resident.anonymised_at = stamp
    for meedenker in repo.meedenkers_of_all(due):
        meedenker.active = False
    # a draft saved while the plan was made is not old any more: it stays
    purged = repo.delete_drafts(list(done.drafts), before=_draft_cutoff(today, done.settings))
    done = replace(done, drafts=tuple(purged))
    session.flush()
    audit.note(session, AuditAction.RETENTION, detail=done.summary(done=True))
    return done


UNLOCKED_TRIES = 3  # plans made without the write lock before one is made under it


def _plan_unlocked(
    session: Session, *, today: date, settings: RetentionSettings | None
) -> tuple[RetentionPlan | None, int | None]:
    """A plan made without the write lock and the data version it was made on; (None, None)
    on a server, or when another connection committed during each of UNLOCKED_TRIES plans."""
    for _try in range(UNLOCKED_TRIES):
        seen = _data_version(session)
        if seen is None:
            return None, None
        made = plan(session, today=today, settings=settings)
        if _data_version(session) == seen:
            return made, seen
    return None, None


def _data_version(session: Session) -> int | None:
    """SQLite's `PRAGMA data_version` of the session's connection: it changes whenever another
    connection commits (any table: a pull too); None on a server."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    return int(connection.exec_driver_sql("PRAGMA data_version").scalar_one())


def _draft_cutoff(today: date, settings: RetentionSettings) -> datetime:
    """Drafts last saved before this are purged."""
    return datetime.combine(today - timedelta(days=settings.draft_days), time(0), tzinfo=UTC)
