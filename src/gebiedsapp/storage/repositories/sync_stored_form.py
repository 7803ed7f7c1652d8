"""A pull reads the server's values in the laptop's stored form (docs/sync-design.md,
"Pull"): each column as the laptop's file holds it (SQLAlchemy's SQLite forms: a uuid as its
32 hex digits, a stamp as 'YYYY-MM-DD HH:MM:SS.ffffff', a date 'YYYY-MM-DD', a time
'HH:MM:SS.ffffff', a flag 0/1), made by the server in its query. A new row is then written
as read, with no typed round trip (uuid objects, datetimes, enum members, each made and
taken apart again per value); only the few rows that meet this laptop's own changes are
typed, for the merge (sync_local.typed_row)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    Interval,
    LargeBinary,
    String,
    Text,
    Time,
    Uuid,
    and_,
    case,
    cast,
    func,
    literal,
)
from sqlalchemy.types import TypeDecorator

# types whose value the driver hands over as the laptop stores it (str, int, float, bytes);
# an Enum of this app is a string column of the member's value (domain.base.str_enum)
AS_READ = (String, Text, Enum, Integer, BigInteger, Float, LargeBinary)


def stored_form(column: Any) -> Any:
    """An expression for the server's query: `column`'s value as the laptop stores it.
    A type not known here is refused (a new kind of column needs its form here and a case
    in tests/server/test_sync_stored_form.py)."""
    kind = column.type
    if isinstance(kind, TypeDecorator):  # UTCDateTime: naive UTC on both sides
        kind = kind.impl_instance
    if isinstance(kind, Uuid):
        return func.replace(cast(column, Text), "-", "")
    if isinstance(kind, DateTime):
        in_range = and_(func.isfinite(column), column >= literal(datetime(1, 1, 1), DateTime()))
        return _refused_out_of(in_range, column, func.to_char(column, "YYYY-MM-DD HH24:MI:SS.US"))
    if isinstance(kind, Date):
        in_range = and_(func.isfinite(column), column >= literal(date(1, 1, 1), Date()))
        return _refused_out_of(in_range, column, func.to_char(column, "YYYY-MM-DD"))
    if isinstance(kind, Time):
        text = func.to_char(cast(column, Interval), "HH24:MI:SS.US")
        return _refused_out_of(column <= literal(time(23, 59, 59, 999999), Time()), column, text)
    if isinstance(kind, Boolean):
        return cast(column, Integer)
    if isinstance(kind, AS_READ):
        return column
    raise NotImplementedError(f"no stored form for {column.table.name}.{column.name}: {kind!r}")


def _refused_out_of(in_range: Any, column: Any, form: Any) -> Any:
    """`form` where the value is one the laptop can hold; else the server's query fails (as
    the typed read did) instead of storing another value: to_char writes 'infinity' as
    NULL, a year BC as the same year AD, 24:00 as a time the laptop cannot read back."""
    refused = cast(
        cast(func.concat("buiten bereik van de app: ", cast(column, Text)), column.type), Text
    )
    return case((column.is_(None), None), (in_range, form), else_=refused)
