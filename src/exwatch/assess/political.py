"""Rules for the indicators of a politically motivated request (checklist P) and the counter-indicators (C).

Each function's docstring is what ``exwatch assess --rules`` prints; keep it a plain statement of the
test. Charge categories come from ``charge_terms`` in the indicator file, so that a new language or a
new kind of charge is a data change.
"""

from __future__ import annotations

from exwatch.assess.config import indicator_config
from exwatch.assess.context import CaseView, FactRef
from exwatch.assess.rules import Outcome, met, not_met, rule, unknown

POLITICAL_PROFILES = {"opposition_politician", "journalist", "activist", "human_rights_defender", "lawyer"}


def _charges_in(view: CaseView, category: str) -> list[FactRef]:
    terms = [t.lower() for t in indicator_config().charge_terms[category]]
    return [
        view.ref_request(request, f"charge: {charge}")
        for request, charge in view.charges
        if any(term in charge.lower() for term in terms)
    ]


@rule("P1")
def opponent(view: CaseView) -> Outcome:
    """Met when the subject's profile is political (opposition politician, journalist, activist,
    human-rights defender, lawyer) or an opposition role is recorded; not met when a profile is recorded
    and none of it is political; unknown when no profile is recorded."""
    roles = [view.ref_fact(f) for f in view.facts_of("opposition_role")]
    profiles = sorted(set(view.profiles) & POLITICAL_PROFILES)
    if profiles:
        roles.insert(0, view.ref_subject(f"profile: {', '.join(profiles)}"))
    if roles:
        return met(roles)
    if view.profiles:
        return not_met(f"recorded profile: {', '.join(view.profiles)}")
    return unknown("no profile of the subject is recorded")


@rule("P2")
def refugee_status(view: CaseView) -> Outcome:
    """Met when a state other than the persecuting one has granted the subject refugee status or asylum
    (a circumstance of kind refugee_status); not met when only refusals are recorded; else unknown."""
    granted = [f for f in view.facts_of("refugee_status") if f.state not in view.persecuting]
    if granted:
        return met([view.ref_fact(f) for f in granted])
    refused = view.facts_of("asylum_refused")
    if refused:
        return not_met("asylum was refused", [view.ref_fact(f) for f in refused])
    return unknown("no asylum or refugee decision is recorded")


@rule("P3")
def proxy_request(view: CaseView) -> Outcome:
    """Met when a requesting state is not the persecuting state and the involvement of the persecuting
    state in the proceedings is recorded; unknown when the states differ but no such evidence is recorded;
    not met when every request comes from the persecuting state itself."""
    proxies = [s for s in view.requesting if s not in view.persecuting]
    if not view.persecuting:
        return unknown("no persecuting state is named in the case")
    if not proxies:
        return not_met("the requests come from the persecuting state itself")
    involvement = view.facts_of("persecuting_state_involvement")
    if involvement:
        states = [view.ref_state(s) for s in proxies if any(r.state == s for r in view.case.states)]
        return met(
            states + [view.ref_fact(f) for f in involvement],
            f"requesting state(s) {', '.join(proxies)} act for {', '.join(view.persecuting)}",
        )
    return unknown(
        f"{', '.join(proxies)} request(s) the subject; is there evidence of coordination with "
        f"{', '.join(view.persecuting)}?"
    )


@rule("P4")
def pressure(view: CaseView) -> Outcome:
    """Met when the persecuting state's involvement in the proceedings (pressure, lobbying, public
    cooperation) is recorded; otherwise unknown."""
    involvement = view.facts_of("persecuting_state_involvement")
    if involvement:
        return met([view.ref_fact(f) for f in involvement])
    return unknown("no involvement of the persecuting state is recorded")


@rule("P6")
def speech_charges(view: CaseView) -> Outcome:
    """Met when a charge is of the extremism, 'overthrow', incitement, insult, hooliganism or separatism
    kind; not met when charges are recorded and none is; unknown when no charge is recorded."""
    if not view.charges:
        return unknown("no charge is recorded")
    found = _charges_in(view, "speech")
    return met(found) if found else not_met("no charge of that kind")


@rule("P8")
def economic_charges_against_opponent(view: CaseView) -> Outcome:
    """Met when the subject is an opponent (P1) and a charge is financial (fraud, embezzlement,
    misappropriation, money laundering); not met when the charges are not financial; unknown when there
    are no charges or the subject's profile is unknown."""
    if not view.charges:
        return unknown("no charge is recorded")
    found = _charges_in(view, "economic")
    if not found:
        return not_met("no financial charge")
    profile = opponent(view)
    if profile.status == "met":
        return met(profile.facts + found)
    if profile.status == "unknown":
        return unknown("financial charges, but whether the subject is an opponent is not recorded")
    return not_met("financial charges against a subject who is not recorded as an opponent")


@rule("P9")
def public_prejudgment(view: CaseView) -> Outcome:
    """Met when public statements by officials about the subject are recorded; otherwise unknown."""
    statements = view.facts_of("public_statements")
    return met([view.ref_fact(f) for f in statements]) if statements else unknown("no official statement recorded")


@rule("P10")
def relatives_targeted(view: CaseView) -> Outcome:
    """Met when relatives were targeted or associates pursued (circumstances of those kinds); otherwise
    unknown."""
    found = view.facts_of("family_targeted", "associates_pursued")
    return met([view.ref_fact(f) for f in found]) if found else unknown("nothing recorded about relatives")


@rule("P12")
def several_requests(view: CaseView) -> Outcome:
    """Met when two or more states have issued requests or notices, or one state has issued requests
    again after a refusal; not met with a single request; unknown when no request is recorded."""
    if not view.requests:
        return unknown("no request is recorded")
    issuers = list(dict.fromkeys(r.issuer for r in view.requests))
    refused = [r for r in view.requests if r.status in ("refused", "annulled", "deleted")]
    if len(issuers) > 1:
        return met([view.ref_request(r) for r in view.requests], f"requests from {', '.join(issuers)}")
    if refused and len(view.requests) > len(refused):
        return met([view.ref_request(r) for r in view.requests], "requests renewed after a refusal")
    return not_met("a single requesting state")


@rule("P13")
def interpol_refused(view: CaseView) -> Outcome:
    """Met when an INTERPOL notice or diffusion about the subject was deleted or refused (an event
    notice_deleted, or a request with status deleted); otherwise unknown."""
    deleted = [view.ref_event(e) for e in view.events if e.action == "notice_deleted"]
    deleted += [view.ref_request(r) for r in view.requests if r.status == "deleted"]
    return met(deleted) if deleted else unknown("no INTERPOL decision on the notice is recorded")


@rule("P14")
def other_states_refused(view: CaseView) -> Outcome:
    """Met when a court or government of a state other than the custodial one refused or annulled an
    extradition of the subject; otherwise unknown."""
    found = [
        view.ref_event(e)
        for e in view.events
        if e.jurisdiction not in view.custodial
        and e.result in ("unfavourable", "refused", "annulled")
        and e.action in ("opinion", "decision", "decree", "annulment", "appeal_decided", "cassation")
    ]
    return met(found) if found else unknown("no decision of another state is recorded")


@rule("P16")
def tried_in_absentia(view: CaseView) -> Outcome:
    """Met when a conviction in absentia is recorded; otherwise unknown."""
    found = view.facts_of("conviction_in_absentia")
    return met([view.ref_fact(f) for f in found]) if found else unknown("no conviction in absentia recorded")


@rule("P17")
def political_offence(view: CaseView) -> Outcome:
    """Met when a charge is political or military by nature (desertion, coup, membership of a banned or
    'extremist' organisation); not met when charges are recorded and none is; unknown without charges."""
    if not view.charges:
        return unknown("no charge is recorded")
    found = _charges_in(view, "political_military")
    return met(found) if found else not_met("no political or military offence charged")


@rule("P18")
def targeted_group(view: CaseView) -> Outcome:
    """Met when the subject's profile includes a religious or ethnic minority; not met when a profile is
    recorded without it; unknown when no profile is recorded."""
    groups = set(view.profiles) & {"religious_minority", "ethnic_minority"}
    if groups:
        return met([view.ref_subject(f"profile: {', '.join(sorted(groups))}")])
    if view.profiles:
        return not_met("no minority group in the recorded profile")
    return unknown("no profile of the subject is recorded")


@rule("C1")
def independent_adverse_finding(view: CaseView) -> Outcome:
    """Met when an independent court (outside the requesting and persecuting states) made findings of
    ordinary crime against the subject (a circumstance of kind adverse_finding); otherwise not met."""
    found = view.facts_of("adverse_finding")
    return met([view.ref_fact(f) for f in found]) if found else not_met("no such finding recorded")


@rule("C2")
def assurances_given(view: CaseView) -> Outcome:
    """Met when diplomatic assurances or conditions attached to extradition are recorded; otherwise not
    met. Assurances never settle a torture risk by themselves (Saadi v. Italy)."""
    found = view.facts_of("assurances")
    return met([view.ref_fact(f) for f in found]) if found else not_met("no assurances recorded")


@rule("C3")
def violent_offence(view: CaseView) -> Outcome:
    """Met when a charge is a violent crime (murder, rape, kidnapping, armed robbery); not met when charges
    are recorded and none is; unknown without charges."""
    if not view.charges:
        return unknown("no charge is recorded")
    found = _charges_in(view, "violent")
    return met(found) if found else not_met("no violent offence charged")
