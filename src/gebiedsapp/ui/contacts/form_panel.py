"""Contacten's right side: the contact form, scrollable, with its buttons and status below it.

Made in two steps (the form, then its buttons, wiring and place in the splitter), each in an
event-loop turn of its own after the screen's first paint, so that the first open paints the
list first (issue 19: building both sides in one turn held the GUI thread 75-100 ms on ten
times the data). Whatever needs the form sooner (a draft restored, Ctrl+Shift+N, a contact
opened, the shortcut overview) gets it all at once; the form's choices that come in before
it are kept for it (DraftListFormScreen._apply_held_choices). Keys and clicks can only reach
a form that is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gebiedsapp.ui.contacts.form import ContactForm
from gebiedsapp.ui.drafting import DraftAutosaver
from gebiedsapp.ui.first_paint import AfterFirstPaint
from gebiedsapp.ui.layout import FlowLayout

# Between two steps: a timer, not a zero-timer. Qt runs a chain of zero-timers (posted calls)
# one after the other before any due timer gets its turn, so the steps were one block of the
# GUI thread after all (measured: three 30 ms steps, one 97 ms gap of a 2 ms timer; 36 ms
# with 1 ms timers).
TURN_MS = 1
translate = QCoreApplication.translate  # by this name lupdate finds the texts (the context:
# the screen's, where they were before; its tr() asks for them there)


class FormPanel(NamedTuple):
    panel: QWidget  # all of the right side
    body: QWidget  # the form in its scroll area: its keys and its autosave watch
    form: ContactForm
    save_button: QPushButton
    history_button: QPushButton
    signal_button: QPushButton
    new_button: QPushButton
    cancel_button: QPushButton
    status: QLabel


def make_form_panel(parent: QWidget, form: ContactForm | None = None) -> FormPanel:
    """The right side, not yet placed: the form in `body`, scrollable on a small laptop
    screen; the buttons stay in view below it (a narrow screen wraps them). `form`: made
    already (a turn before, on the first open)."""
    form_body = QWidget(parent)
    if form is None:
        form = ContactForm(form_body)
    else:
        form.setParent(form_body)
    save_button = QPushButton(translate("ContactsScreen", "Opslaan (Ctrl+Enter)"), parent)
    save_button.setDefault(False)
    history_button = QPushButton(translate("ContactsScreen", "Geschiedenis…"), parent)
    history_button.setToolTip(translate("ContactsScreen", "Eerdere versies van dit contact"))
    signal_button = QPushButton(translate("ContactsScreen", "Signaal maken…"), parent)
    signal_button.setToolTip(
        translate(
            "ContactsScreen", "Een signaal voor dit contact, vooraf ingevuld en eraan gekoppeld"
        )
    )
    new_button = QPushButton(translate("ContactsScreen", "Nieuw contact"), parent)
    new_button.setToolTip(translate("ContactsScreen", "Begin een nieuw contact (Ctrl+Shift+N)"))
    cancel_button = QPushButton(translate("ContactsScreen", "Annuleren (Esc)"), parent)
    status = QLabel(parent)
    status.setWordWrap(True)
    buttons = FlowLayout()
    for button in (save_button, history_button, signal_button, new_button, cancel_button):
        buttons.addWidget(button)
    form_layout = QVBoxLayout(form_body)
    form_layout.setContentsMargins(8, 0, 8, 0)
    form_layout.addWidget(form)
    form_layout.addStretch(1)
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(form_body)
    QWidget.setTabOrder(form.remove_action_button, save_button)
    panel = QWidget(parent)
    panel_layout = QVBoxLayout(panel)
    panel_layout.setContentsMargins(0, 0, 0, 0)
    panel_layout.addWidget(scroll, 1)
    buttons.setContentsMargins(8, 0, 8, 0)
    panel_layout.addLayout(buttons)
    status.setContentsMargins(8, 0, 8, 0)
    panel_layout.addWidget(status)
    return FormPanel(
        panel,
        form_body,
        form,
        save_button,
        history_button,
        signal_button,
        new_button,
        cancel_button,
        status,
    )


class LazyFormPanel:
    """Contacten's form side as attributes that make and place it when first used. The
    screen calls `_start_form_panel` in its `__init__` (the splitter's right side is an
    empty panel until then) and has `_connect_form_panel` (the autosave, keys, buttons: it
    sets `_autosaver`) and `_on_form_placed` (the choices held meanwhile, a blank form)."""

    if TYPE_CHECKING:
        splitter: QSplitter

        def _connect_form_panel(self, built: FormPanel) -> None: ...
        def _on_form_placed(self) -> None: ...

    _parts: FormPanel | None = None
    _early_form: ContactForm | None = None  # the first step's form, not yet in its panel
    _autosaver: DraftAutosaver | None = None
    _form_side: QWidget  # the splitter's right side: the form panel goes in it

    def _start_form_panel(self) -> None:
        """The splitter's right side, empty: the form goes in it after the first paint (or
        at once when needed)."""
        assert isinstance(self, QWidget)
        self._form_side = QWidget(self)  # keeps its place and size in the splitter
        side = QVBoxLayout(self._form_side)
        side.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self._form_side)
        painted = AfterFirstPaint(self)
        painted.add(lambda: QTimer.singleShot(TURN_MS, self, self._make_form_early))

    def _form_exists(self) -> bool:
        """DraftListFormScreen's: the form is there (nothing was typed before it was)."""
        return self._parts is not None

    @property
    def form(self) -> ContactForm:
        return self._panel_built().form

    @property
    def autosaver(self) -> DraftAutosaver:
        self._panel_built()
        assert self._autosaver is not None  # _connect_form_panel made it
        return self._autosaver

    @property
    def form_panel(self) -> QWidget:
        return self._panel_built().panel

    @property
    def save_button(self) -> QPushButton:
        return self._panel_built().save_button

    @property
    def history_button(self) -> QPushButton:
        return self._panel_built().history_button

    @property
    def signal_button(self) -> QPushButton:
        return self._panel_built().signal_button

    @property
    def new_button(self) -> QPushButton:
        return self._panel_built().new_button

    @property
    def cancel_button(self) -> QPushButton:
        return self._panel_built().cancel_button

    @property
    def status(self) -> QLabel:
        return self._panel_built().status

    def build_all(self) -> None:
        """ui.screen.PartsOnUse: the form now (its shortcuts for the overview)."""
        self._panel_built()

    def parts_built(self) -> bool:
        return self._parts is not None

    def _make_form_early(self) -> None:
        """The first step after the first paint: the form itself (the larger half); its
        panel, wiring and place in the next turn."""
        assert isinstance(self, QWidget)
        if self._parts is None and self._early_form is None:
            self._early_form = ContactForm(self)
        QTimer.singleShot(TURN_MS, self, self.build_all)

    def _panel_built(self) -> FormPanel:
        """The right side, made, wired and placed now if it is not yet."""
        if self._parts is None:
            assert isinstance(self, QWidget)
            form, self._early_form = self._early_form, None
            parts = make_form_panel(self, form)
            self._parts = parts
            self._connect_form_panel(parts)
            side = self._form_side.layout()
            assert side is not None
            side.addWidget(parts.panel)  # the splitter's sizes stay as laid out (or dragged)
            if self._form_side.isVisible():
                parts.panel.show()  # now, not a turn later: whatever needs it, needs it now
                side.activate()  # and its size now: not a turn at a stray size (scroll bars)
            self._on_form_placed()
        return self._parts
