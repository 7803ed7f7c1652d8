"""Values of a pull's rows as the laptop's file stores them (sync_local.upsert): each
column's own SQLAlchemy converter, mapped over the column, each distinct value once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from gebiedsapp.domain.base import UTCDateTime

SAMPLE = 64  # values looked at first: a column of distinct values is not hashed whole


def converted(process: Any, column: list[Any]) -> list[Any]:
    """`process` mapped over a column, each distinct value converted once: a batch's rows
    share their round, their stamps (created = updated until edited), flags and kinds, and
    a stamp's text cost microseconds. (Equal values convert alike for the converters used
    here: uuids, stamps, enums, flags.) A column of distinct values is mapped as it is."""
    try:
        sample = column[:SAMPLE]
        if len(set(sample)) * 2 > len(sample):  # keys, texts: hashing them costs more
            return list(map(process, column))
        distinct = set(column)
    except TypeError:  # an unhashable value (JSON): one call per value
        return list(map(process, column))
    if len(distinct) * 2 > len(column):
        return list(map(process, column))
    once = {value: process(value) for value in distinct}
    return list(map(once.__getitem__, column))


def one_value(column: list[Any]) -> bool:
    """Whether a (converted, non-empty) column holds one value in every row, of one type: a
    float never counts (0.0 == -0.0), nor an int beside a bool or a float equal to it."""
    first = column[0]
    kind = type(first)
    if kind is float or column.count(first) != len(column):
        return False
    return kind is not int or all(type(v) is int for v in column)


def typed_row(table: Any, row: Mapping[str, Any], dialect: Any) -> dict[str, Any]:
    """A row as the file stores it (a pulled row) as the model's values (for the merge)."""
    found: dict[str, Any] = {}
    for name, value in row.items():
        process = table.table.c[name].type._cached_result_processor(dialect, None)
        found[name] = value if value is None or process is None else process(value)
    return found


def stored_row(table: Any, row: Mapping[str, Any], dialect: Any) -> dict[str, Any]:
    """A row of the model's values as the file stores them (a merged row, to write)."""
    found: dict[str, Any] = {}
    for name, value in row.items():
        process = writer(table.table.c[name], dialect)
        found[name] = value if process is None else process(value)
    return found


def writer(column: Any, dialect: Any) -> Any:
    """The column's converter for a write (None: as given). A UTCDateTime on SQLite in one
    call instead of two (the decorator's, then DATETIME's text): a pull writes two or three
    per row, and they were most of the converting."""
    if isinstance(column.type, UTCDateTime) and dialect.name == "sqlite":
        return utc_text
    return column.type._cached_bind_processor(dialect)


def utc_text(value: datetime | None) -> str | None:
    """An aware datetime as UTCDateTime stores it on SQLite: naive UTC, as SQLAlchemy's
    DATETIME writes it (always six digits of microseconds)."""
    if value is None:
        return None
    zone = value.tzinfo
    if zone is None:
        raise ValueError("naive datetime given; use an aware datetime (UTC)")
    if zone is not UTC:  # a pull's values are UTC already (UTCDateTime hands them so)
        value = value.astimezone(UTC)
    # the aware text less its "+00:00" (years print with four digits): half the time of
    # replace(tzinfo=None) first, which made a new datetime per value
    return value.isoformat(" ", "microseconds")[:26]
