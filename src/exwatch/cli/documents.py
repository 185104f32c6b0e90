"""``exwatch ingest``, ``exwatch review`` and ``exwatch sent``: documents in, proposals reviewed, outputs logged."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, console, print_json, reading, transaction
from exwatch.errors import InputError

sent_app = typer.Typer(no_args_is_help=True, help="The register of outputs: drafted, sent, answered.")


def ingest(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., help="PDF, DOCX, HTML, text or .eml files"),
    case_id: str | None = typer.Option(None, "--case", help="file the documents in this case"),
    new_case: bool = typer.Option(False, "--new-case", help="open a new case for them"),
    date: str | None = typer.Option(None, "--date", help="the documents' date, to resolve 'earlier this year'"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Read documents and propose the case facts they state; nothing enters the case until reviewed."""
    from exwatch.logic.documents import ingest as run

    with transaction(ctx) as session:
        filed = run(session, files, case_id, new_case, date)
    if fmt is ReadFormat.json:
        print_json(filed.as_dict())
        return
    action = "opened case" if filed.created_case else "filed in case"
    console.print(f"{action} {filed.case_id}: {len(filed.documents)} document(s), {len(filed.proposals)} proposal(s)")
    for warning in filed.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    console.print(f"review them with `exwatch review {filed.case_id}`")


def review(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    accept: list[int] = typer.Option([], "--accept", help="proposal id to accept; repeatable"),
    reject: list[int] = typer.Option([], "--reject", help="proposal id to reject; repeatable"),
    edit: list[str] = typer.Option([], "--edit", help="ID=JSON: accept proposal ID with this value"),
    accept_all: bool = typer.Option(False, "--accept-all", help="accept every complete open proposal"),
    note: str | None = typer.Option(None, "--note", help="why (kept in the history)"),
    status: str = typer.Option("open", "--status", help="which to list: open, accepted, rejected, all"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """List the proposals of a case, or accept, edit and reject them (the history keeps every decision)."""
    from exwatch.logic import review as logic

    edits: dict[int, dict[str, object]] = {}
    for item in edit:
        key, _, value = item.partition("=")
        try:
            edits[int(key)] = json.loads(value)
        except (ValueError, json.JSONDecodeError):
            raise InputError(f'--edit {item!r}: write ID=JSON, e.g. 12=\'{{"state": "RU", ...}}\'') from None
    with transaction(ctx) as session:
        if accept_all:
            outcome: dict[str, int] | None = logic.accept_all(session, case_id)
        elif accept or reject or edits:
            outcome = logic.decide(session, case_id, logic.Decision(list(accept), list(reject), edits, note))
        else:
            outcome = None
        rows = logic.proposals(session, case_id, None if status == "all" else status)
        listed = [
            {
                "id": r.pk,
                "kind": r.kind,
                "status": r.status,
                "value": r.value,
                "quote": r.span.get("quote"),
                "page": r.span.get("page"),
                "confidence": r.confidence,
                "valid": r.valid,
                "problems": r.problems,
            }
            for r in rows
        ]
    if fmt is ReadFormat.json:
        print_json({"case": case_id, "decided": outcome, "proposals": listed})
        return
    if outcome:
        console.print(", ".join(f"{k}: {v}" for k, v in outcome.items()))
    for p in listed:
        problems = "; ".join(str(x) for x in p["problems"] or [])  # type: ignore[union-attr]
        flag = "" if p["valid"] else f" [yellow](incomplete: {escape(problems)})[/yellow]"
        console.print(
            f"{p['id']:>4} {p['status']:<8} {p['kind']:<10} {escape(json.dumps(p['value'], ensure_ascii=False))}"
            f"{flag}\n       “{escape(str(p['quote'] or ''))}” (p. {p['page']})"
        )
    if not listed:
        console.print(f"no {status} proposals")


@sent_app.command("list")
def sent_list(
    ctx: typer.Context, case_id: str | None = typer.Argument(None, metavar="[CASE]"), fmt: ReadFormat = FORMAT_OPTION
) -> None:
    """What was drafted, sent, to whom, when, and the response."""
    from exwatch.logic.register import as_dict, register

    with reading(ctx) as session:
        rows = [as_dict(r) for r in register(session, case_id)]
    if fmt is ReadFormat.json:
        print_json(rows)
        return
    for r in rows:
        sent = f"sent {r['sent_on']} to {r['sent_to']}" if r["sent_on"] else "not sent"
        answer = f"; response {r['response_on']}: {r['response']}" if r["response_on"] else ""
        console.print(
            f"{r['id']:>4} {r['case']} {r['kind']} ({r['lang']}, as of {r['as_of']}) → "
            f"{escape(r['addressee'])}: {sent}{escape(answer)}"
        )


@sent_app.command("mark")
def sent_mark(
    ctx: typer.Context,
    output_id: int = typer.Argument(..., metavar="ID"),
    on: str = typer.Option(..., "--on", help="date sent, YYYY-MM-DD"),
    to: str | None = typer.Option(None, "--to", help="if not the drafted addressee"),
    channel: str | None = typer.Option(None, "--channel", help="post, e-mail, fax, portal, by hand"),
) -> None:
    """Record that a drafted output was sent."""
    from exwatch.logic.register import mark_sent

    with transaction(ctx) as session:
        mark_sent(session, output_id, on, to, channel)
    typer.echo(f"output {output_id} recorded as sent on {on}")


@sent_app.command("response")
def sent_response(
    ctx: typer.Context,
    output_id: int = typer.Argument(..., metavar="ID"),
    on: str = typer.Option(..., "--on", help="date of the response"),
    text: str = typer.Option(..., "--text", help="what the addressee answered"),
) -> None:
    """Record the response to an output."""
    from exwatch.logic.register import record_response

    with transaction(ctx) as session:
        record_response(session, output_id, on, text)
    typer.echo(f"response to output {output_id} recorded")
