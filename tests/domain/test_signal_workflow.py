"""The signal state machine: the table itself, the Dutch reasons, and properties over random
sequences of requested transitions (most of them not allowed)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsapp.domain import SignalField, SignalStatus
from gebiedsapp.domain.signal_workflow import (
    ALLOWED,
    CLOSED,
    OPEN,
    START,
    TransitionNotAllowedError,
    check_transition,
    path,
    reason,
    replay,
)

S = SignalStatus


@dataclass(frozen=True)
class Step:
    field: SignalField
    old: str
    new: str


def test_every_status_has_a_row_and_no_status_leads_to_itself() -> None:
    assert set(ALLOWED) == set(SignalStatus)
    for old, targets in ALLOWED.items():
        assert old not in targets
        assert START not in targets  # nothing goes back to Gemeld


def test_the_table_follows_the_domain() -> None:
    assert ALLOWED[S.GEMELD] == {S.IN_BEHANDELING, S.GEANNULEERD}
    assert ALLOWED[S.IN_BEHANDELING] == {
        S.DOORGEZET,
        S.INGEPLAND,
        S.ON_HOLD,
        S.AFGEHANDELD,
        S.GEANNULEERD,
    }
    for waiting in (S.DOORGEZET, S.INGEPLAND, S.ON_HOLD):
        assert {S.IN_BEHANDELING, S.AFGEHANDELD, S.GEANNULEERD} <= ALLOWED[waiting]
        # and they may move into one another
        assert ALLOWED[waiting] - {S.IN_BEHANDELING, S.AFGEHANDELD, S.GEANNULEERD} == {
            S.DOORGEZET,
            S.INGEPLAND,
            S.ON_HOLD,
        } - {waiting}
    assert ALLOWED[S.AFGEHANDELD] == {S.HEROPEND}
    assert ALLOWED[S.GEANNULEERD] == {S.HEROPEND}
    assert ALLOWED[S.HEROPEND] == {S.IN_BEHANDELING, S.AFGEHANDELD, S.GEANNULEERD}
    assert {S.AFGEHANDELD, S.GEANNULEERD} == CLOSED
    assert set(SignalStatus) == OPEN | CLOSED


def test_every_status_is_reachable_from_gemeld() -> None:
    for status in SignalStatus:
        route = path(START, status)
        assert route is not None
        assert route[0] == START
        assert route[-1] == status


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            S.GEMELD,
            S.AFGEHANDELD,
            "Van 'Gemeld' kan een signaal niet naar 'Afgehandeld'; eerst 'In behandeling'.",
        ),
        (
            S.GEMELD,
            S.DOORGEZET,
            "Van 'Gemeld' kan een signaal niet naar 'Doorgezet naar partner'; "
            "eerst 'In behandeling'.",
        ),
        (
            S.AFGEHANDELD,
            S.IN_BEHANDELING,
            "Van 'Afgehandeld' kan een signaal niet naar 'In behandeling'; eerst 'Heropend'.",
        ),
        (S.IN_BEHANDELING, S.GEMELD, "Een signaal kan niet terug naar 'Gemeld'."),
        (S.ON_HOLD, S.ON_HOLD, "Het signaal staat al op 'In de wacht'."),
    ],
)
def test_a_refused_transition_says_why_in_dutch(
    old: SignalStatus, new: SignalStatus, message: str
) -> None:
    with pytest.raises(TransitionNotAllowedError) as info:
        check_transition(old, new)
    assert info.value.message == message
    assert str(info.value) == message
    assert (info.value.old, info.value.new) == (old, new)


def test_allowed_transitions_pass_and_have_no_reason() -> None:
    for old, targets in ALLOWED.items():
        for new in targets:
            check_transition(old, new)
            assert reason(old, new) is None


def test_every_refusal_has_a_reason() -> None:
    for old in SignalStatus:
        for new in set(SignalStatus) - ALLOWED[old]:
            why = reason(old, new)
            assert why
            assert old.label in why or new.label in why


@given(st.lists(st.sampled_from(list(SignalStatus)), max_size=60))
def test_no_sequence_of_requests_leaves_the_table(requests: list[SignalStatus]) -> None:
    """Apply each request if allowed, ignore it otherwise: every step made is in the table, and
    replaying the steps made always gives the current status."""
    status = START
    history: list[Step] = []
    for wanted in requests:
        try:
            check_transition(status, wanted)
        except TransitionNotAllowedError:
            assert wanted not in ALLOWED[status]
            continue
        assert wanted in ALLOWED[status]
        history.append(Step(SignalField.STATUS, status.value, wanted.value))
        history.append(Step(SignalField.PRIORITY, "normaal", "hoog"))  # ignored by replay
        status = wanted
        assert replay(history) == status
    assert replay(history) == status


def test_replay_refuses_a_broken_history() -> None:
    assert replay([]) == START
    with pytest.raises(TransitionNotAllowedError):
        replay([Step(SignalField.STATUS, "gemeld", "afgehandeld")])
    with pytest.raises(TransitionNotAllowedError, match="geschiedenis klopt niet"):
        replay(
            [
                Step(SignalField.STATUS, "gemeld", "in_behandeling"),
                Step(SignalField.STATUS, "gemeld", "geannuleerd"),
            ]
        )
