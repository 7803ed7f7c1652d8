"""The temporary folders of PDF previews: their name, and removing those a crash left. Apart
from ui.pdf (which imports the reports and SQLAlchemy) because every start removes them before
the passphrase dialog, which must not wait for those (issue 19)."""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

PREVIEW_PREFIX = "gebiedsapp-pdf-"


def remove_stale_previews(max_age: float = 24 * 3600) -> int:
    """Remove preview folders that a crashed run left in the temp folder (a normal exit removes
    its own); those not touched for `max_age` seconds, so another running instance keeps its
    own. Returns how many were removed."""
    removed = 0
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{PREVIEW_PREFIX}*"):
        try:
            newest = max(
                (p.stat().st_mtime for p in folder.iterdir()), default=folder.stat().st_mtime
            )
            if now - newest > max_age:
                shutil.rmtree(folder)
                removed += 1
        except OSError as exc:  # another user's folder, or in use: leave it
            log.info("stale preview folder %s left: %s", folder, exc)
    return removed
