"""What every PDF of the app shares: embedded fonts, paragraph styles, the A4 page with header
and footer ("Pagina 3 van 7"), and writing to a file without leaving half a file behind.

The fonts are DejaVu Sans, shipped in resources/fonts (with its licence): Bitstream Vera's
Latin letters plus Arabic, Hebrew, Greek, Cyrillic and monochrome symbols and emoticons.
Registered as `TTFont` they are embedded (as subsets) in every PDF, so é, ë, ’, שלום and مرحبا
print the same on every printer. Text in other scripts is prepared by `scripts`: Arabic joined,
right-to-left runs in display order per line, a visible placeholder for what the font lacks.
Nothing is registered at import time: `fonts()` does it once, on first use.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import KeepTogether

from gebiedsapp.resources import resource_path
from gebiedsapp.services.reports.flow import TableWithNote
from gebiedsapp.services.reports.scripts import BidiParagraph, covered, has_rtl, joined, visual

REGULAR = "GebiedsSans"
BOLD = "GebiedsSans-Bold"
ITALIC = "GebiedsSans-Italic"
BOLD_ITALIC = "GebiedsSans-BoldItalic"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_UPRIGHT = {ITALIC: REGULAR, BOLD_ITALIC: BOLD}  # for the letters the oblique faces lack
# Characters text in this app needs beyond ASCII; `fonts()` checks the font has them.
NEEDED = "éëïöüèáóúàçÉËÏ’‘“”–—−›•…·×½€\ufffd"
NEEDED_UPRIGHT = "שלוםمرحباﻣﺮﺣﺒﺎ😀☺"  # Hebrew, Arabic and its joined forms, emoticons

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP = 22 * mm  # room for the header above the frame
BOTTOM = 20 * mm  # room for the footer below it
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM

# Colours chosen so that they also differ in lightness: on a black-and-white print the accent
# is a dark grey, the light tint a light grey; no meaning rests on hue alone.
INK = colors.HexColor("#1b1b1b")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
TINT = colors.HexColor("#e6ecf2")
ZEBRA = colors.HexColor("#f3f3f3")


@cache
def fonts() -> tuple[str, str, str, str]:
    """Register the embedded TrueType family once; (regular, bold, italic, bold italic)."""
    for name, file in _FILES.items():
        font = TTFont(name, str(resource_path("fonts", file)))
        needed = NEEDED if name in _UPRIGHT else NEEDED + NEEDED_UPRIGHT
        missing = [c for c in needed if ord(c) not in font.face.charToGlyph]
        if missing:  # a different ReportLab build: better to fail than print boxes
            raise RuntimeError(f"font {file} lacks {''.join(missing)!r}")
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return REGULAR, BOLD, ITALIC, BOLD_ITALIC


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle  # the explanatory sentence under a chart or table
    empty: ParagraphStyle  # "Geen open signalen."
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    quote: ParagraphStyle


@cache
def styles() -> Styles:
    fonts()
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=INK, alignment=TA_LEFT
    )

    def make(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return Styles(
        title=make("title", fontName=BOLD, fontSize=24, leading=30, textColor=ACCENT),
        subtitle=make("subtitle", fontSize=14, leading=19),
        h1=make("h1", fontName=BOLD, fontSize=15, leading=19, textColor=ACCENT, spaceAfter=4 * mm),
        h2=make(
            "h2",
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
        ),
        body=base,
        small=make("small", fontSize=8, leading=10.5, textColor=MUTED),
        note=make(
            "note",
            fontName=ITALIC,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            spaceBefore=1.5 * mm,
        ),
        empty=make("empty", fontName=ITALIC, textColor=MUTED, leftIndent=2 * mm),
        cell=make("cell", fontSize=8.5, leading=10.5),
        cell_bold=make("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.5),
        cell_right=make("cell_right", fontSize=8.5, leading=10.5, alignment=2),
        quote=make(
            "quote", fontName=ITALIC, fontSize=10, leading=14, leftIndent=5 * mm, spaceBefore=2 * mm
        ),
    )


@cache
def _glyphs(font: str = REGULAR) -> frozenset[int]:
    fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


@cache
def _characters() -> frozenset[str]:
    """The characters the font has, as strings (one set test per text instead of a loop)."""
    return frozenset(chr(code) for code in _glyphs())


def prepared(value: str) -> str:
    """Text the embedded font can show, still in typing order: Arabic joined; a character it
    lacks its base letter, "[emoji]" or "�" (see `scripts`), never an empty box or a "?"."""
    if value.isascii():
        return value
    if not _characters().issuperset(value):
        value = covered(value, _glyphs())  # emoji sequences are still whole here
    value = joined(value)
    if not _characters().issuperset(value):
        value = covered(value, _glyphs())  # a joined form the font lacks: its base letter
    return value


def printable(value: str) -> str:
    """`prepared`, in display order: for text on one line (headers, chart labels)."""
    return visual(prepared(value))


def _escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(value: str, font: str) -> str:
    """Escaped for a Paragraph (which reads a little XML); in an oblique face the letters it
    lacks (Arabic) are set upright."""
    upright = _UPRIGHT.get(font)
    if upright is None or value.isascii() or _glyphs(font).issuperset(map(ord, value)):
        return _escaped(value)
    have = _glyphs(font)
    out: list[str] = []
    for lacking, run in _runs(value, lambda c: ord(c) not in have and not c.isspace()):
        out.append(f'<font name="{upright}">{_escaped(run)}</font>' if lacking else _escaped(run))
    return "".join(out)


def _runs(value: str, test: Callable[[str], bool]) -> list[tuple[bool, str]]:
    runs: list[tuple[bool, str]] = []
    for char in value:
        flag = test(char)
        if runs and runs[-1][0] == flag:
            runs[-1] = (flag, runs[-1][1] + char)
        else:
            runs.append((flag, char))
    return runs


def text(value: str) -> str:
    """User text for a Paragraph, in glyphs the font has, in display order."""
    return _escaped(printable(value))


def para(value: str, style: ParagraphStyle) -> Flowable:
    """User text as a paragraph; with right-to-left text, one that breaks its lines first."""
    fonts()
    logical = prepared(value)
    font = str(style.fontName)
    if not has_rtl(logical):
        return Paragraph(_markup(logical, font), style)
    measure = _UPRIGHT.get(font, font)
    return BidiParagraph(logical, style, lambda line: _markup(line, font), measure)


def explained(block: Flowable | Sequence[Flowable], note: str) -> list[Flowable]:
    """A chart or table with the sentence that says what it shows right under it (a table
    that splits over pages takes the note with its last rows)."""
    items = list(block) if isinstance(block, Sequence) else [block]
    if len(items) == 1 and isinstance(items[0], Table):
        return [TableWithNote(items[0], para(note, styles().note))]
    return [*items, para(note, styles().note)]


def heading(value: str, *, note: str = "") -> list[Flowable]:
    """A section heading kept together with what follows it (its note, if any)."""
    s = styles()
    items: list[Flowable] = [para(value, s.h2)]
    if note:
        items.append(para(note, s.small))
        items.append(Spacer(1, 1.5 * mm))
    return items


class ListTable(LongTable):  # type: ignore[misc]  # reportlab is untyped
    """A LongTable that measures its rows of plain text in one linear pass.

    ReportLab (5.x) measures the rows of a LongTable without spans by searching the list of
    heights from its start for every row, and measures a table again when it splits it: a
    list of a thousand rows cost tens of milliseconds per measurement, the larger part of a
    report's layout. A row whose cells are all text gets here exactly the height ReportLab
    gives it (per cell: its leading times its lines plus its top and bottom padding; the
    tallest cell counts), fixed as if passed as `rowHeights`, so the parts a page break makes
    keep them. Rows with a flowable in a cell are left to ReportLab."""

    def _calc_height(self, *args: Any, **kwargs: Any) -> None:
        _measure_text_rows(self)
        heights = self._argH
        if self._spanCmds or None in heights:
            super()._calc_height(*args, **kwargs)
            return
        # Every height known: the rows' positions in one C-level pass. ReportLab's Python loop
        # runs again over the rest of the table at every page break: at ten times the data
        # (a 971-page appendix) half of the layout's time.
        positions = list(accumulate(reversed(heights), initial=0.0))
        self._height = positions[-1]
        positions.reverse()
        self._rowpositions = positions
        self._hmax = len(heights)


def _measure_text_rows(table: Any) -> None:
    """Fix the height of every row of plain text of `table` that has none yet, the way
    ReportLab's Table._calc_height computes it (tables with spans or minimum row heights are
    left to ReportLab)."""
    if table._spanCmds or table._minRowHeights or None not in table._argH:
        return
    heights = list(table._argH)
    rows = zip(table._argH, table._cellvalues, table._cellStyles, strict=True)
    for index, (given, values, cell_styles) in enumerate(rows):
        if given is not None or not all(isinstance(v, str) for v in values):
            continue
        heights[index] = max(
            (s.leading or 1.2 * s.fontsize) * (v.count("\n") + 1) + s.bottomPadding + s.topPadding
            for v, s in zip(values, cell_styles, strict=True)
        )
    table._argH = table._rowHeights = heights


def grid(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    numeric_from: int | None = None,
    header: bool = True,
    bold_rows: Sequence[int] = (),
) -> Table:
    """A table in the house style: a tinted header row repeated on every page, light zebra
    rows, hairlines; columns from `numeric_from` on right-aligned."""
    # A LongTable (ListTable): splits a list of hundreds of rows over pages, with the header
    # row repeated at the top of each page (and nowhere else)
    table = ListTable(list(rows), colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5, 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    first = 1 if header else 0
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), BOLD, 8.5, 10.5),
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
    # one command for the zebra (not one per row: a table copies its commands at every page
    # break, which made long tables slow)
    commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [None, ZEBRA]))
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"))
    commands += bold_cells(bold_rows, 0, -1)
    table.setStyle(TableStyle(commands))
    return table


def bold_cells(rows: Sequence[int], first_column: int, last_column: int) -> list[tuple[Any, ...]]:
    """FONT commands that set these rows (from..to column) in bold, one per run of adjacent
    rows (the overdue rows of a list come first: usually a single command)."""
    commands: list[tuple[Any, ...]] = []
    for row in sorted(set(rows)):
        if commands and commands[-1][2][1] == row - 1:
            start = commands.pop()[1]
        else:
            start = (first_column, row)
        commands.append(("FONT", start, (last_column, row), BOLD, 8.5, 10.5))
    return commands


def keep(items: Sequence[Flowable]) -> KeepTogether:
    return KeepTogether(list(items))


class SetHeader(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Invisible: from here on the header shows this title (a section of the municipality)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.width = self.height = 0

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._gebiedsapp_header = self.title


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws "Pagina 3 van 7" once the last page is known, in one layout pass: each page's
    drawing is kept until `save` (ReportLab keeps every page until then anyway)."""

    footer_font = (REGULAR, 8)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(*self.footer_font)
            self.setFillColor(INK)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, BOTTOM - 10 * mm, f"Pagina {number} van {total}"
            )
            super().showPage()
        super().save()


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer say: the area on the left, the period on the right."""

    header_left: str
    header_right: str
    footer_left: str


def _draw_page(info: PageInfo) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        left = printable(getattr(canvas, "_gebiedsapp_header", "") or info.header_left)
        y = PAGE_HEIGHT - TOP + 7 * mm
        canvas.setFont(BOLD, 8.5)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, y, left)
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, printable(info.header_right))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 2.5 * mm, PAGE_WIDTH - MARGIN, y - 2.5 * mm)
        footer_y = BOTTOM - 10 * mm
        canvas.line(MARGIN, footer_y + 4 * mm, PAGE_WIDTH - MARGIN, footer_y + 4 * mm)
        text, size = footer_fitted(printable(info.footer_left))
        canvas.setFont(REGULAR, size)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, footer_y, text)
        canvas.restoreState()

    return draw


# The footer's left part stays clear of "Pagina 999 van 999" on the right (NumberedCanvas)
FOOTER_ROOM = PAGE_WIDTH - 2 * MARGIN - 4 * mm
FOOTER_SMALLEST = 6.5


def footer_fitted(text: str) -> tuple[str, float]:
    """The footer's left text and its size: 8 pt, smaller down to 6.5 pt where it is long
    (the coverage of a laptop that never synced ran into the page number), else cut with
    '…' at 6.5 pt."""
    fonts()
    room = FOOTER_ROOM - pdfmetrics.stringWidth("Pagina 999 van 999", *NumberedCanvas.footer_font)
    size = 8.0
    while size > FOOTER_SMALLEST and pdfmetrics.stringWidth(text, REGULAR, size) > room:
        size -= 0.5
    if pdfmetrics.stringWidth(text, REGULAR, size) <= room:
        return text, size
    while text and pdfmetrics.stringWidth(text + "…", REGULAR, size) > room:
        text = text[:-1]
    return text.rstrip() + "…", size


class Deferred(Flowable):  # type: ignore[misc]
    """A placeholder the document expands into flowables only when layout reaches it, so a long
    report never holds more than one section's flowables at a time (and can be cancelled)."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:  # never laid out
        return 0, 0


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, out: Any, *, title: str) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=title,
            author="Gebiedsapp Oldambt",
            creator="Gebiedsapp",
            lang="nl-NL",
            initialFontName=REGULAR,  # else every page names Helvetica, a font not embedded
            initialFontSize=9.5,
        )

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        while flowables and isinstance(flowables[0], Deferred):
            flowables[0:1] = flowables[0].make() or [Spacer(0, 0)]


def build(out: BinaryIO | Path, story: list[Flowable], info: PageInfo, *, title: str) -> int:
    """Lay out `story` on A4 pages with header and footer; the number of pages.

    A Path target is written to a temporary file beside it and renamed at the end, so an
    error or a `ReportCancelledError` raised while expanding a `Deferred` leaves no
    half-written file."""
    fonts()
    with _target(out) as target:
        doc = _Document(target, title=title)
        frame = Frame(
            MARGIN, BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="body", leftPadding=0, rightPadding=0
        )
        doc.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPageEnd=_draw_page(info), pagesize=A4)]
        )
        doc.build(story, canvasmaker=NumberedCanvas)
        pages: int = doc.page
    return pages


@contextlib.contextmanager
def _target(out: BinaryIO | Path) -> Iterator[Any]:
    if not isinstance(out, Path | str):
        yield out
        return
    path = Path(out)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
