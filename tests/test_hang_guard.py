"""The suite's hang guard (tests/conftest.py) ends a blocked test with the stacks, as CI needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_a_test_that_never_returns_fails_the_run_with_its_stack() -> None:
    env = dict(os.environ, GEBIEDSAPP_TEST_HANG_LIMIT_S="2")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "support/hang_probe.py"],
        cwd=TESTS,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "Timeout" in done.stderr
    assert "test_waits_forever" in done.stderr
