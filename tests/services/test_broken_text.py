"""A broken character (a lone UTF-16 surrogate: half an emoji, a file name the system could
not decode, bytes on the command line that are no text) never ends in a bare
UnicodeEncodeError (issue 14, item 9): a record is refused in Dutch and nothing is stored, a
draft and an audit entry keep their text with a visible U+FFFD, a PDF prints U+FFFD, and the
command line refuses the option.

(The window's fields cannot hold one: PySide drops lone surrogates when text crosses into
Python, measured with setText and with a paste; the CSV import is tested in
test_signal_import.py.)"""

from __future__ import annotations

import io
import json
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from gebiedsapp import cli
from gebiedsapp.domain import (
    AuditEntry,
    Conversation,
    Draft,
    DraftKind,
    Signal,
    SignalSource,
    reference_id,
)
from gebiedsapp.services import audit, drafts, koffiekar, signals
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.reports.pdf_base import PageInfo, build, para, styles
from gebiedsapp.storage.database import Database
from gebiedsapp.storage.errors import StorageError
from gebiedsapp.storage.text_guard import BrokenTextError

BEERTA = reference_id("area", "beerta")
LAMP = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")


def test_a_record_with_a_broken_character_is_refused_in_dutch(database: Database) -> None:
    with database.sessions() as s:
        before = s.scalar(select(func.count()).select_from(Conversation))

    def record() -> None:
        with database.unit_of_work("anna") as s:
            round_ = koffiekar.start_session(
                s, SessionInput(area_id=BEERTA, day=date(2026, 3, 2), start_time=time(10))
            )
            koffiekar.record_conversation(  # the koffiekar's plain insert, not the ORM's
                s, session_id=round_.id,
                data=ConversationInput("De lamp \ud83d is kapot",
                                       theme_ids=[reference_id("theme", "eenzaamheid")]),
            )  # fmt: skip

    with pytest.raises(BrokenTextError) as refused:
        record()
    assert refused.value.user_message == (
        "Een ingevulde tekst bevat een teken dat niet kan worden opgeslagen: de helft van een "
        "speciaal teken, bijvoorbeeld van een emoji die niet goed is geplakt, na “De lamp”. "
        "Verwijder dat teken of typ de tekst opnieuw. Er is niets opgeslagen."
    )
    with database.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Conversation)) == before


def test_a_draft_keeps_its_text_with_a_visible_sign(database: Database) -> None:
    with database.unit_of_work("anna") as s:
        draft_id = drafts.save_draft(
            s, draft_id=None, kind=DraftKind.CONTACT, payload={"notes": "half \udc80 emoji"}
        )
    with database.sessions() as s:
        draft = s.get(Draft, draft_id)
        assert draft is not None
        assert json.loads(draft.payload) == {"notes": "half \ufffd emoji"}


def test_an_audit_entry_with_a_file_name_that_is_no_text(database: Database) -> None:
    with database.unit_of_work("anna") as s:
        audit.note(s, audit.AuditAction.EXPORT, detail="signalen-\udcff.xlsx")
    with database.sessions() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert last is not None
        assert last.detail == "signalen-\ufffd.xlsx"
        assert audit.verify_chain(s).ok


# every code point, lone surrogates included (Hypothesis leaves them out unless asked)
any_text = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
    ),
    min_size=1,
    max_size=60,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(description=any_text)
def test_any_text_is_stored_or_refused_never_a_traceback(
    session: Session, description: str
) -> None:
    session.execute(delete(Signal))
    session.info["actor"] = "anna"
    try:
        with session.begin_nested():
            signals.create_signal(
                session,
                signals.SignalInput(
                    area_id=BEERTA, description=description, source=SignalSource.TELEFOON,
                    reported_on=date(2026, 3, 2), category_id=LAMP,
                ),
                today=date(2026, 3, 2),
            )  # fmt: skip
    except (StorageError, signals.ValidationError) as refused:
        message = getattr(refused, "user_message", None) or refused.message  # type: ignore[attr-defined]
        message.encode("utf-8")  # a message that can be shown and printed
        assert session.scalars(select(Signal)).all() == []
    out = io.BytesIO()
    build(out, [para(description, styles().body)], PageInfo("t", "", ""), title="t")
    session.rollback()


@pytest.mark.usefixtures("cli_environment")
def test_the_command_line_refuses_an_option_that_is_no_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(tmp_path / "data"), "--database", str(tmp_path / "x.db")]
    assert cli.main([*base, "initiatives", "--area", "Beerta\udcff"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "'Beerta\ufffd' bevat een teken dat niet kan worden gelezen (geen geldige "
        "tekst). Er is niets gedaan.\n"
    )
    assert not (tmp_path / "x.db").exists()  # nothing was done
