"""What a caller of the PDF writers needs without loading ReportLab: the progress callback's
shape and the error a cancelled report raises."""

from __future__ import annotations

from collections.abc import Callable


class ReportCancelledError(Exception):
    """The user cancelled while the PDF was made; no file was written."""


Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel
