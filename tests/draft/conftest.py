"""The external tools that check real files (LibreOffice, poppler). In CI scripts/test installs them and
they must exist; elsewhere a missing tool skips the test with the package to install."""

from __future__ import annotations

import os
import shutil

import pytest


def tool(name: str) -> str:
    """The path of an external program; absent in CI is a failure, absent elsewhere a skip."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required in CI (scripts/test installs it)")
        pytest.skip(f"{name} is not installed (Debian: libreoffice-writer-nogui / poppler-utils)")
    return found
