"""Rows a laptop passed while it could not see them (docs/sync-design.md, "Rows that become
visible later"). The server decides per row who sees it, and that can change after the row
was stamped: a link makes a resident visible, a record moves to another area, a user is
assigned to another area. A cursor that passed such a row never meets it again, so:

- when a pull writes a row that was not on this laptop, it fetches, from the same snapshot,
  the rows that depend on it (its children by foreign key, its history and conflicts) that
  this pull's cursors had passed before it began (`passed_rows`); rows after those cursors
  come in their own table's pass anyway;
- when the user may see more than at the last complete pull (an area, a role, a column),
  the pull starts every table from zero, and also rewrites rows it has at the server's
  version whose digests differ (newly readable columns).

When the user may see less, services.sync.shrink lets go of what is hidden now.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection

from gebiedsapp.services.sync.context import Run
from gebiedsapp.storage.repositories import sync_visibility as visibility
from gebiedsapp.storage.repositories.sync_server import ServerRow
from gebiedsapp.storage.server_rights import ABOUT_COLUMNS, REFERENCE_TABLES
from gebiedsapp.storage.sync_tables import SyncTable, references_to


class Applies(Protocol):
    run: Run
    remote: Connection

    def apply(self, table: SyncTable, batch: Sequence[ServerRow]) -> set[str]: ...


def fetch_passed(
    applier: Applies, table: SyncTable, keys: Sequence[str], passed: Mapping[str, int]
) -> None:
    """Apply the rows that depend on these rows, new here, that the cursors in `passed` had
    gone by (when they were hidden from this user)."""
    if not keys or not passed or table.name in REFERENCE_TABLES or len(table.key) != 1:
        return  # reference data is seen by all: nothing below it was hidden for its sake
    readable = {t.name: t for t in applier.run.tables()}
    values: list[Any] = []  # the keys' values: made once, when a query needs them

    def fetch(name: str, column: str, wanted: Sequence[Any], match: dict[str, Any]) -> None:
        child, upto = readable.get(name), passed.get(name, 0)
        if child is None or not upto:
            return
        if wanted is values and not values:
            values.extend(table.key_values(key)[0] for key in keys)
        rows = visibility.passed_rows(
            applier.remote,
            child,
            applier.run.columns(child),
            upto=upto,
            column=column,
            values=wanted,
            match=match,
        )
        if rows:
            applier.apply(child, rows)

    for reference in references_to(table.name):
        fetch(reference.table, reference.column, values, {})
    for about, (kind_column, key_column) in ABOUT_COLUMNS.items():
        wanted: Sequence[Any] = list(keys) if about == "sync_conflict" else values
        fetch(about, key_column, wanted, {kind_column: table.name})


def start_over(then: Mapping[str, Any] | None, now: Mapping[str, Any], synced: bool) -> bool:
    """Whether this pull starts every table from zero: the user sees more than at the last
    complete pull, or that is not known while this laptop did pull before (a laptop from
    before this check: once, which also brings what it missed then)."""
    if then is None:
        return synced
    return visibility.gained(then, now)
