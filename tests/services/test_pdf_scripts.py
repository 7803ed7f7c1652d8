"""PDFs print every script the team meets (issue 14, item 9): Arabic, Hebrew and emoji no longer
come out as "?". The shipped DejaVu Sans has the letters; Arabic is joined and right-to-left text
is put in display order line by line; what the font lacks is shown as "[emoji]" or "�"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from gebiedsapp.services.reports.cells import lines
from gebiedsapp.services.reports.pdf_base import (
    FRAME_WIDTH,
    PageInfo,
    build,
    para,
    prepared,
    printable,
    styles,
)
from support.pdf_text import all_lines, pages_text

ROOT = Path(__file__).resolve().parents[2]
HEBREW = "שלום עולם"  # "hello world", typed right to left
ARABIC = "مرحبا"  # "hello"


def _pdf(*paragraphs: tuple[str, str], width: float = FRAME_WIDTH) -> bytes:
    s = styles()
    story = [para(text, getattr(s, style)) for style, text in paragraphs]
    out = io.BytesIO()
    build(out, story, PageInfo("Test", "", ""), title="Test")
    return out.getvalue()


def _text(pdf: bytes) -> str:
    return " ".join(all_lines(pages_text(pdf)))


def test_arabic_hebrew_and_emoji_are_printed_not_question_marks() -> None:
    pdf = _pdf(
        ("body", f"Bewoner zegt {HEBREW} en {ARABIC} 👍🏽 👨‍👩‍👧 中文"),
        ("note", f"Schuin: {ARABIC}"),  # the oblique face has no Arabic: set upright
    )
    text = _text(pdf)
    assert "?" not in text
    assert "םלוע םולש" in text  # Hebrew in display order
    assert "\ufe8e\ufe92\ufea3\ufeae\ufee3" in text  # Arabic joined, in display order
    assert text.count("[emoji]") == 2  # thumbs up with skin tone; the family: one each
    # the font has this emoticon: it is drawn (ReportLab's text layer cannot name it for
    # copying, so it is not read back here)
    assert prepared("😀 👍🏽 👨‍👩‍👧") == "😀 [emoji] [emoji]"
    assert "\ufffd\ufffd" in text  # Chinese: the font has none, visibly so
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all("DejaVu" in font or "GebiedsSans" in font for font in fonts), fonts


def test_a_long_right_to_left_paragraph_reads_from_its_first_line() -> None:
    words = [f"מילה{chr(0x05D0 + i)}" for i in range(22)]  # distinct Hebrew words
    pdf = _pdf(("body", " ".join(words)), width=FRAME_WIDTH)
    printed = [
        line for line in all_lines(pages_text(pdf)) if line and not line.startswith(("Test", "Pag"))
    ]
    first, last = printed[0], printed[-1]
    assert words[0][::-1] in first  # the first word typed is on the first line ...
    assert first.endswith(words[0][::-1])  # ... at its right end (right-aligned, RTL)
    assert words[-1][::-1] in last


def test_table_cells_break_first_then_reorder_each_line() -> None:
    cell = lines(f"{HEBREW} {HEBREW} {HEBREW}", 60)
    rows = cell.split("\n")
    assert len(rows) > 1
    assert rows[0].endswith("םולש")  # each line in display order: its first word at the right


def test_a_broken_character_prints_as_a_visible_sign(tmp_path: Path) -> None:
    assert printable("kapotte tekst \ud800 hier") == "kapotte tekst \ufffd hier"
    pdf = _pdf(("body", "kapot: \udc80 einde"))  # a file name read with surrogateescape
    assert "kapot: \ufffd einde" in _text(pdf)


def test_the_fonts_ship_with_their_licence() -> None:
    fonts = ROOT / "resources" / "fonts"
    assert {p.name for p in fonts.glob("*.ttf")} == {
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    }
    assert "Bitstream Vera Fonts Copyright" in (fonts / "LICENSE").read_text(encoding="utf-8")
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert '(str(RESOURCES), "resources")' in spec  # resources/fonts goes along
    check = (ROOT / "packaging" / "check_bundle.py").read_text(encoding="utf-8")
    assert '"resources/fonts/DejaVuSans.ttf"' in check  # and the built bundle is checked for it


@pytest.mark.parametrize("style", ["body", "note", "h2", "cell_bold", "quote"])
def test_every_style_prints_right_to_left_text(style: str) -> None:
    assert "?" not in _text(_pdf((style, f"{ARABIC} — {HEBREW}")))
