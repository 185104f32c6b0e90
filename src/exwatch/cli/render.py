"""Text rendering of cases for people at a terminal (rich tables). JSON output does not come here."""

from __future__ import annotations

import textwrap

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


# The table's own width besides its text columns: six columns' borders (7) and padding (12), the two counts (14).
_TABLE_FIXED = 33
_TEXT_COLUMN_MIN = 10  # below this width for subject, states and latest event, a case per block reads better


def show_list(summaries: list[CaseSummary]) -> None:
    """The cases as a table, or one block per case on a terminal too narrow for the table.

    The id is what people type: it is never cut, folded or shortened with an ellipsis. The other text columns wrap
    (a word too long for its column is folded, not hidden behind an ellipsis).
    """
    if not summaries:
        console.print("No cases yet. Load the example with `exwatch example load`, or `exwatch case new`.")
        return
    rows = [(s, "; ".join(f"{code} {'/'.join(roles)}" for code, roles in s.states.items()) or "-") for s in summaries]
    longest = max(len(s.id) for s in summaries)
    if console.width - longest - _TABLE_FIXED < 3 * _TEXT_COLUMN_MIN:
        for s, states in rows:
            console.print(f"[bold]{escape(s.id)}[/bold]")  # the console never wraps: the id stays on one line
            console.print(_block(f"{s.subject}; {s.requests} request(s), {s.events} event(s)", "  "), markup=False)
            console.print(_block(f"states: {states}", "  "), markup=False)
            if s.last_event:
                console.print(_block(f"latest event: {s.last_event}", "  "), markup=False)
        return
    table = Table(title="Cases")
    table.add_column("id", no_wrap=True, min_width=longest)
    table.add_column("subject", overflow="fold")
    table.add_column("states", overflow="fold")
    table.add_column("requests", justify="right", no_wrap=True)
    table.add_column("events", justify="right", no_wrap=True)
    table.add_column("latest event", overflow="fold")
    for s, states in rows:
        table.add_row(
            escape(s.id), escape(s.subject), escape(states), str(s.requests), str(s.events), escape(s.last_event or "")
        )
    console.print(table)


class _Notes:
    """Numbers sources in the order the text first cites them, like footnotes."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def __call__(self, citations: list[Citation]) -> str:
        marks = []
        for c in citations:
            if c.source not in self.order:
                self.order.append(c.source)
            marks.append(f"{self.order.index(c.source) + 1}{', ' + c.pinpoint if c.pinpoint else ''}")
        return escape(" [" + "; ".join(marks) + "]") if marks else ""


def _block(text: str, indent: str = "    ") -> str:
    width = min(console.width, 110)
    return "\n".join(textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent))


def show_case(case: CaseFile) -> None:
    """The case as a person reads it: who, which states, what was asked, what happened, where it stands."""
    vocab = vocabulary()
    note = _Notes()
    subject = case.subject
    out = console.print
    out(f"[bold]{escape(case.title or subject.primary_name)}[/bold]  (case {case.id})")
    if case.summary:
        out(_block(case.summary, ""))
    others = ", ".join(n.name for n in subject.names if n.name != subject.primary_name)
    out(f"\n[bold]Subject[/bold]: {escape(subject.primary_name)}" + (f" (also {escape(others)})" if others else ""))
    details = []
    if subject.birth_date:
        details.append(f"born {subject.birth_date}")
    if subject.nationalities:
        details.append("nationality " + ", ".join(_where(c) for c in subject.nationalities))
    if subject.profiles:
        details.append(", ".join(vocab.label("profile", p) for p in subject.profiles))
    if details:
        out("  " + "; ".join(details) + note(subject.sources))

    out("\n[bold]States[/bold]")
    for role in case.states:
        roles = ", ".join(vocab.label("role", r) for r in role.roles)
        out(f"  {_where(role.state)}: {roles}{note(role.sources)}")

    out("\n[bold]Requests and notices[/bold]")
    for r in case.requests:
        status = vocab.label("request_status", r.status)
        out(
            f"  {vocab.label('request_kind', r.kind)} by {_where(r.issuer)}, {r.date or 'date unknown'}"
            f" — {status}{note(r.sources)}"
        )
        if r.charges:
            out(_block("charges: " + "; ".join(r.charges)))

    out("\n[bold]Timeline[/bold]")
    for e in timeline(case):
        what = vocab.label("event_action", e.action)
        if e.result:
            what += f" — {vocab.label('event_result', e.result)}"
        out(f"  {e.date:<10}  {e.jurisdiction:<3} {escape(e.body)}: {what}{note(e.sources)}")
        if e.outcome:
            out(_block(e.outcome, " " * 18))

    if case.facts:
        out("\n[bold]Circumstances[/bold]")
        for f in case.facts:
            when = f" ({f.date})" if f.date else ""
            out(f"  {vocab.label('fact_kind', f.kind)}{when}{note(f.sources)}")
            out(_block(f.text))

    out("\n[bold]Where it stands[/bold]")
    for s in standing(case):
        e = s.last_event
        out(
            f"  {_where(s.jurisdiction)}: latest step {e.date}, {escape(e.body)}: "
            f"{vocab.label('event_action', e.action)}"
        )
        if s.open_requests:
            out(f"    open requests: {', '.join(s.open_requests)}")

    out("\n[bold]Sources[/bold]")
    by_id = {src.id: src for src in case.sources}
    for number, source_id in enumerate(note.order, start=1):
        src = by_id[source_id]
        parts = [src.title, src.publisher, src.date, src.reference, src.url]
        out(_block(f"[{number}] " + ", ".join(p for p in parts if p), "  "), markup=False)
