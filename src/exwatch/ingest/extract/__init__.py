"""From a document's text to proposals: subject names, bodies, state roles, events, requests, charges, facts.

The rules run in an order that lets later ones use earlier results: roles first (the custodial state
places events no body places), then events (a court that rules on the extradition reveals the
custodial state), then requests (an issuer the sentence does not name is the requesting state).
Duplicates are merged — a fact said five times is one proposal, a little more confident — and every
case-format value is checked against the case model so that a reviewer sees what is missing.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from exwatch.ingest.extract.context import Context
from exwatch.ingest.extract.events import extract_events
from exwatch.ingest.extract.profile import extract_facts
from exwatch.ingest.extract.profiles import extract_profiles
from exwatch.ingest.extract.requests import extract_requests
from exwatch.ingest.extract.roles import extract_roles
from exwatch.ingest.extract.subject import extract_bodies, extract_names
from exwatch.ingest.extract.validate import validate_proposals
from exwatch.ingest.model import Passage, Proposal

_DECIDING = {"opinion", "decision", "appeal_decided", "cassation", "decree", "arrest", "detention", "release"}


def extract(context: Context, passages: list[Passage]) -> list[Proposal]:
    """Run every rule over ``context`` and return the merged, validated proposals."""
    extract_names(context)
    extract_bodies(context)
    extract_roles(context)
    top_requesting = _best(context, "requesting")
    custodial = _best(context, "custodial", exclude=top_requesting)
    # "held in custody in Tajikistan" before the flight is history: the main requesting state is not
    # where the extradition is decided, so its custodial proposals are dropped.
    context.proposals = [
        p
        for p in context.proposals
        if not (p.kind == "state_role" and p.value["state"] == top_requesting and "custodial" in p.value["roles"])
    ]
    extract_events(context, custodial)
    requesting = {p.value["state"] for p in context.of_kind("state_role") if "requesting" in p.value["roles"]}
    # A state whose own organs arrest, detain or rule on the extradition holds the person: it is custodial.
    for event in list(context.of_kind("event")):
        state = event.value.get("jurisdiction")
        if event.value["action"] in _DECIDING and state and len(state) == 2 and state not in requesting:
            clause = next(c for c in context.clauses if c.sentence.start <= event.span.start < c.sentence.end + 1)
            value = {"state": state, "roles": ["custodial"]}
            context.propose(
                "state_role", value, clause, 0.5, "role:event-jurisdiction", event.span.start, event.span.end
            )
    extract_requests(context)
    top_requesting = _best(context, "requesting")
    for request in context.of_kind("request"):
        if request.value["issuer"] is None and top_requesting:
            request.value["issuer"] = top_requesting
            request.value["id"] = f"{request.value['kind'].replace('_', '-')}-{top_requesting.lower()}"
            request.rule += "+document-requesting-state"
    extract_facts(context)
    extract_profiles(context)
    merged = merge(context.proposals)
    validate_proposals(merged, context.document, passages)
    return merged


def _best(context: Context, role: str, exclude: str | None = None) -> str | None:
    """The state most confidently proposed in ``role`` (summed over mentions), or None.

    ``exclude`` drops one state: the main requesting state is rarely where the subject is held now,
    even when the text tells of an earlier detention there.
    """
    scores: Counter[str] = Counter()
    for proposal in context.of_kind("state_role"):
        if role in proposal.value["roles"] and proposal.value["state"] != exclude:
            scores[proposal.value["state"]] += int(proposal.confidence * 100)
    return scores.most_common(1)[0][0] if scores else None


def merge(proposals: list[Proposal]) -> list[Proposal]:
    """One proposal per distinct value: the most confident mention, its confidence raised a little per repeat."""
    groups: dict[tuple[str, str], list[Proposal]] = defaultdict(list)
    for proposal in proposals:
        groups[proposal.key()].append(proposal)
    merged: list[Proposal] = []
    for group in groups.values():
        best = max(group, key=lambda p: (p.confidence, -p.span.start))
        best.confidence = min(0.95, best.confidence + 0.05 * (len(group) - 1))
        merged.append(best)
    merged.sort(key=lambda p: (p.kind, p.span.start))
    return merged
