"""Checking proposed values against the case interchange format, so review starts from what is missing.

Each value gets the document as its citation (pinpoint: page and paragraph) and unique ids per kind;
then the matching case model (``Name``, ``StateRole``, ``Request``, ``Event``, ``Fact``, ``Profile``) validates
it.
A value that fails keeps its proposal, marked ``valid=False`` with the model's messages.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ValidationError

from exwatch.ingest.model import Document, Passage, Proposal
from exwatch.model.case import Event, Fact, Name, Profile, Request, StateRole

_MODELS: dict[str, type[BaseModel]] = {
    "name": Name,
    "state_role": StateRole,
    "request": Request,
    "event": Event,
    "fact": Fact,
    "profile": Profile,
}


def validate_proposals(proposals: list[Proposal], document: Document, passages: list[Passage]) -> None:
    """Add citations (page and paragraph of the span) and unique ids, then validate each value in place."""
    used: Counter[str] = Counter()
    for proposal in proposals:
        model = _MODELS.get(proposal.kind)
        if model is None:
            continue
        value = proposal.value
        if "id" in value:
            base = str(value["id"]).lower()
            if proposal.kind == "fact" and value.get("state"):
                base = f"{base}-{str(value['state']).lower()}"
            used[f"{proposal.kind}:{base}"] += 1
            n = used[f"{proposal.kind}:{base}"]
            value["id"] = base if n == 1 else f"{base}-{n}"
        pinpoint = next(
            (p.pinpoint() for p in passages if p.start <= proposal.span.start < p.end + 1), f"p. {proposal.span.page}"
        )
        value["sources"] = [{"source": document.source_id, "pinpoint": pinpoint}]
        cleaned = {k: v for k, v in value.items() if v is not None}
        try:
            checked = model.model_validate(cleaned)
        except (ValidationError, ValueError) as exc:
            proposal.valid = False
            proposal.problems = _messages(exc)
            continue
        proposal.value = checked.model_dump(mode="json", exclude_none=True)


def _messages(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        out: list[str] = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            out.append(f"{where}: {error['msg']}" if where else str(error["msg"]))
        return out
    return [str(exc)]
