"""Display scaling: municipal laptops run Windows at 1366x768 with 125% or 150% scaling.

Every screen is laid out on a 1366x768 screen at 100%, 125% and 150%: the window fits the
screen, no input field is squashed below its minimum size, every button can be reached (in
the window, or by scrolling), and at 100% and 125% nothing needs scrolling sideways or is too
narrow to read. Qt's scale factor is fixed per process, so each scale runs in a child
process (tests/support/layout_probe.py) on a copy of one demo database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.koffiekar.theme_picker import ThemePicker, theme_choices
from gebiedsapp.ui.layout import LIST_ROWS
from gebiedsapp.ui.main_window import MainWindow
from support.dbfile import TEST_PASSPHRASE

PROBE = Path(__file__).parents[1] / "support" / "layout_probe.py"
SCALES = ("1", "1.25", "1.5")
COMFORTABLE = ("1", "1.25")  # at 150% a form may scroll sideways; at 125% not
FIELD_WIDTH = 420  # the conversation form's field column at 150% scaling
# the offscreen platform's screen: a laptop of 1366x768 device pixels at 96 dpi
LAPTOP = {
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}


@pytest.fixture(scope="module")
def reports(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One probe per scale, side by side, each on its own copy of the small demo database."""
    folder = tmp_path_factory.mktemp("scaling")
    demo = folder / "demo.db"
    shutil.copyfile(migrated_template, demo)
    cli = {
        **os.environ,
        "GEBIEDSAPP_PASSPHRASE": TEST_PASSPHRASE,
        "GEBIEDSAPP_DATA_DIR": str(folder / "cli-data"),
        "GEBIEDSAPP_USER": "demo-data",
    }
    command = [sys.executable, "-m", "gebiedsapp", "--database", str(demo)]
    subprocess.run(
        [*command, "demo-data", "--size", "small", "--seed", "1"],
        env=cli,
        check=True,
        capture_output=True,
        timeout=120,
    )
    screen = folder / "laptop.json"
    screen.write_text(json.dumps(LAPTOP))
    children = {}
    for scale in SCALES:
        copy = folder / f"demo-{scale}.db"
        shutil.copyfile(demo, copy)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "QT_SCALE_FACTOR": scale,
        }
        env.pop("GEBIEDSAPP_PASSPHRASE", None)
        children[scale] = subprocess.Popen(
            [sys.executable, str(PROBE), str(copy), TEST_PASSPHRASE, str(folder / scale)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    found = {}
    for scale, child in children.items():
        out, err = child.communicate(timeout=240)
        assert child.returncode == 0, f"the probe at {scale} failed:\n{err[-3000:]}"
        found[scale] = json.loads(out)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("scale", SCALES)
def test_the_window_fits_the_screen(reports: dict[str, Any], scale: str) -> None:
    report = reports[scale]
    assert report["fits"], f"window {report['window']} (at least {report['minimum']}) " + (
        f"on a screen of {report['screen']}"
    )
    assert report["still fits"]


@pytest.mark.slow
@pytest.mark.parametrize("scale", SCALES)
def test_no_field_is_squashed_and_every_control_can_be_reached(
    reports: dict[str, Any], scale: str
) -> None:
    found = {screen: lines for screen, lines in reports[scale]["problems"].items() if lines}
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.slow
@pytest.mark.parametrize("scale", COMFORTABLE)
def test_every_screen_is_comfortable(reports: dict[str, Any], scale: str) -> None:
    found = {screen: lines for screen, lines in reports[scale]["discomfort"].items() if lines}
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


@pytest.mark.slow
@pytest.mark.parametrize("scale", SCALES)
def test_every_list_has_room_for_rows_to_work_through(reports: dict[str, Any], scale: str) -> None:
    """At 150% the screen is 911x512: the list of Signalen under its map had room for two
    rows (the map kept its 230 px and the list gave way)."""
    short = {
        f"{screen}: {name}": rows
        for screen, lists in reports[scale]["rows"].items()
        for name, rows in lists.items()
        if rows < LIST_ROWS
    }
    assert not short, json.dumps(short, indent=1, ensure_ascii=False)


@pytest.mark.slow
@pytest.mark.parametrize("scale", SCALES)
def test_lists_leave_out_the_area_column_of_one_area(reports: dict[str, Any], scale: str) -> None:
    shown = reports[scale]["lists"]
    assert "Gebied" in shown["Oldambt: "]  # the municipality and its villages and wijken
    assert "Gebied" not in shown["Centrum: "]  # one wijk: the column would only repeat it
    assert "Samenvatting" in shown["Centrum: "]


def test_a_window_saved_larger_than_the_screen_opens_inside_it(
    qtbot, context: AppContext, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    """Saved on a large monitor, or at 100% before switching to 150%: the next start opens
    within the screen, title bar and borders included."""
    first = MainWindow(context, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setWindowState(Qt.WindowState.WindowNoState)
    available = first.screen().availableGeometry()
    first.setGeometry(QRect(40, 30, available.width() + 900, available.height() + 500))
    first.close()

    second = MainWindow(context, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert not second.isMaximized()
    assert available.contains(second.frameGeometry()), (second.frameGeometry(), available)


def test_chosen_themes_continue_on_a_next_line(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Four chips in a row were wider than the conversation form at 125%: the form scrolled
    sideways and the Thema's field was cut off. They wrap; the field keeps its width."""
    with context.read() as session:
        choices = theme_choices(session)
    form = QWidget()
    qtbot.addWidget(form)
    picker = ThemePicker(form)
    picker.set_choices(choices)
    layout = QVBoxLayout(form)
    layout.addWidget(picker)
    layout.addStretch(1)
    form.resize(FIELD_WIDTH, 200)
    form.show()
    qtbot.waitExposed(form)
    for name in ("ontmoetingsplekken", "bereikbaarheid", "betaalbaarheid", "duurzaamheid"):
        qtbot.keyClicks(picker.edit, name)
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert len(picker.chip_labels()) == 4, picker.chip_labels()
    qtbot.waitUntil(lambda: all(chip.isVisible() for chip in picker.chips))
    assert picker.minimumSizeHint().width() <= FIELD_WIDTH
    layout.activate()  # lay the chips out now, as the next paint would
    picker.layout().activate()
    assert form.width() == FIELD_WIDTH  # not widened by a row of chips
    assert form.rect().contains(picker.geometry())

    def place(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(picker, QPoint(0, 0)), widget.size())

    assert all(picker.rect().contains(place(w)) for w in (*picker.chips, picker.edit))
    assert picker.edit.width() >= picker.edit.minimumWidth()
    assert all(chip.width() >= chip.sizeHint().width() for chip in picker.chips)  # names whole
    assert place(picker.edit).y() > place(picker.chips[0]).y()  # a line below the chips
