"""Inputs made from field definitions (services.record_fields), read and filled by their kind.

A record form (contacts, initiatives) keeps its inputs by draft key; these functions are the
one way to make, read, fill and watch the plain kinds (a line, a text, a choice, an area, a
pick from a list, a day, an amount). The texts come from the definitions and are translated in
the form's own context (each form lists them for lupdate in its `field_texts`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from gebiedsapp.services.record_fields import FieldDef, InputKind, parse_uuid
from gebiedsapp.ui.admin.common import select_data
from gebiedsapp.ui.formatting import from_qdate, to_qdate
from gebiedsapp.ui.labels import label_of


def make_input(definition: FieldDef, parent: QWidget) -> QWidget:
    """The widget for a plain kind, with the definition's texts and limit."""
    kind = definition.kind
    widget: QWidget
    if kind in (InputKind.LINE, InputKind.MONEY):
        line = QLineEdit(parent)
        if definition.max_length is not None:
            line.setMaxLength(definition.max_length)
        if definition.placeholder:
            line.setPlaceholderText(parent.tr(definition.placeholder))
        widget = line
    elif kind is InputKind.TEXT:
        text = QPlainTextEdit(parent)
        text.setTabChangesFocus(True)
        if definition.placeholder:
            text.setPlaceholderText(parent.tr(definition.placeholder))
        widget = text
    elif kind in (InputKind.CHOICE, InputKind.AREA, InputKind.PICK):
        combo = QComboBox(parent)
        for value in definition.offered():
            combo.addItem(label_of(value), value.value)
        widget = combo
    elif kind is InputKind.DAY:
        day = QDateEdit(parent)
        day.setCalendarPopup(True)
        day.setDisplayFormat("dd-MM-yyyy")
        widget = day
    else:
        raise LookupError(f"no plain input for {definition.key} ({kind})")
    widget.setAccessibleName(parent.tr(definition.accessible or definition.label))
    return widget


def read_input(definition: FieldDef, widget: QWidget) -> Any:
    """The value a plain input holds, typed as the draft keeps it."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        if definition.kind is InputKind.CHOICE and definition.enum is not None:
            return definition.enum(data) if data else None
        return parse_uuid(data)
    if isinstance(widget, QDateEdit):
        empty = bool(widget.specialValueText()) and widget.date() == widget.minimumDate()
        return None if empty else from_qdate(widget.date())
    raise LookupError(f"no input for the field {definition.key}")


def write_input(definition: FieldDef, widget: QWidget, value: Any) -> None:
    """Put a value in a plain input; None leaves a choice or a day as the form set it."""
    if isinstance(widget, QLineEdit):
        widget.setText(value or "")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif value is None:
        if isinstance(widget, QDateEdit) and widget.specialValueText():
            widget.setDate(widget.minimumDate())  # shows 'no date'
    elif isinstance(widget, QComboBox):
        select_data(widget, str(getattr(value, "value", value)))
    elif isinstance(widget, QDateEdit):
        widget.setDate(to_qdate(value))


def watch_input(widget: QWidget, slot: Callable[..., None]) -> None:
    """Call `slot` on every change of a plain input."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(slot)
