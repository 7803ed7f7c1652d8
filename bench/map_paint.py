"""What one paint of Signalen's map costs (issue 19): CPU time of repaints on the real window.

    python bench/map_paint.py [--scale 10] [--data FOLDER] [--repeat N]

Opens the bench database as bench/gui_blocks.py does, shows Signalen for the municipality and
for Winschoten, and times (CPU time of the GUI thread's process) a repaint of the map with
nothing changed, a hover-like partial repaint, `grab()`, a resize, and a new list of points.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))  # this checkout's app, not the installed one


def _cpu_ms(action: Callable[[], object], repeat: int) -> str:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return f"median {statistics.median(times):6.1f} ms  min {min(times):6.1f} ms"


def _settle(window: Any) -> None:
    """Until the screen's header, shapes and list are in (they are read one after another)."""
    from gebiedsapp.ui import main_window as mw
    from gui_blocks import _pump, _reads_busy

    screen = window.screens[mw.SIGNALS]
    _pump(0.1)
    while (
        _reads_busy(window.context.background)
        or screen.timer.isActive()
        or screen.busy
        or screen.map_busy
        or screen.header_busy
    ):
        _pump(0.05)
    _pump(0.3)


def _report(window: Any, label: str, repeat: int) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from gebiedsapp.ui import main_window as mw
    from gebiedsapp.ui.signal_map import buurt_path

    view = window.screens[mw.SIGNALS].map
    viewport = view.viewport()
    print(f"-- {label}: {view.point_count()} points, {len(view.codes())} shapes")
    print(f"   repaint (unchanged)   {_cpu_ms(viewport.repaint, repeat)}")
    part = QRect(viewport.width() // 3, viewport.height() // 3, 80, 60)
    print(f"   repaint 80x60 region  {_cpu_ms(lambda: viewport.repaint(part), repeat)}")
    print(f"   grab()                {_cpu_ms(view.grab, repeat)}")
    size = view.size()

    def resize() -> None:
        view.resize(size.width() - 40, size.height())
        QApplication.processEvents()
        viewport.repaint()
        view.resize(size)
        QApplication.processEvents()
        viewport.repaint()

    print(f"   resize twice+repaint  {_cpu_ms(resize, repeat)}")
    points = view.points()

    def new_points() -> None:
        view.set_points(points)
        viewport.repaint()

    print(f"   set_points+repaint    {_cpu_ms(new_points, repeat)}")
    shapes = [shape for code in view.codes() if (shape := view.shape_of(code)) is not None]
    paths = [buurt_path(shape) for shape in shapes]  # the worker makes them

    def new_shapes() -> None:
        view.set_buurten(shapes, paths=paths)
        viewport.repaint()

    print(f"   set_buurten+repaint   {_cpu_ms(new_shapes, repeat)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import scale
    from gebiedsapp.services.areas import area_tree
    from gebiedsapp.ui import main_window as mw
    from gebiedsapp.ui.none_guard import keep_none_alive
    from gui_blocks import _areas, _open

    keep_none_alive()
    app = QApplication.instance() or QApplication(sys.argv)
    folder = args.data or Path(tempfile.mkdtemp(prefix="gebiedsapp-map-bench-"))
    url, data_dir = scale.build(folder, scale=args.scale, quiet=True)
    window, opened = _open(data_dir, url)
    try:
        window.show_screen(mw.SIGNALS)
        _settle(window)
        with window.context.read() as session:
            root = next(node for node in area_tree(session) if node.parent_id is None)
        window.navigator.select(root.id)
        _settle(window)
        _report(window, root.name, args.repeat)
        window.navigator.select(_areas(window)["Winschoten"])
        _settle(window)
        _report(window, "Winschoten", args.repeat)
    finally:
        window.context.background.wait(600_000)
        window.close()
        opened.database.dispose()
        del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
