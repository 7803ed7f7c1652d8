"""The koffiekar screen driven by keyboard only, checked on the database through services.

Keys go to whichever widget has the focus (as on a real keyboard), so the tests also prove that
every field is reached with Tab and that each save puts the cursor back in the summary.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, time

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gebiedsapp.domain import (
    Consent,
    ConsentPurpose,
    Conversation,
    DraftKind,
    FollowUp,
    Handling,
    Meedenker,
    Resident,
)
from gebiedsapp.services.areas import find_area
from gebiedsapp.services.drafts import list_drafts, save_draft
from gebiedsapp.services.history import history
from gebiedsapp.services.koffiekar import (
    ConversationInput,
    SessionInput,
    get_session,
    record_conversation,
    session_conversations,
    start_session,
)
from gebiedsapp.services.taxonomy import list_themes
from gebiedsapp.services.teams import add_member, update_member
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar import KOFFIEKAR, KoffiekarScreen
from gebiedsapp.ui.koffiekar import conversation_form as form_module
from gebiedsapp.ui.koffiekar.area_choice import ChooseAreaDialog
from gebiedsapp.ui.koffiekar.history_dialog import HistoryDialog
from gebiedsapp.ui.koffiekar.prompts import CANCEL, DISCARD, KEEP
from gebiedsapp.ui.koffiekar.theme_picker import ThemeChoice, rank
from gebiedsapp.ui.recovery import RecoveryDialog, pending_drafts
from support.clicks import CTRL, Keyboard, click, click_empty, click_row, focused, tick

# The offscreen platform of the test run says these when a window or the completer's popup is
# shown; they are about the platform plugin, not about this code.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

# ---- fixtures and keyboard helpers -------------------------------------------------------------


@pytest.fixture
def member_id(context: AppContext) -> uuid.UUID:
    """The team member signed in as the test actor ("test")."""
    with context.database.unit_of_work("test") as session:
        member = add_member(session, name="Tessa Testema", organisation="Gemeente Oldambt")
        update_member(
            session,
            member.id,
            name=member.name,
            organisation=member.organisation,
            email="",
            phone="",
            active=True,
            account="test",
        )
        return member.id


@pytest.fixture
def themes(context: AppContext) -> dict[str, uuid.UUID]:
    with context.read() as session:
        return {t.name: t.id for t in list_themes(session)}


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers for 'Concept bewaren / Weggooien / Annuleren', first in first out; each question
    asked is recorded by taking its answer out of the list."""
    queue: list[str] = []

    def ask(_parent: QWidget) -> str:
        assert queue, "the screen asked about unsaved text when no question was expected"
        return queue.pop(0)

    monkeypatch.setattr(form_module, "ask_keep_or_discard", ask)
    return queue


def make_screen(qtbot: QtBot, context: AppContext, *, register: bool = True) -> KoffiekarScreen:
    screen = KoffiekarScreen(context)
    if register:
        qtbot.addWidget(screen)
    screen.resize(1366, 768)
    with qtbot.waitExposed(screen):
        screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


@pytest.fixture
def screen(qtbot: QtBot, context: AppContext) -> KoffiekarScreen:
    return make_screen(qtbot, context)


def start_round(qtbot: QtBot, screen: KoffiekarScreen, area_id: uuid.UUID) -> Keyboard:
    screen.set_area(area_id)  # chosen in the window's area tree
    click_empty(qtbot, screen.rounds)  # the user is somewhere in the screen
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    assert screen.round_id is not None
    assert focused() is screen.form.summary
    return keys


def count(context: AppContext, model: type, *where: object) -> int:
    with context.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def wait_for_draft(
    qtbot: QtBot, context: AppContext, check: Callable[[dict[str, object]], bool]
) -> None:
    def saved() -> bool:
        return any(check(d.payload) for d in pending_drafts(context))

    qtbot.waitUntil(saved, timeout=5_000)


# ---- the walk of issue 3 ------------------------------------------------------------------------

PREFIXES = [
    ("eenz", "Eenzaamheid"),
    ("armo", "Armoede en schulden"),
    ("verkeersv", "Verkeersveiligheid"),
    ("jeugd", "Jeugd en jongeren"),
    ("openbare r", "Openbare ruimte en groen"),
]


def test_a_whole_round_by_keyboard_then_a_crash_then_a_correction(
    qtbot: QtBot,
    context: AppContext,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
    themes: dict[str, uuid.UUID],
    messages: list[str],
) -> None:
    screen = make_screen(qtbot, context, register=False)
    keys = start_round(qtbot, screen, beerta)
    round_id = screen.round_id
    assert round_id is not None
    with context.read() as session:
        assert get_session(session, round_id).staff_ids == (member_id,)
    form = screen.form

    for number in range(20):
        prefix, _theme = PREFIXES[number % len(PREFIXES)]
        keys.type(f"Gesprek {number + 1} over {prefix}")
        keys.press(Qt.Key.Key_Tab)
        assert focused() is form.themes.edit
        keys.type(prefix)
        keys.press(Qt.Key.Key_Return)
        if number == 6:  # a resident who wants to think along, with consent
            keys.tab_to(form.wants_meedenken)
            keys.press(Qt.Key.Key_Space)
            assert form.name.isVisible()
            keys.press(Qt.Key.Key_Tab)
            assert focused() is form.name
            keys.type("Jantje de Vries")
            keys.press(Qt.Key.Key_Tab)
            keys.type("06-12345678")
            keys.tab_to(form.consent)
            keys.press(Qt.Key.Key_Space)
        if number == 11:  # one that needs an action, owned by me (the default owner)
            keys.tab_to(form.make_action)
            keys.press(Qt.Key.Key_Space)
            keys.press(Qt.Key.Key_Tab)
            assert focused() is form.action_description
            keys.type("Lantaarnpaal laten repareren")
        keys.press(Qt.Key.Key_Return, CTRL)
        assert messages == []
        assert focused() is form.summary, f"after conversation {number + 1}"
        assert form.summary.text() == ""
        assert form.themes.theme_ids() == []

    with context.read() as session:
        saved = session_conversations(session, round_id)
    assert len(saved) == 20
    by_summary = {c.summary: c for c in saved}
    for number in range(20):
        prefix, theme = PREFIXES[number % len(PREFIXES)]
        assert by_summary[f"Gesprek {number + 1} over {prefix}"].themes == (theme,)
    assert by_summary["Gesprek 7 over armo"].has_resident
    assert sum(c.has_resident for c in saved) == 1
    assert count(context, Resident) == 1
    assert count(context, Consent, Consent.purpose == ConsentPurpose.MEEDENKEN) == 1
    assert count(context, Meedenker) == 1
    assert count(context, FollowUp, FollowUp.owner_id == member_id) == 1
    assert count(context, FollowUp) == 1
    action_for = by_summary["Gesprek 12 over armo"]
    assert action_for.handling is Handling.ACTIE_NODIG  # checking 'actie aanmaken' set it
    assert count(context, FollowUp, FollowUp.conversation_id == action_for.id) == 1
    assert screen.conversations_model.rowCount() == 20
    assert screen.rounds_model.rows[0].conversations == 20
    assert pending_drafts(context) == []  # each save deleted its draft in the same transaction

    # -- a crash halfway through the next conversation --------------------------------------
    keys.type("Buurman maakt zich zorgen om de bushalte")
    keys.press(Qt.Key.Key_Tab)
    keys.type("armo")
    keys.press(Qt.Key.Key_Return)
    keys.type("jeu")  # a second theme, not yet chosen
    wait_for_draft(
        qtbot,
        context,
        lambda p: p.get("theme_text") == "jeu" and len(p.get("theme_ids", [])) == 1,  # type: ignore[arg-type]
    )
    screen.flush = lambda: None  # type: ignore[method-assign]  # a kill runs no clean-up
    with qtbot.waitSignal(screen.destroyed):
        screen.deleteLater()
    assert not shiboken6.isValid(screen)

    again = make_screen(qtbot, context)
    drafts = pending_drafts(context)
    assert [d.kind for d in drafts] == [DraftKind.CONVERSATION]
    dialog = RecoveryDialog(context, drafts, again)
    qtbot.addWidget(dialog)
    restored: list[object] = []
    dialog.restore_requested.connect(restored.append)
    dialog.restore_requested.connect(again.restore_draft)
    qtbot.mouseClick(dialog.restore_buttons[0], Qt.MouseButton.LeftButton)
    assert restored == drafts
    assert again.round_id == round_id
    assert again.form.summary.text() == "Buurman maakt zich zorgen om de bushalte"
    assert again.form.themes.chip_labels() == ["Armoede en schulden"]
    assert again.form.themes.pending_text() == "jeu"
    assert again.form.title.text() == "Nieuw gesprek"

    # finishing the restored draft saves it and deletes the draft
    click(qtbot, again.form.themes.edit)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    assert pending_drafts(context) == []
    with context.read() as session:
        latest = session_conversations(session, round_id)[0]
    assert latest.themes == ("Armoede en schulden", "Jeugd en jongeren")

    # -- a correction of a finalised conversation keeps the earlier version ------------------
    first = by_summary["Gesprek 1 over eenz"]
    row = next(i for i, r in enumerate(again.conversations_model.rows) if r.id == first.id)
    click_row(qtbot, again.conversations, row)
    keys.press(Qt.Key.Key_Return)
    assert again.form.title.text() == "Gesprek bewerken"
    assert focused() is again.form.summary
    assert again.form.summary.text() == "Gesprek 1 over eenz"
    keys.press(Qt.Key.Key_A, CTRL)  # select all, then type over it
    keys.type("Gesprek 1: mevrouw voelt zich alleen sinds haar man overleed")
    keys.press(Qt.Key.Key_Tab)
    keys.type("ouder")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    with context.read() as session:
        versions = history(session, "conversation", first.id)
        assert count(context, Conversation) == 21
    assert len(versions) == 1
    assert versions[0].changed_by == "test"
    assert versions[0].changes["summary"] == [
        "Gesprek 1 over eenz",
        "Gesprek 1: mevrouw voelt zich alleen sinds haar man overleed",
    ]
    old_themes, new_themes = versions[0].changes["themes"]
    assert old_themes == [str(themes["Eenzaamheid"])]
    assert sorted(new_themes) == sorted([str(themes["Eenzaamheid"]), str(themes["Ouderen"])])
    assert again.form.title.text() == "Nieuw gesprek"

    history_dialog = HistoryDialog(context, first.id, again)
    qtbot.addWidget(history_dialog)
    cells = {
        tuple(
            history_dialog.table.item(r, c).text()
            for c in range(history_dialog.table.columnCount())
        )[2:]
        for r in range(history_dialog.table.rowCount())
    }
    assert ("Thema's", "Eenzaamheid", "Eenzaamheid, Ouderen") in cells
    assert (
        "Samenvatting",
        "Gesprek 1 over eenz",
        "Gesprek 1: mevrouw voelt zich alleen sinds haar man overleed",
    ) in cells


def test_the_minimal_conversation_takes_six_keystrokes_beyond_the_summary(
    qtbot: QtBot,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
) -> None:
    keys = start_round(qtbot, screen, beerta)
    keys.type("Vraagt naar de nieuwe bushalte")
    keys.extra = 0
    keys.press(Qt.Key.Key_Tab)
    keys.type("eenz", counts=True)
    keys.press(Qt.Key.Key_Return, CTRL)  # the typed theme is taken on saving
    assert messages == []
    assert keys.extra == 6
    assert screen.conversations_model.rows[0].themes == ("Eenzaamheid",)
    assert focused() is screen.form.summary


def test_tab_reaches_every_field_in_order(
    qtbot: QtBot, screen: KoffiekarScreen, member_id: uuid.UUID, beerta: uuid.UUID
) -> None:
    start_round(qtbot, screen, beerta)
    form = screen.form
    tick(qtbot, form.wants_contact)
    tick(qtbot, form.make_action)
    click(qtbot, form.summary)
    keys = Keyboard(qtbot)
    seen = [focused()]
    for _ in range(22):
        keys.press(Qt.Key.Key_Tab)
        seen.append(focused())
    expected = [
        form.summary,
        form.themes.edit,
        form.handling_buttons[0],  # one stop for the radio group; arrows move inside it
        form.quote,
        form.quote_reportable,
        form.wants_contact,
        form.wants_meedenken,
        form.name,
        form.phone,
        form.email,
        form.consent,
        form.callback,  # the call-back 'wil contact' proposes
        form.callback_description,
        form.callback_owner,
        form.callback_due,
        form.make_action,
        form.action_description,
        form.action_owner,
        form.action_due,
        form.save_button,
        form.clear_button,
    ]
    assert seen[: len(expected)] == expected


def test_arrow_keys_choose_the_handling(
    qtbot: QtBot, screen: KoffiekarScreen, member_id: uuid.UUID, beerta: uuid.UUID
) -> None:
    start_round(qtbot, screen, beerta)
    keys = Keyboard(qtbot)
    keys.tab_to(screen.form.handling_buttons[0])
    keys.press(Qt.Key.Key_Right)
    assert screen.form.handling is Handling.DOORVERWIJZEN
    keys.press(Qt.Key.Key_Right)
    assert screen.form.handling is Handling.ACTIE_NODIG
    assert focused() is screen.form.handling_buttons[2]


def test_theme_picker_matches_anywhere_and_backspace_removes_the_last_chip(
    qtbot: QtBot, screen: KoffiekarScreen, member_id: uuid.UUID, beerta: uuid.UUID
) -> None:
    start_round(qtbot, screen, beerta)
    picker = screen.form.themes
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_Tab)
    keys.type("SCHULD")  # in the middle of "Armoede en schulden", other case
    keys.press(Qt.Key.Key_Return)
    keys.type("ouder")
    keys.press(Qt.Key.Key_Return)
    assert picker.chip_labels() == ["Armoede en schulden", "Ouderen"]
    keys.type("ouder")  # a chosen theme is not offered again
    assert [c.label for c in rank(picker._open_choices(), "ouder")] == []
    keys.press(Qt.Key.Key_A, CTRL)  # the typed text away...
    keys.press(Qt.Key.Key_Delete)
    keys.press(Qt.Key.Key_Backspace)  # ...then Backspace in the empty field
    assert picker.chip_labels() == ["Armoede en schulden"]
    assert focused() is picker.edit


def test_rank_puts_names_starting_with_the_text_first() -> None:
    choices = [
        ThemeChoice(uuid.uuid4(), "Meedenken over plannen"),
        ThemeChoice(uuid.uuid4(), "Overlast en onveiligheid"),
        ThemeChoice(uuid.uuid4(), "Overlast"),
        ThemeChoice(uuid.uuid4(), "Ideeën"),
        ThemeChoice(uuid.uuid4(), "Oud thema", active=False),
    ]
    assert [c.label for c in rank(choices, "over")] == [
        "Overlast en onveiligheid",
        "Overlast",
        "Meedenken over plannen",
    ]
    assert rank(choices, "overlast")[0].label == "Overlast"  # the exact name first
    assert [c.label for c in rank(choices, "ideeen")] == ["Ideeën"]
    assert rank(choices, "oud") == []
    assert rank(choices, "  ") == []


# ---- bad input, Escape and autosave -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fill", "message"),
    [
        (lambda keys, form: keys.press(Qt.Key.Key_Tab), "Schrijf in een paar woorden"),
        (lambda keys, form: keys.type("Over de bus"), "Kies ten minste één thema"),
        (
            lambda keys, form: (
                keys.type("Wil gebeld worden"),
                keys.press(Qt.Key.Key_Tab),
                keys.type("eenz"),
                keys.press(Qt.Key.Key_Return),
                keys.tab_to(form.wants_contact),
                keys.press(Qt.Key.Key_Space),
                keys.press(Qt.Key.Key_Tab),
                keys.press(Qt.Key.Key_Tab),
                keys.type("Piet"),
                keys.press(Qt.Key.Key_Tab),
                keys.type("06-12345678"),
            ),
            "toestemming",
        ),
        (
            lambda keys, form: (
                keys.type("Vraag"),
                keys.press(Qt.Key.Key_Tab),
                keys.type("xyzzy"),
            ),
            "geen thema dat past bij 'xyzzy'",
        ),
        (
            lambda keys, form: (
                keys.type("Stoep kapot"),
                keys.press(Qt.Key.Key_Tab),
                keys.type("openbare"),
                keys.press(Qt.Key.Key_Return),
                keys.tab_to(form.make_action),
                keys.press(Qt.Key.Key_Space),
            ),
            "Beschrijf wat er moet gebeuren",
        ),
    ],
)
def test_bad_input_says_why_keeps_the_text_and_writes_nothing(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
    messages: list[str],
    fill: Callable[[Keyboard, object], object],
    message: str,
) -> None:
    keys = start_round(qtbot, screen, beerta)
    fill(keys, screen.form)
    before = screen.form.payload()
    keys.press(Qt.Key.Key_Return, CTRL)
    assert len(messages) == 1
    assert message in messages[0]
    assert screen.form.payload() == before
    assert count(context, Conversation) == 0
    assert count(context, Resident) == 0
    assert count(context, FollowUp) == 0


def test_escape_with_text_asks_and_keeping_the_draft_clears_the_form(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
    answers: list[str],
) -> None:
    keys = start_round(qtbot, screen, beerta)
    keys.type("Half verhaal")
    answers.append(CANCEL)
    keys.press(Qt.Key.Key_Escape)
    assert answers == []  # it asked
    assert screen.form.summary.text() == "Half verhaal"

    answers.append(KEEP)
    keys.press(Qt.Key.Key_Escape)
    assert answers == []
    assert screen.form.summary.text() == ""
    assert focused() is screen.form.summary
    drafts = pending_drafts(context)
    assert [d.payload["summary"] for d in drafts] == ["Half verhaal"]
    assert drafts[0].session_id == screen.round_id

    keys.type("Nog een half verhaal")
    answers.append(DISCARD)
    keys.press(Qt.Key.Key_Escape)
    assert screen.form.summary.text() == ""
    assert [d.payload["summary"] for d in pending_drafts(context)] == ["Half verhaal"]

    keys.press(Qt.Key.Key_Escape)  # an empty form: nothing to ask
    assert answers == []


def test_the_real_question_defaults_to_keeping_the_draft(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    keys = start_round(qtbot, screen, beerta)
    keys.type("Niet weggooien")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.buttons())
        assert box.defaultButton().text() == "Concept bewaren"
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default

    QTimer.singleShot(0, answer)
    keys.press(Qt.Key.Key_Escape)
    assert sorted(seen) == ["Annuleren", "Concept bewaren", "Weggooien"]
    assert screen.form.summary.text() == ""
    assert [d.payload["summary"] for d in pending_drafts(context)] == ["Niet weggooien"]


def test_autosave_shows_when_the_draft_was_saved(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    keys = start_round(qtbot, screen, beerta)
    with qtbot.waitSignal(screen.form.autosaver.saved, timeout=5_000):
        keys.type("Over de dorpshuis")
    assert screen.form.draft_label.text().startswith("Concept bewaard ")
    keys.press(Qt.Key.Key_Tab)  # focus loss saves at once, without waiting for the timer
    keys.type("x")
    click(qtbot, screen.form.summary)
    assert pending_drafts(context)[0].payload["theme_text"] == "x"


def test_switching_round_keeps_the_typing_and_brings_it_back(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    keys = start_round(qtbot, screen, beerta)
    first = screen.round_id
    keys.type("Begonnen in de eerste ronde")
    keys.press(Qt.Key.Key_N, CTRL)  # another round
    assert screen.round_id != first
    assert screen.form.summary.text() == ""
    # both rounds started this minute, so which is listed first is not defined: pick by id
    click_row(qtbot, screen.rounds, screen.rounds_model.index_of(first))
    assert screen.round_id == first
    assert screen.form.summary.text() == "Begonnen in de eerste ronde"
    assert len(pending_drafts(context)) == 1


# ---- the round's header -------------------------------------------------------------------------


def test_header_edits_autosave_and_are_finalised_with_ctrl_s(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    start_round(qtbot, screen, beerta)
    header = screen.session_form
    keys = Keyboard(qtbot)
    click(qtbot, header.place)
    keys.type("Bij de Spar")
    click(qtbot, header.passers_by)
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("35")
    wait_for_draft(qtbot, context, lambda p: p.get("passers_by") == 35)
    drafts = list_drafts_of(context, DraftKind.SESSION)
    assert drafts[0].target_id == screen.round_id
    keys.press(Qt.Key.Key_S, CTRL)
    assert list_drafts_of(context, DraftKind.SESSION) == []
    with context.read() as session:
        view = get_session(session, screen.round_id)  # type: ignore[arg-type]
    assert (view.place, view.passers_by) == ("Bij de Spar", 35)
    assert screen.rounds_model.rows[0].place == "Bij de Spar"


def test_choosing_another_round_finalises_the_header(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    with context.database.unit_of_work("test") as session:
        start_session(
            session, SessionInput(area_id=beerta, day=date(2024, 5, 1), place="Bij de kerk")
        )
    start_round(qtbot, screen, beerta)
    new = screen.round_id
    keys = Keyboard(qtbot)
    click(qtbot, screen.session_form.weather.lineEdit())
    keys.type("regen")
    click_row(qtbot, screen.rounds, 0)  # the new round, then to the oldest one
    keys.press(Qt.Key.Key_End, CTRL)
    with context.read() as session:
        assert get_session(session, new).weather == "regen"  # type: ignore[arg-type]
    assert list_drafts_of(context, DraftKind.SESSION) == []
    assert screen.session_form.place.text() == "Bij de kerk"


def test_place_is_remembered_and_buurten_are_the_areas(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    with context.database.unit_of_work("test") as session:
        start_session(session, SessionInput(area_id=beerta, day=date(2024, 5, 1), place="Plein"))
    start_round(qtbot, screen, beerta)
    header = screen.session_form
    assert header.place.text() == "Plein"  # quick_session takes the last place of the area
    assert header.places.stringList() == ["Plein"]
    combo = [header.buurt.itemText(i) for i in range(header.buurt.count())]
    assert combo[0] == "(onbekend)"
    assert len(combo) > 1
    assert all("BU18950" in text for text in combo[1:])


def list_drafts_of(context: AppContext, kind: DraftKind) -> list[object]:
    with context.read() as session:
        return list(list_drafts(session, kind=kind))


# ---- models, restore of a header draft, refresh -------------------------------------------------


def test_models_pass_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: object,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
    themes: dict[str, uuid.UUID],
) -> None:
    start_round(qtbot, screen, beerta)
    with context.database.unit_of_work("test") as session:
        record_conversation(
            session,
            session_id=screen.round_id,  # type: ignore[arg-type]
            data=ConversationInput(summary="Over de bus", theme_ids=(themes["Openbaar vervoer"],)),
        )
    context.hub.announce(KOFFIEKAR)
    assert screen.conversations_model.rowCount() == 1
    model = screen.conversations_model
    assert model.data(model.index(0, model.COL_THEMES)) == "Openbaar vervoer"
    assert model.data(model.index(0, model.COL_HANDLING)) == "Ter plekke beantwoord"
    assert model.data(model.index(0, model.COL_AUTHOR)) == "test"
    assert screen.rounds_model.data(screen.rounds_model.index(0, 2)) == "1"
    qtmodeltester.check(screen.rounds_model)  # type: ignore[attr-defined]
    qtmodeltester.check(screen.conversations_model)  # type: ignore[attr-defined]


def test_restoring_a_header_draft_opens_its_round(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    start_round(qtbot, screen, beerta)
    round_id = screen.round_id
    click(qtbot, screen.session_form.place)
    Keyboard(qtbot).type("Voor de school")
    wait_for_draft(qtbot, context, lambda p: p.get("place", "").endswith("Voor de school"))  # type: ignore[union-attr]
    scheemda = find_area_id(context, "Scheemda")
    screen.session_form.dirty = False  # as after a crash: the edit only lives in the draft
    choose_area(qtbot, screen, scheemda)
    assert screen.round_id is None
    restore_first_draft(qtbot, context, screen)
    assert screen.area is not None
    assert screen.area.id == beerta
    assert screen.round_id == round_id
    assert screen.session_form.place.text().endswith("Voor de school")
    assert screen.session_form.dirty
    assert focused() is screen.session_form.place


def restore_first_draft(qtbot: QtBot, context: AppContext, screen: KoffiekarScreen) -> None:
    """'Herstel je werk?' with the first draft's 'Herstellen' clicked (the window's wiring)."""
    dialog = RecoveryDialog(context, pending_drafts(context), screen)
    qtbot.addWidget(dialog)
    dialog.restore_requested.connect(screen.restore_draft)
    with qtbot.waitExposed(dialog):
        dialog.show()
    click(qtbot, dialog.restore_buttons[0])
    assert not dialog.isVisible()
    screen.activateWindow()  # the window manager's part: the screen is in front again
    qtbot.waitUntil(screen.isActiveWindow)


def choose_area(qtbot: QtBot, screen: KoffiekarScreen, area_id: uuid.UUID) -> None:
    """Chosen in the window's area tree: its rounds come in on the worker."""
    screen.set_area(area_id)
    qtbot.waitUntil(lambda: screen.area is not None and screen.area.id == area_id)


def find_area_id(context: AppContext, name: str) -> uuid.UUID:
    with context.read() as session:
        return find_area(session, name).id


def test_the_municipality_itself_holds_no_rounds(
    qtbot: QtBot, screen: KoffiekarScreen, context: AppContext
) -> None:
    choose_area(qtbot, screen, find_area_id(context, "Oldambt"))
    assert not screen.new_button.isEnabled()
    assert "dorp of wijk" in screen.rounds_hint.text()
    asked: list[str] = []

    def cancel() -> None:  # Ctrl+N asks which village; Escape says: none
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChooseAreaDialog)
        asked.append(dialog.windowTitle())
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)

    click_empty(qtbot, screen.rounds)
    QTimer.singleShot(0, cancel)
    Keyboard(qtbot).press(Qt.Key.Key_N, CTRL)
    assert asked == ["Nieuwe koffiekarronde"]
    assert screen.round_id is None


@pytest.fixture(autouse=True)
def _no_real_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question box nobody answers would hang the test run: fail instead."""

    def refuse(*_args: object) -> object:
        raise AssertionError("unexpected QMessageBox.question")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(refuse))


def test_a_draft_of_a_round_never_started_is_started_with_ctrl_s(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
) -> None:
    # the shape the demo data writes: a planned round, no target yet
    with context.database.unit_of_work("test") as session:
        save_draft(
            session,
            draft_id=None,
            kind=DraftKind.SESSION,
            payload={
                "area_id": str(beerta),
                "day": "2025-06-03",
                "place": "bij de bushalte",
                "staff_ids": [str(member_id)],
                "start_time": "10:00:00",
                "weather": "lichte regen",
            },
        )
    screen.set_area(find_area_id(context, "Scheemda"))
    restore_first_draft(qtbot, context, screen)
    header = screen.session_form
    assert screen.area is not None
    assert screen.area.id == beerta
    assert screen.round_id is None
    assert (header.place.text(), header.weather.currentText()) == (
        "bij de bushalte",
        "lichte regen",
    )
    assert header.staff_ids() == [member_id]
    assert "nog niet gestart" in header.state.text()
    assert focused() is header.place
    Keyboard(qtbot).press(Qt.Key.Key_S, CTRL)
    assert screen.round_id is not None
    assert pending_drafts(context) == []
    with context.read() as session:
        view = get_session(session, screen.round_id)
    assert (view.day, view.place, view.start_time) == (
        date(2025, 6, 3),
        "bij de bushalte",
        time(10),
    )
    assert screen.rounds_model.rows[0].id == view.id
    assert screen.form.isEnabled()


def test_restoring_an_edit_draft_continues_the_correction(
    qtbot: QtBot,
    context: AppContext,
    screen: KoffiekarScreen,
    member_id: uuid.UUID,
    beerta: uuid.UUID,
    themes: dict[str, uuid.UUID],
    messages: list[str],
) -> None:
    start_round(qtbot, screen, beerta)
    round_id = screen.round_id
    assert round_id is not None
    with context.database.unit_of_work("test") as session:
        conversation = record_conversation(
            session,
            session_id=round_id,
            data=ConversationInput(summary="Over de bus", theme_ids=(themes["Openbaar vervoer"],)),
        ).id
        save_draft(
            session,
            draft_id=None,
            kind=DraftKind.CONVERSATION,
            target_id=conversation,
            session_id=round_id,
            payload={"summary": "Over de buurtbus", "theme_ids": [str(themes["Openbaar vervoer"])]},
        )
    restore_first_draft(qtbot, context, screen)
    assert screen.form.title.text() == "Gesprek bewerken"
    assert screen.form.summary.text() == "Over de buurtbus"
    Keyboard(qtbot).press(Qt.Key.Key_Return, CTRL)
    assert messages == []
    assert pending_drafts(context) == []
    with context.read() as session:
        assert history(session, "conversation", conversation)[0].changes["summary"] == [
            "Over de bus",
            "Over de buurtbus",
        ]


def test_enter_in_the_summary_moves_on_to_the_themes(
    qtbot: QtBot, screen: KoffiekarScreen, member_id: uuid.UUID, beerta: uuid.UUID
) -> None:
    keys = start_round(qtbot, screen, beerta)
    keys.type("Over de bus")
    keys.press(Qt.Key.Key_Return)
    assert focused() is screen.form.themes.edit


def test_arrow_keys_in_the_suggestions_choose_another_theme(
    qtbot: QtBot, screen: KoffiekarScreen, member_id: uuid.UUID, beerta: uuid.UUID
) -> None:
    start_round(qtbot, screen, beerta)
    picker = screen.form.themes
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_Tab)
    keys.type("overl")
    assert picker.popup.isVisible()
    offered = picker.suggestions.stringList()
    assert offered[:2] == ["Overlast en onveiligheid", "Overlast"]  # the dimension comes first

    def highlighted() -> str | None:
        chosen = picker.popup.selectionModel().selectedIndexes()
        return str(chosen[0].data()) if chosen else None

    # while the suggestions are open, the keyboard goes to them (they hand Enter to the field)
    for _ in range(3):
        if highlighted() == offered[1]:
            break
        qtbot.keyClick(picker.popup, Qt.Key.Key_Down)
    assert highlighted() == offered[1]
    qtbot.keyClick(picker.popup, Qt.Key.Key_Return)
    assert picker.chip_labels() == ["Overlast"]  # not the first suggestion: the highlighted one
    assert picker.pending_text() == ""
    assert not picker.popup.isVisible()
