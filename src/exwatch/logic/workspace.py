"""What the team application shows: the dashboard across the cases a user may see, a case's workspace as of a
day, and the review queue with each proposal's source passage. One function per view; the pages and the JSON
API serialise the same dictionaries, so what the browser shows is what ``/api/v1`` returns.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exwatch.assess.assessment import assess_case
from exwatch.assess.checklist import is_executive
from exwatch.assess.context import CaseView
from exwatch.errors import InputError
from exwatch.logic import cases, register, review
from exwatch.logic.documents import case_documents
from exwatch.logic.memo import Memo
from exwatch.logic.standing import timeline
from exwatch.logic.status import case_deadlines, case_status
from exwatch.store.mapping import from_row
from exwatch.store.review_tables import DocumentRow, ProposalRow
from exwatch.store.tables import CaseRow

URGENT_DAYS = 30
PER_PAGE = 50  # cases per page of the dashboard's list
LOAD_CHUNK = 50  # cases read at once to work out their lines (each case is a few hundred ORM objects)
CONTEXT_CHARS = 240  # of the document around a proposal's passage, each side


@dataclass(frozen=True)
class _CaseLine:
    """What one case contributes to the dashboard on one day."""

    case: dict[str, Any]
    deadlines: list[tuple[dt.date, str, dict[str, Any]]]  # (earliest day, case id, deadline): the sort order
    executive: list[dict[str, Any]]
    recent: list[dict[str, Any]]


# A case's line depends only on the case as stored (named by its revision, new at every stored change) and on the
# day; computing it reads the whole case and works out its status, tens of
# milliseconds each, so a dashboard over a thousand cases would take seconds. Kept per process, bounded.
_LINES: Memo[tuple[str, dt.date], _CaseLine] = Memo(20_000)


def _line(row: CaseRow, today: dt.date, horizon: dt.date) -> _CaseLine:
    summary = cases.summary(row)
    case = from_row(row)
    statuses = case_status(case, today)
    deadlines = [
        (d.clock.window.earliest if d.clock.window else today, d.case_id, d.as_dict())
        for d in case_deadlines(case, statuses, today, horizon)
    ]
    executive = []
    for status in statuses:
        data = status.as_dict()
        name = ((data.get("next_decision_by") or {}).get("name") or {}).get("en")
        if name and is_executive(name):
            executive.append(
                {
                    "case": case.id,
                    "subject": summary.subject,
                    "jurisdiction": status.jurisdiction,
                    "body": name,
                    "deadline": data.get("deadline"),
                }
            )
    recent = [
        {
            "case": case.id,
            "subject": summary.subject,
            "date": event.date,
            "body": event.body,
            "action": event.action,
            "jurisdiction": event.jurisdiction,
        }
        for event in timeline(case, today)[-3:]
    ]
    line = {"id": summary.id, "subject": summary.subject, "title": summary.title, "states": summary.states}
    return _CaseLine(line | {"last_event": summary.last_event}, deadlines, executive, recent)


def _lines(session: Session, visible: set[str] | None, today: dt.date) -> list[_CaseLine]:
    """Every visible case's line, in id order: those already worked out for this version and day from the
    cache, the others read in one go."""
    # Every (id, revision) pair, filtered here: one plain query beats IN lists of a thousand ids, which
    # SQLAlchemy compiles again for every length.
    rows = [r for r in session.execute(select(CaseRow.id, CaseRow.revision)) if visible is None or r.id in visible]
    stored = sorted((case_id, (revision, today)) for case_id, revision in rows)
    known = _LINES.get_many(k for _, k in stored)
    found = {c: known.get(k) for c, k in stored}
    missing = {c for c, line in found.items() if line is None}
    horizon = today + dt.timedelta(days=URGENT_DAYS)
    for chunk in cases.id_chunks(missing, LOAD_CHUNK):
        made = {row.id: _line(row, today, horizon) for row in cases.load_cases(session, set(chunk), keep=False)}
        _LINES.put_many({k: made[c] for c, k in stored if c in made})
        found |= made
        # The chunk's ORM objects hold one another (parent and children): free them now, not at the next
        # collection, so that a first dashboard over thousands of cases does not hold them all at once.
        gc.collect()
    return [line for c, _ in stored if (line := found.get(c)) is not None]


def dashboard(
    session: Session, visible: set[str] | None, today: dt.date, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Cases by urgency: deadlines within 30 days, cases whose next decision is the executive's, recent events,
    open proposals. ``visible`` limits it to the cases shared with the user (None: all). The urgent lists cover
    every visible case; the list of cases is cut into pages of ``per_page`` (``page`` from 1)."""
    if page < 1 or per_page < 1:
        raise InputError(f"page {page} of {per_page} cases: both must be 1 or more")
    lines = _lines(session, visible, today)
    counts = select(ProposalRow.case_id, func.count()).where(ProposalRow.status == "open").group_by(ProposalRow.case_id)
    open_counts: dict[str, int] = {case_id: n for case_id, n in session.execute(counts)}
    recent = sorted((e for line in lines for e in line.recent), key=lambda e: str(e["date"]), reverse=True)
    due = sorted((d for line in lines for d in line.deadlines), key=lambda d: (d[0], d[1]))
    shown = lines[(page - 1) * per_page : page * per_page]
    return {
        "today": today.isoformat(),
        "page": page,
        "pages": max(1, -(-len(lines) // per_page)),
        "total_cases": len(lines),
        "cases": [line.case | {"open_proposals": open_counts.get(line.case["id"], 0)} for line in shown],
        "deadlines": [d for _, _, d in due],
        "executive_next": [e for line in lines for e in line.executive],
        "recent_events": recent[:15],
        "open_proposals": sum(open_counts.get(line.case["id"], 0) for line in lines),
    }


def workspace(session: Session, case_id: str, as_of: dt.date) -> dict[str, Any]:
    """A case as it stood on ``as_of``: what was known then, where it stood, the assessment of that day."""
    case, version = cases.read_case(session, case_id)
    view = CaseView(case, as_of)
    assessment = assess_case(case, as_of)
    events = timeline(case, as_of)
    by_jurisdiction: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_jurisdiction.setdefault(event.jurisdiction, []).append(event.model_dump(exclude_none=True))
    questions = list(assessment.political.questions) + [q for d in assessment.destinations for q in d.questions]
    return {
        "id": case.id,
        "version": version,
        "as_of": as_of.isoformat(),
        "title": case.title,
        "subject": case.subject.model_dump(exclude_none=True),
        "states": [s.model_dump(exclude_none=True) for s in case.states if view.known(None, s.sources)],
        "requests": [r.model_dump(exclude_none=True) for r in view.requests],
        "timeline": by_jurisdiction,
        "later_events": len(case.events) - len(events),
        "status": [s.as_dict() for s in case_status(case, as_of)],
        "assessment": assessment.as_dict(),
        "questions": list(dict.fromkeys(questions + assessment.conclusion.missing)),
        "sources": [s.model_dump(exclude_none=True) for s in case.sources],
        "documents": [
            {"sha256": d.sha256, "file_name": d.file_name, "language": d.language, "date": d.date, "size": d.size}
            for d in case_documents(session, case_id)
        ],
        "register": [register.as_dict(r) for r in register.register(session, case_id)],
        "open_proposals": len(review.proposals(session, case_id)),
    }


def review_queue(session: Session, case_id: str) -> list[dict[str, Any]]:
    """Open proposals, each with its passage and the text around it, so a reviewer reads it in context."""
    out = []
    for row in review.proposals(session, case_id):
        doc = session.get(DocumentRow, row.document_pk)
        start, end = int(row.span.get("start", 0)), int(row.span.get("end", 0))
        text = doc.text if doc else ""
        out.append(
            {
                "id": row.pk,
                "kind": row.kind,
                "value": row.value,
                "confidence": row.confidence,
                "rule": row.rule,
                "valid": row.valid,
                "problems": row.problems,
                "document": doc.file_name if doc else None,
                "before": text[max(0, start - CONTEXT_CHARS) : start],
                "passage": text[start:end],
                "after": text[end : end + CONTEXT_CHARS],
            }
        )
    return out
