"""Importing the main screens' modules while the user does nothing (issue 19).

A screen's first open used to import its modules in the click's event-loop turn: 200-500 ms
of the GUI thread (about half of it PySide6's work per new module, the rest dataclasses and
enums). Start-up does not import them (time to the first paint), so after the first paint the
window imports them here, one module per event-loop turn, in dependency order (a module's
imports before the module, read from its source with `ast`), pausing while the user types or
clicks. A later first open finds them imported and only builds its widgets.

On the GUI thread on purpose: importing a module that defines QObject subclasses, Signals and
enums creates Shiboken types, and PySide6 does not document that as safe off the GUI thread
(its signature and feature hooks patch module state while importing); an import in a worker
would also hold the import lock the GUI thread needs for its own lazy imports.

Rarely used screens and dialogs (the first-run wizard, Beheer, Wie werkt waar) are not warmed:
they are imported when opened. When the last module is in, the start-up objects are frozen
out of later full garbage collections (ui.gc_guard.freeze_start_up).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

log = logging.getLogger(__name__)

# the toolbar's main screens, in the order users reach for them
SCREEN_MODULES = (
    "gebiedsapp.ui.koffiekar",
    "gebiedsapp.ui.signals",
    "gebiedsapp.ui.contacts",
    "gebiedsapp.ui.lists",
    "gebiedsapp.ui.summary",
    "gebiedsapp.ui.initiatives",
    "gebiedsapp.ui.actions",
    "gebiedsapp.ui.activities",
    "gebiedsapp.ui.sync.conflicts",
)
START_MS = 300  # after the first paint: the window's own first reads go first
STEP_MS = 15  # between two steps: timers, paints and the worker's results get their turn
IDLE_MS = 700  # after a key or a click: the user is busy, wait until this quiet
READ, IMPORT = "read", "import"
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ShortcutOverride,
}


def _source(name: str) -> Path | None:
    """The .py file of module `name`, found without importing it or its parent packages
    (importing a subpackage would run its __init__ and everything that imports)."""
    parts = name.split(".")
    if parts[0] != "gebiedsapp":  # another project's package: imported whole
        return None
    try:
        spec = importlib.util.find_spec(parts[0])  # a top-level name imports nothing
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if len(parts) == 1:
        return Path(spec.origin) if spec.origin and spec.origin.endswith(".py") else None
    folders = list(spec.submodule_search_locations or [])
    for index, part in enumerate(parts[1:], start=2):
        found = None
        for folder in folders:
            package = Path(folder) / part / "__init__.py"
            module = Path(folder) / f"{part}.py"
            if package.is_file():
                found, folders = package, [str(package.parent)]
                break
            if module.is_file() and index == len(parts):
                found = module
                break
        if found is None:
            return None
    return found


# module-level imports start in the first column (those in functions, classes, `if` and
# `try` blocks are indented); a regular expression reads them ten times faster than `ast`
_IMPORT = re.compile(r"^import[ \t]+([^\n#]+)", re.MULTILINE)
_FROM = re.compile(r"^from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.MULTILINE)

_NAME = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")  # not a docstring's "import (`x`)"


def _imports(name: str, source: Path) -> list[str]:
    """The modules `name` imports when it is imported: its module-level imports (not those
    under an `if`, such as TYPE_CHECKING), submodules named in a `from package import x`
    included; its parent package first (Python imports that first)."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return []
    package = name if source.name == "__init__.py" else name.rpartition(".")[0]
    found: list[str] = [package] if package and package != name else []
    for match in _IMPORT.finditer(text):
        found.extend(part.split()[0] for part in match.group(1).split(",") if part.strip())
    for match in _FROM.finditer(text):
        base = match.group(1)
        level = len(base) - len(base.lstrip("."))
        if level:
            anchor = package.rsplit(".", level - 1)[0]
            base = f"{anchor}.{base[level:]}" if base[level:] else anchor
        found.append(base)
        names = match.group(2).strip("()").replace("\\", " ").split(",")
        found.extend(f"{base}.{part.split()[0]}" for part in names if part.strip())
    return [module for module in found if _NAME.fullmatch(module) and module != "__future__"]


def _no_source_module(name: str) -> bool:
    """`name` has no source of its own (a C extension, such as one of PySide6's Qt modules)
    but is a module, not a class or function named in a `from x import y`."""
    parent = name.rpartition(".")[0]
    if parent and parent not in sys.modules:  # found out only by importing its package: leave it
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def import_order(roots: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """The modules not yet imported that `roots` need, each after its own imports (a
    depth-first walk over the app's sources; other packages are imported whole): ("import",
    module) in that order, the roots last, with ("read", module) after each source read, so a
    step does one or the other. Modules in an import cycle (a package and its submodules, say)
    come as one: the first of the cycle to be reached, which imports the others as Python
    would."""
    seen: set[str] = set()
    for root in roots:
        stack: list[tuple[str, Iterator[str]]] = []
        absorbed: set[str] = set()
        following: str | None = root
        while True:
            if following is not None and following not in seen and following not in sys.modules:
                seen.add(following)
                source = _source(following)
                if source is not None:
                    stack.append((following, iter(_imports(following, source))))
                    yield READ, following
                elif _no_source_module(following):
                    yield IMPORT, following  # imported whole
            if not stack:
                break
            name, pending = stack[-1]
            following = next(pending, None)
            if following is None:
                stack.pop()
                if name not in absorbed and name not in sys.modules:
                    yield IMPORT, name
                continue
            on_stack = [entry for entry, _ in stack]
            if following in on_stack:  # a cycle: the modules above it come with it
                absorbed.update(on_stack[on_stack.index(following) + 1 :])
                following = None


class Warmup(QObject):
    """Imports `roots`' modules one per event-loop turn while the user is idle, then
    calls `finished`. `steps` keeps each step's module and milliseconds (bench/gui_blocks)."""

    def __init__(
        self,
        parent: QObject,
        *,
        roots: tuple[str, ...] = SCREEN_MODULES,
        finished: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.order = import_order(roots)
        self.finished = finished
        self.steps: list[tuple[str, float]] = []
        self.done = False
        self.last_input = 0.0  # time.monotonic() of the user's last key or click
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.step)
        self.watching = False

    def start(self, delay_ms: int = START_MS) -> None:
        """Begin `delay_ms` from now (the window calls it after its first paint). From here
        a key or click anywhere in the app postpones the next step: the filter sees every
        event of the app, so it is not installed before (it would run for each of the first
        paint's events, waiting for the GIL while a worker reads)."""
        if self.done:
            return
        app = QCoreApplication.instance()
        if app is not None and not self.watching:
            app.installEventFilter(self)
            self.watching = True
        self.timer.start(delay_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.done:
            self.last_input = time.monotonic()  # the next step waits until the user pauses
        return False

    def step(self) -> None:
        """Import the next module (its imports are in already), then yield to the loop."""
        quiet_ms = (time.monotonic() - self.last_input) * 1000
        if quiet_ms < IDLE_MS:  # the user is busy: not now
            self.timer.start(int(IDLE_MS - quiet_ms) + 1)
            return
        started = time.perf_counter()
        kind, name = next(self.order, ("", ""))
        if not name:
            self._finish()
            return
        if kind == IMPORT:
            try:
                importlib.import_module(name)
            except Exception:  # an optional import that fails: the screen's open will tell
                log.warning("warm-up: importing %s failed", name, exc_info=True)
        elapsed = (time.perf_counter() - started) * 1000
        self.steps.append((f"{kind} {name}", elapsed))
        log.debug("warm-up: %s %s in %.0f ms", kind, name, elapsed)
        self.timer.start(STEP_MS)

    def _finish(self) -> None:
        self.done = True
        app = QCoreApplication.instance()
        if app is not None and self.watching:
            app.removeEventFilter(self)
            self.watching = False
        if self.finished is not None:
            started = time.perf_counter()
            self.finished()
            self.steps.append(("finished", (time.perf_counter() - started) * 1000))
        total = sum(ms for _, ms in self.steps)
        log.info("warm-up: %d steps in %.0f ms of GUI time", len(self.steps), total)
