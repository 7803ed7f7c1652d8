"""Never lose an entry (issue 3): kill a recording process with SIGKILL at random moments.

A child (tests/support/kill_child.py) records conversations through the real draft and koffiekar
services on a WAL database and prints a line only after each commit. The parent kills it at a
random moment, many times, and after every kill checks the file: intact, every entry reported
saved is there, and every draft reported is recoverable, either still as a draft holding the
last reported text (or later) or, when the kill fell between the commit and the print, as the
finalised conversation. Each next run first finalises the drafts the previous one left.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().parent / "support" / "kill_child.py"
SEED = 20_261_126
LANES = 2  # independent databases, killed side by side to keep the wall time down
RUNS_PER_LANE = 13
SUMMARY = re.compile(r"^r(\d+)-e(\d+)-v(\d+)$")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _key(summary: str) -> tuple[str, int]:
    """('r3-e7', 2) for 'r3-e7-v2': which entry, and which version of its draft."""
    match = SUMMARY.match(summary)
    assert match, summary
    return f"r{match[1]}-e{match[2]}", int(match[3])


@dataclass
class Lane:
    database: Path
    data_dir: Path
    rng: random.Random
    saved: dict[str, str] = field(default_factory=dict)  # conversation id -> draft id
    rounds: set[str] = field(default_factory=set)
    reported: dict[str, tuple[str, int]] = field(default_factory=dict)  # draft -> entry, version
    runs: int = 0
    draft_lines: int = 0
    checks: int = 0  # draft checks made (a draft pending over several kills counts each time)
    pending: set[str] = field(default_factory=set)  # drafts found intact after a kill
    finalised_unreported: set[str] = field(default_factory=set)  # killed between commit and print

    def run_child(self, run: int) -> None:
        """Start the child, kill it at a random moment after its first line, read its lines."""
        stderr_path = self.data_dir.with_name(f"{self.data_dir.name}-stderr-{run}.txt")
        with stderr_path.open("w") as stderr:
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(self.database), str(self.data_dir), str(run)],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            assert child.stdout is not None
            lines: list[str] = [child.stdout.readline()]
            if lines[0] != "READY\n":
                child.kill()
                child.wait()
                child.stdout.close()
                pytest.fail(f"child did not start: {stderr_path.read_text()[-3000:]}")
            reader = threading.Thread(target=lambda: lines.extend(child.stdout or ()))
            reader.start()
            time.sleep(self.rng.uniform(0.05, 0.6))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            reader.join(timeout=30)
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL, stderr_path.read_text()[-3000:]
        self.runs += 1
        for line in lines[1:]:
            if not line.endswith("\n"):
                continue  # cut off by the kill: never reported
            kind, *rest = line.split()
            if kind == "ROUND":
                self.rounds.add(rest[0])
            elif kind == "DRAFT":
                self.reported[rest[0]] = _key(rest[1])
                self.draft_lines += 1
            elif kind == "SAVED":
                self.saved[rest[0]] = rest[1]
            else:
                pytest.fail(f"unexpected line from the child: {line!r}")

    def check(self) -> None:
        """Everything reported is in the file after the kill."""
        connection = sqlite3.connect(self.database)
        try:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            connection.execute("INSERT INTO conversation_fts(conversation_fts) "
                               "VALUES ('integrity-check')")  # fmt: skip
            conversations = {
                uuid.UUID(cid).hex: summary
                for cid, summary in connection.execute("SELECT id, summary FROM conversation")
            }
            sessions = {uuid.UUID(sid).hex for (sid,) in connection.execute(
                "SELECT id FROM koffiekar_session")}  # fmt: skip
            drafts = {
                uuid.UUID(did).hex: json.loads(payload)
                for did, payload in connection.execute("SELECT id, payload FROM draft")
            }
        finally:
            connection.close()
        missing = [cid for cid in self.saved if uuid.UUID(cid).hex not in conversations]
        assert missing == [], f"reported saved but lost: {missing}"
        assert {uuid.UUID(r).hex for r in self.rounds} <= sessions
        finalised = set(self.saved.values())
        left = [d for d in finalised if uuid.UUID(d).hex in drafts]
        assert left == [], f"finalised drafts still offered for recovery: {left}"
        entries = [_key(s)[0] for s in conversations.values()]
        assert len(entries) == len(set(entries)), "an entry was finalised twice"
        committed = {_key(s)[0]: _key(s)[1] for s in conversations.values()}
        for draft_id, (entry, version) in self.reported.items():
            if draft_id in finalised:
                continue
            payload = drafts.get(uuid.UUID(draft_id).hex)
            if payload is not None:
                stored_entry, stored_version = _key(payload["summary"])
                assert stored_entry == entry
                assert stored_version >= version, f"draft {draft_id} went back to an older text"
                self.checks += 1
                self.pending.add(draft_id)
            else:
                # finalised, but killed before "SAVED" was printed: the record must be there
                assert committed.get(entry, 0) >= version, f"draft {draft_id} ({entry}) lost"
                self.checks += 1
                self.finalised_unreported.add(draft_id)


def _lane(index: int, tmp_path: Path) -> Lane:
    lane = Lane(
        database=tmp_path / f"kill-{index}.db",
        data_dir=tmp_path / f"data-{index}",
        rng=random.Random(SEED + index),
    )
    for run in range(RUNS_PER_LANE):
        lane.run_child(run)
        lane.check()
    return lane


def test_nothing_committed_is_lost_when_killed(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=LANES) as pool:
        lanes = list(pool.map(lambda i: _lane(i, tmp_path), range(LANES)))
    runs = sum(lane.runs for lane in lanes)
    saved = sum(len(lane.saved) for lane in lanes)
    pending = sum(len(lane.pending) for lane in lanes)
    print(  # the numbers behind the claim, visible with -s
        f"kill test: {runs} runs, {saved} SAVED, "
        f"{sum(len(lane.reported) for lane in lanes)} drafts reported "
        f"({sum(lane.draft_lines for lane in lanes)} saves), "
        f"{sum(lane.checks for lane in lanes)} draft checks, "
        f"{pending} drafts left by a kill found intact, "
        f"{sum(len(lane.finalised_unreported) for lane in lanes)} finalised but unreported"
    )
    assert runs == LANES * RUNS_PER_LANE
    assert saved > 0
    assert pending > 0  # kills also fell while a draft was being typed
