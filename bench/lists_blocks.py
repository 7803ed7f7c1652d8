"""Lijsten as a user goes through it (issue 19): the longest GUI-thread block per action and
when its rows are in, with gui_blocks.py's meter.

    python bench/lists_blocks.py [--scale 10] [--data FOLDER]

Opens Lijsten, its Contacten tab (the whole list of the municipality's year), goes to the
author filter (its names), clicks an area while Lijsten is shown, goes back to Gesprekken,
and shows Lijsten again after an area click on Signalen. gui_blocks.py opens every screen
but none of these.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))  # this checkout's app, not the installed one


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="10: ten times `large` (opt-in)")
    parser.add_argument("--data", type=Path, help="where bench databases are built and kept")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gui_blocks as gb

    gb._compiled()
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    import scale
    from gebiedsapp.ui import main_window as mw
    from gebiedsapp.ui.gc_guard import GarbageCollector
    from gebiedsapp.ui.none_guard import keep_none_alive

    keep_none_alive()
    app = QApplication.instance() or QApplication(sys.argv)
    GarbageCollector(app)
    folder = args.data or Path(tempfile.mkdtemp(prefix="gebiedsapp-lists-bench-"))
    url, data_dir = scale.build(folder, scale=args.scale, quiet=True)
    window, opened = gb._open(data_dir, url)
    try:
        meter = gb.Meter()
        areas = gb._areas(window)
        blocks = [gb.measure(window, meter, "idle: warm-up", lambda: gb._warm(window))]
        blocks.append(
            gb.measure(window, meter, "open Lijsten", lambda: window.show_screen(mw.LISTS))
        )
        lists = window.screens[mw.LISTS]

        def to_the_author_filter() -> None:  # as Alt+U does
            combo = lists.author_combo
            combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
            focus = QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.ShortcutFocusReason)
            QApplication.sendEvent(combo, focus)

        steps = [
            ("Lijsten: tab Contacten", lambda: lists.tabs.setCurrentIndex(2)),
            ("Lijsten: go to the author filter", to_the_author_filter),
            (
                "Lijsten: area click Winschoten",
                lambda: window.navigator.select(areas["Winschoten"]),
            ),
            ("Lijsten: tab Gesprekken", lambda: lists.tabs.setCurrentIndex(1)),
            ("show Signalen", lambda: window.show_screen(mw.SIGNALS)),
            ("area click Beerta (on Signalen)", lambda: window.navigator.select(areas["Beerta"])),
            ("show Lijsten again", lambda: window.show_screen(mw.LISTS)),
        ]
        for name, action in steps:
            blocks.append(gb.measure(window, meter, name, action))
        names = lists.author_combo.count() - 1
    finally:
        window.context.background.wait(600_000)
        window.close()
        opened.database.dispose()
        del app
    print(f"{'action':<44} {'longest block':>14} {'rows in':>10}")
    for b in blocks:
        flag = "" if b.worst_ms <= gb.LIMIT_MS else "  > 100 ms"
        print(f"{b.action:<44} {b.worst_ms:>11.0f} ms {b.ready_ms:>7.0f} ms{flag}")
    print(f"names in the author filter: {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
