"""Full-text search: accent-insensitive for Dutch, prefix, all words, in step with edits, and no
typed text is ever an error. Also the plain LIKE path used where there is no FTS5.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from gebiedsapp.domain import ContactType, Conversation, reference_id
from gebiedsapp.services import contacts, koffiekar
from gebiedsapp.services.lists import ListFilter, list_contacts, list_conversations
from gebiedsapp.storage.repositories.search import SearchRepository

BEERTA = reference_id("area", "beerta")
OUDEREN = reference_id("theme", "ouderen")
SAID = (
    "Eén keer per week komt de bus",
    "Veel ideeën voor het dorpshuis",
    "De bus rijdt 's avonds niet meer",
    "Zwerfvuil langs het fietspad",
)
MALFORMED = (
    '"', "(*", "AND", "NEAR(", "-", "'", "*", "OR NOT", '"bus', "bus)", "^", ":", "a:b", "\\",
    "%", "_", "NEAR(bus avond, 2)", "{summary}: bus", "''", "--", "bus -avond",
)  # fmt: skip


@pytest.fixture
def said(session: Session) -> dict[str, Conversation]:
    round_ = koffiekar.start_session(
        session,
        koffiekar.SessionInput(
            area_id=BEERTA, day=date(2026, 5, 4), start_time=time(10), place="bij de bakkerij"
        ),
    )
    found = {}
    for summary in SAID:
        found[summary] = koffiekar.record_conversation(
            session,
            session_id=round_.id,
            data=koffiekar.ConversationInput(summary, theme_ids=[OUDEREN]),
        )
    koffiekar.record_conversation(
        session,
        session_id=round_.id,
        data=koffiekar.ConversationInput(
            "Over de school", theme_ids=[OUDEREN], quote="Het café is het hart van het dorp"
        ),
    )
    return found


def _search(session: Session, query: str) -> set[str]:
    return {row.summary for row in list_conversations(session, ListFilter(text=query))}


@pytest.fixture
def like_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take the path other databases take: LIKE per word instead of FTS5."""
    monkeypatch.setattr(SearchRepository, "has_fts", property(lambda _self: False))


def test_fts_is_used_on_sqlite(session: Session) -> None:
    assert SearchRepository(session).has_fts


@pytest.mark.usefixtures("said")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("een", {SAID[0]}),
        ("één", {SAID[0]}),
        ("EEN", {SAID[0]}),
        ("ideeen", {SAID[1]}),
        ("ideeën", {SAID[1]}),
        ("idee", {SAID[1]}),
        ("IDEEËN", {SAID[1]}),
        ("bus", {SAID[0], SAID[2]}),
        ("bus avond", {SAID[2]}),
        ("avond bus", {SAID[2]}),
        ("bus fietspad", set()),
        ("cafe", {"Over de school"}),  # the quote is searched too
        ("zwerf", {SAID[3]}),
        ("vuil", set()),  # prefixes, not infixes
        ("bakkerij", set()),  # the session's place is not a conversation's text
    ],
)
def test_fts_finds_words_without_accents_as_prefixes_all_words(
    session: Session, query: str, expected: set[str]
) -> None:
    assert _search(session, query) == expected


def test_a_removed_conversation_is_not_found(
    session: Session, said: dict[str, Conversation]
) -> None:
    session.get_one(Conversation, said[SAID[2]].id).soft_delete()
    session.flush()
    assert _search(session, "bus") == {SAID[0]}


def test_an_edited_conversation_is_found_by_its_new_text_only(
    session: Session, said: dict[str, Conversation]
) -> None:
    koffiekar.edit_conversation(
        session,
        said[SAID[3]].id,
        koffiekar.ConversationInput("Hondenpoep op de stoep", theme_ids=[OUDEREN]),
    )
    assert _search(session, "zwerfvuil") == set()
    assert _search(session, "hondenpoep") == {"Hondenpoep op de stoep"}


def test_the_index_stays_consistent_after_hard_deletes(
    session: Session, said: dict[str, Conversation]
) -> None:
    session.delete(session.get_one(Conversation, said[SAID[0]].id))
    session.flush()
    for table in ("conversation", "contact", "koffiekar_session"):
        session.execute(text(f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')"))
    assert _search(session, "bus") == {SAID[2]}


@pytest.mark.usefixtures("said")
@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_text_is_searched_as_text(session: Session, query: str) -> None:
    found = _search(session, query)
    assert found <= {*SAID, "Over de school"}
    assert list_contacts(session, ListFilter(text=query)) == []


@pytest.mark.usefixtures("said")
def test_malformed_text_still_matches_its_words(session: Session) -> None:
    assert _search(session, '"bus') == {SAID[0], SAID[2]}
    assert _search(session, "NEAR(bus avond, 2)") == set()  # '2' is a word too
    assert _search(session, "(avond* bus)") == {SAID[2]}
    assert _search(session, "avond AND bus") == set()  # 'and' is a word, not an operator
    assert _search(session, '"') == set()


def test_contacts_and_sessions_are_searched(session: Session) -> None:
    contacts.record_contact(
        session,
        contacts.ContactInput(
            day=date(2026, 5, 4),
            area_id=BEERTA,
            contact_type=ContactType.BIJEENKOMST,
            subject="Overleg dorpsvereniging",
            notes="Ideeën voor de ijsbaan",
        ),
    )
    koffiekar.start_session(
        session,
        koffiekar.SessionInput(
            area_id=BEERTA, day=date(2026, 5, 4), place="Café de Gouden Leeuw", notes="rustig"
        ),
    )
    assert [c.subject for c in list_contacts(session, ListFilter(text="ideeen ijs"))] == [
        "Overleg dorpsvereniging"
    ]
    assert list_contacts(session, ListFilter(text="ideeen tennis")) == []
    repo = SearchRepository(session)
    matching = repo.matching_ids("koffiekar_session", "cafe leeuw")
    assert matching is not None
    assert len(session.scalars(matching.ids).all()) == 1
    assert repo.matching_ids("koffiekar_session", "!?") is None


# --- the LIKE path --------------------------------------------------------------------------


@pytest.mark.usefixtures("said", "like_only")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bus", {SAID[0], SAID[2]}),
        ("BUS avond", {SAID[2]}),
        ("vuil", {SAID[3]}),  # LIKE finds infixes too
        ("school", {"Over de school"}),
    ],
)
def test_like_fallback_finds_plain_words(session: Session, query: str, expected: set[str]) -> None:
    assert _search(session, query) == expected


@pytest.mark.usefixtures("said", "like_only")
@pytest.mark.parametrize("query", MALFORMED)
def test_like_fallback_never_raises(session: Session, query: str) -> None:
    assert _search(session, query) <= {*SAID, "Over de school"}


@pytest.mark.usefixtures("said", "like_only")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("een", SAID[0]),
        ("één", SAID[0]),
        ("ideeen", SAID[1]),
        ("ideeën", SAID[1]),
        ("cafe", "Over de school"),
    ],
)
def test_like_fallback_is_accent_insensitive(session: Session, query: str, expected: str) -> None:
    """The stored text is folded too, not only the query (found by this test, since fixed)."""
    assert expected in _search(session, query)


@pytest.mark.usefixtures("said", "like_only")
def test_like_fallback_treats_wildcards_as_text(session: Session) -> None:
    """'_' is a word character, so it reaches LIKE: escaped, it cannot match 'u' in 'bus'."""
    assert _search(session, "b_s") == set()
