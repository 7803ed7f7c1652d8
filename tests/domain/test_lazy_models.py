"""Issue 19: a start declares only the models its first paint reads; the package's names and
SQLAlchemy's mapper configuration bring all the others first. A process of its own each:
this one has every model imported already."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def _run(script: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split()


def test_a_submodule_alone_declares_only_its_models() -> None:
    lines = _run(
        """
        import sys
        from gebiedsapp.domain.areas import Area
        print("signals" in sys.modules.get("gebiedsapp.domain").__dict__)
        print("gebiedsapp.domain.signals" in sys.modules)
        """
    )
    assert lines == ["False", "False"]


def test_configuring_the_mappers_declares_every_model_first() -> None:
    """The first ORM query of a start configures the mappers: every relationship finds its
    target, also one whose module nothing had imported."""
    lines = _run(
        """
        import sys
        from sqlalchemy import inspect
        from sqlalchemy.orm import configure_mappers
        from gebiedsapp.domain.areas import Area
        configure_mappers()
        print("gebiedsapp.domain.signals" in sys.modules, inspect(Area).configured)
        from gebiedsapp.domain.signals import Signal
        print(inspect(Signal).relationships["area"].mapper.class_ is Area)
        """
    )
    assert lines == ["True", "True", "True"]


def test_a_name_of_the_package_registers_every_table() -> None:
    """Alembic, sync and the tests read Base.metadata: taken from the package, it is whole."""
    lines = _run(
        """
        from gebiedsapp.domain import Base
        from gebiedsapp.domain import MODEL_MODULES
        tables = Base.metadata.tables
        print(len(MODEL_MODULES), "signal" in tables, "activity" in tables)
        """
    )
    assert lines == ["17", "True", "True"]
