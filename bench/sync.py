"""Team sync's benchmarks (issue 16), against a throwaway PostgreSQL cluster:

- push and pull of 10,000 changed records vs a raw bulk copy of the same rows over the same
  server and the same laptop file, ratio: a push against psycopg COPY (`sync_push_10k`) and
  against an executemany INSERT (`…_em`, the issue's other baseline) of the same rows (the
  round and its conversations) into the tables they go to, each wall and CPU; a pull against
  a SELECT and an executemany into the file; as the server's owner (no rights set up) and as
  two opbouwwerkers of Beerta with the rights of `server setup` (row-level security and the
  server's stamp triggers: what a team sees);
- the first full sync of the `large` demo database to an empty server, and from there to an
  empty laptop (reported with their time), and a no-change sync of `large` (under a second).

The push's baselines are the truest "raw bulk copy of the same rows" we could make: into the
real `koffiekar_session` and `conversation` tables, so the server does what it must for any
copy of these rows there (each index, each foreign-key check, the WAL), as the server's
owner (a team member may not COPY into a table under row-level security), before the push,
in a transaction that is rolled back and the tables vacuumed after, so the push starts from
the same state (no dead index entries under its keys). Rolling back leaves out only the
commit, which costs little here (the cluster runs with fsync off, as the server tests). A
logged copy of the table with the same constraints would be emptier still (no other rows,
statistics of its own) and would need its foreign keys rebuilt by hand. The baselines of the
earlier rounds (the conversations alone into a TEMP table like theirs: no WAL, no foreign
keys, about a third of the server's work) are printed too, as `…_tmp` and `…_em_tmp`, for
comparison only (target shown as inf).

    python bench/sync.py [--skip-large] [--skip-team]

Needs PostgreSQL's initdb/pg_ctl (as the server tests). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))  # this checkout's app, not the installed one
sys.path.insert(0, str(HERE.parent / "tests"))

from run import Result, _key, _large_database, _raw_connection  # noqa: E402

ROWS = 10_000
Rows = list[tuple[str, list[str], list[tuple[Any, ...]]]]  # (table, its columns, its rows)
CLUSTER: Any = None  # the running cluster (its processes' CPU is the server's share)


class ClusterCpu:
    """CPU seconds of the cluster's backends while it runs: a thread samples the postmaster's
    children (/proc, Linux) every few milliseconds and keeps each one's last time seen (a
    backend that ends is not reliably added to the postmaster's reaped children's time).
    The thread's own CPU is kept apart, so it does not count as the laptop's."""

    def __init__(self) -> None:
        import threading

        self.seen: dict[int, float] = {}
        self.own = 0.0  # the sampling thread's CPU seconds
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import os

        tick = os.sysconf("SC_CLK_TCK")
        root = int((CLUSTER.folder / "data" / "postmaster.pid").read_text().split()[0])
        listing = Path(f"/proc/{root}/task/{root}/children")
        while not self.stopped.wait(0.005):
            start = time.thread_time()
            pids = [root, *map(int, listing.read_text().split())]
            for pid in pids:
                try:
                    text = Path(f"/proc/{pid}/stat").read_text()
                except OSError:
                    continue
                fields = text[text.rindex(")") + 2 :].split()
                self.seen[pid] = (int(fields[11]) + int(fields[12])) / tick
            self.own += time.thread_time() - start

    def total(self) -> float:
        time.sleep(0.05)  # a sample after the last statement
        return sum(self.seen.values())


def _cpu() -> tuple[float, float]:
    """(this process's CPU seconds: the laptop's side, the cluster's CPU seconds)."""
    if SAMPLER is None:
        return time.process_time(), 0.0
    server = SAMPLER.total()
    return time.process_time() - SAMPLER.own, server


SAMPLER: ClusterCpu | None = None


def _cpu_note(name: str, ours: tuple[float, float], base: tuple[float, float]) -> str:
    (laptop, server), (base_laptop, base_server) = ours, base
    total, base_total = laptop + server, base_laptop + base_server
    return (
        f"{name} CPU: laptop {laptop:.2f} s + server {server:.2f} s = {total:.2f} s vs "
        f"baseline {base_laptop:.2f} + {base_server:.2f} = {base_total:.2f} s, "
        f"ratio {total / max(base_total, 1e-9):.1f}"
    )


def _laptop(template: Path, path: Path) -> Any:
    from gebiedsapp.paths import app_paths, sqlite_url
    from gebiedsapp.startup import open_database

    shutil.copyfile(template, path)
    paths = app_paths(path.parent / f"{path.stem}-data")
    return open_database(sqlite_url(path), paths, actor="bench", key=_key()).database


def _server(pg: Any, name: str) -> tuple[str, str, Any]:
    """A new server database built as IT builds it; (address, password, its Database)."""
    from sqlalchemy.engine import make_url

    from gebiedsapp.paths import app_paths
    from gebiedsapp.startup import open_database

    url = pg.create_database(name)
    database = open_database(url, app_paths(pg.folder / f"{name}-data"), actor="it").database
    parts = make_url(url)
    address = f"postgresql://{parts.username}@{parts.host}:{parts.port}/{parts.database}"
    return address, str(parts.password), database


LAST_CPU: list[tuple[float, float]] = [(0.0, 0.0)]  # the CPU of the last _sync / baseline


def _sync(database: Any, address: str, password: str) -> tuple[float, Any]:
    from gebiedsapp.services import sync

    cpu = _cpu()
    start = time.perf_counter()
    result = sync.run_sync(database, server_url=address, password=password)
    elapsed = time.perf_counter() - start
    LAST_CPU[0] = _minus(_cpu(), cpu)
    return elapsed, result


def _minus(after: tuple[float, float], before: tuple[float, float]) -> tuple[float, float]:
    return after[0] - before[0], after[1] - before[1]


def _conversations(database: Any, count: int) -> None:
    """`count` new conversations in one round: `count` + 1 changed records."""
    from sqlalchemy import insert

    from gebiedsapp.domain import Conversation, KoffiekarSession, reference_id

    now = datetime.now(UTC)
    stamps = {"created_at": now, "updated_at": now, "created_by": "bench", "updated_by": "bench"}
    round_id = uuid.uuid4()
    with database.engine.begin() as connection:
        connection.execute(
            insert(KoffiekarSession).values(
                id=round_id, area_id=reference_id("area", "beerta"), date=date(2026, 6, 1),
                place="Dorpsplein", **stamps,
            )
        )  # fmt: skip
        connection.execute(
            insert(Conversation),
            [
                {"id": uuid.uuid4(), "session_id": round_id, "summary": f"Gesprek {i}: de bus "
                 "rijdt niet meer en de buurt mist een plek om elkaar te zien", **stamps}
                for i in range(count)
            ],
        )  # fmt: skip


def _copy_push(
    server: Any, tables: list[tuple[str, list[str], list[tuple[Any, ...]]]]
) -> dict[str, Any]:
    """The baselines of a push, over one connection as the server's owner, before the push:
    the same rows (the round and its 10,000 conversations, parents first) by COPY and by an
    executemany INSERT **into the tables they go to** (their indexes, foreign-key checks and
    WAL), each in a transaction that is rolled back and the tables vacuumed after, so the push
    starts from the state it would have had; and, for comparison with the earlier rounds, the
    old baselines: the conversations alone into TEMP tables like theirs (no WAL, no foreign
    keys). {"copy"|"executemany"|"copy_temp"|"executemany_temp": (wall s, (laptop, server) CPU)}"""
    import psycopg

    url = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    found: dict[str, Any] = {}

    def timed(name: str, work: Any) -> None:
        cpu = _cpu()
        start = time.perf_counter()
        work()
        found[name] = (time.perf_counter() - start, _minus(_cpu(), cpu))

    def by_copy(targets: Rows) -> None:
        with connection.cursor() as cursor:
            for table, columns, rows in targets:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)

    def by_executemany(targets: Rows) -> None:
        with connection.cursor() as cursor:
            for table, columns, rows in targets:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )

    def rolled_back(write: Any) -> Any:
        def work() -> None:
            write(tables)
            connection.rollback()  # what a push's commit adds: fsync is off in this cluster

        return work

    def committed(write: Any, target: str) -> Any:
        def work() -> None:
            write([(target, tables[-1][1], tables[-1][2])])
            connection.commit()

        return work

    with psycopg.connect(url) as connection:
        for method, write in (("copy", by_copy), ("executemany", by_executemany)):
            timed(method, rolled_back(write))
            # the aborted rows' heap tuples and index entries gone: the push finds the tables
            # as they were (and no dead entry under each of its keys to look past)
            connection.autocommit = True
            for table, _columns, _rows in tables:
                connection.execute(f"VACUUM {table}")
            connection.autocommit = False
        last = tables[-1][0]
        for method, write in (("copy", by_copy), ("executemany", by_executemany)):
            connection.execute(f"CREATE TEMP TABLE {method}_temp (LIKE {last} INCLUDING ALL)")
            connection.commit()
            timed(f"{method}_temp", committed(write, f"{method}_temp"))
    return found


def _raw_pull(server: Any, laptop_file: Path) -> float:
    """The baseline of a pull: SELECT the rows from the server, executemany them into the
    laptop's file (a table like theirs, no triggers)."""
    import psycopg

    url = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    raw = _raw_connection(laptop_file)
    raw.execute("CREATE TEMP TABLE pulled AS SELECT * FROM conversation WHERE 0")
    cpu = _cpu()
    start = time.perf_counter()
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT * FROM conversation").fetchall()
    plain = [tuple(v.hex if isinstance(v, uuid.UUID) else v for v in row) for row in rows]
    marks = ", ".join("?" * len(plain[0]))
    raw.executemany(f"INSERT INTO pulled VALUES ({marks})", plain)
    raw.commit()
    elapsed = time.perf_counter() - start
    LAST_CPU[0] = _minus(_cpu(), cpu)
    raw.close()
    return elapsed


def bench_changed_rows(pg: Any, workdir: Path, template: Path) -> list[Result]:
    from sqlalchemy import select

    from gebiedsapp.domain import Conversation, KoffiekarSession

    address, password, server = _server(pg, "bench_rows")
    anna = _laptop(template, workdir / "anna.db")
    bert = _laptop(template, workdir / "bert.db")
    _sync(anna, address, password)  # the reference data, once
    _sync(bert, address, password)
    _conversations(anna, ROWS)
    # the rows the push will send (the round, then its conversations), typed for the driver
    tables = []
    with anna.engine.connect() as connection:
        rounds = select(Conversation.session_id).distinct().scalar_subquery()
        for table, query in (
            (KoffiekarSession.__table__, select(KoffiekarSession.__table__).where(
                KoffiekarSession.id.in_(rounds))),
            (Conversation.__table__, select(Conversation.__table__)),
        ):  # fmt: skip
            rows = [tuple(r) for r in connection.execute(query)]
            tables.append((table.name, list(table.columns.keys()), rows))
    assert sum(len(rows) for _t, _c, rows in tables) == ROWS + 1
    baselines = _copy_push(server.engine, tables)
    pushed, result = _sync(anna, address, password)
    push_cpu = LAST_CPU[0]
    assert result.pushed == ROWS + 1, result
    pulled, result = _sync(bert, address, password)
    pull_cpu = LAST_CPU[0]
    assert result.pulled == ROWS + 1, result
    PUSH_BASELINES.update(baselines)
    raw = _raw_pull(server.engine, workdir / "bert.db")
    BASELINE_CPU["pull"] = LAST_CPU[0]
    for database in (anna, bert, server):
        database.dispose()
    return [
        *_vs_baselines("sync_push_10k", pushed, push_cpu),
        Result("sync_pull_10k", pulled, raw, pulled / raw, 4.0, "s",
               note=_cpu_note("pull", pull_cpu, BASELINE_CPU["pull"])),
    ]  # fmt: skip


BASELINE_CPU: dict[str, tuple[float, float]] = {}
# the push's baselines: {name: (wall s, (laptop, server) CPU s)}, see _copy_push
PUSH_BASELINES: dict[str, tuple[float, tuple[float, float]]] = {}
# (suffix of the result's name, baseline, its label, whether the target of 4 holds it)
_PUSH_VS = (
    ("", "copy", "COPY into the real tables, rolled back", True),
    ("_em", "executemany", "executemany INSERT into the real tables, rolled back", True),
    ("_tmp", "copy_temp", "the earlier rounds' COPY into a TEMP table, no WAL, no foreign keys",
     False),
    ("_em_tmp", "executemany_temp", "the earlier rounds' executemany INSERT into a TEMP table",
     False),
)  # fmt: skip


def _vs_baselines(name: str, pushed: float, push_cpu: tuple[float, float]) -> list[Result]:
    """The push against each baseline (wall and CPU). The target of 4 is held against the
    rows copied into the tables they go to; the TEMP-table ratios of the earlier rounds are
    printed too (target shown as inf: for comparison, not a target)."""
    found = []
    for suffix, key, label, held in _PUSH_VS:
        wall, cpu = PUSH_BASELINES[key]
        note = _cpu_note("push", push_cpu, cpu) + f" (baseline: {label})"
        target = 4.0 if held else float("inf")
        found.append(Result(name + suffix, pushed, wall, pushed / wall, target, "s", note=note))
    return found


TEAM_PASSWORD = "een-lang-wachtwoord-16"


def _team_server(pg: Any, name: str, template: Path) -> tuple[str, str, Any]:
    """As _server, with the rights set up (`server setup`) and two opbouwwerkers of Beerta
    with their own logins: a push and pull as a team member, row-level security and the
    server's stamp triggers included. ("host:port/database", password, its Database)"""
    from gebiedsapp.domain import Assignment, Role, TeamMember, reference_id
    from gebiedsapp.services import server as rights

    address, owner_password, database = _server(pg, name)
    rights.set_up(database)
    with database.unit_of_work("it") as session:
        for who in ("anna", "bert"):
            rights.add_user(database, account=f"{name}_{who}", role="opbouwwerker",
                            password=TEAM_PASSWORD)  # fmt: skip
            member = TeamMember(name=who, account=f"{name}_{who}", active=True)
            session.add(member)
            session.flush()
            session.add(
                Assignment(member_id=member.id, area_id=reference_id("area", "beerta"),
                           role=Role.OPBOUWWERKER, start_date=date(2024, 1, 1))
            )  # fmt: skip
    # the reference data as the beheerder's first sync brings it (a team member may not)
    it = _laptop(template, pg.folder / f"{name}-it.db")
    _sync(it, address, owner_password)
    it.dispose()
    return address.split("@", 1)[1], TEAM_PASSWORD, database


def bench_team_rows(pg: Any, workdir: Path, template: Path, raw: float) -> list[Result]:
    """The 10,000 rows again, pushed and pulled by team members (rights on)."""
    name = "bench_team"
    host, password, server = _team_server(pg, name, template)
    anna = _laptop(template, workdir / "team-anna.db")
    bert = _laptop(template, workdir / "team-bert.db")
    at = {who: f"postgresql://{name}_{who}@{host}" for who in ("anna", "bert")}
    _sync(anna, at["anna"], password)
    _sync(bert, at["bert"], password)
    _conversations(anna, ROWS)
    pushed, result = _sync(anna, at["anna"], password)
    push_cpu = LAST_CPU[0]
    assert (result.pushed, result.refused) == (ROWS + 1, 0), result
    pulled, result = _sync(bert, at["bert"], password)
    pull_cpu = LAST_CPU[0]
    assert result.pulled == ROWS + 1, result
    for database in (anna, bert, server):
        database.dispose()
    return [
        *_vs_baselines("sync_push_10k_team", pushed, push_cpu),
        Result("sync_pull_10k_team", pulled, raw, pulled / raw, 4.0, "s",
               note=_cpu_note("pull", pull_cpu, BASELINE_CPU["pull"])),
    ]  # fmt: skip


def bench_large(pg: Any, workdir: Path, template: Path) -> list[Result]:
    from gebiedsapp.services import sync

    url, _data_dir = _large_database(workdir)
    large = _laptop(Path(url.removeprefix("sqlite:///")), workdir / "large-laptop.db")
    address, password, server = _server(pg, "bench_large")
    first, result = _sync(large, address, password)
    note_first = f"first full sync of large to an empty server: {first:.1f} s, {result.pushed} rows"
    empty = _laptop(template, workdir / "empty.db")
    down, result = _sync(empty, address, password)
    note_down = f"first full sync of large to an empty laptop: {down:.1f} s, {result.pulled} rows"
    times = []
    for _ in range(3):
        elapsed, result = _sync(large, address, password)
        assert (result.pulled, result.pushed) == (0, 0), result
        times.append(elapsed)
    nothing = sorted(times)[1]
    assert sync.sync_status(large).pending == 0
    for database in (large, empty, server):
        database.dispose()
    return [
        Result("sync_nochange_large", nothing, 1.0, nothing, 1.0, "s", limit=1.0,
               note=f"{note_first}; {note_down}"),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    from support.pg_server import running_server

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-large", action="store_true", help="only the 10,000 rows")
    parser.add_argument("--skip-team", action="store_true", help="not as team members")
    args = parser.parse_args(argv)
    results: list[Result] = []
    with (
        tempfile.TemporaryDirectory(prefix="gebiedsapp-bench-sync-") as tmp,
        running_server() as pg,
    ):
        global CLUSTER, SAMPLER
        CLUSTER = pg
        if Path(f"/proc/{os.getpid()}/task").is_dir():
            SAMPLER = ClusterCpu()
        workdir = Path(tmp)
        from run import _fresh_database

        template = Path(_fresh_database(workdir / "template.db").removeprefix("sqlite:///"))
        results += bench_changed_rows(pg, workdir, template)
        if not args.skip_team:
            raw = next(r.baseline for r in results if r.name == "sync_pull_10k")
            results += bench_team_rows(pg, workdir, template, raw=raw)
        if not args.skip_large:
            results += bench_large(pg, workdir, template)
    print(f"{'benchmark':<26} {'value':>9} {'baseline':>9} {'ratio':>7} {'target':>7}  ok")
    for r in results:
        print(
            f"{r.name:<26} {r.value:>8.3f}{r.unit} {r.baseline:>8.3f}{r.unit} "
            f"{r.ratio:>7.2f} {r.target:>7.2f}  {'yes' if r.ok else 'NO'}"
        )
        if r.note:
            print(f"{'':<26} {r.note}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
