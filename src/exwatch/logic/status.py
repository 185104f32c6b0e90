"""Where a case stands in each jurisdiction, and the deadlines across all cases.

``case_status`` runs every jurisdiction with events through its procedure model (or, where there is
none yet, reports the latest step plainly); ``upcoming_deadlines`` gathers the open time limits of
every case for the dashboard, the ``deadlines`` command and the calendar export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from exwatch.kb.models import Source
from exwatch.logic import cases
from exwatch.logic.standing import timeline
from exwatch.model.case import CaseFile, Event
from exwatch.procedure.engine import Clock, Position, position
from exwatch.procedure.loader import procedure_for
from exwatch.procedure.models import Body, Text


@dataclass(frozen=True)
class JurisdictionStatus:
    jurisdiction: str
    position: Position | None
    latest: Event
    as_of: dt.date  # the statutes and rules cited are those in existence on this day

    def as_dict(self) -> dict[str, Any]:
        pos = self.position
        if pos is None or pos.stage is None:
            return {
                "jurisdiction": self.jurisdiction,
                "procedure": pos.procedure.id if pos else None,
                "stage": None,
                "latest_event": _event(self.latest),
                "next_decision_by": None,
                "deadline": None,
                "remedies": [],
                "clocks": [],
                "available": [],
                "warnings": pos.warnings if pos else [],
                "measures_in_force": [_event(m) for m in pos.measures] if pos else [],
                "note": "no procedure model for this jurisdiction yet"
                if pos is None
                else "no event of this jurisdiction enters a stage of its procedure model",
            }
        stage = pos.stage
        return {
            "jurisdiction": self.jurisdiction,
            "procedure": pos.procedure.id,
            "stage": {"id": stage.id, **_text(stage.label), "final": stage.final},
            "since": _event(pos.entered_by) if pos.entered_by else None,
            "latest_event": _event(self.latest),
            "in_custody": pos.in_custody,
            "measures_in_force": [_event(m) for m in pos.measures],
            "next_decision_by": _body(stage.next, self.as_of) if stage.next else None,
            "decides": _text(stage.decides) if stage.decides else None,
            "deadline": next_deadline(pos),
            "remedies": [_clock(c, self.as_of) for c in pos.remedies],
            "clocks": [_clock(c, self.as_of) for c in pos.clocks],
            "available": [{"id": r.id, **_text(r.label), "body": _body(r.body, self.as_of)} for r in pos.available],
            "advocacy": _text(stage.advocacy) if stage.advocacy else None,
            "warnings": pos.warnings,
            "sources": _sources(stage.sources, self.as_of),
        }


def _text(text: Text) -> dict[str, str | None]:
    return {"en": text.en, "local": text.local}


def _body(body: Body, day: dt.date) -> dict[str, Any]:
    address = _text(body.address) if body.address else None
    return {"name": _text(body.name), "address": address, "postal": body.postal, "reach": body.reach(day)}


def _event(event: Event) -> dict[str, Any]:
    return {"id": event.id, "date": event.date, "action": event.action, "result": event.result, "body": event.body}


def _sources(sources: Sequence[Source], day: dt.date) -> list[dict[str, Any]]:
    """The texts a rule rests on that existed on ``day`` (a later amendment is not cited for an earlier day)."""
    return [s.model_dump(exclude_none=True) for s in sources if s.existed_on(day)]


def _clock(clock: Clock, day: dt.date) -> dict[str, Any]:
    limit, window = clock.limit, clock.window
    out: dict[str, Any] = {
        "id": clock.id,
        "label": _text(clock.label),
        "status": clock.status,
        "deadline": window.earliest.isoformat() if window else None,
        "deadline_latest": window.latest.isoformat() if window and not window.exact else None,
        "basis": clock.basis if limit else "no time limit",
        "rule": _text(limit.label) if limit else None,
        "counting": limit.counting if limit else None,
        "binds": limit.binds if limit else None,
        "started_by": clock.started_by.id if clock.started_by else None,
        "sources": _sources(limit.sources, day) if limit else [],
    }
    if clock.remedy:
        out["body"] = _body(clock.remedy.body, day)
    return out


def next_deadline(pos: Position) -> str | None:
    """The earliest open or running limit (ISO date), the one a user must act on first."""
    dates = [
        c.window.earliest for c in pos.remedies + pos.clocks if c.window is not None and c.status in ("open", "running")
    ]
    return min(dates).isoformat() if dates else None


def case_status(case: CaseFile, as_of: dt.date | None = None) -> list[JurisdictionStatus]:
    """Per jurisdiction with events: its position under the procedure model as of the date."""
    day = as_of or dt.date.today()
    by_jurisdiction: dict[str, list[Event]] = {}
    for event in timeline(case, day):
        by_jurisdiction.setdefault(event.jurisdiction, []).append(event)
    out = []
    for jurisdiction, events in by_jurisdiction.items():
        model = procedure_for(jurisdiction)
        pos = position(model, events, day) if model else None
        out.append(JurisdictionStatus(jurisdiction, pos, events[-1], day))
    # Custodial jurisdictions first: that is where the removal is decided.
    custodial = {r.state for r in case.states if "custodial" in r.roles}
    return sorted(out, key=lambda s: (s.jurisdiction not in custodial, s.jurisdiction))


def status_of(session: Session, case_id: str, as_of: dt.date | None = None) -> list[JurisdictionStatus]:
    return case_status(cases.export_case(session, case_id), as_of)


@dataclass(frozen=True)
class Due:
    case_id: str
    subject: str
    jurisdiction: str
    clock: Clock
    as_of: dt.date

    def as_dict(self) -> dict[str, Any]:
        clock = _clock(self.clock, self.as_of)
        return {"case": self.case_id, "subject": self.subject, "jurisdiction": self.jurisdiction, **clock}


def case_deadlines(
    case: CaseFile, statuses: list[JurisdictionStatus], as_of: dt.date, horizon: dt.date | None
) -> list[Due]:
    """The open remedies and running clocks of one case, from its statuses, that end on or after ``as_of``
    (and begin by ``horizon`` when one is given)."""
    found: list[Due] = []
    for status in statuses:
        if status.position is None:
            continue
        for clock in status.position.remedies + status.position.clocks:
            if clock.window is None or clock.status not in ("open", "running", "unknown"):
                continue
            if clock.window.latest < as_of or (horizon is not None and clock.window.earliest > horizon):
                continue
            found.append(Due(case.id, case.subject.primary_name, status.jurisdiction, clock, as_of))
    return found


def upcoming_deadlines(session: Session, as_of: dt.date, within_days: int | None) -> list[Due]:
    """Open remedies and running clocks of every case that end on or after ``as_of`` (and within N days)."""
    horizon = as_of + dt.timedelta(days=within_days) if within_days is not None else None
    found: list[Due] = []
    for summary in cases.list_cases(session):
        case = cases.export_case(session, summary.id)
        found += case_deadlines(case, case_status(case, as_of), as_of, horizon)
    return sorted(found, key=lambda d: (d.clock.window.earliest if d.clock.window else as_of, d.case_id))
