#!/usr/bin/env python3
"""The two commands of the README, with nothing but Python 3.11+ on the machine.

    python3 dev.py run    set up .venv (when missing or stale) and start the app
    python3 dev.py test   set up .venv and run lint, format check, type check,
                          the architecture contract and the whole test suite headless

Extra arguments after `run` go to the app (e.g. `python3 dev.py run --database demo.db`),
after `test` to pytest (e.g. `python3 dev.py test -k areas`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".gebiedsapp-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _requirements_hash() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create .venv and install the project with its test extras when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit("Gebiedsapp heeft Python 3.11 of nieuwer nodig.")
    if not PY.exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = _requirements_hash()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("dev.py: installing gebiedsapp and its dependencies into .venv", flush=True)
    subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        check=True,
    )
    subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"],
        check=True,
    )
    STAMP.write_text(wanted)


def _run(args: list[str], env: dict[str, str] | None = None) -> int:
    print("dev.py: $", " ".join(args), flush=True)
    return subprocess.run(args, cwd=ROOT, env=env, check=False).returncode


def run_app(extra: list[str]) -> int:
    ensure_venv()
    return _run([str(PY), "-m", "gebiedsapp", *extra])


def _workers(extra: list[str]) -> list[str]:
    """Spread the suite over the machine's cores (pytest-xdist), a test file per worker at a
    time, unless the arguments say otherwise; GEBIEDSAPP_TEST_WORKERS=0 runs it in one process."""
    if any(arg.startswith(("-n", "--numprocesses")) for arg in extra):
        return []
    # at most four: each worker holds its own template, demo data and PostgreSQL cluster
    workers = os.environ.get("GEBIEDSAPP_TEST_WORKERS", str(min(os.cpu_count() or 1, 4)))
    return [] if workers in ("0", "1") else ["-n", workers, "--dist", "loadfile"]


def run_tests(extra: list[str]) -> int:
    ensure_venv()
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("PYTHONHASHSEED", "0")
    lint = ["src", "tests", "bench", "packaging", "dev.py"]
    steps: list[tuple[str, list[str]]] = [
        ("ruff check", [str(BIN / "ruff"), "check", *lint]),
        ("ruff format", [str(BIN / "ruff"), "format", "--check", *lint]),
        ("mypy", [str(BIN / "mypy")]),
        ("import contracts", [str(BIN / "lint-imports")]),
    ]
    failed = [name for name, cmd in steps if _run(cmd, env) != 0]
    code = _run([str(PY), "-m", "pytest", *_workers(extra), *extra], env)
    if code == 5:
        print("dev.py: pytest collected no tests; that is a failure here", flush=True)
    if code != 0:
        failed.append("pytest")
    if failed:
        print(f"dev.py: FAILED: {', '.join(failed)}", flush=True)
        return 1
    print("dev.py: all checks passed", flush=True)
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "setup"}:
        print(__doc__)
        return 2
    command, extra = argv[0], argv[1:]
    if command == "setup":
        ensure_venv()
        return 0
    return run_app(extra) if command == "run" else run_tests(extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
