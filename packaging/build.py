#!/usr/bin/env python3
"""Build the bundle reproducibly, check what is in it, and try it.

    python3 packaging/build.py            venv from the lock, PyInstaller, content check (and
                                          first: the warm-up's import order is up to date)
    python3 packaging/build.py --smoke    and then: `gebiedsapp selftest` from the bundle and
                                          the window started offscreen for a few seconds

The environment is `.venv-bundle/` (git-ignored), installed from packaging/requirements-bundle.txt
with `--require-hashes`: exact versions, every file checked against its hash, nothing resolved
anew. It is made again when the lock file changes. Runs the same on Windows (`py
packaging\\build.py`), where it makes the Windows bundle; PyInstaller does not cross-compile.

Exit code 0 when every step passed. Prints the build time and the bundle's size.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "requirements-bundle.txt"
SPEC = ROOT / "build_installer.spec"
VENV = ROOT / ".venv-bundle"
STAMP = VENV / ".lock-sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
EXE = ".exe" if os.name == "nt" else ""
NAME = "gebiedsapp"
GUI_SECONDS = 8
# exactly the locked files: no resolving, no source builds, every hash checked
PIP_LOCKED = ["--require-hashes", "--no-deps", "--only-binary=:all:", "-r", str(LOCK)]
GUI_LIMIT = 90


def say(text: str) -> None:
    print(f"build.py: {text}", flush=True)


def ensure_venv() -> None:
    """A venv with exactly the locked, hash-checked packages (made anew when the lock changed)."""
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    say(f"creating {VENV} from {LOCK.name}")
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PIP_LOCKED],
        check=True,
    )
    STAMP.write_text(wanted)


def build(dist: Path, work: Path) -> Path:
    places = ["--distpath", str(dist), "--workpath", str(work)]
    subprocess.run(
        [str(PY), "-m", "PyInstaller", "--noconfirm", "--log-level=WARN", *places, str(SPEC)],
        check=True,
        cwd=ROOT,
    )
    return dist / NAME


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_smoke(bundle: Path) -> list[str]:
    """The bundle's own selftest, then the window offscreen for a few seconds (still running
    then is the pass, as `timeout` saying 124). Returns what failed."""
    failed = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cli = bundle / f"{NAME}{EXE}"
    say(f"$ {cli} selftest")
    if subprocess.run([str(cli), "selftest"], env=env, check=False).returncode != 0:
        failed.append("selftest")
    with tempfile.TemporaryDirectory(prefix="gebiedsapp-smoke-") as data:
        env["GEBIEDSAPP_DATA_DIR"] = data
        env["XDG_CONFIG_HOME"] = data  # Linux: the window's settings there, not in ~/.config
        env.setdefault("GEBIEDSAPP_PASSPHRASE", "rook-test-" + os.urandom(8).hex())
        gui = bundle / f"{NAME}-gui{EXE}"
        say(f"$ {gui} (offscreen, at least {GUI_SECONDS} s)")
        failed += _window_runs(subprocess.Popen([str(gui)], env=env), Path(data))
    return failed


def _window_runs(window: subprocess.Popen[bytes], data: Path) -> list[str]:
    """Still running after GUI_SECONDS, and the start's backup made (so the main window opened
    the new database and ran its start-up work); waits up to GUI_LIMIT for that backup."""
    started = time.monotonic()
    backups = data / "backups"
    try:
        while time.monotonic() - started < GUI_LIMIT:
            if window.poll() is not None:
                say(f"the window stopped by itself (exit code {window.returncode})")
                return ["window"]
            done = backups.is_dir() and any(backups.iterdir())
            if done and time.monotonic() - started >= GUI_SECONDS:
                say("the window opened a new database, made its start backup and kept running: ok")
                return _log_errors(data)
            time.sleep(0.5)
        say(f"no start backup in {backups} after {GUI_LIMIT} s")
        return ["window"]
    finally:
        window.terminate()
        try:
            window.wait(timeout=20)
        except subprocess.TimeoutExpired:
            window.kill()
            window.wait()


def _log_errors(data: Path) -> list[str]:
    log = data / "logs" / "gebiedsapp.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    if "ERROR" in text or "Traceback" in text:
        say(f"the window's log has errors:\n{text}")
        return ["window log"]
    return []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=Path(tempfile.gettempdir()) / "pyi-dist")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "pyi-build")
    parser.add_argument("--smoke", action="store_true", help="selftest and window start after")
    args = parser.parse_args(argv)
    started = time.monotonic()
    ensure_venv()
    installed = time.monotonic()
    # the warm-up's import order is read from the sources, which the bundle does not have
    order = subprocess.run(
        [str(PY), str(ROOT / "packaging" / "warmup_order.py"), "--check"], check=False
    )
    if order.returncode:
        say("FAILED: src/gebiedsapp/ui/warmup_order.py is out of date")
        return 1
    shutil.rmtree(args.dist / NAME, ignore_errors=True)
    bundle = build(args.dist, args.work)
    built = time.monotonic()
    check = subprocess.run(
        [str(PY), str(ROOT / "packaging" / "check_bundle.py"), str(bundle)], check=False
    )
    size = folder_size(bundle) / 1e6
    say(
        f"bundle {bundle}: {size:.0f} MB; venv {installed - started:.0f} s, "
        f"PyInstaller {built - installed:.0f} s"
    )
    failed = ["content check"] if check.returncode else []
    if args.smoke:
        failed += run_smoke(bundle)
    if failed:
        say(f"FAILED: {', '.join(failed)}")
        return 1
    say("all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
