"""Reading back what a PDF printed (pypdf), for the report tests."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader


def pages_text(pdf: Path | bytes) -> list[str]:
    """Each page's text laid out as printed: a table row comes out as one line."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def all_lines(texts: Sequence[str]) -> list[str]:
    return [" ".join(line.split()) for text in texts for line in text.splitlines()]


def line_starting(texts: Sequence[str], start: str) -> str:
    found = [line for line in all_lines(texts) if line.startswith(start)]
    assert found, f"no line starts with {start!r}"
    return found[0]
