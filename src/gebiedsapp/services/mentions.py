"""Where a person is mentioned in free text: their full name, their first or last name alone,
their phone number (however it is written) or e-mail address, in every column where people
type (storage.repositories.free_text): records, earlier versions, signal history, drafts.

For inzage (which texts are about them) and verwijdering (scrubbing them), always after the
user has confirmed each hit. Matching ignores case and accents ("Bewonérsma" finds
"bewonersma") and takes whole words ("Jan" finds neither "januari" nor "Jansen"; "Jansen"
finds "jansen_tuin.jpg", a photo's file name). A full name, phone number or e-mail address
is an exact hit, checked by default. A first or last name alone may be somebody else: it is
unchecked by default, except in the records made with this person (their conversation or
contact and what came from it: actions, signals, feedback, history, versions, drafts of
them), where it is almost surely them.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from gebiedsapp.storage.repositories.free_text import SOURCES, FreeTextRepository, TextRow

ERASED = "[gewist]"
MAX_PARTIAL = 300  # first- or last-name-only hits listed at most (a common name is everywhere)
CONTEXT = 45  # characters shown on either side of a hit

# Parts of a surname that are no name on their own ("van", "de", "ter" ...), and common words
# that are also names: neither is searched alone.
_TUSSENVOEGSELS = frozenset(
    "van de der den het ter ten te in op aan bij uit t 't d' la le du da di von zu".split()  # noqa: SIM905
)
_COMMON = frozenset(
    "een met voor over naar niet wel ook maar nog dan als wil kan zijn heeft meer".split()  # noqa: SIM905
)
_SEP = r"[\s\-./()]*"  # what people type between the digits of a phone number
# a name is a whole word between non-letters: "Jan" is not in "januari", but "Jansen" is in
# the file name "jansen_tuin.jpg" or "jansen2.jpg" (an underscore or digit is a word character)
_NOT_AFTER_LETTER, _NOT_BEFORE_LETTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

FULL_NAME, PART, PHONE, EMAIL = "naam", "voornaam of achternaam", "telefoonnummer", "e-mailadres"


def fold(text: str) -> str:
    """Case and accents removed, character by character (so positions can be mapped back)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def _folded_with_index(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original one."""
    parts: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        index.extend([i] * len(folded))
    index.append(len(text))
    return "".join(parts), index


@dataclass(frozen=True)
class Person:
    """What to look for: from each record of the person (one person is often recorded twice)."""

    names: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()

    @classmethod
    def of(cls, details: Iterable[tuple[str, str, str]]) -> Person:
        names, phones, emails = [], [], []
        for name, phone, email in details:
            if len(name.strip()) >= 2:
                names.append(" ".join(name.split()))
            digits = _phone_digits(phone)
            if len(digits) >= 6:
                phones.append(digits)
            if "@" in email:
                emails.append(email.strip())
        return cls(*(tuple(dict.fromkeys(v)) for v in (names, phones, emails)))

    def parts(self) -> dict[str, str]:
        """The distinctive parts of the names, folded: first name and surname ("de Vries",
        and "vries" alone), each at least three letters, no "van" or "de" on its own."""
        found: dict[str, str] = {}
        for name in self.names:
            words = fold(name).split()
            if len(words) < 2:
                continue
            surname = words[1:]
            core = [w for w in surname if w not in _TUSSENVOEGSELS]
            for part in (words[0], " ".join(surname), *core):
                if _distinctive(part) and part != " ".join(words):
                    found.setdefault(part, PART)
        return found


def _distinctive(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return len(letters) >= 3 and part not in _TUSSENVOEGSELS and part not in _COMMON


def _phone_digits(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    if digits.startswith("0031"):
        return "0" + digits[4:]
    if phone.strip().startswith("+31"):
        return "0" + digits[2:]
    return digits


def _phone_pattern(digits: str) -> str:
    """06-12 34 56 78, 0612345678, +31 6 12345678, +31 (0)6 ...: the same number."""
    if digits.startswith("0"):
        rest = _SEP.join(digits[1:])
        return rf"(?<!\d)(?:0|(?:\+|00){_SEP}31{_SEP}(?:\(0\){_SEP})?){_SEP}{rest}(?!\d)"
    return rf"(?<!\d){_SEP.join(digits)}(?!\d)"


def _words(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in fold(text).split())


def _alternatives(items: Iterable[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def pattern_of(person: Person) -> re.Pattern[str] | None:
    """One pattern over folded text; its named groups say what was found. The e-mail comes
    first (it holds the name), then the full name, the phone, and the parts of the name."""
    groups: list[str] = []
    if person.emails:
        emails = _alternatives(re.escape(fold(e)) for e in person.emails)
        groups.append(rf"(?P<email>(?<![\w.+-])(?:{emails})(?![\w-]))")
    if person.names:
        names = _alternatives(_words(n) for n in person.names)
        groups.append(rf"(?P<full>{_NOT_AFTER_LETTER}(?:{names}){_NOT_BEFORE_LETTER})")
    if person.phones:
        groups.append(rf"(?P<phone>{_alternatives(_phone_pattern(p) for p in person.phones)})")
    parts = person.parts()
    if parts:
        alternatives = _alternatives(_words(p) for p in parts)
        groups.append(rf"(?P<part>{_NOT_AFTER_LETTER}(?:{alternatives}){_NOT_BEFORE_LETTER})")
    return re.compile("|".join(groups)) if groups else None


_WHAT = {"email": EMAIL, "full": FULL_NAME, "phone": PHONE, "part": PART}


def find_in(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """(start, end, what) of each hit in `text`, as positions in `text` itself."""
    if not text or pattern.search(fold(text)) is None:
        return []
    folded, index = _folded_with_index(text)
    return [
        (index[m.start()], index[m.end()], _WHAT[str(m.lastgroup)])
        for m in pattern.finditer(folded)
    ]


@dataclass(frozen=True)
class Mention:
    """One hit: where it is, what was found, and the words around it."""

    table: str
    row_id: uuid.UUID
    column: str
    path: tuple[str | int, ...]  # inside a JSON column (drafts, versions); () otherwise
    start: int
    end: int
    kind: str  # Dutch: what the record is ("Koffiekargesprek", "Concept" ...)
    day: date | None
    what: str  # FULL_NAME, PART, PHONE or EMAIL
    linked: bool  # in a record made with this person
    before: str
    found: str
    after: str

    @property
    def key(self) -> str:
        """Names this hit in this text; another text, or the same one changed, is another."""
        where = ".".join(str(p) for p in self.path)
        return f"{self.table}/{self.row_id.hex}/{self.column}/{where}/{self.start}-{self.end}"

    @property
    def exact(self) -> bool:
        return self.what != PART

    @property
    def checked(self) -> bool:
        """Checked by default: an exact hit, or a name alone in the person's own records."""
        return self.exact or self.linked

    @property
    def snippet(self) -> str:
        return f"{self.before}«{self.found}»{self.after}"


@dataclass(frozen=True)
class Mentions:
    hits: tuple[Mention, ...] = ()
    left_off: int = 0  # hits of a name alone not listed (over MAX_PARTIAL)

    def default_keys(self) -> frozenset[str]:
        return frozenset(m.key for m in self.hits if m.checked)


@dataclass(frozen=True)
class Scope:
    """The records made with the person (linked) and those the erasure removes whole
    (their consents, the photos of their signals): the latter are not listed as hits."""

    linked: frozenset[uuid.UUID] = frozenset()
    removed: frozenset[uuid.UUID] = frozenset()
    owners_removed: frozenset[uuid.UUID] = frozenset()


Path = tuple[str | int, ...]


def _leaves(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, str(key)))


def _texts(row: TextRow) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    for column, value in row.texts.items():
        if not row.source.json:
            yield column, (), value
            continue
        try:
            data = json.loads(value)
        except ValueError:  # not JSON after all: search it as text, scrub it as text
            yield column, ("",), value
            continue
        for path, text in _leaves(data):
            yield column, path, text


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _snippet(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The hit with up to CONTEXT characters either side, on one line."""
    before = _squeeze(text[max(0, start - CONTEXT) : start]).lstrip()
    after = _squeeze(text[end : end + CONTEXT]).rstrip()
    if start > CONTEXT:
        before = "…" + before
    if end + CONTEXT < len(text):
        after += "…"
    return before, _squeeze(text[start:end]), after


def find(session: Session, person: Person, scope: Scope) -> Mentions:
    """Every hit in every free-text column, oldest day first; exact hits all, hits of a name
    alone up to MAX_PARTIAL."""
    pattern = pattern_of(person)
    if pattern is None:
        return Mentions()
    repo = FreeTextRepository(session)
    hits: list[Mention] = []
    for source in SOURCES:
        for row in repo.rows(source, lambda text: pattern.search(fold(text)) is not None):
            if row.row_id in scope.removed or row.owner in scope.owners_removed:
                continue
            linked = row.row_id in scope.linked or row.owner in scope.linked
            for column, path, text in _texts(row):
                for start, end, what in find_in(text, pattern):
                    hits.append(
                        Mention(
                            source.table, row.row_id, column, path, start, end, source.kind,
                            row.day, what, linked, *_snippet(text, start, end),
                        )
                    )  # fmt: skip
    hits.sort(key=lambda m: (m.day or date.min, m.kind, m.row_id.hex, m.column, m.start))
    partial = [m for m in hits if not m.checked]
    if len(partial) <= MAX_PARTIAL:
        return Mentions(tuple(hits))
    dropped = {id(m) for m in partial[MAX_PARTIAL:]}
    return Mentions(tuple(m for m in hits if id(m) not in dropped), len(dropped))


def _replace(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + ERASED + text[end:]
    return text


def _set_leaf(data: Any, path: tuple[str | int, ...], value: str) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    data[head] = _set_leaf(data[head], rest, value)
    return data


def _get_leaf(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@dataclass(frozen=True)
class Scrubbed:
    hits: int
    records: int
    by_table: dict[str, int]  # records changed per table


def scrub(session: Session, chosen: Collection[Mention]) -> Scrubbed:
    """Replace each chosen hit with "[gewist]", through the ORM (version and stamps move)."""
    repo = FreeTextRepository(session)
    grouped: dict[tuple[str, uuid.UUID], list[Mention]] = defaultdict(list)
    for mention in chosen:
        grouped[(mention.table, mention.row_id)].append(mention)
    by_table: dict[str, int] = defaultdict(int)
    for (table, row_id), mentions in grouped.items():
        record = repo.load(table, row_id)
        if record is None:
            continue
        by_cell: dict[tuple[str, tuple[str | int, ...]], list[tuple[int, int]]] = defaultdict(list)
        for m in mentions:
            by_cell[(m.column, m.path)].append((m.start, m.end))
        for (column, path), spans in by_cell.items():
            value = getattr(record, column)
            if not path or path == ("",):
                setattr(record, column, _replace(value, spans))
                continue
            data = json.loads(value)
            data = _set_leaf(data, path, _replace(_get_leaf(data, path), spans))
            setattr(record, column, json.dumps(data, ensure_ascii=False, sort_keys=True))
        by_table[table] += 1
    session.flush()
    return Scrubbed(len(chosen), sum(by_table.values()), dict(by_table))
