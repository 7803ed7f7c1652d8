"""How long the real main window freezes (issue 19): the longest GUI-thread block per action.

    python bench/gui_blocks.py [--scale 10] [--data FOLDER] [--json] [--profile]

Opens the bench database (bench/scale.py builds it: `large`, or with --scale 10 ten `large`
sets) as a start does, shows the real MainWindow offscreen with the start's maintenance on its
worker, and then, as a user would, opens every screen, clicks areas in the tree while other
screens are hidden, and shows screens again. A 2 ms precise QTimer ticks meanwhile: the longest
lateness of a tick during an action (the action's own call included) is the longest block of
the GUI thread. Also the time until the action's background reads are in (the first rows).
Target (issue 19): no block over 100 ms; first rows within 500 ms on 10x.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))  # this checkout's app, not the installed one

TICK_MS = 2
QUIET_S = 0.3  # an action is over when the workers are idle and this long has passed
LIMIT_MS = 100.0
ROWS_LIMIT_MS = 500.0  # the first rows of any screen on 10x
POLL_S = 0.05  # how often the shown screen is looked through for lists made meanwhile
PROFILE = False  # --profile: cProfile of the GUI thread per action over the limit, on stderr
PROFILE_LINES = 40


@dataclass(frozen=True)
class Block:
    action: str
    worst_ms: float  # the longest GUI-thread block during the action
    ready_ms: float  # until the workers were idle again (all the screen's reads are in)
    rows_ms: float | None = None  # until the screen's first rows were in (where it says)


class Meter:
    """A precise timer's lateness: how long the GUI thread did not get round to it."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - TICK_MS / 1000)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


def _turn() -> None:
    """One turn of the event loop, asleep until an event comes (the meter's timer wakes it
    every TICK_MS): a loop that returned at once when nothing was pending kept a core busy,
    as the app's idle GUI thread never is, and slowed the workers whose reads it waits for."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents(
        QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    )


def _pump(seconds: float) -> None:

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        _turn()


def _address(model: Any) -> int:
    """The model's C++ object: its Python wrapper may be made anew on each call."""
    import shiboken6

    return int(shiboken6.getCppPointer(model)[0])


class RowsWatch:
    """When the shown screen's lists got their rows after an action began: the first time a
    list of the current screen that is on view is filled (reset, rows inserted, re-laid out)
    with rows in it, or a list made during the action already holds rows when first seen.
    A list that kept its rows (nothing to read again) gives no time: its rows were there."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.first: float | None = None
        self.before: set[int] = set()
        self.known: dict[int, Any] = {}  # the models listened to, kept alive
        self.slots: list[tuple[Any, Any]] = []  # (signal, slot): let go after the action

    def _views(self, everywhere: bool = False) -> list[Any]:
        from PySide6.QtWidgets import QAbstractItemView

        where = self.window if everywhere else self.window.stack.currentWidget()
        views = where.findChildren(QAbstractItemView)
        return views if everywhere else [v for v in views if v.isVisible()]

    def begin(self) -> None:
        self.first = None
        self.before = {_address(v.model()) for v in self._views(everywhere=True) if v.model()}
        self.poll()

    def _filled(self, model: Any) -> None:
        if self.first is None and model.rowCount() > 0:
            views = [v for v in self._views() if v.model() is model]
            if views:
                self.first = time.perf_counter()

    def poll(self) -> None:
        for view in self._views():
            model = view.model()
            if model is None:
                continue
            if _address(model) not in self.known:
                self.known[_address(model)] = model
                for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
                    slot = lambda *_a, m=model: self._filled(m)  # noqa: E731
                    signal.connect(slot)
                    self.slots.append((signal, slot))
                new = _address(model) not in self.before
                if new and self.first is None and model.rowCount() > 0:
                    self.first = time.perf_counter()

    def end(self) -> None:
        for signal, slot in self.slots:
            with contextlib.suppress(RuntimeError, TypeError):  # the model is gone already
                signal.disconnect(slot)
        self.slots.clear()
        self.known.clear()


def measure(
    window: Any,
    meter: Meter,
    name: str,
    action: Callable[[], object],
    rows: Callable[[], bool] | None = None,
) -> Block:
    """Run `action` (from the event loop, as a click would) and wait until all is quiet.
    The first rows: when `rows` says so (Samenvatting's first list, which comes before its
    whole summary), else when a list of the shown screen was filled (RowsWatch)."""

    background = window.context.background
    _pump(0.05)
    watch = RowsWatch(window)
    watch.begin()
    meter.reset()
    profile = cProfile.Profile() if PROFILE else None
    if profile is not None:
        profile.enable()  # the GUI thread only: where the blocks are
    start = time.perf_counter()
    action()
    ready = None
    rows_in = None
    quiet_since = None
    polled = 0.0
    while True:
        _turn()
        now = time.perf_counter()
        if rows is None and watch.first is None and now - polled >= POLL_S:
            # not every turn: its look through the screen's widgets holds the GIL, and done
            # every 5 ms it starved the workers whose reads it waits for (all in 2 s → 50 s)
            watch.poll()
            polled = now
        if rows is None and rows_in is None and watch.first is not None:
            rows_in = watch.first - start
        if rows is not None and rows_in is None and rows():
            rows_in = now - start
        if _reads_busy(background):
            quiet_since = None
            continue
        if ready is None:
            ready = now - start
        quiet_since = quiet_since or now
        if now - quiet_since >= QUIET_S or now - start > 120:
            break
    watch.end()
    if profile is not None:
        profile.disable()
        if meter.worst * 1000 > LIMIT_MS:
            print(f"== {name}: {meter.worst * 1000:.0f} ms", file=sys.stderr)
            stats = pstats.Stats(profile, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
    rows_ms = None if rows_in is None else rows_in * 1000
    # a list read after a pause (Signalen's filters wait for more typing) comes after the
    # workers were idle for a moment: all is in when its rows are too
    ready_ms = max((ready or 0.0) * 1000, rows_ms or 0.0)
    return Block(name, meter.worst * 1000, ready_ms, rows_ms)


def _reads_busy(background: Any) -> bool:
    """A screen's read has not come back yet (the start's maintenance may go on: nobody
    waits for it, unless a read is queued behind it on the one worker, as before issue 19)."""
    return any(key != "start-maintenance" for key in background._tickets)


def _open(data_dir: Path, url: str) -> tuple[Any, Any]:
    from PySide6.QtCore import QSettings

    from gebiedsapp.paths import app_paths
    from gebiedsapp.startup import open_database
    from gebiedsapp.ui.app import begin_maintenance, create_main_window
    from gebiedsapp.ui.gc_guard import freeze_start_up
    from run import _key

    paths = app_paths(data_dir)
    opened = open_database(url, paths, actor="bench", key=_key())
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = create_main_window(opened, paths, actor="bench", settings=settings)
    window.resize(1366, 768)
    window.show()
    freeze_start_up()  # as show_window does
    begin_maintenance(window, opened.database, paths, "bench")  # as every start does
    return window, opened


def _areas(window: Any) -> dict[str, Any]:
    from gebiedsapp.services.areas import find_area

    with window.context.read() as session:
        return {n: find_area(session, n).id for n in ("Winschoten", "Beerta", "Finsterwolde")}


def run_actions(window: Any) -> list[Block]:
    from gebiedsapp.ui import main_window as mw

    meter = Meter()
    areas = _areas(window)
    blocks = [measure(window, meter, "first paint, start maintenance on", lambda: None)]
    # a user who looks at the window for a few seconds: the screens' modules are imported
    blocks.append(measure(window, meter, "idle: warm-up, gc.freeze", lambda: _warm(window)))
    screens = [
        (mw.SIGNALS, "Signalen"),
        (mw.CONTACTS, "Contacten"),
        (mw.LISTS, "Lijsten"),
        (mw.SUMMARY, "Samenvatting"),
        (mw.INITIATIVES, "Initiatieven"),
        (mw.ACTIONS, "Acties"),
        (mw.KOFFIEKAR, "Koffiekar"),
    ]
    for key, label in screens:
        blocks.append(
            measure(
                window,
                meter,
                f"open {label}",
                lambda k=key: window.show_screen(k),
                _first_rows(window, key),
            )
        )
    blocks.append(_scroll_summary(window, meter))
    window.show_screen(mw.SIGNALS)
    for name, area_id in areas.items():  # Contacten, Lijsten, ... hidden meanwhile
        blocks.append(
            measure(
                window,
                meter,
                f"area click {name} (on Signalen)",
                lambda a=area_id: window.navigator.select(a),
            )
        )
    for key, label in screens:
        blocks.append(
            measure(
                window,
                meter,
                f"show {label} again",
                lambda k=key: window.show_screen(k),
                _first_rows(window, key),
            )
        )
    window.show_screen(mw.KOFFIEKAR)
    for name, area_id in areas.items():  # the rounds and the forms' choices of each
        blocks.append(
            measure(
                window,
                meter,
                f"area click {name} (on Koffiekar)",
                lambda a=area_id: window.navigator.select(a),
            )
        )
    blocks.append(_save_conversation(window, meter, areas["Beerta"]))
    return blocks


def _save_conversation(window: Any, meter: Meter, area_id: Any) -> Block:
    """Ctrl+Enter on a conversation typed into today's round, as a regisseur at the koffiekar
    does, with every other screen opened before and hidden now (issue 19: hidden Lijsten
    re-read its authors on every save). The round is started first, as the user would."""
    from datetime import date
    from datetime import time as clock

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gebiedsapp.services.koffiekar import SessionInput, session_conversations, start_session
    from gebiedsapp.ui import main_window as mw

    with window.context.database.unit_of_work("bench") as session:
        round_id = start_session(
            session,
            SessionInput(area_id=area_id, day=date.today(), start_time=clock(10), place="Bench"),
        ).id
    window.activateWindow()
    window.navigator.select(area_id)
    window.show_screen(mw.KOFFIEKAR)
    screen = window.screens[mw.KOFFIEKAR]
    end = time.perf_counter() + 60

    def row_of_round() -> int | None:
        rows = screen.rounds_model.rows
        return next((n for n, row in enumerate(rows) if row.id == round_id), None)

    while row_of_round() is None or _reads_busy(window.context.background):
        _pump(0.02)
        if time.perf_counter() > end:
            raise RuntimeError("today's round never came in Koffiekar's list")
    # as the user: click today's round, then the summary field, and type
    view = screen.rounds
    spot = view.visualRect(screen.rounds_model.index(row_of_round(), 1)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    _pump(QUIET_S)
    QTest.mouseClick(screen.form.summary, Qt.MouseButton.LeftButton)
    QTest.keyClicks(screen.form.summary, "Bewoner vraagt naar de bushalte")
    QTest.keyClick(screen.form.summary, Qt.Key.Key_Return)  # on to the themes
    QTest.keyClicks(screen.form.themes.edit, "eenz")
    QTest.keyClick(screen.form.themes.edit, Qt.Key.Key_Return)  # Eenzaamheid
    _pump(QUIET_S)
    typed = QApplication.focusWidget() or screen.form.themes.edit

    def save() -> None:
        QTest.keyClick(typed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    block = measure(window, meter, "save a conversation (Ctrl+Enter)", save)
    with window.context.read() as session:
        saved = [c.summary for c in session_conversations(session, round_id)]
    if saved != ["Bewoner vraagt naar de bushalte"]:
        raise RuntimeError(f"the conversation was not saved as typed: {saved}")
    return block


def _first_rows(window: Any, key: str) -> Callable[[], bool] | None:
    """When Samenvatting's first list (open signals) is in: its lists come apart from its
    charts since issue 19; before, with the whole summary."""
    from gebiedsapp.ui import main_window as mw

    if key != mw.SUMMARY:
        return None

    def shown() -> bool:
        screen = window.screens.get(key)
        if screen is None:
            return False
        lists = getattr(screen, "lists", None)
        if lists is None:  # before the lists came in pages: with the whole summary
            return screen.data is not None and not screen.is_busy()
        return "open_signals" not in lists.pending  # the first list, at the top

    return shown


def _scroll_summary(window: Any, meter: Meter) -> Block:
    """Ctrl+End in Samenvatting's open signals: the next page read as the view scrolls."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from gebiedsapp.ui import main_window as mw

    window.show_screen(mw.SUMMARY)
    table = window.screens[mw.SUMMARY].open_table
    table.setFocus()

    def scroll() -> None:
        QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    return measure(window, meter, "scroll Samenvatting's open signals", scroll)


def _warm(window: Any) -> None:
    """Until the window's warm-up (ui.warmup) has imported the screens' modules."""

    end = time.perf_counter() + 120
    while getattr(window, "warmup", None) is not None and not window.warmup.done:
        _turn()
        if time.perf_counter() > end:
            break


COLLECTIONS: dict[int, list[float]] = {0: [], 1: [], 2: []}  # ms per collection, by generation
_gc_started = [0.0]


def _time_collections(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_started[0] = time.perf_counter()
    else:
        COLLECTIONS[info["generation"]].append((time.perf_counter() - _gc_started[0]) * 1000)


def collections() -> str:
    """Count, mean and worst of the garbage collections, per generation (the guard's)."""
    lines = []
    for generation, times in COLLECTIONS.items():
        if times:
            mean = sum(times) / len(times)
            lines.append(
                f"generation {generation} collections: {len(times)}, mean {mean:.1f} ms, "
                f"worst {max(times):.0f} ms"
            )
    return "\n".join(lines) or "no collections"


def warm_up_steps(window: Any) -> str:
    """The GUI-thread cost of the warm-up's steps: the slowest ones and the total."""
    steps = getattr(getattr(window, "warmup", None), "steps", [])
    if not steps:
        return "no warm-up"
    slowest = sorted(steps, key=lambda step: -step[1])[:12]
    lines = [f"warm-up: {len(steps)} steps, {sum(ms for _, ms in steps):.0f} ms GUI time"]
    lines += [f"  {ms:6.1f} ms  {name}" for name, ms in slowest]
    return "\n".join(lines)


def _compiled() -> None:
    """The app's bytecode written beforehand, as an installed app has it (pip and PyInstaller
    compile it): opening a screen imports its modules, which must not count compiling them."""
    import compileall

    import gebiedsapp

    compileall.compile_dir(Path(gebiedsapp.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="10: ten times `large` (opt-in)")
    parser.add_argument("--data", type=Path, help="where bench databases are built and kept")
    parser.add_argument("--json", action="store_true", help="print only the results, as JSON")
    parser.add_argument(
        "--no-freeze", action="store_true", help="without gc.freeze after the warm-up (to compare)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="the GUI thread's profile of each slow action"
    )
    args = parser.parse_args(argv)
    global PROFILE
    PROFILE = args.profile
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _compiled()
    from PySide6.QtWidgets import QApplication

    import scale
    from gebiedsapp.ui.feature_scan import skip_feature_scan
    from gebiedsapp.ui.gc_guard import GarbageCollector
    from gebiedsapp.ui.none_guard import keep_none_alive

    keep_none_alive()  # as run_gui does: PySide6 loses references to None
    skip_feature_scan()  # as run_gui does: PySide6 would read each imported module's source
    app = QApplication.instance() or QApplication(sys.argv)
    GarbageCollector(app)
    folder = args.data or Path(tempfile.mkdtemp(prefix="gebiedsapp-gui-bench-"))
    url, data_dir = scale.build(folder, scale=args.scale, quiet=args.json)
    if args.no_freeze:
        from gebiedsapp.ui import main_window

        main_window.freeze_start_up = lambda: None  # type: ignore[assignment]
    window, opened = _open(data_dir, url)
    import gc

    gc.callbacks.append(_time_collections)
    try:
        blocks = run_actions(window)
        if not args.json:
            print(warm_up_steps(window), file=sys.stderr)
            print(collections(), file=sys.stderr)
    finally:
        window.context.background.wait(600_000)
        window.close()
        opened.database.dispose()
        del app
    if args.json:
        print(json.dumps([asdict(b) for b in blocks], indent=2))
    else:
        print(f"{'action':<44} {'longest block':>14} {'first rows':>11} {'all in':>10}")
        for b in blocks:
            flag = "" if b.worst_ms <= LIMIT_MS else "  > 100 ms"
            if b.rows_ms is not None and b.rows_ms > ROWS_LIMIT_MS:
                flag += "  rows > 500 ms"
            first = "" if b.rows_ms is None else f"{b.rows_ms:.0f} ms"
            print(f"{b.action:<44} {b.worst_ms:>11.0f} ms {first:>11} {b.ready_ms:>7.0f} ms{flag}")
    return 0 if all(b.worst_ms <= LIMIT_MS for b in blocks) else 1


if __name__ == "__main__":
    sys.exit(main())
