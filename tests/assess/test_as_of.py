"""An assessment "as of D" cites nothing that came into existence after D, for every golden case and the example.

For each case the days sampled are spread evenly from its first event to today, plus the days of its events:
every source the JSON cites — legal bases of findings and checklist items, country evidence and the documents
it was read in, the documents behind each onward-transfer basis, the statutes and rules of the procedure
position, and every case source — must be dated on or before D; no fact shown may mention a year after D's
(hindsight). An undated source is a timeless reference
(``kb.models.existed_on``) and must say why it has no date (``tests/kb/test_source_dates.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from exwatch.assess.assessment import assess_case
from exwatch.model.case import CaseFile
from exwatch.model.dates import PartialDate
from exwatch.model.validation import validate

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "src" / "exwatch" / "data" / "example" / "ablyazov-2013.yaml"
CASES = [*sorted((REPO / "tests" / "golden" / "cases").glob("*.yaml")), EXAMPLE]
SAMPLES = 8


@cache
def _case(path: Path) -> CaseFile:
    return validate(CaseFile, yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def _days(case: CaseFile) -> list[dt.date]:
    events = sorted(PartialDate.parse(e.date).latest() for e in case.events)
    first, today = (events[0] if events else dt.date(2000, 1, 1)), dt.date(2026, 12, 4)
    step = (today - first) / SAMPLES
    spread = [first + step * i for i in range(SAMPLES)]
    return sorted(set(spread + events))


def _latest(date: object) -> dt.date:
    return PartialDate.parse(str(date)).latest()


def _cited(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every source or citation in an assessment, with where it stands."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("sources", "citations") and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict):
                        yield f"{path}.{key}[{i}]", item
            yield from _cited(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _cited(item, f"{path}[{i}]")


def _facts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every case fact an assessment shows, with where it stands."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("facts", "personal_factors") and isinstance(value, list):
                yield from ((f"{path}.{key}[{i}]", f.get("text", "")) for i, f in enumerate(value))
            else:
                yield from _facts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _facts(item, f"{path}[{i}]")


def _too_late(case: CaseFile, day: dt.date) -> list[str]:
    published = {s.id: s.date for s in case.sources}
    late = []
    assessment = assess_case(case, day).as_dict()
    for where, text in _facts(assessment):  # no hindsight: a fact shown on D tells nothing of a later year
        later = [y for y in re.findall(r"(?<![.\d])\b(?:19\d\d|20[0-2]\d)\b", text) if int(y) > day.year]
        if later:
            late.append(f"{where}: mentions {later}: {text[:80]}")
    for where, item in _cited(assessment):
        is_case_source = "source" in item and item["source"] in published
        date = published[item["source"]] if is_case_source else item.get("date")
        if date is not None and _latest(date) > day:
            late.append(f"{where}: {item.get('title') or item.get('source') or item.get('reference')} ({date})")
    return late


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_nothing_cited_as_of_a_day_postdates_it(path: Path) -> None:
    case = _case(path)
    faults = {day.isoformat(): _too_late(case, day) for day in _days(case)}
    faults = {day: late[:5] for day, late in faults.items() if late}
    assert faults == {}


@pytest.mark.parametrize(
    ("day", "cited", "not_cited"),
    [
        ("2015-05-25", "CAT General Comment No. 1", "General Comment No. 4"),
        ("2018-06-01", "CAT General Comment No. 4", "General Comment No. 1"),
    ],
)
def test_the_conclusion_names_the_text_of_the_day(day: str, cited: str, not_cited: str) -> None:
    """Chain refoulement was stated by CAT's General Comment No. 1 (1997) until No. 4 (2017) replaced it."""
    reasons = " ".join(assess_case(_case(EXAMPLE), dt.date.fromisoformat(day)).conclusion.reasons)
    assert cited in reasons
    assert not_cited not in reasons
