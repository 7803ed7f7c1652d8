"""The window's own settings file is read as hostile too: garbage in it is ignored."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings

from gebiedsapp.ui.context import AppContext
from gebiedsapp.ui.main_window import (
    AREA,
    GEOMETRY_KEY,
    SCREEN_KEY,
    SPLITTER_KEY,
    STATE_KEY,
    MainWindow,
)

values = st.one_of(
    st.binary(max_size=200).map(QByteArray),
    st.text(max_size=50),
    st.integers(min_value=-(2**62), max_value=2**62),
    st.none(),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(geometry=values, state=values, splitter=values, screen=values)
def test_garbage_in_the_settings_is_ignored(
    qtbot: Any,
    context: AppContext,
    tmp_path_factory: Any,
    geometry: object,
    state: object,
    splitter: object,
    screen: object,
) -> None:
    path = tmp_path_factory.mktemp("settings") / "settings.ini"
    stored = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in (
        (GEOMETRY_KEY, geometry),
        (STATE_KEY, state),
        (SPLITTER_KEY, splitter),
        (SCREEN_KEY, screen),
    ):
        stored.setValue(key, value)
    stored.sync()
    window = MainWindow(context, QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is not None
    if screen not in window.screens and not isinstance(screen, str):
        assert window.stack.currentWidget() is window.screens[AREA]
    window.close()
