"""Every source the assessment, the status or a draft can cite says the day its text came into existence, or
why it has none (a live status chart of dated deposits; a page whose date could not be found), so that "as of D"
can leave out what did not exist on D (issue 10).

``states.yaml`` is left out: its sources (ISO codes, memberships) are read by rules, never cited.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from exwatch.model.dates import PartialDate

SRC = Path(__file__).resolve().parents[2] / "src" / "exwatch"
FILES = sorted(
    p
    for pattern in (
        "kb/data/*.yaml",
        "kb/data/parties/*.yaml",
        "kb/evidence/data/*.yaml",
        "procedure/data/*.yaml",
        "assess/data/*.yaml",
    )
    for p in SRC.glob(pattern)
    if p.name != "states.yaml"
)
DOCUMENTS = {d["id"]: d for d in yaml.safe_load((SRC / "kb/data/documents.yaml").read_text("utf-8"))["documents"]}


def _sources(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "verified" in node and ("title" in node or "doc" in node or "url" in node):
            yield node
        for value in node.values():
            yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SRC)) for p in FILES])
def test_each_source_is_dated_or_says_why_not(path: Path) -> None:
    faults = []
    for source in _sources(yaml.safe_load(path.read_text("utf-8"))):
        document = DOCUMENTS.get(source.get("doc") or "", {})
        date = source.get("date") or document.get("date")
        if date is not None:
            PartialDate.parse(str(date))  # a real (partial) date
            continue
        note = f"{source.get('note') or ''} {document.get('note') or ''}"
        if "undated" not in note and "not verified" not in note:
            faults.append(str(source.get("title") or source.get("doc"))[:100])
    assert faults == []
