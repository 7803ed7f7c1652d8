"""Running database work off the GUI thread (Anki's QueryOp idea, in small).

One worker thread for the screens' reads, so they never compete with each other, one for
maintenance (the start's retention and backup, which may copy a 600 MB file): a screen
opened at launch never waits behind it, one for pages (Samenvatting's lists: a list's
first page never waits behind the whole summary) and one for the team sync (minutes long:
nothing else waits behind it). All are the app's, so `wait()` before a restore or a new
passphrase waits for every one of them, and `lane_busy(SYNC)` tells them a sync is running.
The result or the error comes back on the GUI thread through a queued signal. The work
function gets no widgets: it takes its own session and returns plain data. A newer request
for the same `key` makes the older result stale, so a fast click through the area tree
shows only the last area's figures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

from gebiedsapp.threads import lower_this_thread

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object, object, int)  # result, error, ticket


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        relay: _Relay,
        ticket: int,
        *,
        low: bool = False,
        wanted: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self.work = work
        self.relay = relay
        self.ticket = ticket
        self.low = low
        self.wanted = wanted

    def run(self) -> None:
        if self.wanted is not None and not self.wanted():
            self.relay.finished.emit(None, None, self.ticket)  # its callbacks let go
            return
        if self.low:
            lower_this_thread()
        try:
            result = self.work()
        except Exception as exc:  # reported on the GUI thread; nothing may escape a worker
            log.exception("background work failed")
            self.relay.finished.emit(None, exc, self.ticket)
        else:
            self.relay.finished.emit(result, None, self.ticket)


_Callbacks = tuple[str, QObject, Callable[[Any], None], Callable[[Exception], None]]


READS = "reads"
REST = -1  # a list's rows beyond its first page: after the other reads waiting
MAINTENANCE = "maintenance"
PAGES = "pages"
SYNC = "sync"


class Background(QObject):
    """Owns the worker threads (one per lane); `submit()` runs work there, callbacks run here."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)  # READS: what screens show
        self.pool.setMaxThreadCount(1)
        self.maintenance = QThreadPool(self)  # MAINTENANCE: long upkeep nobody looks at
        self.maintenance.setMaxThreadCount(1)
        # below the screens' reads: at start retention and the backup took
        # CPU from the first screen's rows (issue 19); Windows and macOS honour Qt's priority
        self.maintenance.setThreadPriority(QThread.Priority.LowPriority)
        self.pages = QThreadPool(self)  # PAGES: a paged list's pages, apart from its screen's
        self.pages.setMaxThreadCount(1)
        self.syncs = QThreadPool(self)  # SYNC: one team sync at a time
        self.syncs.setMaxThreadCount(1)
        self._tickets: dict[str, int] = {}
        self._callbacks: dict[int, _Callbacks] = {}
        self._lanes: dict[int, str] = {}  # every ticket not yet delivered: its lane
        self._next = 0
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)

    def submit(
        self,
        key: str,
        work: Callable[[], Any],
        *,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        lane: str = READS,
        priority: int = 0,
        skippable: bool = False,
    ) -> None:
        """Run `work` on the `lane`'s worker; call back on the GUI thread unless `owner` is
        gone. Of the work waiting on a lane, the highest `priority` runs first (REST: the
        rest of a list whose first page is in view waits for what a form needs). A
        `skippable` read that nobody waits for any more when its turn comes (a newer one of
        the same key, or `forget`) is not run at all."""
        self._next += 1
        ticket = self._next
        self._tickets[key] = ticket
        self._callbacks[ticket] = (key, owner, on_done, on_error)
        self._lanes[ticket] = lane

        def wanted() -> bool:  # on the worker: a look-up in a dict the GUI thread keeps
            return self._tickets.get(key) == ticket

        job = _Job(
            work, self._relay, ticket, low=lane == MAINTENANCE, wanted=wanted if skippable else None
        )
        self._pool(lane).start(job, priority)

    def forget(self, key: str) -> None:
        """Nobody waits for `key`'s result any more: a skippable read not yet started is not
        run, and whatever result comes is dropped."""
        self._tickets.pop(key, None)

    def _deliver(self, result: Any, error: Exception | None, ticket: int) -> None:
        key, owner, on_done, on_error = self._callbacks.pop(ticket)
        self._lanes.pop(ticket, None)
        if self._tickets.get(key) != ticket:
            return  # a newer request for the same thing is under way
        del self._tickets[key]
        if not shiboken6.isValid(owner):
            return  # the screen that asked was closed meanwhile
        if error is not None:
            on_error(error)
        else:
            on_done(result)

    def _pool(self, lane: str) -> QThreadPool:
        lanes = {MAINTENANCE: self.maintenance, PAGES: self.pages, SYNC: self.syncs}
        return lanes.get(lane, self.pool)

    def busy(self) -> bool:
        """Work is running or waiting, or a result not delivered yet (also of work nobody
        waits for any more: a forgotten read may still hold its worker)."""
        return bool(self._lanes)

    def lane_busy(self, lane: str) -> bool:
        """Work of `lane` is running or queued, or its result not yet delivered."""
        return lane in self._lanes.values()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every worker is idle (tests, shutdown, before a restore or a new
        passphrase: a start backup may be copying the file, a list reading a page); the
        results still arrive queued."""
        pools = (self.pool, self.pages, self.maintenance, self.syncs)
        idle = [pool.waitForDone(msecs) for pool in pools]
        return all(idle)

    def wait_lane(self, lane: str, msecs: int = 30_000) -> bool:
        """Block until one lane's worker is idle (tests)."""
        return self._pool(lane).waitForDone(msecs)
