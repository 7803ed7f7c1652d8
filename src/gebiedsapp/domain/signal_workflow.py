"""The signal state machine as an explicit table (pure Python: no database, no Qt).

After the Signalen platform's workflow (DOMAIN.md, "Signal lifecycle"):

    Gemeld          -> In behandeling | Geannuleerd
    In behandeling  -> Doorgezet | Ingepland | On hold | Afgehandeld | Geannuleerd
    Doorgezet       -> In behandeling | Ingepland | On hold | Afgehandeld | Geannuleerd
    Ingepland       -> In behandeling | Doorgezet | On hold | Afgehandeld | Geannuleerd
    On hold         -> In behandeling | Doorgezet | Ingepland | Afgehandeld | Geannuleerd
    Afgehandeld     -> Heropend
    Geannuleerd     -> Heropend
    Heropend        -> In behandeling | Afgehandeld | Geannuleerd

Design choice: Doorgezet, Ingepland and On hold are three ways of "being worked on" and may move
into one another directly (a partner plans the job it was passed; planned work is put on hold;
a held signal is passed on after all). Forcing a detour through In behandeling would only add
history entries that mean nothing. Nothing ever goes back to Gemeld, and a closed signal only
moves by being reopened first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Protocol

from gebiedsapp.domain.enums import SignalField, SignalStatus

S = SignalStatus

_WORKING = frozenset({S.DOORGEZET, S.INGEPLAND, S.ON_HOLD})
_ENDINGS = frozenset({S.IN_BEHANDELING, S.AFGEHANDELD, S.GEANNULEERD})

ALLOWED: dict[SignalStatus, frozenset[SignalStatus]] = {
    S.GEMELD: frozenset({S.IN_BEHANDELING, S.GEANNULEERD}),
    S.IN_BEHANDELING: _WORKING | {S.AFGEHANDELD, S.GEANNULEERD},
    S.DOORGEZET: _ENDINGS | (_WORKING - {S.DOORGEZET}),
    S.INGEPLAND: _ENDINGS | (_WORKING - {S.INGEPLAND}),
    S.ON_HOLD: _ENDINGS | (_WORKING - {S.ON_HOLD}),
    S.AFGEHANDELD: frozenset({S.HEROPEND}),
    S.GEANNULEERD: frozenset({S.HEROPEND}),
    S.HEROPEND: _ENDINGS,
}

START = S.GEMELD
CLOSED: frozenset[SignalStatus] = frozenset({S.AFGEHANDELD, S.GEANNULEERD})
OPEN: frozenset[SignalStatus] = frozenset(SignalStatus) - CLOSED


class TransitionNotAllowedError(ValueError):
    """A status change the table does not allow; the message is Dutch and says why."""

    def __init__(self, old: SignalStatus, new: SignalStatus, message: str) -> None:
        super().__init__(message)
        self.old = old
        self.new = new
        self.message = message


def is_closed(status: SignalStatus) -> bool:
    return status in CLOSED


def path(old: SignalStatus, new: SignalStatus) -> list[SignalStatus] | None:
    """The shortest allowed route from `old` to `new` (both included), or None."""
    previous: dict[SignalStatus, SignalStatus | None] = {old: None}
    queue = deque([old])
    while queue:
        here = queue.popleft()
        if here == new:
            route = [here]
            while (step := previous[route[-1]]) is not None:
                route.append(step)
            return route[::-1]
        for nxt in sorted(ALLOWED[here]):  # sorted: the same hint every time
            if nxt not in previous:
                previous[nxt] = here
                queue.append(nxt)
    return None


def reason(old: SignalStatus, new: SignalStatus) -> str | None:
    """Why `old` -> `new` is not allowed (Dutch), or None when it is."""
    if new in ALLOWED[old]:
        return None
    if old == new:
        return f"Het signaal staat al op '{old.label}'."
    if new == START:
        return f"Een signaal kan niet terug naar '{START.label}'."
    route = path(old, new)
    if route is None or len(route) < 3:  # cannot happen with the table above
        return f"Van '{old.label}' kan een signaal niet naar '{new.label}'."
    return f"Van '{old.label}' kan een signaal niet naar '{new.label}'; eerst '{route[1].label}'."


def check_transition(old: SignalStatus, new: SignalStatus) -> None:
    """Raise TransitionNotAllowedError (Dutch reason) unless the table allows `old` -> `new`."""
    why = reason(old, new)
    if why is not None:
        raise TransitionNotAllowedError(old, new, why)


class HistoryStep(Protocol):
    """What `replay` needs of a history entry (a SignalHistory row fits)."""

    @property
    def field(self) -> SignalField: ...
    @property
    def old(self) -> str: ...
    @property
    def new(self) -> str: ...


def replay(history: Iterable[HistoryStep]) -> SignalStatus:
    """The status the status entries of a history lead to, starting from Gemeld.

    Raises TransitionNotAllowedError when a step is not in the table or does not start where the
    previous one ended: a history that does not replay is a broken history.
    """
    status = START
    for step in history:
        if step.field != SignalField.STATUS:
            continue
        old, new = SignalStatus(step.old), SignalStatus(step.new)
        if old != status:
            raise TransitionNotAllowedError(
                old, new, f"De geschiedenis klopt niet: '{old.label}' na '{status.label}'."
            )
        check_transition(old, new)
        status = new
    return status
