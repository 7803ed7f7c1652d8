"""The palette's roles keep their contrast on light, dark and high-contrast palettes; the charts
and the map are drawn in the palette and follow a change of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gebiedsapp.services.geo import buurt_shapes
from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.palette import MAP_SCALE, ColourRole, colour, sheet, text_on
from gebiedsapp.ui.signal_map import BuurtMap
from gebiedsapp.ui.summary.charts import BarChart
from support.palettes import GRAPHIC_CONTRAST, SCHEMES, TEXT_CONTRAST, contrast, make_palette


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QPalette]:
    """Set a palette on the application in the test; the original comes back afterwards."""
    original = QPalette(qapp.palette())
    yield original
    qapp.setPalette(original)


# -- the roles ------------------------------------------------------------------------------

TEXT_ROLES = (
    ColourRole.MUTED,
    ColourRole.WARNING,
    ColourRole.OVERDUE,
    ColourRole.LATE,
    ColourRole.SUCCESS,
)
TEXT_BACKGROUNDS = (ColourRole.NOTE, ColourRole.EDITING, ColourRole.HINT)


def _palettes(qapp: QApplication) -> dict[str, QPalette]:
    return {"light (Fusion)": qapp.style().standardPalette()} | {
        name: make_palette(scheme) for name, scheme in SCHEMES.items()
    }


def test_text_roles_are_readable_on_every_background_of_every_palette(qapp: QApplication) -> None:
    for name, palette in _palettes(qapp).items():
        behind = [
            palette.color(QPalette.ColorRole.Window),
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.AlternateBase),
            *(colour(role, palette) for role in TEXT_BACKGROUNDS),
        ]
        for role in TEXT_ROLES:
            for background in behind:
                ratio = contrast(colour(role, palette), background)
                assert ratio >= TEXT_CONTRAST, (name, role, background.name(), ratio)
        # the palette's own text stays readable on the tinted backgrounds too
        text = palette.color(QPalette.ColorRole.WindowText)
        for role in TEXT_BACKGROUNDS:
            assert contrast(text, colour(role, palette)) >= TEXT_CONTRAST, (name, role)


def test_light_stays_light_and_dark_stays_dark(qapp: QApplication) -> None:
    for name, palette in _palettes(qapp).items():
        base_is_dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
        for role in (*TEXT_BACKGROUNDS, ColourRole.CHIP, ColourRole.MAP_BACKGROUND):
            assert (colour(role, palette).lightnessF() < 0.5) == base_is_dark, (name, role)


def test_bars_and_map_lines_stand_out_and_map_labels_read(qapp: QApplication) -> None:
    for name, palette in _palettes(qapp).items():
        window = palette.color(QPalette.ColorRole.Window)
        base = palette.color(QPalette.ColorRole.Base)
        for role in (ColourRole.CHART_BAR, ColourRole.CHART_PREVIOUS):
            for background in (window, base):
                assert contrast(colour(role, palette), background) >= GRAPHIC_CONTRAST, (name, role)
        assert contrast(colour(ColourRole.MAP_OUTLINE, palette), base) >= GRAPHIC_CONTRAST
        legend = colour(ColourRole.MAP_LEGEND, palette)
        legend_text = colour(ColourRole.MAP_LEGEND_TEXT, palette)
        assert contrast(legend_text, legend) >= TEXT_CONTRAST, name
    for fill in (*MAP_SCALE, colour(ColourRole.MAP_NO_DATA).name()):
        assert contrast(text_on(QColor(fill)), QColor(fill)) >= TEXT_CONTRAST, fill


def test_a_templated_style_sheet_names_roles(qapp: QApplication) -> None:
    dark = make_palette(SCHEMES["dark"])
    filled = sheet("QFrame { background: $note; color: $muted; }", dark)
    assert filled == (
        f"QFrame {{ background: {colour(ColourRole.NOTE, dark).name()}; "
        f"color: {colour(ColourRole.MUTED, dark).name()}; }}"
    )
    with pytest.raises(KeyError):
        sheet("color: $no_such_role;")


# -- the chart and the map ------------------------------------------------------------------


def _most_common(image: QImage, *, skip: QColor | None = None) -> QColor:
    counts: Counter[int] = Counter()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    if skip is not None:
        counts.pop(skip.rgb() & 0xFFFFFF, None)
    return QColor.fromRgb(counts.most_common(1)[0][0])


def test_the_chart_bars_stand_out_on_a_dark_palette(
    qtbot: QtBot, qapp: QApplication, app_palette: QPalette
) -> None:
    qapp.setPalette(make_palette(SCHEMES["dark"]))
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_rows([("Ouderen", 12, 9), ("Groen", 9, 12), ("Verkeer", 11, 3)])
    chart.resize(480, chart.sizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    background = _most_common(image)
    assert background == QColor(SCHEMES["dark"].window)
    bar = _most_common(image, skip=background)  # the bars are the most ink after the ground
    assert contrast(bar, background) >= GRAPHIC_CONTRAST, bar.name()


def test_the_map_is_drawn_in_the_palette_and_follows_a_change(
    qtbot: QtBot, qapp: QApplication, app_palette: QPalette, context: AppContext
) -> None:
    with context.read() as session:
        shapes = buurt_shapes(session, None)
    view = BuurtMap()
    qtbot.addWidget(view)
    view.set_buurten(shapes)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    light_base = qapp.palette().color(QPalette.ColorRole.Base)
    assert view.viewport().grab().toImage().pixelColor(695, 5) == light_base

    dark = SCHEMES["dark"]
    qapp.setPalette(make_palette(dark))  # dark mode switched on while the map is shown
    qtbot.waitUntil(
        lambda: view.viewport().grab().toImage().pixelColor(695, 5) == QColor(dark.base)
    )
    fill = view.fill_colour(view.codes()[0])  # no counts: 'geen gegevens'
    assert fill.lightnessF() < 0.5  # not a light blot on the dark window
    assert fill != QColor(dark.base)  # but still seen as a buurt
