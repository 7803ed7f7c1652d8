"""Marking a text for the translation where it is defined, translating it where it is shown.

Qt's QT_TRANSLATE_NOOP, typed: PySide6 declares it as returning `object`, so a marked text
could not be passed to tr() under mypy. lupdate finds the texts by this name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, unchanged; lupdate files it under `context`."""
    return text
