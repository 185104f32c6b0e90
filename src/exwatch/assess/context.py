"""A case as the rules see it on a given day: only what was known by then (the rule is
:mod:`exwatch.model.known`'s), with handy lookups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from exwatch.model.case import CaseFile, Citation, Event, Fact, Request
from exwatch.model.known import Known

# Requests that seek the person for prosecution: the political-purpose bar and the "criminal suspect in custody"
# group apply to them; deportation and expulsion orders return a person without a prosecution behind them.
PROSECUTION_REQUESTS = ("extradition_request", "provisional_arrest_request", "red_notice", "diffusion", "eaw")


@dataclass(frozen=True)
class FactRef:
    """A case fact a finding rests on: where it is in the case file, what it says, its citations."""

    ref: str
    text: str
    citations: tuple[Citation, ...]


@dataclass
class CaseView:
    case: CaseFile
    as_of: dt.date

    @cached_property
    def _known(self) -> Known:
        return Known(self.case, self.as_of)

    def cites(self, citations: list[Citation] | tuple[Citation, ...]) -> tuple[Citation, ...]:
        """The citations that can be made on the day: sources published by then (undated ones count)."""
        return self._known.cites(citations)

    def known(self, date: str | None, citations: list[Citation]) -> bool:
        """Had happened by the day and, when it cites sources, at least one of them was out by then."""
        return self._known.known(date, citations)

    @cached_property
    def facts(self) -> list[Fact]:
        return [f for f in self.case.facts if self.known(f.date, f.sources)]

    @cached_property
    def events(self) -> list[Event]:
        return [e for e in self.case.sorted_events() if self.known(e.date, e.sources)]

    @cached_property
    def requests(self) -> list[Request]:
        return [r for r in self.case.requests if self.known(r.date, r.sources)]

    def sought(self, state: str | None = None) -> bool:
        """Whether a request for prosecution (extradition, provisional arrest, red notice, diffusion, EAW, or any
        request with charges) is known, from ``state`` when one is named."""
        return any(
            (state is None or r.issuer == state) and (r.kind in PROSECUTION_REQUESTS or r.charges)
            for r in self.requests
        )

    @cached_property
    def profiles(self) -> list[str]:
        """The subject's profiles (opposition politician, journalist…), once a source the subject's record
        cites was out: a profile known only from a later judgment is not known on the day."""
        return list(self.case.subject.profiles) if self.known(None, self.case.subject.sources) else []

    @cached_property
    def nationalities(self) -> list[str]:
        return list(self.case.subject.nationalities) if self.known(None, self.case.subject.sources) else []

    def facts_of(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]

    def states_with(self, role: str) -> list[str]:
        return [r.state for r in self.case.states if role in r.roles and self.known(None, r.sources)]

    @cached_property
    def persecuting(self) -> list[str]:
        return self.states_with("persecuting")

    @cached_property
    def requesting(self) -> list[str]:
        """States named as requesting, and issuers of requests known by the date (file order, no repeats)."""
        found = self.states_with("requesting") + [r.issuer for r in self.requests]
        return list(dict.fromkeys(found))

    @cached_property
    def custodial(self) -> list[str]:
        return self.states_with("custodial")

    @cached_property
    def removal_destinations(self) -> list[str]:
        """States an expulsion or deportation would send the subject to; not one where the removal is decided."""
        return [s for s in self.states_with("destination") if s not in self.custodial]

    @cached_property
    def charges(self) -> list[tuple[Request, str]]:
        return [(r, c) for r in self.requests for c in r.charges]

    def ref_fact(self, fact: Fact) -> FactRef:
        return FactRef(f"facts/{fact.id}", fact.text, self.cites(fact.sources))

    def ref_request(self, request: Request, detail: str | None = None) -> FactRef:
        text = detail or f"{request.kind} issued by {request.issuer}"
        return FactRef(f"requests/{request.id}", text, self.cites(request.sources))

    def ref_event(self, event: Event) -> FactRef:
        text = f"{event.date}, {event.body}: {event.action}" + (f" ({event.result})" if event.result else "")
        return FactRef(f"events/{event.id}", text, self.cites(event.sources))

    def ref_subject(self, what: str) -> FactRef:
        return FactRef("subject", what, self.cites(self.case.subject.sources))

    def ref_state(self, state: str) -> FactRef:
        role = next(r for r in self.case.states if r.state == state)
        return FactRef(f"states/{state}", f"{state}: {', '.join(role.roles)}", self.cites(role.sources))
