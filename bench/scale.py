"""The databases the scale benchmarks run on: `large` demo data, and one ten times denser
(`large` plus nine more `large` sets with other seeds). Built by this script, never shipped.

    python bench/scale.py FOLDER [--scale 10]

Prints the database's path. A database already built in FOLDER is reused.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))  # this checkout's app, not the installed one

from run import ANCHOR, _key  # noqa: E402  (bench/ is not a package)


@contextmanager
def _another_team(seed: int) -> Iterator[None]:
    """A further demo set beside the first: its team's accounts get a suffix (accounts are
    unique) and the 'already has demo data' guard is lifted for it."""
    from gebiedsapp.services.demo import generator

    make_team, has_rows_by = generator.make_team, generator.DemoRepository.has_rows_by

    def suffixed(*args: Any, **kwargs: Any) -> Any:
        team = make_team(*args, **kwargs)
        for member in team.members:
            if member.get("account"):
                member["account"] = f"{member['account']}-{seed}"
        return team

    generator.make_team = suffixed  # type: ignore[assignment]
    generator.DemoRepository.has_rows_by = lambda self, actor: False  # type: ignore[method-assign]
    try:
        yield
    finally:
        generator.make_team = make_team  # type: ignore[assignment]
        generator.DemoRepository.has_rows_by = has_rows_by  # type: ignore[method-assign]


def _upgrade(url: str) -> None:
    """Bring a kept bench database to the schema's head (no backup: bench data are copies)."""
    from gebiedsapp.storage.database import Database
    from gebiedsapp.storage.migrate import upgrade

    database = Database.connect(url, _key())
    try:
        upgrade(database.engine, backup_dir=None, key=_key())
    finally:
        database.dispose()


def build(folder: Path, *, scale: int = 1, quiet: bool = False) -> tuple[str, Path]:
    """The url and data folder of a database with `scale` large demo sets (built once)."""
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.services.demo import generate
    from gebiedsapp.startup import open_database

    name = "large" if scale == 1 else f"large-x{scale}"
    data_dir = folder / name
    path = data_dir / f"{name}.db"
    url = sqlite_url(path)
    if path.exists() and (data_dir / "klaar").exists():
        _upgrade(url)  # a database kept from an older tree: the app would migrate it too
        return url, data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    opened = open_database(url, app_paths(data_dir), actor="bench", key=_key())
    try:
        for seed in range(1, scale + 1):
            started = time.perf_counter()
            if seed == 1:
                with opened.database.unit_of_work("bench") as session:
                    generate(session, size="large", seed=seed, anchor=ANCHOR)
            else:
                with _another_team(seed), opened.database.unit_of_work("bench") as session:
                    generate(session, size="large", seed=seed, anchor=ANCHOR)
            if not quiet:
                print(f"set {seed}/{scale}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        opened.database.dispose()
    (data_dir / "klaar").write_text("")
    return url, data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scale", type=int, default=1, help="how many large sets (10: 10x)")
    args = parser.parse_args(argv)
    _url, data_dir = build(args.folder, scale=args.scale)
    print(data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
