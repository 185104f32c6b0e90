"""The assessment as a Markdown report a person reads: every conclusion, the findings behind it, the
case facts and the sources, cited. ``--format text`` shows the same report rendered in the terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from exwatch.model.case import CaseFile
from exwatch.model.countries import country_name

STATUS_MARK = {"met": "✔ met", "not_met": "✘ not met", "unknown": "? unknown"}


def _state(code: str) -> str:
    try:
        return f"{country_name(code)} ({code})"
    except ValueError:
        return code


def _cite(citations: list[dict[str, Any]]) -> str:
    return "".join(f" [{c['source']}{', ' + c['pinpoint'] if c.get('pinpoint') else ''}]" for c in citations)


def _legal(source: dict[str, Any]) -> str:
    parts = [source["title"]]
    if source.get("pinpoint"):
        parts.append(source["pinpoint"])
    if source.get("url"):
        parts.append(source["url"])
    text = ", ".join(parts)
    return text if source.get("verified") else f"{text} (not verified)"


KIND_LABEL = {"risk": "", "counter": " (counter-indicator)", "protective": " (protective fact)"}


def _checklist(add: Callable[[str], None], dest: dict[str, Any]) -> None:
    """The destination's torture / onward-transfer checklist: each item, its facts, and the open questions."""
    items = dest.get("checklist") or []
    if not items:
        return
    decided = sum(f["status"] != "unknown" for f in items if f["kind"] == "risk")
    risk_items = sum(f["kind"] == "risk" for f in items)
    add(f"\n**Checklist** ({decided} of {risk_items} risk items decided on the recorded facts):\n")
    for f in items:
        add(
            f"- {f['indicator']} {f['name']}{KIND_LABEL[f['kind']]} — {STATUS_MARK[f['status']]}"
            + (f": {f['note']}" if f["note"] else "")
        )
        for fact in f["facts"]:
            add(f"  - {fact['text']}{_cite(fact['citations'])}")
        if f["status"] == "met":
            add("  - Legal basis: " + "; ".join(_legal(s) for s in f["sources"]))
    if dest.get("questions"):
        add("\nQuestions to answer for this destination:\n")
        add("\n".join(f"- {q}" for q in dest["questions"]))


def to_markdown(data: dict[str, Any], case: CaseFile) -> str:
    out: list[str] = []
    add = out.append
    add(f"# Assessment — {data['subject']} ({data['case']}), as of {data['as_of']}\n")
    add(f"Knowledge version `{data['knowledge_version'][:12]}`, exwatch {data['exwatch_version']}.\n")

    conclusion = data["conclusion"]
    add("## Conclusion\n")
    if conclusion["protection_warranted"]:
        add(f"**Protection is warranted** (case {conclusion['strength']}).\n")
    elif conclusion["insufficient_information"]:
        add("**Insufficient information:** no bar is established, but the facts the test turns on are unknown:\n")
        add("\n".join(f"- {m}" for m in conclusion["missing"]) + "\n")
    else:
        add("**No bar to removal was established on the recorded facts.**\n")
    for i, reason in enumerate(conclusion["reasons"], 1):
        add(f"{i}. {reason}")
    if conclusion["weighed_against"]:
        add("\nWeighed against: " + "; ".join(conclusion["weighed_against"]) + ".")
    add("")

    proc = data["procedure"]
    add("## Where the case stands\n")
    if proc["stage"]:
        add(f"- {_state(proc['jurisdiction'])}: {proc['stage_label']}.")
        if proc["next_decision_by"]:
            add(f"- Next decision: {proc['next_decision_by']} ({proc['next_decision_by_en']}).")
        add(f"- Next deadline: {proc['deadline'] or 'none running'}.")
    else:
        add("- No procedure stage could be established from the events.")
    add("")

    pm = data["political_motivation"]
    add(f"## Political motivation: {pm['level'].upper()}\n")
    add(f"{pm['points']} point(s); {round(pm['known_share'] * 100)}% of the indicators could be decided.\n")
    for finding in pm["findings"]:
        counter = " (counter-indicator)" if finding["counter"] else ""
        add(
            f"- **{finding['indicator']} {finding['name']}**{counter} — {STATUS_MARK[finding['status']]}"
            f" (weight {finding['weight']})" + (f": {finding['note']}" if finding["note"] else "")
        )
        for fact in finding["facts"]:
            add(f"  - {fact['text']}{_cite(fact['citations'])}")
        if finding["status"] == "met":
            add("  - Legal basis: " + "; ".join(_legal(s) for s in finding["sources"]))
    if pm["questions"]:
        add("\nQuestions to answer (facts not recorded):\n")
        add("\n".join(f"- {q}" for q in pm["questions"]))
    add("")

    add("## Destinations\n")
    for dest in data["destinations"]:
        roles = ", ".join(dest["roles"]) or "destination"
        add(f"### {_state(dest['state'])} — {roles}\n")
        add(
            f"- Torture or ill-treatment risk for this subject: **{dest['torture_risk']}** "
            f"(general: {dest['torture_risk_general']})."
        )
        add(f"- Risk of a flagrantly unfair trial: **{dest['fair_trial_risk']}**.")
        for note in dest["notes"]:
            add(f"- {note}")
        if dest["personal_factors"]:
            add(
                "- Personal factors: "
                + "; ".join(f"{f['text']}{_cite(f['citations'])}" for f in dest["personal_factors"])
            )
        for ev in dest["sources"]:
            add(f"- {ev['date']}, {ev['body']}, {ev['reference']}: {ev['finding']}")
        _checklist(add, dest)
        add("")

    add("## Onward transfer\n")
    if not data["onward_transfer"]:
        add(
            "No path of up to three hops leads from a requesting state to the persecuting state or to a "
            "high-risk state on the recorded links.\n"
        )
    for path in data["onward_transfer"]:
        hops = "; ".join(
            " or ".join(f"{b['label']}" + ("" if b["verified"] else " (not verified)") for b in hop)
            for hop in path["basis"]
        )
        add(f"- {' → '.join(path['path'])} (risk at the end: {path['risk']}): {hops}")
    add("\nOnly the shortest paths to each state are listed; longer routes to the same states exist.")
    add("")

    add("## Case sources\n")
    for source in case.sources:
        parts = [source.title, source.publisher, source.date, source.reference, source.url]
        add(f"- [{source.id}] " + ", ".join(p for p in parts if p))
    return "\n".join(out) + "\n"
