"""Builders for synthetic evidence, so that rule tests state exactly the facts they depend on."""

from __future__ import annotations

from typing import Any

from exwatch.kb.evidence.models import Evidence

_SOURCE = {
    "title": "Synthetic test source",
    "issuer": "Test",
    "url": "https://example.org/test",
    "checked": "2026-01-01",
    "verified": True,
}


def make(
    id: str, date: str, kind: str = "cat_concluding_observations", *, verified: bool = True, **fields: Any
) -> Evidence:
    """One finding about XX-land (state ZZ is not used by shipped data); defaults describe a CAT risk finding."""
    source = dict(_SOURCE, verified=verified)
    if not verified:
        source["note"] = "not read"
    data: dict[str, Any] = {
        "id": id,
        "state": "ZZ",
        "date": date,
        "kind": kind,
        "body": fields.pop("body", f"body of {id}"),
        "reference": "REF",
        "finding": "a finding",
        "bears_on": "torture",
        "direction": "risk",
        "groups": ["all_detainees"],
        "strength": "general_pattern",
        "sources": [source],
    }
    data.update(fields)
    return Evidence.model_validate(data)


def ecthr(id: str, date: str, conclusion: str = "violation_if_removed", **fields: Any) -> Evidence:
    """An ECtHR removal judgment about state ZZ."""
    block = {"applicant": "A", "application": "12345/10", "date": date, "conclusion": conclusion, "article": "3"}
    block.update(fields.pop("block", {}))
    direction = "no_risk" if conclusion == "no_violation" else "risk"
    fields.setdefault("direction", direction)
    fields.setdefault("body", "European Court of Human Rights")
    return make(id, date, "ecthr_judgment", ecthr=block, **fields)
