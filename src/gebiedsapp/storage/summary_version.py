"""The summaries' data versions: numbers that change whenever a row the summaries count is
written, whatever path wrote it (an ORM flush, the conversation's prepared statements, the
sync pull's INSERT ... SELECT, an erasure, retention, an import, demo data).

SQLite triggers on every table the summary's queries read (`COUNTED_TABLES`) give a version a
new random number on each insert, update and delete:

- a row that belongs to an area (its own `area_id`, or its parent's: the very expression the
  team server's row-level security uses, `server_rights.area_sql`) changes the version of
  that area's part its table is counted in (`PART_OF`: talks, signals, ...) in
  `summary_part_version` (migration 0018; 0017's `summary_area_version` had one version per
  area); an update that moves the row (its area or its parent
  changed) changes the old area's version too, a delete the old area's. A row whose area is
  not found (NULL, or its parent already gone) changes the version of area '' (`NO_AREA`),
  which every reading includes;
- a theme, signal category, partner or resident (migration 0021) changes the version of the
  parts that read it for every area (`REFERENCE_OF`, area `EVERY_AREA`);
- any other row (areas, buurten, the team and its assignments) changes the one global
  `summary_version.version`; so did themes, categories, partners and residents before 0021.
- a round, a conversation, a theme link of one, a contact or a contact's theme link also
  changes the version of its round (or its area's contacts) in `summary_round_version`
  (migration 0021, `ROUND_OF`): the talks are added up from facts kept per round.

A summary's facts for a set of areas computed at a reading of the global version, `NO_AREA`'s
and those areas' versions are the facts of every later read that finds the same
(`services.summary_cache`): exact by construction, since they are the same computation over the
same rows, and a write in another area leaves them; after a write in one area's part only
that part of that area's facts is counted again. Random rather than counted up: a write
rolled back returns a counter to a value that an uncommitted read may have seen; a random
value is not seen twice.

Local only (SQLite): not model tables, not synced (`sync_tracking.NOT_SYNCED`), no sync
triggers; on PostgreSQL nothing is installed and the summaries are computed every time.
`tests/services/test_summary_cache.py` checks that every table the summary reads is here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, NamedTuple

from gebiedsapp.storage.pull_bulk import with_skip

TABLE = "summary_version"
AREA_TABLE = "summary_area_version"  # migration 0017's: per area
PART_TABLE = "summary_part_version"  # migration 0018's: per area and part
ROUND_TABLE = "summary_round_version"  # migration 0021's: per koffiekar round
NO_AREA = ""  # the version of rows whose area is not found: part of every reading

# Every table a summary's facts are read from (found with SQLite's authorizer in the test).
COUNTED_TABLES = (
    "activity",
    "activity_theme",
    "area",
    "area_buurt",
    "assignment",
    "cbs_buurt",
    "contact",
    "contact_theme",
    "conversation",
    "conversation_theme",
    "follow_up",
    "initiative",
    "initiative_milestone",
    "koffiekar_session",
    "meedenker",
    "partner",
    "resident",
    "signal",
    "signal_category",
    "signal_feedback",
    "signal_history",
    "team_member",
    "theme",
)
OPERATIONS = ("insert", "update", "delete")
# The part of an area's facts a row of an area-bound table is counted in (migration 0018): a
# conversation saved changes its area's "talks" only, so the first brief after it counts
# that area's talks again and takes the rest as kept (services.summary_cache).
PART_OF = {
    "koffiekar_session": "talks",
    "conversation": "talks",
    "conversation_theme": "talks",
    "contact": "talks",
    "contact_theme": "talks",
    "signal": "signals",
    "signal_history": "signals",
    "signal_feedback": "signals",
    "follow_up": "actions",
    "initiative": "initiatives",
    "initiative_milestone": "initiatives",
    "activity": "activities",
    "activity_theme": "activities",
    "meedenker": "register",
}
# Reference rows read by one or two parts of every area's facts (migration 0021): a write to
# one changes the version of those parts of EVERY_AREA (a theme renamed: the talks' and the
# activities' theme counts), so kept facts count those parts of their areas again instead of
# everything. The other reference tables (areas, buurten, the team) still change the global
# version. tests/services/test_summary_cache.py checks with SQLite's authorizer that no
# other part reads these tables.
REFERENCE_OF = {
    "theme": ("talks", "activities"),
    "signal_category": ("signals",),
    "partner": ("signals",),
    "resident": ("talks", "actions"),  # names mask quotes and actions' texts
}
EVERY_AREA = "*"  # the area of those parts' versions: every area

# Rows read by the facts of rows in another area: an action's text is masked with the name of
# the resident of the conversation or contact it came from, which may be in another area (moved
# since). A write to such a row changes the versions of the areas of the rows that read it (by
# their indexed link), when it is made or removed or its resident changes.
READ_BY = {
    "conversation": (("follow_up", "conversation_id"),),
    "contact": (("follow_up", "contact_id"),),
}


def trigger_name(table: str, operation: str) -> str:
    return f"summary_version_{table}_{operation}"


# The round of a row of the talks' round-bound tables (migration 0021): a round's own id, a
# conversation's round, a theme link's conversation's round (by primary key; a conversation
# already gone, as in a cascade, has bumped its round itself). Contacts have no round: theirs
# is one key per area, CONTACTS and the area's id. `{row}`: NEW or OLD.
CONTACTS = "c"
ROUND_OF = {
    "koffiekar_session": "{row}.id",
    "conversation": "{row}.session_id",
    "conversation_theme": "(SELECT c.session_id FROM conversation c "
    "WHERE c.id = {row}.conversation_id)",
    "contact": f"'{CONTACTS}' || {{row}}.area_id",
    "contact_theme": f"(SELECT '{CONTACTS}' || c.area_id FROM contact c "
    "WHERE c.id = {row}.contact_id)",
}
_ROUND_MOVED = {
    "koffiekar_session": "OLD.id IS NOT NEW.id",
    "conversation": "OLD.session_id IS NOT NEW.session_id",
    "conversation_theme": "OLD.conversation_id IS NOT NEW.conversation_id",
    "contact": "OLD.area_id IS NOT NEW.area_id",
    "contact_theme": "OLD.contact_id IS NOT NEW.contact_id",
}


def round_trigger_name(table: str, operation: str) -> str:
    """Named like the others (`summary_version_`): a pull's bulk write skips it too and
    changes the global version instead (storage.pull_bulk), which drops every round's facts."""
    return f"summary_version_round_{table}_{operation}"


def _round_bump(round_sql: str, when: str = "") -> str:
    """A new version of the round `round_sql` selects (none when it is NULL)."""
    extra = f" AND {when}" if when else ""
    return (
        f"INSERT INTO {ROUND_TABLE} (round_id, version) SELECT n.r, random() FROM "
        f"(SELECT {round_sql} AS r) n WHERE n.r IS NOT NULL{extra} AND NOT EXISTS "
        f"(SELECT 1 FROM {ROUND_TABLE} v WHERE v.round_id = n.r); "
        f"UPDATE {ROUND_TABLE} SET version = random() "
        f"WHERE round_id = (SELECT {round_sql}){extra};"
    )


def round_trigger_body(table: str, operation: str) -> str:
    """What a write to a round-bound table changes: the version of its row's round (old and
    new: a conversation moved between rounds changes both)."""
    of = ROUND_OF[table]
    if operation == "insert":
        return _round_bump(of.format(row="NEW"))
    if operation == "delete":
        return _round_bump(of.format(row="OLD"))
    return f"{_round_bump(of.format(row='NEW'))} " + _round_bump(
        of.format(row="OLD"), _ROUND_MOVED[table]
    )


def install_rounds(execute: Any, dialect: str) -> None:
    """Migration 0021's round versions and their triggers (SQLite only), and the reference
    tables' triggers that change some parts of every area (`REFERENCE_OF`); the global
    version gets a new value, so no facts kept before are taken."""
    if dialect != "sqlite":
        return
    _reference_triggers(execute, dialect, reference=True)
    execute(
        f"CREATE TABLE IF NOT EXISTS {ROUND_TABLE} "
        "(round_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID"
    )
    for table in ROUND_OF:
        for operation in OPERATIONS:
            execute(
                with_skip(
                    f"CREATE TRIGGER IF NOT EXISTS {round_trigger_name(table, operation)} "
                    f"AFTER {operation.upper()} ON {table} "
                    f"BEGIN {round_trigger_body(table, operation)} END"
                )
            )
    execute(f"UPDATE {TABLE} SET version = random() WHERE id = 1")


def _reference_triggers(execute: Any, dialect: str, *, reference: bool) -> None:
    """The reference tables' triggers: some parts of every area (`REFERENCE_OF`), or the
    global version (as before migration 0021)."""
    for table in REFERENCE_OF:
        for operation in OPERATIONS:
            execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, operation)}")
    install(execute, dialect, tables=tuple(REFERENCE_OF), parts=True, reference=reference)
    if not reference:
        execute(f"DELETE FROM {PART_TABLE} WHERE area_id = '{EVERY_AREA}'")


def uninstall_rounds(execute: Any, dialect: str) -> None:
    if dialect != "sqlite":
        return
    _reference_triggers(execute, dialect, reference=False)
    for table in ROUND_OF:
        for operation in OPERATIONS:
            execute(f"DROP TRIGGER IF EXISTS {round_trigger_name(table, operation)}")
    execute(f"DROP TABLE IF EXISTS {ROUND_TABLE}")


_GLOBAL = f"UPDATE {TABLE} SET version = random() WHERE id = 1;"


def _bump(areas: str) -> str:
    """Change the versions of the areas `areas` selects (a SELECT of one column `a`, no
    NULLs, no repeats): a row for an area not seen yet, then a new version for each.

    Two plain statements, no INSERT OR REPLACE: a trigger's conflict clause gives way to that
    of the statement that fired it, so under a pull's upsert (ON CONFLICT DO UPDATE) the
    replace failed with a UNIQUE error, and under an INSERT OR IGNORE it changed nothing."""
    return (
        f"INSERT INTO {AREA_TABLE} (area_id, version) SELECT n.a, random() FROM ({areas}) n "
        f"WHERE NOT EXISTS (SELECT 1 FROM {AREA_TABLE} v WHERE v.area_id = n.a); "
        f"UPDATE {AREA_TABLE} SET version = random() WHERE area_id IN ({areas});"
    )


def _part_bump(areas: str, part: str) -> str:
    """`_bump` of the areas' `part` (PART_TABLE): the same two plain statements."""
    return (
        f"INSERT INTO {PART_TABLE} (area_id, part, version) "
        f"SELECT n.a, '{part}', random() FROM ({areas}) n WHERE NOT EXISTS "
        f"(SELECT 1 FROM {PART_TABLE} v WHERE v.area_id = n.a AND v.part = '{part}'); "
        f"UPDATE {PART_TABLE} SET version = random() "
        f"WHERE part = '{part}' AND area_id IN ({areas});"
    )


def _bumper(part: str | None) -> Callable[[str], str]:
    if part is None:
        return _bump
    return lambda areas: _part_bump(areas, part)


def _area_bump(area: str, when: str = "", *, part: str | None = None) -> str:
    where = f" WHERE {when}" if when else ""
    return _bumper(part)(f"SELECT coalesce({area}, '{NO_AREA}') AS a{where}")


def trigger_body(table: str, operation: str, *, parts: bool = False) -> str:
    """What a write to `table` changes: its row's area's version (old and new), or the global
    one. The area is found as the team server's rights find it (`server_rights.area_sql`).
    With `parts`: the version of the area's part the table is counted in (`PART_OF`)."""
    from gebiedsapp.domain import Base
    from gebiedsapp.storage.server_rights import UnclassifiedTableError, area_sql, rule_of

    model = Base.metadata.tables[table]
    if parts and table in REFERENCE_OF:
        return " ".join(
            _part_bump(f"SELECT '{EVERY_AREA}' AS a", part) for part in REFERENCE_OF[table]
        )
    try:
        rule = rule_of(model)
    except UnclassifiedTableError:
        return _GLOBAL
    if rule.kind not in ("own", "parent"):
        return _GLOBAL
    via = "area_id" if rule.kind == "own" else rule.via
    part = PART_OF[table] if parts else None
    if operation == "insert":
        body = _area_bump(area_sql(model, "NEW"), part=part)
    elif operation == "delete":
        body = _area_bump(area_sql(model, "OLD"), part=part)
    else:  # the new area, and the old one when the row moved (its own area or parent)
        moved = f"OLD.{via} IS NOT NEW.{via}"
        body = (
            f"{_area_bump(area_sql(model, 'NEW'), part=part)} "
            f"{_area_bump(area_sql(model, 'OLD'), moved, part=part)}"
        )
    return body + "".join(_readers(table, operation, parts=parts))


def _readers(table: str, operation: str, *, parts: bool = False) -> list[str]:
    """The bumps of the areas of rows elsewhere that read this row (`READ_BY`)."""
    row = "OLD" if operation == "delete" else "NEW"
    changed = " AND OLD.resident_id IS NOT NEW.resident_id" if operation == "update" else ""
    return [
        " "
        + _bumper(PART_OF[reader] if parts else None)(
            f"SELECT DISTINCT coalesce(r.area_id, '{NO_AREA}') AS a FROM {reader} r "
            f"WHERE r.{link} = {row}.id{changed}"
        )
        for reader, link in READ_BY.get(table, ())
    ]


def install(
    execute: Any,
    dialect: str,
    *,
    tables: Sequence[str] = COUNTED_TABLES,
    per_area: bool = True,
    parts: bool = False,
    reference: bool = False,
) -> None:
    """The version tables and the triggers of `tables`. SQLite only. `execute` runs one SQL
    string (op.execute); a migration names its tables (the list as it was then). Without
    `per_area` every write changes the global version (migration 0016's triggers); with
    `parts` an area's row changes its area's part (migration 0018's), else the area
    (0017's)."""
    if dialect != "sqlite":
        return
    execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)"
    )
    execute(f"INSERT OR REPLACE INTO {TABLE} (id, version) VALUES (1, random())")
    if parts:
        execute(
            f"CREATE TABLE IF NOT EXISTS {PART_TABLE} (area_id TEXT NOT NULL, part TEXT NOT NULL,"
            " version INTEGER NOT NULL, PRIMARY KEY (area_id, part)) WITHOUT ROWID"
        )
    elif per_area:
        execute(
            f"CREATE TABLE IF NOT EXISTS {AREA_TABLE} "
            "(area_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID"
        )
    for table in tables:
        for operation in OPERATIONS:
            body = _GLOBAL
            if per_area and (reference or table not in REFERENCE_OF):
                body = trigger_body(table, operation, parts=parts)
            execute(  # skipped by a pull's bulk write, which changes the version itself
                with_skip(
                    f"CREATE TRIGGER IF NOT EXISTS {trigger_name(table, operation)} "
                    f"AFTER {operation.upper()} ON {table} BEGIN {body} END"
                )
            )


def uninstall(
    execute: Any, dialect: str, *, tables: Sequence[str] = COUNTED_TABLES, keep: bool = False
) -> None:
    """The triggers of `tables` and the area versions; the global version too unless `keep`."""
    if dialect != "sqlite":
        return
    for table in tables:
        for operation in OPERATIONS:
            execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, operation)}")
    execute(f"DROP TABLE IF EXISTS {AREA_TABLE}")
    execute(f"DROP TABLE IF EXISTS {PART_TABLE}")
    if not keep:
        execute(f"DROP TABLE IF EXISTS {TABLE}")


def _present(connection: Any, name: str) -> bool:
    found = connection.exec_driver_sql(
        f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{name}'"
    ).first()
    return found is not None


class DataVersion(NamedTuple):
    """The version of the facts of some areas: the global one, and each (area, part)'s
    (`WHOLE` for migration 0017's per-area versions; none for 0016's global one)."""

    base: int
    parts: tuple[tuple[str, str, int], ...]
    rounds: bool = False  # versions per round too (migration 0021): summary_rounds


WHOLE = "*"  # the part of 0017's versions: every part of the area


def read_version(connection: Any, areas: Collection[str] | None = None) -> DataVersion | None:
    """The data version of the facts of `areas` (area ids as stored, 32 hex digits; None:
    every area): the global version, `NO_AREA`'s and those areas' versions (per part). None
    where there is none (PostgreSQL, an older schema): then nothing may be taken from a cache.
    `connection` is a SQLAlchemy Connection."""
    if connection.dialect.name != "sqlite" or not _present(connection, TABLE):
        return None
    version = connection.exec_driver_sql(f"SELECT version FROM {TABLE} WHERE id = 1").scalar()
    if version is None:
        return None
    rounds = _present(connection, ROUND_TABLE)
    if _present(connection, PART_TABLE):
        columns, table = "area_id, part, version", PART_TABLE
    elif _present(connection, AREA_TABLE):
        columns, table = f"area_id, '{WHOLE}', version", AREA_TABLE
    else:  # migration 0016's: every write is global
        return DataVersion(int(version), ())
    if areas is None:
        rows = connection.exec_driver_sql(f"SELECT {columns} FROM {table} ORDER BY 1, 2").all()
    else:
        asked = sorted({NO_AREA, EVERY_AREA, *areas})
        marks = ", ".join("?" * len(asked))
        rows = connection.exec_driver_sql(
            f"SELECT {columns} FROM {table} WHERE area_id IN ({marks}) ORDER BY 1, 2",
            tuple(asked),
        ).all()
    parts = tuple((str(a), str(p), int(v)) for a, p, v in rows)
    return DataVersion(int(version), parts, rounds)
