"""What a user does on the Signalen screen, as steps for the tests: click a row, click an area
in the tree, type into a choice field, click a buurt or a point on the map."""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QToolBar

from gebiedsapp.domain import SignalSource
from gebiedsapp.domain.base import reference_id
from gebiedsapp.services import koffiekar, signals
from gebiedsapp.services.geo import buurt_shapes, project
from gebiedsapp.services.koffiekar import ConversationInput, SessionInput
from gebiedsapp.services.signals import SignalInput
from gebiedsapp.ui.context import SIGNALS, AppContext
from gebiedsapp.ui.main_window import KOFFIEKAR, MainWindow
from gebiedsapp.ui.main_window import SIGNALS as SIGNALS_SCREEN
from gebiedsapp.ui.signals import SignalsScreen
from gebiedsapp.ui.signals.form import SignalForm

BEERTA = reference_id("area", "beerta")
EENZAAMHEID_THEME = reference_id("theme", "eenzaamheid")
LICHT = reference_id("signal_category", "wegen-verkeer-straatmeubilair/straatverlichting")


def make_signal(context: AppContext, **fields: Any) -> uuid.UUID:
    values: dict[str, Any] = {
        "area_id": BEERTA,
        "description": "Lantaarnpaal kapot",
        "source": SignalSource.TELEFOON,
        "reported_on": date.today(),
        "category_id": LICHT,
    }
    values.update(fields)
    with context.database.unit_of_work("test") as session:
        signal_id = signals.create_signal(session, SignalInput(**values)).id
    context.hub.announce(SIGNALS)  # as context.perform would
    return signal_id


def make_conversation(context: AppContext) -> uuid.UUID:
    """A conversation in today's round in Beerta (the koffiekar screen opens today's round)."""
    with context.database.unit_of_work("test") as session:
        round_ = koffiekar.start_session(
            session,
            SessionInput(
                area_id=BEERTA,
                day=date.today(),
                start_time=time(10),
                place="Dorpsplein",
            ),
        )
        data = ConversationInput(
            summary="Buurvrouw komt de deur niet meer uit", theme_ids=[EENZAAMHEID_THEME]
        )
        return koffiekar.record_conversation(session, session_id=round_.id, data=data).id


def signal_from_conversation(qtbot: Any, window: MainWindow) -> Any:
    """Koffiekar, Beerta in the tree, today's round: click the conversation and
    'Signaal maken…'; the window shows Signalen with the form. Returns the form."""
    open_screen(qtbot, window, KOFFIEKAR)
    click_area(qtbot, window, BEERTA)
    koffiekar_screen = window.screens[KOFFIEKAR]
    conversations = koffiekar_screen.conversation_list  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: conversations.model.rowCount() == 1)
    click_index(qtbot, conversations.table, conversations.model.index(0, 0))
    qtbot.mouseClick(conversations.signal_button, Qt.MouseButton.LeftButton)
    screen = window.screens[SIGNALS_SCREEN]
    assert isinstance(screen, SignalsScreen)
    assert window.stack.currentWidget() is screen
    form = screen.form
    assert form is not None
    qtbot.waitExposed(form)
    return form


def settle(qtbot: Any, screen: SignalsScreen) -> None:
    """Wait until the list shows what the filters ask."""
    qtbot.waitUntil(lambda: not screen.timer.isActive(), timeout=5_000)
    screen.context.background.wait()
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=5_000)


def ids(screen: SignalsScreen) -> list[uuid.UUID]:
    return [row.id for row in screen.model.rows]


def shown_id(screen: SignalsScreen) -> uuid.UUID | None:
    """The signal in the detail pane."""
    return screen.detail.detail.id if screen.detail.detail is not None else None


def new_form(qtbot: Any, screen: SignalsScreen) -> SignalForm:
    """Click 'Nieuw signaal…'; the form opens."""
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    form = screen.form
    assert form is not None
    qtbot.waitExposed(form)
    return form


def click_index(qtbot: Any, view: QAbstractItemView, index: QModelIndex) -> None:
    """Click the visible part of the row (the offscreen window is small: the area tree is
    narrow beside Signalen)."""
    assert index.isValid()
    view.scrollTo(index)
    rect = view.visualRect(index).intersected(view.viewport().rect())
    assert not rect.isEmpty(), "the row is not on screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex() == index, "the click did not land on the row"


def click_signal(qtbot: Any, screen: SignalsScreen, signal_id: uuid.UUID) -> None:
    """Click the signal's row in the list; the detail shows it."""
    row = ids(screen).index(signal_id)
    click_index(qtbot, screen.table, screen.model.index(row, 0))
    assert shown_id(screen) == signal_id


def open_screen(qtbot: Any, window: Any, key: str) -> None:
    """Click the screen's button in the window's toolbar."""
    toolbar = window.findChild(QToolBar, "screensToolbar")
    button = toolbar.widgetForAction(window.screen_actions[key])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.screens[key]


def click_area(qtbot: Any, window: Any, area_id: uuid.UUID) -> None:
    """Click the area in the navigator's tree, as the user does."""
    navigator = window.navigator
    index = navigator.proxy.mapFromSource(navigator.model.index_of(area_id))
    click_index(qtbot, navigator.tree, index)


def type_choice(qtbot: Any, field: QComboBox, text: str) -> None:
    """Type over what the field shows and press Enter."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def map_point(screen: SignalsScreen, longitude: float, latitude: float) -> QPoint:
    x, y = project(longitude, latitude)
    return screen.map.mapFromScene(QPointF(x, -y))


def buurt_point(screen: SignalsScreen, code: str) -> QPoint:
    """Where a buurt's label sits on the map (a click there chooses it)."""
    with screen.context.read() as session:
        (shape,) = buurt_shapes(session, [code])
    x, y = shape.label_point()
    point = screen.map.mapFromScene(QPointF(x, -y))
    assert screen.map.buurt_at(QPointF(point)) == code
    return point


def click_map(qtbot: Any, screen: SignalsScreen, point: QPoint) -> None:
    qtbot.mouseClick(screen.map.viewport(), Qt.MouseButton.LeftButton, pos=point)
