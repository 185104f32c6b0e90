"""What the team application shows: the dashboard across the cases a user may see, a case's workspace as of a
day, and the review queue with each proposal's source passage. One function per view; the pages and the JSON
API serialise the same dictionaries, so what the browser shows is what ``/api/v1`` returns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exwatch.assess.assessment import assess_case
from exwatch.assess.checklist import is_executive
from exwatch.assess.context import CaseView
from exwatch.logic import cases, register, review
from exwatch.logic.documents import case_documents
from exwatch.logic.standing import timeline
from exwatch.logic.status import case_deadlines, case_status
from exwatch.store.review_tables import DocumentRow, ProposalRow

URGENT_DAYS = 30
CONTEXT_CHARS = 240  # of the document around a proposal's passage, each side


def dashboard(session: Session, visible: set[str] | None, today: dt.date) -> dict[str, Any]:
    """Cases by urgency: deadlines within 30 days, cases whose next decision is the executive's, recent events,
    open proposals. ``visible`` limits it to the cases shared with the user (None: all). The cases are read in
    one go and each one's status is worked out once."""
    rows = cases.load_cases(session, visible)
    counts = select(ProposalRow.case_id, func.count()).where(ProposalRow.status == "open").group_by(ProposalRow.case_id)
    open_counts: dict[str, int] = {case_id: n for case_id, n in session.execute(counts)}
    horizon = today + dt.timedelta(days=URGENT_DAYS)
    summaries, due, executive, recent = [], [], [], []
    for row in rows:
        summary = cases.summary(row)
        summaries.append(summary)
        case = cases.export_case(session, summary.id)
        statuses = case_status(case, today)
        due += case_deadlines(case, statuses, today, horizon)
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
        for event in timeline(case, today)[-3:]:
            recent.append(
                {
                    "case": case.id,
                    "subject": summary.subject,
                    "date": event.date,
                    "body": event.body,
                    "action": event.action,
                    "jurisdiction": event.jurisdiction,
                }
            )
    recent.sort(key=lambda e: e["date"], reverse=True)
    due.sort(key=lambda d: (d.clock.window.earliest if d.clock.window else today, d.case_id))
    return {
        "today": today.isoformat(),
        "cases": [
            {
                "id": s.id,
                "subject": s.subject,
                "title": s.title,
                "states": s.states,
                "last_event": s.last_event,
                "open_proposals": open_counts.get(s.id, 0),
            }
            for s in summaries
        ],
        "deadlines": [d.as_dict() for d in due],
        "executive_next": executive,
        "recent_events": recent[:15],
        "open_proposals": sum(open_counts.get(s.id, 0) for s in summaries),
    }


def workspace(session: Session, case_id: str, as_of: dt.date) -> dict[str, Any]:
    """A case as it stood on ``as_of``: what was known then, where it stood, the assessment of that day."""
    row = cases.get_row(session, case_id)
    case = cases.export_case(session, case_id)
    view = CaseView(case, as_of)
    assessment = assess_case(case, as_of)
    events = timeline(case, as_of)
    by_jurisdiction: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_jurisdiction.setdefault(event.jurisdiction, []).append(event.model_dump(exclude_none=True))
    questions = list(assessment.political.questions) + [q for d in assessment.destinations for q in d.questions]
    return {
        "id": case.id,
        "version": row.version,
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
