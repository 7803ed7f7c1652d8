"""Benchmarks, each measured against a baseline in the same run (machines here are shared and
noisy; only ratios are compared with targets).

    python bench/run.py [--json] [--repeat N] [NAME ...]

Prints a table (and with --json a JSON list of {name, value, baseline, ratio, target, unit});
exits 1 when a ratio misses its target. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANCHOR = date(2026, 6, 1)  # fixed, so every run builds the same database


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    baseline: float
    ratio: float
    target: float
    unit: str

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target


def _large_database(workdir: Path) -> tuple[str, Path]:
    """A migrated database with `demo-data --size large` (built once per run)."""
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.services.demo_data import generate
    from gebiedsapp.startup import open_database

    data_dir = workdir / "large"
    url = sqlite_url(data_dir / "large.db")
    if (data_dir / "large.db").exists():
        return url, data_dir
    data_dir.mkdir(parents=True)
    opened = open_database(url, app_paths(data_dir), actor="bench")
    with opened.database.unit_of_work("bench") as session:
        generate(session, size="large", seed=1, anchor=ANCHOR)
    opened.database.dispose()
    return url, data_dir


def _time_child(args: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "startup_probe.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = child.communicate(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError(f"start-up probe {args[0]} failed: {err[-2000:]}")
    return elapsed


def bench_startup(workdir: Path, repeat: int) -> Result:
    """Start-up to a painted main window on a `large` database vs a bare PySide6 table window."""
    url, data_dir = _large_database(workdir)
    _time_child(["app", url, str(data_dir)])  # warm the OS file cache for both alike
    _time_child(["bare"])
    app_times, bare_times = [], []
    for _ in range(repeat):  # interleaved, so drift on a shared machine hits both
        app_times.append(_time_child(["app", url, str(data_dir)]))
        bare_times.append(_time_child(["bare"]))
    value, baseline = statistics.median(app_times), statistics.median(bare_times)
    return Result("startup_large", value, baseline, value / baseline, 1.5, "s")


def _fresh_database(path: Path) -> str:
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.startup import open_database

    url = sqlite_url(path)
    opened = open_database(url, app_paths(path.parent / f"{path.stem}-data"), actor="bench")
    opened.database.dispose()
    return url


DEMO_TABLES = (
    "team_member",
    "assignment",
    "koffiekar_session",
    "koffiekar_session_staff",
    "conversation",
    "conversation_theme",
)


def bench_demo_data(workdir: Path, repeat: int) -> Result:
    """`demo-data --size large` vs raw sqlite3 executemany of the very same rows."""
    from gebiedsapp.services.demo_data import generate
    from gebiedsapp.storage.database import Database

    values, baselines = [], []
    for attempt in range(repeat):
        target = workdir / f"demo-{attempt}.db"
        database = Database.connect(_fresh_database(target))
        start = time.perf_counter()
        with database.unit_of_work("bench") as session:
            generate(session, size="large", seed=1, anchor=ANCHOR)
        values.append(time.perf_counter() - start)
        database.dispose()

        source = sqlite3.connect(target)
        rows = {t: source.execute(f"SELECT * FROM {t}").fetchall() for t in DEMO_TABLES}
        source.close()
        raw_path = workdir / f"raw-{attempt}.db"
        _fresh_database(raw_path)
        raw = sqlite3.connect(raw_path)
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = NORMAL")
        raw.execute("PRAGMA foreign_keys = ON")
        start = time.perf_counter()
        for table, table_rows in rows.items():
            marks = ", ".join("?" * len(table_rows[0]))
            raw.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
        raw.commit()
        baselines.append(time.perf_counter() - start)
        raw.close()
    value, baseline = statistics.median(values), statistics.median(baselines)
    return Result("demo_data_large", value, baseline, value / baseline, 5.0, "s")


BENCHMARKS: dict[str, Callable[[Path, int], Result]] = {
    "startup": bench_startup,
    "demo_data": bench_demo_data,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    parser.add_argument("--repeat", type=int, default=5, help="measurements per side (median)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = []
    with tempfile.TemporaryDirectory(prefix="gebiedsapp-bench-") as tmp:
        for name in args.names or list(BENCHMARKS):
            results.append(BENCHMARKS[name](Path(tmp), args.repeat))
    print(f"{'benchmark':<20} {'value':>9} {'baseline':>9} {'ratio':>7} {'target':>7}  ok")
    for r in results:
        print(
            f"{r.name:<20} {r.value:>8.3f}{r.unit} {r.baseline:>8.3f}{r.unit} "
            f"{r.ratio:>7.2f} {r.target:>7.2f}  {'yes' if r.ok else 'NO'}"
        )
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
