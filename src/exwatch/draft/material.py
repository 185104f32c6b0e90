"""The language-neutral material a template writes about: procedural steps, findings, risks, paths.

Each item carries its footnote calls already made (``cite``), so that a template only chooses words;
the notes are numbered in the order the template uses them.
"""

from __future__ import annotations

from typing import Any

from exwatch.draft.context import DraftContext
from exwatch.model.dates import PartialDate

# The steps a decision-maker needs to see; hearings and notifications are left out of letters.
KEY_ACTIONS = {
    "arrest",
    "opinion",
    "cassation",
    "appeal_decided",
    "decree",
    "annulment",
    "interim_measure",
    "decision",
    "release",
    "surrender",
    "asylum_decision",
}


def events(ctx: DraftContext, jurisdiction: str) -> list[dict[str, Any]]:
    day = ctx.assessment.as_of
    out = []
    for e in ctx.case.sorted_events():
        if e.jurisdiction != jurisdiction or e.action not in KEY_ACTIONS:
            continue
        if PartialDate.parse(e.date).latest() > day:
            continue
        if not ctx.usable(e.sources):
            continue
        out.append(
            {
                "date": e.date,
                "body": e.body,
                "action": e.action,
                "result": e.result,
                "requests": e.requests,
                "cite": ctx.cite(e.sources),
            }
        )
    return out


def findings(ctx: DraftContext, data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Met indicators by id, with the states, dates and citations of the facts behind them."""
    by_id = {f.id: f for f in ctx.case.facts}
    requests = {r.id: r for r in ctx.case.requests}
    out: dict[str, dict[str, Any]] = {}
    for finding in data["political_motivation"]["findings"]:
        if finding["status"] != "met":
            continue
        items = []
        pooled: list[Any] = []
        for fact in finding["facts"]:
            kind, _, ident = fact["ref"].partition("/")
            record = by_id.get(ident) if kind == "facts" else None
            request = requests.get(ident) if kind == "requests" else None
            citations = ctx.usable(ctx_citations(fact))
            if not citations:
                continue  # nothing published by that day supports it: a letter of that day cannot say it
            pooled += citations
            items.append(
                {
                    "kind": record.kind if record else kind,
                    "state": record.state if record else (request.issuer if request else None),
                    "date": record.date if record else (request.date if request else None),
                    "cite": ctx.cite(citations),
                }
            )
        if items:
            out[finding["indicator"]] = {"items": items, "cite": ctx.cite(pooled)}
    return out


def ctx_citations(fact: dict[str, Any]) -> list[Any]:
    from exwatch.model.case import Citation

    return [Citation.model_validate(c) for c in fact["citations"]]


def risks(ctx: DraftContext, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Destinations where the torture risk for the subject is high or elevated, strongest evidence first."""
    order = {"ecthr_judgment": 0, "cat_decision": 1, "cat_concluding_observations": 2, "un_hrc_views": 3}
    out = []
    for dest in data["destinations"]:
        if dest["torture_risk"] not in ("high", "elevated"):
            continue
        evidence = sorted(dest["sources"], key=lambda e: (order.get(e["kind"], 9), e["date"]))[:4]
        groups: list[
            dict[str, Any]
        ] = []  # one per kind and body: "the ECtHR (A; B)", not "the ECtHR (A), the ECtHR (B)"
        for e in evidence:
            source = {
                "title": f"{e['body']}, {e['reference']}",
                "date": e["date"],
                "url": next((s.get("url") for s in e["sources"] if s.get("url")), None),
            }
            item = {**e, "cite": ctx.cite_legal(source)}
            group = next((g for g in groups if (g["kind"], g["body"]) == (e["kind"], e["body"])), None)
            if group is None:
                groups.append({"kind": e["kind"], "body": e["body"], "items": [item]})
            else:
                group["items"].append(item)
        cited = groups
        out.append(
            {
                "state": dest["state"],
                "level": dest["torture_risk"],
                "roles": dest["roles"],
                "personal": bool(dest["personal_factors"]),
                "evidence": cited,
                "fair_trial": dest["fair_trial_risk"],
            }
        )
    return out


def onward(ctx: DraftContext, data: dict[str, Any], persecuting: list[str]) -> list[dict[str, Any]]:
    """Paths into the persecuting state, each hop with its legal bases cited."""
    out = []
    for path in data["onward_transfer"]:
        if path["path"][-1] not in persecuting:
            continue
        hops = []
        for hop in path["basis"]:
            labels = []
            for basis in hop:
                source = basis["sources"][0] if basis["sources"] else {"title": basis["label"]}
                labels.append(
                    {
                        "label": basis["label"],
                        "kind": basis["kind"],
                        "basis": basis["basis"],
                        "cite": ctx.cite_legal(source),
                    }
                )
            hops.append(labels)
        out.append({"path": path["path"], "hops": hops, "risk": path["risk"]})
    return out


def all_events(ctx: DraftContext) -> list[dict[str, Any]]:
    """The whole timeline known on the day, every jurisdiction (briefs)."""
    day = ctx.assessment.as_of
    return [
        {
            "date": e.date,
            "jurisdiction": e.jurisdiction,
            "body": e.body,
            "action": e.action,
            "result": e.result,
            "cite": ctx.cite(e.sources),
        }
        for e in ctx.case.sorted_events()
        if PartialDate.parse(e.date).latest() <= day and ctx.usable(e.sources)
    ]


def requests(ctx: DraftContext, kinds: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Requests and notices known on the day (optionally of some kinds), with their charges."""
    day = ctx.assessment.as_of
    out = []
    for r in ctx.case.requests:
        if kinds and r.kind not in kinds:
            continue
        if r.date is not None and PartialDate.parse(r.date).latest() > day:
            continue
        out.append(
            {
                "id": r.id,
                "kind": r.kind,
                "issuer": r.issuer,
                "date": r.date,
                "reference": r.reference,
                "charges": r.charges,
                "status": r.status,
                "issuing_body": r.issuing_body,
                "cite": ctx.cite(r.sources),
            }
        )
    return out
