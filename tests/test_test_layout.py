"""The UI tests are laid out as the UI is: `tests/ui/<package>/` for each sub-package of
`src/gebiedsapp/ui/`, so a change to a screen finds its tests in the folder of the same name."""

from __future__ import annotations

from pathlib import Path

import gebiedsapp

UI_SOURCE = Path(gebiedsapp.__file__).resolve().parent / "ui"
UI_TESTS = Path(__file__).resolve().parent / "ui"


def _packages(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}


def test_every_ui_package_has_its_test_folder_and_no_other() -> None:
    source = _packages(UI_SOURCE)
    tests = _packages(UI_TESTS)
    assert source - tests == set(), "ui packages without a tests/ui/<package>/ folder"
    assert tests - source == set(), "test folders without a ui package of that name"
