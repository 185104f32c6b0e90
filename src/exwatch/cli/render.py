"""Text rendering of cases for people at a terminal (rich tables). JSON output does not come here."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from exwatch.cli.context import console
from exwatch.logic.cases import CaseSummary
from exwatch.logic.standing import standing, timeline
from exwatch.model.case import CaseFile, Citation
from exwatch.model.countries import country_name
from exwatch.model.vocab import vocabulary


def _where(code: str) -> str:
    vocab = vocabulary()
    if code in vocab.values("forum"):
        return vocab.label("forum", code)
    return f"{country_name(code)} ({code})"


def _cites(citations: list[Citation]) -> str:
    return escape(", ".join(f"[{c.source}{' ' + c.pinpoint if c.pinpoint else ''}]" for c in citations))


def show_list(summaries: list[CaseSummary]) -> None:
    if not summaries:
        console.print("No cases yet. Load the example with `exwatch example load`, or `exwatch case new`.")
        return
    table = Table("id", "subject", "states", "requests", "events", "latest event", title="Cases")
    for s in summaries:
        states = "; ".join(f"{code} {'/'.join(roles)}" for code, roles in s.states.items())
        table.add_row(s.id, s.subject, states, str(s.requests), str(s.events), s.last_event or "")
    console.print(table)


def show_case(case: CaseFile) -> None:
    vocab = vocabulary()
    subject = case.subject
    console.print(f"[bold]{case.title or subject.primary_name}[/bold]  ({case.id})")
    if case.summary:
        console.print(case.summary)
    others = ", ".join(n.name for n in subject.names if n.name != subject.primary_name)
    console.print(f"\n[bold]Subject[/bold]: {subject.primary_name}" + (f" (also {others})" if others else ""))
    if subject.nationalities:
        console.print("Nationality: " + ", ".join(_where(c) for c in subject.nationalities))
    if subject.profiles:
        console.print("Profile: " + ", ".join(vocab.label("profile", p) for p in subject.profiles))

    roles = Table("state", "roles", "sources", title="States in the case", title_justify="left")
    for role in case.states:
        roles.add_row(_where(role.state), ", ".join(vocab.label("role", r) for r in role.roles), _cites(role.sources))
    console.print(roles)

    requests = Table(
        "request", "issuer", "date", "charges", "status", "sources", title="Requests and notices", title_justify="left"
    )
    for r in case.requests:
        requests.add_row(
            vocab.label("request_kind", r.kind),
            _where(r.issuer),
            r.date or "?",
            "; ".join(r.charges),
            vocab.label("request_status", r.status),
            _cites(r.sources),
        )
    console.print(requests)

    events = Table("date", "where", "body", "what", "outcome", "sources", title="Timeline", title_justify="left")
    for e in timeline(case):
        events.add_row(
            e.date, e.jurisdiction, e.body, vocab.label("event_action", e.action), e.outcome or "", _cites(e.sources)
        )
    console.print(events)

    if case.facts:
        facts = Table("circumstance", "text", "sources", title="Circumstances", title_justify="left")
        for f in case.facts:
            facts.add_row(vocab.label("fact_kind", f.kind), f.text, _cites(f.sources))
        console.print(facts)

    console.print("\n[bold]Where it stands[/bold]")
    for s in standing(case):
        e = s.last_event
        line = f"- {_where(s.jurisdiction)}: latest step {e.date}, {e.body}: {vocab.label('event_action', e.action)}"
        console.print(line + (f" — {e.outcome}" if e.outcome else ""))
        if s.open_requests:
            console.print(f"  open requests: {', '.join(s.open_requests)}")

    sources = Table("id", "title", "publisher", "date", "url", title="Sources", title_justify="left")
    for src in case.sources:
        sources.add_row(src.id, src.title, src.publisher or "", src.date or "", src.url or "")
    console.print(sources)
