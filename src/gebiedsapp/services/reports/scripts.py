"""Text in any script for ReportLab, which draws a string's glyphs left to right as given: it
shapes and reorders only with uharfbuzz and rlbidi, which the app does not ship.

- A character the embedded font lacks becomes its base letter when it has one (an accented
  letter); an emoji becomes "[emoji]" (one for a sequence: a family, a flag, a skin tone);
  anything else, and a broken character (a lone UTF-16 surrogate), becomes "�" (U+FFFD): a
  visible sign that something could not be printed, never a "?" that hides it.
- Arabic letters are joined into their contextual forms (arabic_reshaper turns them into the
  presentation forms, which the font has).
- Right-to-left runs (Arabic, Hebrew) are put in display order per line (python-bidi, the
  Unicode bidi algorithm), after the line breaks are known; a paragraph whose first letter is
  right-to-left is aligned to the right.

What remains imperfect: marks above and below Arabic letters (harakat) are dropped by the
joining, ligatures beyond lam-alef are not made, and scripts that need real shaping (Indic,
Thai, ...) or that the font lacks (Chinese, Japanese, Korean) print as "�". Without
arabic_reshaper or python-bidi installed, Arabic prints unjoined and right-to-left text in
typing order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Paragraph

try:  # both are dependencies; a stripped-down install still prints, less well
    from arabic_reshaper import reshape as _reshape
except ImportError:  # pragma: no cover
    _reshape = None
try:
    from bidi import get_display as _get_display
except ImportError:  # pragma: no cover
    _get_display = None

EMOJI = "[emoji]"
UNKNOWN = "\ufffd"
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# what joins or varies an emoji, and is invisible on its own
_EMOJI_GLUE = frozenset({0x200D, 0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400)})


def _is_emoji(code: int) -> bool:
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0xE0020 <= code <= 0xE007F  # tags (the flags of England, Scotland, Wales)
    )


def covered(value: str, glyphs: frozenset[int]) -> str:
    """`value` in characters the font has (see the module's docstring)."""
    out: list[str] = []
    previous = ""  # the character before, as typed
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            out.append(UNKNOWN)
        elif code in _EMOJI_GLUE and out and out[-1] == EMOJI:
            pass  # part of the emoji just replaced (a joiner, a skin tone)
        elif code in glyphs or char in "\n\t":
            out.append(char)
        elif code in _EMOJI_GLUE or unicodedata.category(char) in ("Cf", "Mn", "Me"):
            pass  # invisible on its own (a joiner, a variation, a mark the font lacks)
        elif _is_emoji(code):
            # a sequence (joined by U+200D, a flag's two letters, tags) is one emoji
            follows = previous == "\u200d" or (_is_flag(code) and _is_flag(ord(previous or " ")))
            if not (follows and out and out[-1] == EMOJI) and not _tag(code):
                out.append(EMOJI)
        else:
            base = "".join(b for b in unicodedata.normalize("NFKD", char) if ord(b) in glyphs)
            out.append(base if base.strip() else UNKNOWN)
        previous = char
    return "".join(out)


def _is_flag(code: int) -> bool:
    return 0x1F1E6 <= code <= 0x1F1FF


def _tag(code: int) -> bool:
    return 0xE0020 <= code <= 0xE007F


def joined(value: str) -> str:
    """Arabic letters in their contextual (joined) forms; the order is still logical."""
    if _reshape is None or not _ARABIC.search(value):
        return value
    return str(_reshape(value))


def has_rtl(value: str) -> bool:
    return _RTL.search(value) is not None


@lru_cache(maxsize=4096)
def visual(line: str) -> str:
    """One line in display order (right-to-left runs reversed in place)."""
    if _get_display is None or not has_rtl(line):
        return line
    return str(_get_display(line))


def starts_right_to_left(value: str) -> bool:
    """Whether the first letter with a direction is right-to-left (then the paragraph is)."""
    for char in value:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


class BidiParagraph(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph with right-to-left text: broken into lines in typing order at the width it
    gets, then each line put in display order, so the first words come first (a Paragraph
    would break the reordered text, and a long Arabic sentence would read from its last line).
    `markup` makes a line ready for a Paragraph (escaped, fonts for missing glyphs)."""

    def __init__(
        self, logical: str, style: ParagraphStyle, markup: Callable[[str], str], measure: str
    ) -> None:
        super().__init__()
        self.logical = " ".join(logical.split())
        self.markup = markup
        self.measure = measure  # the font to measure with (the style's, or upright for italic)
        if starts_right_to_left(self.logical):
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        self.style = style
        self._inner: Paragraph | None = None
        self._for_width = -1.0

    def _paragraph(self, width: float) -> Paragraph:
        if self._inner is None or width != self._for_width:
            room = max(width - self.style.leftIndent - self.style.rightIndent, 1)
            lines = simpleSplit(self.logical, self.measure, self.style.fontSize, room)
            markup = "<br/>".join(self.markup(visual(line)) for line in lines)
            self._inner = Paragraph(markup, self.style)
            self._for_width = width
        return self._inner

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        inner = self._paragraph(available_width)
        self.width, self.height = inner.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return list(self._paragraph(available_width).split(available_width, available_height))

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)
