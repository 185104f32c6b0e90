"""Which legal bars a document invokes for this case on this day (data in ``draft/data/bars.yaml``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from exwatch.assess.assessment import Assessment
from exwatch.assess.authorities import authority
from exwatch.assess.engine import legal_source
from exwatch.draft.context import _data
from exwatch.kb import members_at, parties_at


@dataclass(frozen=True)
class Bar:
    id: str
    text: str
    source: dict[str, Any] | None


def _holds(condition: str, assessment: Assessment, custodial: str, refugee: bool) -> bool:
    day = assessment.as_of
    view_requesting = [d.state for d in assessment.destinations if "requesting" in d.roles]
    if condition == "always":
        return True
    if condition == "coe":
        return custodial in parties_at("echr", day) or custodial in members_at("coe", day)
    if condition == "ets24":
        parties = parties_at("ets-24", day)
        return custodial in parties and any(s in parties for s in view_requesting)
    if condition == "refugee":
        return refugee
    if condition == "political":
        return assessment.political.level in ("high", "elevated")
    raise ValueError(f"unknown condition {condition!r} in draft/data/bars.yaml")


def _source(entry: dict[str, Any], day: dt.date) -> dict[str, Any] | None:
    """The bar's source, or the text of the day for a proposition stated by successive texts."""
    if "authority" in entry:
        text = authority(entry["authority"], day)
        return None if text is None else legal_source(text.source)
    source: dict[str, Any] = entry["source"]
    return source


def bars_for(assessment: Assessment, custodial: str, lang: str, refugee: bool) -> list[Bar]:
    """General bars first, then the custodial state's own; each only if it applies and existed that day."""
    data = _data("bars.yaml")
    found = []
    for entry in [*data.get("all", []), *data.get(custodial, [])]:
        if dt.date.fromisoformat(entry["since"]) > assessment.as_of:
            continue
        if _holds(entry["when"], assessment, custodial, refugee):
            found.append(Bar(entry["id"], " ".join(entry[lang].split()), _source(entry, assessment.as_of)))
    return found
