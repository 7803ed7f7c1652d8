"""`gebiedsapp selftest`: what IT runs after deploying. It must pass on a working installation,
use only a temporary folder, and fail (exit code not 0, a Dutch reason) when a check fails."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

import gebiedsapp
from gebiedsapp import cli
from gebiedsapp.paths import DATA_DIR_ENV, DATABASE_URL_ENV
from gebiedsapp.selftest import CHECKS
from gebiedsapp.storage.migrate import head_revision

SOURCE = Path(gebiedsapp.__file__).resolve().parent.parent  # src/, the code under test


def _lines(out: str) -> list[str]:
    return out.splitlines()


@pytest.mark.slow
def test_selftest_from_source_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    """The real command in a fresh process, as IT types it; with no keyring (a bare server)
    it warns but passes, and the user's data folder is never made or touched."""
    user_data = tmp_path / "gebruiker"
    work_parent = tmp_path / "tijdelijk"
    work_parent.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in (DATABASE_URL_ENV, "PYTHONPATH")}
    env.update(
        {
            DATA_DIR_ENV: str(user_data),
            "PYTHONPATH": str(SOURCE),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "gebiedsapp", "selftest", "--map", str(work_parent)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = _lines(done.stdout)
    assert lines[0].startswith(f"Zelftest van Gebiedsapp {gebiedsapp.__version__}")
    statuses = [line.split()[0] for line in lines[1:-1]]
    assert statuses == ["ok"] * (len(CHECKS) - 1) + ["LET"]  # the keyring is last
    assert f"ok     Database versleuteld en gemigreerd ({head_revision()})" in lines
    assert (
        "LET OP Geen sleutelhanger op deze computer (keyring.backends.fail.Keyring)" in (lines[-2])
    )
    assert lines[-1] == (
        f"Zelftest geslaagd: {len(CHECKS) - 1} van {len(CHECKS)} controles in orde, 1 waarschuwing."
    )
    assert not user_data.exists()
    assert list(work_parent.iterdir()) == []  # the temporary folder is removed


def test_selftest_keeps_what_it_made_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--bewaren: IT can open the summary, the werkbon and the export it made."""
    code = cli.main(["selftest", "--map", str(tmp_path), "--bewaren"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ok     Sleutelhanger werkt: conftest.MemoryKeyring" in _lines(out)
    (work,) = tmp_path.iterdir()
    assert f"De proefmap blijft staan: {work}" in out
    summary = PdfReader(work / "samenvatting.pdf")
    assert len(summary.pages) > 1
    werkbon = PdfReader(work / "werkbon.pdf")
    assert "Zwerfvuil" in werkbon.pages[0].extract_text()
    assert zipfile.is_zipfile(work / "signalen.xlsx")
    assert (work / "zelftest.db").read_bytes()[:16] != b"SQLite format 3\x00"  # encrypted


def test_a_failing_check_fails_the_selftest_with_a_dutch_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file where the folder should be: the first check fails for real, the checks that need
    it are skipped, the keyring is still asked, and the exit code says it failed."""
    not_a_folder = tmp_path / "geen-map"
    not_a_folder.write_text("een bestand")
    code = cli.main(["selftest", "--map", str(not_a_folder)])
    lines = _lines(capsys.readouterr().out)
    assert code == 1
    assert lines[1].startswith(
        f"FOUT   Proefmap: de proefmap kan niet worden gemaakt in {not_a_folder} ("
    )
    assert lines[2] == "--     Database: overgeslagen, omdat 'Proefmap' niet lukte"
    assert sum(line.startswith("--") for line in lines) == len(CHECKS) - 2
    assert lines[-2].startswith("ok     Sleutelhanger werkt")
    assert (
        lines[-1]
        == f"Zelftest mislukt: 1 van {len(CHECKS)} mislukt, {len(CHECKS) - 2} overgeslagen."
    )
