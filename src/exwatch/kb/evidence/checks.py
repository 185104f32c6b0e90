"""``check_evidence``: every fault in the evidence files, each with its file and line.

The maintainers of this data are researchers, not programmers: a fault must name the
line to edit and say what is wrong in words, and all faults are reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from exwatch.errors import DateError
from exwatch.kb.errors import Fault
from exwatch.kb.evidence.loader import EvidenceSet, read_evidence
from exwatch.kb.evidence.models import Evidence
from exwatch.kb.models import Source
from exwatch.model.countries import is_alpha2
from exwatch.model.dates import PartialDate

# "41015/04", or several joined applications separated by commas or "and".
_APPLICATION = re.compile(r"^\d{1,6}/\d{2}(\s*(,|and|&)\s*\d{1,6}/\d{2})*$")


def _check_date(rel: str, line: int, name: str, value: object, today: dt.date, faults: list[Fault]) -> None:
    try:
        day = PartialDate.parse(value)
    except DateError as err:
        faults.append(Fault(rel, line, f"{name}: {err}"))
        return
    if day.earliest() > today:
        faults.append(Fault(rel, line, f"{name}: {day} is in the future"))


def _check_source(rel: str, src: Source, today: dt.date, faults: list[Fault]) -> None:
    # Evidence sources stand alone (no ``doc`` shortcut): each names what was read and when.
    missing = [n for n in ("title", "issuer", "url", "checked") if not getattr(src, n)]
    if missing:
        faults.append(Fault(rel, src.line, f"source needs {', '.join(missing)}"))
    if src.doc is not None:
        faults.append(Fault(rel, src.line, "doc: evidence sources give title, issuer and url themselves"))
    if not src.verified and not (src.note or "").strip():
        faults.append(Fault(rel, src.line, "unverified source needs a note saying what remains to check"))
    if src.date is not None:
        _check_date(rel, src.line, "source date", src.date, today, faults)
    if src.checked is not None:
        try:
            if dt.date.fromisoformat(src.checked) > today:
                faults.append(Fault(rel, src.line, f"checked: {src.checked} is in the future"))
        except ValueError:
            faults.append(Fault(rel, src.line, f"checked: {src.checked!r} must be a full day (YYYY-MM-DD)"))


def _check_record(rel: str, rec: Evidence, file_state: str, today: dt.date, faults: list[Fault]) -> None:
    if not is_alpha2(rec.state):
        faults.append(Fault(rel, rec.line, f"state: {rec.state!r} is not an ISO 3166-1 alpha-2 code"))
    elif rec.state != file_state:
        faults.append(Fault(rel, rec.line, f"state: {rec.state} filed under {file_state}; move it to {rec.state}.yaml"))
    _check_date(rel, rec.line, "date", rec.date, today, faults)
    if not rec.sources:
        faults.append(Fault(rel, rec.line, "no source: every finding needs at least one entry under sources"))
    for src in rec.sources:
        _check_source(rel, src, today, faults)
    if not rec.finding.strip() or not rec.reference.strip():
        faults.append(Fault(rel, rec.line, "finding and reference must not be empty"))
    if rec.verified and rec.direction is None:
        faults.append(Fault(rel, rec.line, "direction: a verified finding must say risk, no_risk or mixed"))
    if rec.verified and rec.ecthr is not None and rec.ecthr.conclusion is None:
        faults.append(Fault(rel, rec.ecthr.line, "conclusion: a verified ECtHR record must give the outcome"))
    if rec.kind == "ecthr_judgment":
        if rec.ecthr is None:
            faults.append(Fault(rel, rec.line, "ECtHR record needs an ecthr: block with the application number"))
        elif not rec.ecthr.application:
            faults.append(Fault(rel, rec.ecthr.line, "ECtHR record without application number"))
    if rec.ecthr is not None:
        block = rec.ecthr
        if block.application and not _APPLICATION.match(block.application):
            faults.append(Fault(rel, block.line, f"application: {block.application!r} is not like 41015/04"))
        _check_date(rel, block.line, "ecthr date", block.date, today, faults)
        if block.respondent is not None and not is_alpha2(block.respondent):
            faults.append(Fault(rel, block.line, f"respondent: {block.respondent!r} is not an ISO 3166-1 code"))


def check_set(evidence: EvidenceSet, today: dt.date | None = None) -> list[Fault]:
    """The value faults of already shape-checked files."""
    day = today or dt.date.today()
    faults: list[Fault] = []
    counts: Counter[str] = Counter()
    known = {rec.id: rec for rec in evidence.all()}
    for rel, loaded in evidence.files.items():
        stem = Path(rel).stem
        if loaded.state != stem:
            faults.append(Fault(rel, loaded.line, f"state: {loaded.state} in a file named {rel}"))
        for rec in loaded.evidence:
            _check_record(rel, rec, stem, day, faults)
            for old in rec.supersedes:
                target = known.get(old)
                if target is None or target.state != rec.state:
                    faults.append(Fault(rel, rec.line, f"supersedes: no record {old!r} about {rec.state}"))
            counts[rec.id] += 1
            if counts[rec.id] == 2:
                faults.append(Fault(rel, rec.line, f"duplicate id {rec.id!r}"))
    return faults


def check_evidence(root: Path | None = None, today: dt.date | None = None) -> list[Fault]:
    """Every fault in the evidence directory ``root`` (default: the shipped data), sorted by file and line."""
    evidence, faults = read_evidence(root)
    faults += check_set(evidence, today)
    return sorted(set(faults))
