"""Full-text search over conversations, contacts and koffiekar sessions.

On SQLite: FTS5 tables (created by migration 0002, kept in step by triggers) with diacritics
folded, so "een" finds "één" and "ideeen" finds "ideeën". Elsewhere: a plain LIKE per word.
The user's text is split into words and each is quoted, so nothing typed can be FTS syntax:
a malformed search string is searched as text, never an error.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, ColumnExpressionArgument, Connection, func, text

SEARCH_TABLES = {
    "conversation": ("summary", "quote"),
    "contact": ("subject", "notes"),
    "koffiekar_session": ("place", "notes"),
}
_FTS_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")
_WORD = re.compile(r"\w+", re.UNICODE)


def is_search_table(name: str) -> bool:
    """FTS5's own tables: made by SQL in a migration, not by the models (Alembic skips them)."""
    return any(name == f"{t}{s}" for t in SEARCH_TABLES for s in _FTS_SUFFIXES)


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def fts_query(query: str) -> str | None:
    """Every word must occur (as a prefix: 'idee' finds 'ideeën'); None when there are none."""
    found = words(query)
    if not found:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in found)


def fold(value: str) -> str:
    """Lower case without diacritics, as FTS5's remove_diacritics does, for the LIKE path."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The diacritics of Dutch text, folded by nested replace(): plain SQL, so the LIKE path works on
# any database. Kept short on purpose: SQLite's parser has a limited nesting depth. SQLite's
# lower() only folds ASCII, hence the capital É (as in "Één") is listed too.
_FOLDS = (
    ("é", "e"), ("è", "e"), ("ë", "e"), ("ê", "e"), ("É", "e"),
    ("á", "a"), ("à", "a"), ("ä", "a"),
    ("ï", "i"), ("ó", "o"), ("ö", "o"), ("ü", "u"), ("ç", "c"),
)  # fmt: skip


def folded(expression: ColumnExpressionArgument[str]) -> ColumnElement[str]:
    """The SQL counterpart of `fold` for Dutch text: lower case, diacritics replaced."""
    result: ColumnElement[str] = func.lower(func.coalesce(expression, ""))
    for accented, plain in _FOLDS:
        result = func.replace(result, accented, plain)
    return result


def like_pattern(word: str) -> str:
    """'%word%' with LIKE's own wildcards escaped (use with escape='\\'), folded."""
    escaped = fold(word).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def rebuild_search_index(connection: Connection) -> None:
    """Rebuild the FTS tables from their content (after a VACUUM renumbered rowids)."""
    if connection.dialect.name != "sqlite":
        return
    for table in SEARCH_TABLES:
        connection.execute(text(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')"))
