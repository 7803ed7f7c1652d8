"""Not collected by the suite (no test_ prefix): tests/test_hang_guard.py runs it in a child
pytest to see the hang guard of tests/conftest.py end a test that never returns."""

import threading


def test_waits_forever() -> None:
    threading.Event().wait()
