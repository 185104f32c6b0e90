"""One state in the knowledge base as of a day: the instruments binding it, the transfer links from and to it,
its torture and fair-trial levels and the dated evidence behind them, each with its sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from exwatch.errors import CountryError, NotFoundError
from exwatch.kb.evidence.loader import load_evidence
from exwatch.kb.evidence.rulebook import load_rules
from exwatch.kb.evidence.timeline import levels_on
from exwatch.kb.loader import Knowledge, load_knowledge
from exwatch.kb.models import existed_on
from exwatch.kb.query import links_at, party_in_force
from exwatch.logic.memo import Memo
from exwatch.model.countries import resolve_country

# A state's page depends only on the state, the day and the data's versions: kept for the pages asked again.
_PAGES: Memo[tuple[str, dt.date, str, str, str], dict[str, Any]] = Memo(256)


def state_view(state: str, as_of: dt.date) -> dict[str, Any]:
    """What the knowledge base held about ``state`` on ``as_of`` (later records and sources left out). The
    answer may be shared with other requests: serialise it, do not change it."""
    try:
        code = resolve_country(state)
    except CountryError as exc:
        raise NotFoundError(str(exc)) from None  # a state that does not exist is a page that does not exist
    k = load_knowledge()
    if code not in k.states:
        raise NotFoundError(f"the knowledge base has no record of state {code}")
    key = (code, as_of, k.version, load_evidence().version, load_rules().digest)
    if (known := _PAGES.get(key)) is None:
        known = _state_view(k, code, as_of)
        _PAGES.put(key, known)
    return known


def _state_view(k: Knowledge, code: str, as_of: dt.date) -> dict[str, Any]:
    treaties = []
    for instrument_id, instrument in sorted(k.instruments.items()):
        for parties in k.parties_of(instrument_id):
            for party in parties.parties:
                if party.state == code and party_in_force(party, as_of):
                    treaties.append(
                        {
                            "id": instrument_id,
                            "title": instrument.name,
                            "in_force": str(party.in_force or ""),
                            "sources": [asdict(k.cite(s)) for s in party.sources if s.existed_on(as_of)],
                        }
                    )
    links = [
        {
            "from": lk.origin,
            "to": lk.destination,
            "kind": lk.kind,
            "label": lk.label,
            "verified": lk.verified,
            "sources": [asdict(c) for c in lk.sources if c.existed_on(as_of)],
        }
        for lk in links_at(as_of, k, involving=code)
        if code in (lk.origin, lk.destination)
    ]
    levels = levels_on(code, as_of)
    evidence = [
        {
            "id": r.id,
            "date": str(r.date),
            "kind": r.kind,
            "body": r.body,
            "reference": r.reference,
            "finding": r.finding,
            "bears_on": r.bears_on,
            "groups": list(r.groups),
            "verified": r.verified,
            "sources": [s.model_dump(exclude_none=True, exclude={"line"}) for s in r.sources if s.existed_on(as_of)],
        }
        for r in load_evidence().of_state(code)
        if existed_on(r.date, as_of)
    ]
    return {
        "state": code,
        "name": k.states[code].name,
        "as_of": as_of.isoformat(),
        "knowledge_version": k.version,
        "treaties": treaties,
        "links": links,
        "torture": levels.torture.level,
        "fair_trial": levels.fair_trial.level,
        "evidence": sorted(evidence, key=lambda e: e["date"], reverse=True),
    }


def states() -> list[dict[str, str]]:
    k = load_knowledge()
    return [{"state": code, "name": s.name} for code, s in sorted(k.states.items())]
