"""Benchmarks, each measured against a baseline in the same run (machines here are shared and
noisy; only ratios are compared with targets).

    python bench/run.py [--json] [--repeat N] [NAME ...]

Prints a table (with --json only a JSON list of {name, value, baseline, ratio, target, unit});
exits 1 when a ratio misses its target. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"  # this checkout's app, not the installed one
sys.path.insert(0, str(SRC))
ANCHOR = date(2026, 6, 1)  # fixed, so every run builds the same database
# The app runs on encrypted databases, so the benchmarks do too; every baseline reads and
# writes through SQLCipher with the same key, so a ratio shows what the app adds, not what
# encryption costs. The start-up probe derives the key from the passphrase, as a start does.
BENCH_PASSPHRASE = "bench: paard kaas fiets lantaarn"
BENCH_SALT = b"gebiedsapp-bench"


def _key() -> Any:
    from gebiedsapp.storage.crypto import DatabaseKey

    return DatabaseKey.derive(BENCH_PASSPHRASE, BENCH_SALT)


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    baseline: float
    ratio: float
    target: float
    unit: str
    limit: float | None = None  # an absolute target for `value` too, where the issue sets one
    note: str = ""  # printed under the row (e.g. peak memory)

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target and (self.limit is None or self.value <= self.limit)


SCALE = 1  # --scale: how many `large` demo sets the bench database holds (10: the 10x)
DATA: Path | None = None  # --data: where bench databases are built once and kept between runs


def _large_database(workdir: Path) -> tuple[str, Path]:
    """A migrated database with `demo-data --size large` (built once per run); with --scale N,
    N large sets (bench/scale.py)."""
    if SCALE != 1 or DATA is not None:
        sys.path.insert(0, str(HERE))
        import scale

        return scale.build(DATA or workdir, scale=SCALE)
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.services.demo import generate
    from gebiedsapp.startup import open_database

    data_dir = workdir / "large"
    url = sqlite_url(data_dir / "large.db")
    if (data_dir / "large.db").exists():
        return url, data_dir
    data_dir.mkdir(parents=True)
    opened = open_database(url, app_paths(data_dir), actor="bench", key=_key())
    with opened.database.unit_of_work("bench") as session:
        generate(session, size="large", seed=1, anchor=ANCHOR)
    opened.database.dispose()
    return url, data_dir


def _time_child(args: list[str]) -> float:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        GEBIEDSAPP_PASSPHRASE=BENCH_PASSPHRASE,
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    )
    if args[0] == "dialog":  # no stored passphrase: the app asks for it
        del env["GEBIEDSAPP_PASSPHRASE"]
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    # As installed, the app's modules have their bytecode cached (pip and PyInstaller compile
    # it); a shell with PYTHONDONTWRITEBYTECODE would make every start compile ~90 modules of
    # the app (about 0.15 s) and almost none of the bare window's. The warm-up start writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
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


def _startup_times(workdir: Path, repeat: int, kinds: list[str]) -> dict[str, float]:
    """The median start of each kind of probe, interleaved so drift hits all alike."""
    url, data_dir = _large_database(workdir)
    arguments = {kind: [kind] if kind == "bare" else [kind, url, str(data_dir)] for kind in kinds}
    for kind in kinds:  # warm the OS file cache (and write the bytecode) for all alike
        _time_child(arguments[kind])
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind in kinds:
            times[kind].append(_time_child(arguments[kind]))
    return {kind: statistics.median(values) for kind, values in times.items()}


def bench_startup(workdir: Path, repeat: int) -> Result:
    """Start-up to a painted main window on a `large` database vs the floor of any start in
    the same run: a bare PySide6 window + importing SQLAlchemy + deriving the SQLCipher key
    (PBKDF2, 256,000 rounds) + a first read (issue 19: at most 1.2x). The ratio against a bare
    window alone, the old baseline, is in the note."""
    times = _startup_times(workdir, repeat, ["app", "floor", "bare"])
    value, floor, bare = times["app"], times["floor"], times["bare"]
    note = f"a bare window {bare:.3f} s: the app {value / bare:.2f}x, the floor {floor / bare:.2f}x"
    return Result("startup_large", value, floor, value / floor, 1.2, "s", note=note)


def bench_startup_dialog(workdir: Path, repeat: int) -> Result:
    """`python -m gebiedsapp` without a stored passphrase until its passphrase dialog paints,
    vs a bare PySide6 window (issue 19: at most 2x; nothing heavy imported before it)."""
    times = _startup_times(workdir, repeat, ["dialog", "bare"])
    value, bare = times["dialog"], times["bare"]
    return Result("startup_dialog", value, bare, value / bare, 2.0, "s")


def _fresh_database(path: Path) -> str:
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.startup import open_database

    url = sqlite_url(path)
    paths = app_paths(path.parent / f"{path.stem}-data")
    opened = open_database(url, paths, actor="bench", key=_key())
    opened.database.dispose()
    return url


def _demo_tables() -> tuple[str, ...]:
    """Every table `demo-data` fills, in foreign-key order (the team first)."""
    from gebiedsapp.services.demo import INSERT_ORDER

    return ("team_member", "assignment", *(table.name for table in INSERT_ORDER))


def bench_demo_data(workdir: Path, repeat: int) -> Result:
    """`demo-data --size large` vs raw sqlite3 executemany of the very same rows."""
    from gebiedsapp.services.demo import generate
    from gebiedsapp.storage.database import Database

    values, baselines = [], []
    for attempt in range(repeat):
        target = workdir / f"demo-{attempt}.db"
        database = Database.connect(_fresh_database(target), _key())
        start = time.perf_counter()
        with database.unit_of_work("bench") as session:
            generate(session, size="large", seed=1, anchor=ANCHOR)
        values.append(time.perf_counter() - start)
        database.dispose()

        source = _raw_connection(target)
        rows = {t: source.execute(f"SELECT * FROM {t}").fetchall() for t in _demo_tables()}
        source.close()
        raw_path = workdir / f"raw-{attempt}.db"
        _fresh_database(raw_path)
        raw = _raw_connection(raw_path)
        start = time.perf_counter()
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            marks = ", ".join("?" * len(table_rows[0]))
            raw.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
        raw.commit()
        baselines.append(time.perf_counter() - start)
        raw.close()
    value, baseline = statistics.median(values), statistics.median(baselines)
    return Result("demo_data_large", value, baseline, value / baseline, 5.0, "s")


def _raw_connection(path: Path) -> Any:
    """The driver (SQLCipher, keyed) with the pragmas the app's engine sets (WAL, the same
    `synchronous` as the app, foreign keys, the page cache)."""
    from gebiedsapp.storage.crypto import connect_file
    from gebiedsapp.storage.database import PAGE_CACHE_KIB, SYNCHRONOUS

    raw = connect_file(path, _key())
    raw.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    raw.execute("PRAGMA foreign_keys = ON")
    return raw


def _interleaved(
    repeat: int, number: int, measured: Callable[[], object], baseline: Callable[[], object]
) -> tuple[float, float]:
    """Median over `repeat` of the mean time of `number` calls, each side in turn (after one
    warm-up call each), so drift on a shared machine hits both alike."""
    measured()
    baseline()
    values: list[float] = []
    baselines: list[float] = []
    for _ in range(repeat):
        for side, times in ((measured, values), (baseline, baselines)):
            start = time.perf_counter()
            for _ in range(number):
                side()
            times.append((time.perf_counter() - start) / number)
    return statistics.median(values), statistics.median(baselines)


def _cpu_interleaved(
    repeat: int, measured: Callable[[], object], baseline: Callable[[], object]
) -> tuple[float, float]:
    """As `_interleaved` (one call a turn), in this process's CPU seconds: on a shared machine
    under load the wall clock of a half-second job says more about the neighbours than about
    the job, its CPU time much less."""
    measured()
    baseline()
    values: list[float] = []
    baselines: list[float] = []
    for _ in range(repeat):
        for side, times in ((measured, values), (baseline, baselines)):
            start = time.process_time()
            side()
            times.append(time.process_time() - start)
    return statistics.median(values), statistics.median(baselines)


def _raw_audit_entry(raw: Any, *, record_id: str, fields: str) -> None:
    """The audit entry the app writes with every record, by hand: take the head (the write
    lock), read the last entry, chain a SHA-256 onto it, insert it and move the head."""
    from gebiedsapp.storage.audit import entry_hash

    entries, _head_hash = raw.execute(
        "UPDATE audit_head SET entries = entries WHERE id = 1 RETURNING entries, hash"
    ).fetchone()
    _seq, previous = raw.execute(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    at = datetime.now(UTC)
    digest = entry_hash(previous, at, "bench", "create", "conversation", record_id, fields, "")
    raw.execute(
        "INSERT INTO audit_log (at, actor, action, record_type, record_id, fields, detail, "
        "prev_hash, hash) VALUES (?, 'bench', 'create', 'conversation', ?, ?, '', ?, ?)",
        (at.replace(tzinfo=None).isoformat(sep=" "), record_id, fields, previous, digest),
    )
    raw.execute("UPDATE audit_head SET entries = ?, hash = ? WHERE id = 1", (entries + 1, digest))


def bench_save_conversation(workdir: Path, repeat: int) -> Result:
    """One conversation through `record_conversation` in a unit of work (session, checks,
    flush, commit) vs raw sqlite3 INSERTs of the same rows (conversation and its theme link)
    and of the audit entry the app writes with it (hash-chained onto the last) + COMMIT, on
    the same WAL database file."""
    from gebiedsapp.domain import Handling, reference_id
    from gebiedsapp.services import koffiekar
    from gebiedsapp.storage.database import Database

    path = workdir / "save.db"
    database = Database.connect(_fresh_database(path), _key())
    with database.unit_of_work("bench") as session:
        round_id = koffiekar.start_session(
            session,
            koffiekar.SessionInput(
                area_id=reference_id("area", "beerta"), day=ANCHOR, start_time=dt_time(10)
            ),
        ).id
    theme_id = reference_id("theme", "openbaar-vervoer")
    summary = "De bus rijdt 's avonds niet meer, dus ik kom nergens."
    data = koffiekar.ConversationInput(summary=summary, theme_ids=[theme_id])

    def service() -> None:
        with database.unit_of_work("bench") as session:
            koffiekar.record_conversation(session, session_id=round_id, data=data)

    raw = _raw_connection(path)
    fields = "summary,themes"  # what the app's audit entry of this conversation names

    def baseline() -> None:
        conversation_id = uuid.uuid4().hex
        stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        raw.execute(
            "INSERT INTO conversation (id, session_id, summary, quote, quote_reportable, "
            "handling, resident_id, created_at, updated_at, created_by, updated_by, version, "
            "deleted_at) VALUES (?, ?, ?, '', 0, ?, NULL, ?, ?, 'bench', 'bench', 1, NULL)",
            (conversation_id, round_id.hex, summary, Handling.TER_PLEKKE.value, stamp, stamp),
        )
        raw.execute(
            "INSERT INTO conversation_theme (conversation_id, theme_id) VALUES (?, ?)",
            (conversation_id, theme_id.hex),
        )
        _raw_audit_entry(raw, record_id=conversation_id, fields=fields)
        raw.commit()

    try:
        entries = raw.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        service()
        if raw.execute("SELECT count(*) FROM audit_log").fetchone()[0] != entries + 1:
            raise RuntimeError("save_conversation: the app no longer writes one audit entry")
        value, base = _interleaved(repeat, 200, service, baseline)
    finally:
        raw.close()
        database.dispose()
    return Result("save_conversation", value * 1000, base * 1000, value / base, 3.0, "ms")


# The conversation list's query written by hand: the same rows, columns, order and limit as
# services.lists.list_conversations, theme names included.
RAW_LIST = """
SELECT c.id, s.date, a.name, c.summary, c.quote, c.handling, c.created_by, c.quote_reportable,
       (SELECT group_concat(name, ', ') FROM (
            SELECT t.name FROM conversation_theme ct JOIN theme t ON t.id = ct.theme_id
            WHERE ct.conversation_id = c.id ORDER BY t.name))
FROM {source}
JOIN koffiekar_session s ON s.id = c.session_id
JOIN area a ON a.id = s.area_id
WHERE c.deleted_at IS NULL AND s.deleted_at IS NULL AND {where}
ORDER BY s.date DESC, c.created_at DESC
LIMIT 5000
"""


def _same_rows(name: str, ours: list[tuple[str, str]], raw: list[Any]) -> None:
    """The raw query must give the service's rows. Conversations of one round share date and
    stamp, so their order (and which of them the limit cuts off on the last day) may differ."""
    theirs = [(row[0], row[1]) for row in raw]
    last = ours[-1][1] if ours else ""
    if (
        not ours
        or Counter(day for _, day in ours) != Counter(day for _, day in theirs)
        or {i for i, day in ours if day != last} != {i for i, day in theirs if day != last}
    ):
        raise RuntimeError(f"{name}: the raw query does not give the service's rows")


def _bench_list(
    workdir: Path, repeat: int, *, name: str, target: float, text: str, where: str, source: str
) -> Result:
    from gebiedsapp.domain import reference_id
    from gebiedsapp.services.areas import area_tree
    from gebiedsapp.services.lists import ListFilter, list_conversations
    from gebiedsapp.services.overview import subtree_ids
    from gebiedsapp.storage.database import Database

    url, data_dir = _large_database(workdir)
    database = Database.connect(url, _key())
    with database.read_session() as session:
        area_ids = subtree_ids(area_tree(session), reference_id("area", "winschoten"))
    start = ANCHOR - timedelta(days=365)
    filters = (
        ListFilter(text=text)
        if text
        else ListFilter(area_ids=frozenset(area_ids), start=start, end=ANCHOR)
    )
    parameters: list[object] = (
        [f'"{text}"*'] if text else [*(a.hex for a in sorted(area_ids)), start, ANCHOR]
    )
    marks = ", ".join("?" * len(area_ids))
    sql = RAW_LIST.format(source=source, where=where.format(marks=marks))

    def service() -> list[Any]:
        with database.read_session("bench") as session:
            return list_conversations(session, filters)

    raw = _raw_connection(data_dir / "large.db")
    arguments = [str(p) for p in parameters]

    def baseline() -> list[Any]:
        return raw.execute(sql, arguments).fetchall()

    try:
        _same_rows(name, [(r.id.hex, r.day.isoformat()) for r in service()], baseline())
        value, base = _interleaved(repeat, 5, service, baseline)
    finally:
        raw.close()
        database.dispose()
    return Result(name, value * 1000, base * 1000, value / base, target, "ms")


def bench_filter_conversations(workdir: Path, repeat: int) -> Result:
    """The conversation list of Winschoten (kern and wijken) over one year on `large`."""
    return _bench_list(
        workdir,
        repeat,
        name="filter_conversations",
        target=3.0,
        text="",
        source="conversation c",
        where="s.area_id IN ({marks}) AND s.date >= ? AND s.date <= ?",
    )


def bench_search(workdir: Path, repeat: int) -> Result:
    """Full-text search of a common word over all conversations on `large`, vs raw FTS5."""
    return _bench_list(
        workdir,
        repeat,
        name="search",
        target=2.0,
        text=SEARCH_WORD,
        source="conversation_fts f JOIN conversation c ON c.rowid = f.rowid",
        where="conversation_fts MATCH ?",
    )


# The signal list's queries written by hand: the rows and the counts per status that
# services.signal_views.list_signals reads for the whole municipality, open signals only.
RAW_OPEN_SIGNALS = """
SELECT s.id, s.reported_on, c.name, s.buurt_code, b.name, s.status, s.priority, p.name,
       s.deadline, s.closed_on, a.name, s.description, s.parent_id
FROM signal s
JOIN signal_category c ON c.id = s.category_id
JOIN area a ON a.id = s.area_id
LEFT JOIN partner p ON p.id = s.partner_id
LEFT JOIN cbs_buurt b ON b.code = s.buurt_code
WHERE s.deleted_at IS NULL AND s.status IN ({marks})
ORDER BY s.deadline, s.reported_on
"""
RAW_STATUS_COUNTS = "SELECT status, count(*) FROM signal WHERE deleted_at IS NULL GROUP BY status"


def bench_open_signals(workdir: Path, repeat: int) -> Result:
    """The open-signals list of the whole municipality on `large` through
    services.signal_views.list_signals (rows with deadline labels, overdue first, and the counts
    per status for the header) vs the same two queries in raw sqlite3."""
    from gebiedsapp.domain.signal_workflow import OPEN
    from gebiedsapp.services.signal_views import SignalFilter, list_signals
    from gebiedsapp.storage.database import Database

    url, data_dir = _large_database(workdir)
    database = Database.connect(url, _key())
    filters = SignalFilter(statuses=frozenset(OPEN))
    statuses = sorted(status.value for status in OPEN)
    sql = RAW_OPEN_SIGNALS.format(marks=", ".join("?" * len(statuses)))

    def service() -> list[Any]:
        with database.read_session("bench") as session:
            return list_signals(session, filters, today=ANCHOR).rows

    raw = _raw_connection(data_dir / "large.db")

    def baseline() -> list[Any]:
        rows = raw.execute(sql, statuses).fetchall()
        raw.execute(RAW_STATUS_COUNTS).fetchall()
        return rows

    try:
        ours = {row.id.hex for row in service()}
        if not ours or ours != {row[0] for row in baseline()}:
            raise RuntimeError("open_signals: the raw query does not give the service's rows")
        value, base = _interleaved(repeat, 5, service, baseline)
    finally:
        raw.close()
        database.dispose()
    return Result("open_signals", value * 1000, base * 1000, value / base, 3.0, "ms")


REPORT_YEAR = 2025  # a whole year inside the `large` data (which ends on ANCHOR)


SPARKS_PER_PAGE = 3  # the brief's key figures carry three 12-month lines (an overview page 15)


def _static_spark(values: list[int]) -> Any:
    """A 12-month line as the brief draws one (a rule, the line, a dot, a 'max' label), from
    fixed numbers: the baseline pays for the same drawing, not for any figures."""
    from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
    from reportlab.lib import colors

    width, height, plot = 60.0, 9.0, 36.0
    top = max(values) or 1
    points: list[float] = []
    for i, value in enumerate(values):
        points += [plot * i / (len(values) - 1), 1.5 + (height - 3) * value / top]
    drawing = Drawing(width, height)
    drawing.add(Line(0, 1.5, plot, 1.5, strokeColor=colors.lightgrey, strokeWidth=0.3))
    drawing.add(PolyLine(points, strokeColor=colors.darkblue, strokeWidth=0.8))
    drawing.add(Rect(points[-2] - 1, points[-1] - 1, 2, 2, fillColor=colors.darkblue))
    drawing.add(String(width, 1.5, f"max {top}", fontSize=6, textAnchor="end"))
    return drawing


def _static_pages(pages: int, out: Any, *, embedded: bool = True) -> int:
    """The baseline of the report benchmarks: plain ReportLab laying out `pages` pages of fixed
    content about as dense as a summary page: a heading, a paragraph and a 30-row table whose
    first rows carry a 12-month line each, as the brief's key figures do (its pages have no
    map or bar chart; the appendix has, and is not measured).

    With `embedded` (the measured baseline) it sets them in the TrueType family the reports
    embed, so both sides pay the same per-glyph costs; the ratio against the same pages in
    the built-in Helvetica is printed beside it."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    heading, body = styles["Heading2"], styles["BodyText"]
    commands: list[Any] = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]
    if embedded:
        from gebiedsapp.services.reports.pdf_base import fonts

        regular, bold, _italic, _bold_italic = fonts()
        heading = heading.clone("h", fontName=bold)
        body = body.clone("b", fontName=regular)
        commands.append(("FONT", (0, 0), (-1, -1), regular, 8.5))
    story: list[Any] = []
    for page in range(pages):
        rows: list[list[Any]] = [["Categorie", "Buurt", "Sinds", "Partner", "Termijn", ""]]
        for i in range(30):
            spark = (
                _static_spark([(page + i + 3 * m) % 17 for m in range(12)])
                if i < SPARKS_PER_PAGE
                else ""
            )
            rows.append(
                [f"Categorie {i}", f"Buurt {i % 7}", "01-02-2025", "Partner", "buiten", spark]
            )
        story += [
            Paragraph(f"Pagina {page + 1}", heading),
            Paragraph("Vaste tekst van ongeveer de lengte van een toelichting. " * 4, body),
            Table(rows, style=TableStyle(commands)),
        ]
        if page < pages - 1:
            story.append(PageBreak())
    document = SimpleDocTemplate(out, pagesize=A4)
    document.build(story)
    return int(document.page)


def _page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def bench_report_area(workdir: Path, repeat: int) -> Result:
    """The PDF summary of a year of Winschoten (the largest area: kern and its wijken) on `large`,
    figures computed and laid out, vs static ReportLab pages of the same number."""
    from gebiedsapp.services.areas import find_area
    from gebiedsapp.services.period import Period
    from gebiedsapp.services.reports import area_summary_pdf
    from gebiedsapp.storage.database import Database

    url, _data_dir = _large_database(workdir)
    database = Database.connect(url, _key())
    period = Period.year(REPORT_YEAR)
    try:
        with database.read_session("bench") as session:
            area_id = find_area(session, "Winschoten").id

        def ours() -> bytes:
            out = io.BytesIO()
            with database.read_session("bench") as session:
                area_summary_pdf(session, [area_id], period, out, today=ANCHOR)
            return out.getvalue()

        pages = _page_count(ours())
        if _static_pages(pages, io.BytesIO()) != pages:
            raise RuntimeError("report_area: the baseline does not have the report's page count")
        value, base = _interleaved(repeat, 1, ours, lambda: _static_pages(pages, io.BytesIO()))
        _again, helvetica = _interleaved(
            repeat, 1, ours, lambda: _static_pages(pages, io.BytesIO(), embedded=False)
        )
        cpu, cpu_base = _cpu_interleaved(repeat, ours, lambda: _static_pages(pages, io.BytesIO()))
        figures, writing, afresh = _area_parts(database, area_id, period, repeat)
    finally:
        database.dispose()
    note = (
        f"{pages} pages; ratio {value / helvetica:.2f} against the same pages in Helvetica; "
        f"CPU {cpu:.3f} s vs {cpu_base:.3f} s (ratio {cpu / cpu_base:.1f}): the figures "
        f"{figures:.3f} s, the PDF from them {writing:.3f} s (ratio {writing / cpu_base:.1f}); "
        f"the figures counted afresh (none kept, or after a write to reference data or a "
        f"resident; after a conversation: report_area_after_write) {afresh:.3f} s"
    )
    return Result("report_area", value, base, value / base, 2.0, "s", limit=1.0, note=note)


def _area_parts(
    database: Any, area_id: Any, period: Any, repeat: int
) -> tuple[float, float, float]:
    """CPU seconds (medians) of the brief's two halves: computing its figures from the rows,
    and writing the PDF from those figures (what the static baseline's pages compare with);
    and the figures computed afresh, as at the first brief after a write (the facts are kept
    per data version: services.summary_cache)."""
    from gebiedsapp.services.geo import map_shapes
    from gebiedsapp.services.reports import write_area_summary
    from gebiedsapp.services.summary import area_summary

    try:
        from gebiedsapp.services.summary_cache import forget
    except ImportError:  # a version without kept facts: every reading is afresh

        def forget() -> None:
            pass

    figures: list[float] = []
    afresh: list[float] = []
    writing: list[float] = []
    for _ in range(max(2, repeat)):
        for times, cold in ((afresh, True), (figures, False)):
            if cold:
                forget()
            started = time.process_time()
            with database.read_session("bench") as session:
                summary = area_summary(session, [area_id], period, today=ANCHOR)
                shapes = map_shapes(session, [b.code for b in summary.buurten])
            times.append(time.process_time() - started)
        figured = time.process_time()
        write_area_summary(summary, shapes, io.BytesIO())
        writing.append(time.process_time() - figured)
    return statistics.median(figures), statistics.median(writing), statistics.median(afresh)


def _conversation_writer(database: Any, period: Any) -> tuple[Callable[[], None], Any]:
    """A write as a user makes one: a conversation (a theme, a reportable quote) saved through
    the app in a round of Winschoten in `period`; and Winschoten's id. `written` ids are kept
    on the function to remove them again (soft deletes, `_remove_written`)."""
    from sqlalchemy import select

    from gebiedsapp.domain import KoffiekarSession, reference_id
    from gebiedsapp.services import koffiekar
    from gebiedsapp.services.areas import find_area

    with database.read_session("bench") as session:
        area_id = find_area(session, "Winschoten").id
        round_id = session.scalars(
            select(KoffiekarSession.id)
            .where(
                KoffiekarSession.area_id == area_id,
                KoffiekarSession.deleted_at.is_(None),
                KoffiekarSession.date.between(period.start, period.end),
            )
            .order_by(KoffiekarSession.date.desc())
        ).first()
    if round_id is None:
        raise RuntimeError("Winschoten has no round in the year")
    theme_id = reference_id("theme", "openbaar-vervoer")
    written: list[Any] = []

    def write() -> None:
        data = koffiekar.ConversationInput(
            summary="De bus rijdt 's avonds niet meer.",
            theme_ids=[theme_id],
            quote=f"Bench {len(written)}: de bus rijdt niet meer",
            quote_reportable=True,
        )
        with database.unit_of_work("bench") as session:
            said = koffiekar.record_conversation(session, session_id=round_id, data=data)
            written.append(said.id)

    write.written = written  # type: ignore[attr-defined]
    return write, area_id


def _remove_written(database: Any, write: Any) -> None:
    from gebiedsapp.domain import Conversation

    if write.written:
        with database.unit_of_work("bench") as session:
            for said_id in write.written:
                session.get_one(Conversation, said_id).soft_delete()


def bench_report_area_after_write(workdir: Path, repeat: int) -> Result:
    """The brief of `report_area` asked right after a write in its area: before each brief a
    conversation (with a theme and a reportable quote) is saved through the app in a round of
    Winschoten in the year, so the kept figures no longer hold (untimed), vs the same static
    pages. The bench's conversations are removed again at the end (soft deletes)."""
    from gebiedsapp.services.period import Period
    from gebiedsapp.services.reports import area_summary_pdf
    from gebiedsapp.storage.database import Database

    url, _data_dir = _large_database(workdir)
    database = Database.connect(url, _key())
    period = Period.year(REPORT_YEAR)
    write: Any = None
    try:
        write, area_id = _conversation_writer(database, period)

        def ours() -> bytes:
            out = io.BytesIO()
            with database.read_session("bench") as session:
                area_summary_pdf(session, [area_id], period, out, today=ANCHOR)
            return out.getvalue()

        write()
        pages = _page_count(ours())
        if _static_pages(pages, io.BytesIO()) != pages:
            raise RuntimeError("report_area_after_write: the baseline has another page count")
        times = _after_writes(
            max(3, repeat), write, ours, lambda: _static_pages(pages, io.BytesIO())
        )
    finally:
        if write is not None:
            _remove_written(database, write)
        database.dispose()
    value, base, cpu, cpu_base = times
    note = (
        f"{pages} pages; a conversation saved in Winschoten before each brief (untimed); "
        f"CPU {cpu:.3f} s vs {cpu_base:.3f} s (ratio {cpu / cpu_base:.1f})"
    )
    return Result(
        "report_area_after_write", value, base, value / base, 2.0, "s", limit=1.0, note=note
    )


def _after_writes(
    repeat: int,
    write: Callable[[], None],
    measured: Callable[[], object],
    baseline: Callable[[], object],
) -> tuple[float, float, float, float]:
    """Medians of wall and CPU seconds of `measured` right after an (untimed) `write`, and of
    `baseline` beside it, in turn."""
    values: list[float] = []
    cpus: list[float] = []
    bases: list[float] = []
    cpu_bases: list[float] = []
    for _ in range(repeat):
        write()
        for side, walls, cpu_times in ((measured, values, cpus), (baseline, bases, cpu_bases)):
            wall, cpu = time.perf_counter(), time.process_time()
            side()
            walls.append(time.perf_counter() - wall)
            cpu_times.append(time.process_time() - cpu)
    return (
        statistics.median(values),
        statistics.median(bases),
        statistics.median(cpus),
        statistics.median(cpu_bases),
    )


def bench_report_appendix(workdir: Path, repeat: int) -> Result:
    """The area summary of a year of Winschoten with its appendix (every list in full: long
    tables over many pages) laid out as a PDF, vs static ReportLab pages of the same number
    (issue 19: within 2x on the 10x database, `--scale 10`). The figures are computed once
    beforehand (their time is in the note): this measures that long tables are split once,
    not per page. Opt-in: run with --scale 10 or by name."""
    from gebiedsapp.services.areas import find_area
    from gebiedsapp.services.geo import map_shapes
    from gebiedsapp.services.period import Period
    from gebiedsapp.services.reports import write_area_summary
    from gebiedsapp.services.summary import area_summary
    from gebiedsapp.storage.database import Database

    url, _data_dir = _large_database(workdir)
    database = Database.connect(url, _key())
    try:
        started = time.perf_counter()
        with database.read_session("bench") as session:
            area_id = find_area(session, "Winschoten").id
            summary = area_summary(session, [area_id], Period.year(REPORT_YEAR), today=ANCHOR)
            shapes = map_shapes(session, [b.code for b in summary.buurten])
        figures = time.perf_counter() - started
    finally:
        database.dispose()

    def ours() -> bytes:
        out = io.BytesIO()
        write_area_summary(summary, shapes, out, appendix=True)
        return out.getvalue()

    pages = _page_count(ours())
    if _static_pages(pages, io.BytesIO()) != pages:
        raise RuntimeError("report_appendix: the baseline does not have the report's page count")
    value, base = _interleaved(
        max(1, repeat // 2), 1, ours, lambda: _static_pages(pages, io.BytesIO())
    )
    note = f"{pages} pages (scale {SCALE}); the figures beforehand {figures:.2f} s"
    return Result("report_appendix", value, base, value / base, 2.0, "s", note=note)


def bench_report_municipality(workdir: Path, repeat: int) -> Result:
    """The municipality-wide PDF summary of a year of `large` vs static pages of the same
    number; the peak of Python memory while it is made is reported (tracemalloc, a separate
    untimed run)."""
    import tracemalloc

    from gebiedsapp.services.period import Period
    from gebiedsapp.services.reports import municipality_summary_pdf
    from gebiedsapp.storage.database import Database

    url, _data_dir = _large_database(workdir)
    database = Database.connect(url, _key())
    period = Period.year(REPORT_YEAR)
    target = workdir / "gemeente.pdf"
    try:

        def ours() -> None:
            with database.read_session("bench") as session:
                municipality_summary_pdf(session, period, target, today=ANCHOR)

        def baseline() -> None:
            _static_pages(pages, str(workdir / "static.pdf"))

        def helvetica() -> None:
            _static_pages(pages, str(workdir / "static.pdf"), embedded=False)

        ours()
        pages = _page_count(target.read_bytes())
        size = target.stat().st_size
        value, base = _interleaved(max(1, repeat // 2), 1, ours, baseline)
        _again, plain = _interleaved(max(1, repeat // 2), 1, ours, helvetica)
        cpu, cpu_base = _cpu_interleaved(max(1, repeat // 2), ours, baseline)
        write, _area_id = _conversation_writer(database, period)
        try:
            after, after_base, _cpu, _cpu_base = _after_writes(
                max(2, repeat // 2), write, ours, baseline
            )
        finally:
            _remove_written(database, write)
        tracemalloc.start()
        ours()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        database.dispose()
    note = (
        f"{pages} pages, {size / 1e6:.1f} MB file, peak Python memory {peak / 1e6:.0f} MB; "
        f"ratio {value / plain:.2f} against the same pages in Helvetica; "
        f"CPU {cpu:.3f} s vs {cpu_base:.3f} s (ratio {cpu / cpu_base:.1f}); right after a "
        f"conversation saved in Winschoten {after:.3f} s vs {after_base:.3f} s "
        f"(ratio {after / after_base:.2f})"
    )
    return Result("report_municipality", value, base, value / base, 2.0, "s", note=note)


SEARCH_WORD = "bus"  # in several demo sayings ("bus", "bushalte"): a few thousand matches

BENCHMARKS: dict[str, Callable[[Path, int], Result]] = {
    "startup": bench_startup,
    "startup_dialog": bench_startup_dialog,
    "demo_data": bench_demo_data,
    "save_conversation": bench_save_conversation,
    "filter_conversations": bench_filter_conversations,
    "search": bench_search,
    "open_signals": bench_open_signals,
    "report_area": bench_report_area,
    "report_area_after_write": bench_report_area_after_write,
    "report_municipality": bench_report_municipality,
    "report_appendix": bench_report_appendix,
}
# Run only when named, or with --scale 10 (where the issue sets their targets).
AT_SCALE = {"report_appendix", "save_during_backup"}


def _more_benchmarks() -> None:
    """The benchmarks kept in their own modules (bench/ is not a package: imported by path)."""
    sys.path.insert(0, str(HERE))
    import backups
    import run  # the module those import: run as a script, this file is __main__, a copy

    run.SCALE, run.DATA = SCALE, DATA
    BENCHMARKS.update(
        {
            "db_backup": backups.bench_db_backup,
            "save_during_backup": backups.bench_save_during_backup,
            "backup_total": backups.bench_backup_total,
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--json", action="store_true", help="print only the results, as JSON")
    parser.add_argument("--repeat", type=int, default=5, help="measurements per side (median)")
    parser.add_argument(
        "--scale", type=int, default=1, help="10: on a database ten times `large` (opt-in)"
    )
    parser.add_argument("--data", type=Path, help="keep the bench databases here between runs")
    args = parser.parse_args(argv)
    global SCALE, DATA
    SCALE, DATA = args.scale, args.data
    _more_benchmarks()
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = []
    with tempfile.TemporaryDirectory(prefix="gebiedsapp-bench-") as tmp:
        default = [n for n in BENCHMARKS if n not in AT_SCALE or SCALE >= 10]
        for name in args.names or default:
            results.append(BENCHMARKS[name](Path(tmp), args.repeat))
    if args.json:  # only JSON on stdout: a script reads it
        print(json.dumps([asdict(r) for r in results], indent=2))
        return 0 if all(r.ok for r in results) else 1
    print(f"{'benchmark':<20} {'value':>9} {'baseline':>9} {'ratio':>7} {'target':>7}  ok")
    for r in results:
        print(
            f"{r.name:<20} {r.value:>8.3f}{r.unit} {r.baseline:>8.3f}{r.unit} "
            f"{r.ratio:>7.2f} {r.target:>7.2f}  {'yes' if r.ok else 'NO'}"
        )
        if r.limit is not None:
            print(f"{'':<20} and at most {r.limit:g}{r.unit} on this machine")
        if r.note:
            print(f"{'':<20} {r.note}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
