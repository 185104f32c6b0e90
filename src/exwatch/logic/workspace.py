"""What the team application shows: the dashboard across the cases a user may see, a case's workspace as of a
day, and the review queue with each proposal's source passage. One function per view; the pages and the JSON
API serialise the same dictionaries, so what the browser shows is what ``/api/v1`` returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exwatch.assess.assessment import assess_case
from exwatch.assess.checklist import is_executive
from exwatch.assess.context import CaseView
from exwatch.errors import InputError
from exwatch.kb.evidence.loader import load_evidence
from exwatch.kb.evidence.rulebook import load_rules
from exwatch.kb.loader import load_knowledge
from exwatch.logic import cases, register, review
from exwatch.logic.documents import case_documents
from exwatch.logic.memo import Memo
from exwatch.logic.standing import timeline
from exwatch.logic.status import case_deadlines, case_status
from exwatch.model.case import CaseFile
from exwatch.store.review_tables import DocumentRow, ProposalRow
from exwatch.store.tables import CaseRow

URGENT_DAYS = 30
PER_PAGE = 50  # cases per page of the dashboard's list
LOAD_CHUNK = 50  # cases read at once to work out their lines
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
_LINES: Memo[tuple[str, dt.date], _CaseLine] = Memo(20_000)  # by (revision, day)


def _line(case: CaseFile, today: dt.date, horizon: dt.date) -> _CaseLine:
    summary = cases.summary(case)
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


@dataclass(frozen=True)
class _Overview:
    """The dashboard of one set of cases, each at one revision, on one day, before paging."""

    lines: list[_CaseLine]
    ids: frozenset[str]
    deadlines: list[dict[str, Any]]
    executive: list[dict[str, Any]]
    recent: list[dict[str, Any]]


# Overviews by (every visible case's (id, revision), day): most requests find the cases as the last one left
# them, and merging a thousand lines again would be most of the request's time.
_OVERVIEWS: Memo[tuple[tuple[tuple[str, str], ...], dt.date], _Overview] = Memo(32)


def _overview(session: Session, visible: set[str] | None, today: dt.date) -> _Overview:
    """Every visible case's line, in id order, and the urgent lists across them. A line already worked out for
    the case's revision and the day is taken from the memo; the others are read 50 cases at a time."""
    # Every (id, revision) pair, filtered here: one plain query beats IN lists of a thousand ids, which
    # SQLAlchemy compiles again for every length.
    query = select(CaseRow.id, CaseRow.revision)
    stored = tuple(sorted((c, r) for c, r in session.execute(query) if visible is None or c in visible))
    if (overview := _OVERVIEWS.get((stored, today))) is not None:
        return overview
    known = _LINES.get_many((r, today) for _, r in stored)
    found = {c: known.get((r, today)) for c, r in stored}
    missing = {c for c, line in found.items() if line is None}
    horizon = today + dt.timedelta(days=URGENT_DAYS)
    for chunk in cases.id_chunks(missing, LOAD_CHUNK):
        made = {case.id: _line(case, today, horizon) for case in cases.load_files(session, set(chunk))}
        _LINES.put_many({(r, today): made[c] for c, r in stored if c in made})
        found |= made
    lines = [line for c, _ in stored if (line := found.get(c)) is not None]
    recent = sorted((e for line in lines for e in line.recent), key=lambda e: str(e["date"]), reverse=True)
    due = sorted((d for line in lines for d in line.deadlines), key=lambda d: (d[0], d[1]))
    overview = _Overview(
        lines,
        frozenset(c for c, _ in stored),
        [d for _, _, d in due],
        [e for line in lines for e in line.executive],
        recent[:15],
    )
    _OVERVIEWS.put((stored, today), overview)
    return overview


def dashboard(
    session: Session, visible: set[str] | None, today: dt.date, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Cases by urgency: deadlines within 30 days, cases whose next decision is the executive's, recent events,
    open proposals. ``visible`` limits it to the cases shared with the user (None: all). The urgent lists cover
    every visible case; the list of cases is cut into pages of ``per_page`` (``page`` from 1)."""
    if page < 1 or per_page < 1:
        raise InputError(f"page {page} of {per_page} cases: both must be 1 or more")
    overview = _overview(session, visible, today)
    lines = overview.lines
    counts = select(ProposalRow.case_id, func.count()).where(ProposalRow.status == "open").group_by(ProposalRow.case_id)
    open_counts: dict[str, int] = {case_id: n for case_id, n in session.execute(counts)}
    shown = lines[(page - 1) * per_page : page * per_page]
    return {
        "today": today.isoformat(),
        "page": page,
        "pages": max(1, -(-len(lines) // per_page)),
        "total_cases": len(lines),
        "cases": [line.case | {"open_proposals": open_counts.get(line.case["id"], 0)} for line in shown],
        "deadlines": overview.deadlines,
        "executive_next": overview.executive,
        "recent_events": overview.recent,
        "open_proposals": sum(n for case_id, n in open_counts.items() if case_id in overview.ids),
    }


# What a case shows as of a day depends only on the case (its revision) and the day, given the knowledge base,
# the evidence and the rule book (their versions): kept, so that the pages of the cases a team works on are not
# worked out again at every request. Documents, register and proposals live in other tables and are read each time.
_VIEWS: Memo[tuple[str, str, dt.date, str, str, str], dict[str, Any]] = Memo(128)


def _view(case: CaseFile, revision: str, as_of: dt.date) -> dict[str, Any]:
    key = (case.id, revision, as_of, load_knowledge().version, load_evidence().version, load_rules().digest)
    if (known := _VIEWS.get(key)) is not None:
        return known
    view = CaseView(case, as_of)
    assessment = assess_case(case, as_of)
    events = timeline(case, as_of)
    by_jurisdiction: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_jurisdiction.setdefault(event.jurisdiction, []).append(event.model_dump(exclude_none=True))
    questions = list(assessment.political.questions) + [q for d in assessment.destinations for q in d.questions]
    shown = {
        "id": case.id,
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
    }
    _VIEWS.put(key, shown)
    return shown


def workspace(session: Session, case_id: str, as_of: dt.date) -> dict[str, Any]:
    """A case as it stood on ``as_of``: what was known then, where it stood, the assessment of that day. The
    nested values may be shared with other requests: serialise them, do not change them."""
    case, stored = cases.read_case(session, case_id)
    return _view(case, stored.revision, as_of) | {
        "version": stored.version,
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
