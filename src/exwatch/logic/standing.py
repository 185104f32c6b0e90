"""Where a case stands, from its events: per jurisdiction, the latest step and what is still open.

This is the plain reading of the timeline. The procedure models (per jurisdiction: stages,
next decision-maker, deadlines) build on it and replace the ``next`` hint with the law's answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from exwatch.model.case import CaseFile, Event
from exwatch.model.dates import PartialDate
from exwatch.model.known import Known


@dataclass(frozen=True)
class Standing:
    jurisdiction: str
    last_event: Event
    open_requests: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        e = self.last_event
        return {
            "jurisdiction": self.jurisdiction,
            "last_event": {"id": e.id, "date": e.date, "body": e.body, "action": e.action, "outcome": e.outcome},
            "open_requests": self.open_requests,
        }


def timeline(case: CaseFile, as_of: dt.date | None = None) -> list[Event]:
    """Events in date order; with ``as_of``, only those known by then (:mod:`exwatch.model.known`)."""
    events = case.sorted_events()
    if as_of is not None:
        known = Known(case, as_of)
        events = [e for e in events if known.known(e.date, e.sources)]
    return events


def standing(case: CaseFile, as_of: dt.date | None = None) -> list[Standing]:
    """The latest event in each jurisdiction, with the requests still pending there."""
    latest: dict[str, Event] = {}
    concerned: dict[str, set[str]] = {}
    for event in timeline(case, as_of):
        latest[event.jurisdiction] = event
        concerned.setdefault(event.jurisdiction, set()).update(event.requests)
    out = []
    for jurisdiction, event in latest.items():
        # A request is open in a jurisdiction if it was sent there or its events happened there
        # (a red notice addressed to INTERPOL is executed by an arrest in the custodial state).
        open_requests = [
            r.id
            for r in case.requests
            if r.status in ("pending", "unknown")
            and (r.addressed_to == jurisdiction or r.id in concerned[jurisdiction])
        ]
        out.append(Standing(jurisdiction, event, open_requests))
    return sorted(out, key=lambda s: PartialDate.parse(s.last_event.date).earliest(), reverse=True)
