#!/usr/bin/env python3
"""Check a built bundle folder for the files the app needs and the ones it must not carry.

    python3 packaging/check_bundle.py /tmp/pyi-dist/gebiedsapp

A file that is missing here fails only when a user reaches the feature (a PDF, a deadline), so
it is checked by name right after the build; `gebiedsapp selftest` then uses them for real.
Prints one line per problem; exit code 1 when there is any.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

EXE = ".exe" if os.name == "nt" else ""

# (pattern relative to the contents folder, what it is for)
REQUIRED = [
    ("resources/reference/areas.json", "reference data"),
    ("resources/geo/buurten.geojson", "CBS buurt boundaries (maps in the summary)"),
    ("resources/geo/gebieden.geojson", "outlines of areas without a CBS buurt (maps)"),
    ("resources/icons/gebiedsapp.png", "the app icon"),
    ("resources/words/nl.txt", "Dutch words for the passphrase strength check"),
    ("gebiedsapp/storage/migrations/env.py", "Alembic migrations"),
    ("gebiedsapp/storage/migrations/versions/0001_*.py", "the first migration"),
    ("resources/fonts/DejaVuSans.ttf", "the font embedded in every PDF"),
    ("resources/fonts/DejaVuSans-Bold.ttf", "the bold font"),
    ("resources/fonts/DejaVuSans-Oblique.ttf", "the italic font"),
    ("resources/fonts/DejaVuSans-BoldOblique.ttf", "the bold italic font"),
    ("resources/fonts/LICENSE", "the fonts' licence"),
    ("holidays/locale/nl/LC_MESSAGES/NL.mo", "Dutch holiday names (signal deadlines)"),
    ("holidays/locale/en_US/LC_MESSAGES/NL.mo", "holiday names the deadline code asks for"),
    ("PySide6/Qt/translations/qtbase_nl.qm", "Qt's own dialogs in Dutch"),
    ("resources/translations/gebiedsapp_en.qm", "the English UI (Beeld → Taal)"),
    ("resources/translations/gebiedsapp_en.ts", "English by Dutch text (ui.language)"),
    ("PySide6/QtPdf*", "in-app PDF preview"),
    ("PySide6/QtPdfWidgets*", "in-app PDF preview"),
    ("docs/handleiding.md", "the user guide (F1)"),
    ("docs/img/gebied.png", "the user guide's screenshots"),
    ("LICENSE", "the EUPL-1.2 licence"),
    ("THIRD_PARTY_NOTICES.md", "third-party notices"),
    ("licenses/LGPL-3.0.txt", "Qt's licence"),
    ("licenses/SQLCipher.txt", "SQLCipher's licence"),
]
# file names that mean an unused part of Qt came along
FORBIDDEN = re.compile(
    r"WebEngine|Qt6?Quick|Qt6?Qml|Qt6?3D|Qt6?Multimedia|Qt6?Charts|Qt6?DataVisualization"
    r"|Qt6?Location|Qt6?Bluetooth|Qt6?VirtualKeyboard|Qt6?Designer",
    re.I,
)


def contents_folder(bundle: Path) -> Path:
    """Where PyInstaller put the libraries and data (`_internal` since PyInstaller 6)."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def problems(bundle: Path) -> list[str]:
    found: list[str] = []
    for name in (f"gebiedsapp{EXE}", f"gebiedsapp-gui{EXE}", "LICENSE", "THIRD_PARTY_NOTICES.md"):
        if not (bundle / name).is_file():
            found.append(f"missing beside the executables: {name}")
    inner = contents_folder(bundle)
    for pattern, why in REQUIRED:
        if not list(inner.glob(pattern)):
            found.append(f"missing: {pattern} ({why})")
    for path in sorted(inner.rglob("*")):
        if FORBIDDEN.search(path.name):
            found.append(f"unused Qt part in the bundle: {path.relative_to(bundle)}")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__)
        return 2
    bundle = Path(argv[0])
    found = problems(bundle)
    for line in found:
        print(f"check_bundle: {line}")
    if found:
        return 1
    print(f"check_bundle: {bundle}: every required file is there, no unused Qt parts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
