"""`large_database`: the `large` demo data (seed 1, the benchmarks' anchor), generated once per
run and copied for each test that reads it, since generating it is most of such a test's time
(the generation test and the brief's two-page test read the very same rows)."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from gebiedsapp.paths import app_paths as _app_paths
from gebiedsapp.services import demo
from gebiedsapp.startup import open_database
from gebiedsapp.storage.database import Database
from support.dbfile import TEST_KEY

LARGE_ANCHOR = date(2026, 6, 1)


@dataclass(frozen=True)
class LargeDemo:
    path: Path  # the generated database, closed; copy it before opening
    counts: Counter[str]  # what `generate` reported per table


@pytest.fixture(scope="session")
def large_demo(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> LargeDemo:
    folder = tmp_path_factory.mktemp("large")
    path = folder / "large.db"
    shutil.copyfile(migrated_template, path)
    opened = open_database(f"sqlite:///{path}", _app_paths(folder / "data"), actor="test",
                           key=TEST_KEY)  # fmt: skip
    try:
        with opened.database.unit_of_work("test") as session:
            counts = demo.generate(session, size="large", seed=1, anchor=LARGE_ANCHOR)
    finally:
        opened.database.dispose()
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("large.db-")]
    assert not leftovers, f"the large database was not closed cleanly: {leftovers}"
    return LargeDemo(path, Counter(counts))


@pytest.fixture
def large_database(large_demo: LargeDemo, tmp_path: Path) -> Iterator[Database]:
    """A copy of the `large` demo database, opened as the app opens it."""
    target = tmp_path / "large.db"
    shutil.copyfile(large_demo.path, target)
    opened = open_database(f"sqlite:///{target}", _app_paths(tmp_path / "data"), actor="test",
                           key=TEST_KEY)  # fmt: skip
    yield opened.database
    opened.database.dispose()
