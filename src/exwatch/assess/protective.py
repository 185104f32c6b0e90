"""Protective facts S1–S7: what protects the subject or unlocks a remedy, whatever the destination.

Each function's docstring is what ``exwatch assess --rules`` prints; the registry and engine are in
:mod:`exwatch.assess.checklist`.
"""

from __future__ import annotations

from exwatch.assess.checklist import (
    Target,
    _members,
    check,
    is_executive,
)
from exwatch.assess.context import FactRef
from exwatch.assess.rules import RULES, Outcome, met, not_met, unknown
from exwatch.logic.status import next_deadline
from exwatch.model.dates import PartialDate

# --- S: protective facts ----------------------------------------------------------------------------


@check("S1")
def refugee_status(t: Target) -> Outcome:
    """Met when a state other than the persecuting one has granted the subject refugee status or asylum;
    not met when only refusals are recorded; else unknown (the same test as indicator P2)."""
    return RULES["P2"](t.view)


@check("S2")
def asylum_pending(t: Target) -> Outcome:
    """Met when an asylum claim in the custodial jurisdiction is recorded and no decision after it; not met
    when the claim was decided; unknown when no claim is recorded."""
    events = t.case.custodial_events
    claims = [e for e in events if e.action == "asylum_claim"]
    if not claims:
        return unknown("no asylum claim in the custodial state is recorded")
    last = claims[-1]
    decided = [
        e
        for e in events
        if e.action == "asylum_decision"
        and PartialDate.parse(e.date).latest() >= PartialDate.parse(last.date).earliest()
    ]
    if decided:
        return not_met("the claim was decided", [t.view.ref_event(e) for e in decided])
    return met([t.view.ref_event(last)])


@check("S3")
def eu_citizen(t: Target) -> Outcome:
    """Met when the custodial state is an EU member on the date and the subject is a national of another
    EU member; not met when nationalities are recorded and none qualifies (or the custodial state is not
    an EU member); unknown without a recorded nationality or custodial state."""
    nationalities = t.view.nationalities
    if not nationalities or not t.view.custodial:
        return unknown("the subject's nationality or the custodial state is not recorded")
    eu = _members("eu", t.view.as_of)
    if not set(t.view.custodial) & eu:
        return not_met("the custodial state is not an EU member on the date")
    others = [n for n in nationalities if n in eu and n not in t.view.custodial]
    if others:
        return met([t.view.ref_subject(f"nationality: {', '.join(others)}")])
    return not_met(f"nationality: {', '.join(nationalities)}")


GRANTS = {("decree", "granted"), ("decision", "granted"), ("appeal_decided", "dismissed")}
UNDONE = {"annulment", "release", "surrender"}


@check("S4")
def removal_imminent(t: Target) -> Outcome:
    """Met when a decree or final decision granting removal is recorded in the custodial jurisdiction and
    no annulment, release or surrender after it; not met when none is recorded while a procedure position
    is known, or the grant was undone; unknown without a procedure position."""
    events = t.case.custodial_events
    grants = [e for e in events if (e.action, e.result) in GRANTS]
    if grants:
        last = grants[-1]
        after = PartialDate.parse(last.date).earliest()
        undone = [e for e in events if e.action in UNDONE and PartialDate.parse(e.date).earliest() >= after]
        if undone:
            return not_met(
                "the removal order was followed by annulment, release or surrender", [t.view.ref_event(undone[-1])]
            )
        return met([t.view.ref_event(last)])
    if t.case.custodial is None:
        return unknown("no procedure position in the custodial state")
    return not_met("no decision authorising removal is recorded yet")


@check("S5")
def clock_running(t: Target) -> Outcome:
    """Met when a time limit or remedy with a computed deadline is open or running in the custodial
    jurisdiction; not met when the position is known and none is; unknown without a position."""
    status = t.case.custodial
    if status is None or status.position is None:
        return unknown("no procedure position in the custodial state")
    deadline = next_deadline(status.position)
    stage = status.position.stage
    ref = FactRef(
        f"procedure/{status.jurisdiction}/{stage.id if stage else ''}",
        f"{status.jurisdiction}: {stage.label.en if stage else 'no stage'}",
        (),
    )
    if deadline is not None:
        return met([ref], f"next deadline {deadline}")
    return not_met("no time limit with a computed deadline runs at this stage", [ref])


@check("S6")
def executive_decides(t: Target) -> Outcome:
    """Met when the next decision-maker in the custodial jurisdiction is the executive (a minister, the
    government or the head of government; terms in the checklist file); not met when another body decides
    next; unknown without a procedure position or next decision-maker."""
    status = t.case.custodial
    stage = status.position.stage if status and status.position else None
    if status is None or stage is None or stage.next is None:
        return unknown("no next decision-maker is known in the custodial state")
    name = stage.next.name.en
    ref = FactRef(f"procedure/{status.jurisdiction}/{stage.id}", f"next decision: {name}", ())
    if is_executive(name):
        return met([ref])
    return not_met(f"next decision: {name}", [ref])


@check("S7")
def interpol_data(t: Target) -> Outcome:
    """Met when a red notice or diffusion about the subject is recorded (request or event notice_published)
    and not deleted; not met when it was deleted; unknown when none is recorded."""
    notices = [r for r in t.view.requests if r.kind in ("red_notice", "diffusion")]
    published = [e for e in t.view.events if e.action == "notice_published"]
    deleted = [e for e in t.view.events if e.action == "notice_deleted"]
    live = [r for r in notices if r.status != "deleted"]
    if deleted or (notices and not live):
        refs = [t.view.ref_event(e) for e in deleted] + [
            t.view.ref_request(r) for r in notices if r.status == "deleted"
        ]
        return not_met("the notice or diffusion was deleted", refs)
    if live or published:
        return met([t.view.ref_request(r) for r in live] + [t.view.ref_event(e) for e in published])
    return unknown("no INTERPOL notice or diffusion is recorded")


# --- knowledge-base lookups, cached ------------------------------------------------------------------
