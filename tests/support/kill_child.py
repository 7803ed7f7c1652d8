"""The child process of tests/test_kill.py: records entries until it is killed.

    python kill_child.py DATABASE_FILE DATA_DIR RUN

Opens the database as the app does, finalises drafts a previous (killed) run left behind, then
loops: start a koffiekar round when needed, save a conversation draft in its own unit of work,
overwrite it a few times, and finalise it through `record_conversation(draft_id=...)`. A line is
printed only after its transaction committed, so everything the parent reads was committed:

    READY
    ROUND <session id>
    DRAFT <draft id> <summary>        (after each committed save of the draft)
    SAVED <conversation id> <draft id>  (after the committed finalisation)

Summaries are "r<run>-e<entry>-v<version>": the parent compares versions to check that the
draft in the database is the last one reported, or a later one.
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

from gebiedsapp.domain import DraftKind, reference_id
from gebiedsapp.paths import app_paths, sqlite_url
from gebiedsapp.services import drafts, koffiekar
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database

ACTOR = "kill-test"
AREA = reference_id("area", "beerta")
THEMES = [str(reference_id("theme", "eenzaamheid"))]
CONVERSATIONS_PER_ROUND = 8
SAVES_PER_DRAFT = 4


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def finalise(
    database: Database, round_id: uuid.UUID, draft_id: uuid.UUID, summary: str, themes: list[str]
) -> None:
    with database.unit_of_work(ACTOR) as session:
        conversation = koffiekar.record_conversation(
            session,
            session_id=round_id,
            data=koffiekar.ConversationInput(
                summary=summary, theme_ids=[uuid.UUID(t) for t in themes]
            ),
            draft_id=draft_id,
        )
        conversation_id = conversation.id
    say(f"SAVED {conversation_id} {draft_id}")


def main(database_file: str, data_dir: str, run: int) -> None:
    database = open_database(
        sqlite_url(Path(database_file)), app_paths(data_dir), actor=ACTOR
    ).database
    say("READY")
    with database.unit_of_work(ACTOR) as session:
        left = drafts.list_drafts(session, kind=DraftKind.CONVERSATION)
    for draft in left:  # 'Herstel je werk?': finish what a killed run was typing
        if draft.session_id is not None and draft.payload.get("summary"):
            finalise(
                database,
                draft.session_id,
                draft.id,
                str(draft.payload["summary"]),
                list(draft.payload.get("themes", THEMES)),
            )
    round_id: uuid.UUID | None = None
    entry = 0
    while True:
        if round_id is None or entry % CONVERSATIONS_PER_ROUND == 0:
            with database.unit_of_work(ACTOR) as session:
                round_id = koffiekar.quick_session(
                    session, area_id=AREA, staff_ids=[], now=datetime.now(UTC)
                ).id
            say(f"ROUND {round_id}")
        draft_id: uuid.UUID | None = None
        summary = ""
        for version in range(1, SAVES_PER_DRAFT + 1):
            summary = f"r{run}-e{entry}-v{version}"
            with database.unit_of_work(ACTOR) as session:
                draft_id = drafts.save_draft(
                    session,
                    draft_id=draft_id,
                    kind=DraftKind.CONVERSATION,
                    payload={"summary": summary, "themes": THEMES, "quote": "é" * version},
                    session_id=round_id,
                )
            say(f"DRAFT {draft_id} {summary}")
        assert draft_id is not None
        finalise(database, round_id, draft_id, summary, THEMES)
        entry += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
