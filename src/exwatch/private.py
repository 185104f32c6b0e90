"""Files the project writes are private to the user: case data concerns people hunted by states.

Directories the project creates are 0700 and files it writes 0600, whatever the umask (an existing directory
chosen by the user, such as the one a draft is written into, is left as it is). The embedded SQLite store is
created 0600 before SQLite opens it; SQLite gives its journal files the same mode.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from platformdirs import user_cache_dir

DIR_MODE = 0o700
FILE_MODE = 0o600
STALE_AFTER_S = 3600  # longer than any OCR of one page (pdf.OCR_TIMEOUT_S)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by the user only; an existing directory is untouched."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        directory.mkdir(mode=DIR_MODE)
        directory.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def write_private(path: Path, content: bytes | str) -> None:
    """Write ``content`` to ``path`` with mode 0600, also when the file existed with a wider mode."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
        os.write(descriptor, data)
    finally:
        os.close(descriptor)


def scratch_dir() -> Path:
    """A private directory for short-lived copies of documents (OCR needs the PDF as a file). Copies left by a
    process that was killed outright are removed the next time it is used."""
    base = private_dir(Path(user_cache_dir("exwatch", appauthor=False)) / "scratch")
    for stale in base.iterdir():
        if time.time() - stale.stat().st_mtime <= STALE_AFTER_S:
            continue
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
    return base


def touch_private(path: Path) -> None:
    """Create an empty file 0600 if it does not exist (the SQLite store, before SQLite creates it 0644); narrow
    one that an earlier version created readable by others."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    elif path.is_file() and path.stat().st_uid == os.getuid():
        path.chmod(FILE_MODE)
