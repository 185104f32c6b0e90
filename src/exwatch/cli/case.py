"""``exwatch case ...``: list, show, import, export, create and amend cases."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, print_json, reading, transaction
from exwatch.errors import InputError

# The case model (pydantic), the logic and the store are imported inside each command: see exwatch.cli.context.

app = typer.Typer(no_args_is_help=True, help="Cases: one subject's situation across all jurisdictions.")


class FileFormat(StrEnum):
    json = "json"
    yaml = "yaml"


SOURCE_OPTION = typer.Option(..., "--source", "-s", help="source id, optionally with a pinpoint: ID or 'ID:§ 12'")


def _citations(values: list[str]) -> list[dict[str, str | None]]:
    from exwatch.model.case import Citation

    out: list[dict[str, str | None]] = []
    for value in values:
        source, _, pinpoint = value.partition(":")
        out.append(Citation(source=source.strip(), pinpoint=pinpoint.strip() or None).model_dump())
    return out


@app.command("list")
def list_(ctx: typer.Context, fmt: ReadFormat = FORMAT_OPTION) -> None:
    """List the cases in the store."""
    from exwatch.cli.render import show_list
    from exwatch.logic import cases

    with reading(ctx) as session:
        summaries = cases.list_cases(session)
    if fmt is ReadFormat.json:
        print_json([s.as_dict() for s in summaries])
    else:
        show_list(summaries)


@app.command()
def show(
    ctx: typer.Context, case_id: str = typer.Argument(..., metavar="CASE"), fmt: ReadFormat = FORMAT_OPTION
) -> None:
    """Show a case: subject, states, requests, timeline and where it stands."""
    from exwatch.cli.render import show_case
    from exwatch.logic import cases
    from exwatch.logic.standing import standing, timeline

    with reading(ctx) as session:
        case = cases.export_case(session, case_id)
    if fmt is ReadFormat.json:
        print_json(
            {
                "case": case.model_dump(mode="json", exclude_none=True),
                "timeline": [e.id for e in timeline(case)],
                "standing": [s.as_dict() for s in standing(case)],
            }
        )
    else:
        show_case(case)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="case file, *.json or *.yaml"),
    update: bool = typer.Option(False, "--update", help="replace the case if it exists"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Import a case file in one transaction: all of it, or nothing."""
    from exwatch.logic import cases
    from exwatch.logic.files import read_case

    case = read_case(file)
    with transaction(ctx) as session:
        existed = cases.find_duplicate(session, case) is not None
        case_id = cases.import_case(session, case, update=update)
    action = "replaced" if existed else "imported"
    if fmt is ReadFormat.json:
        print_json({"id": case_id, "action": action})
    else:
        typer.echo(
            f"{action} case {case_id}: {len(case.events)} events, {len(case.requests)} requests, "
            f"{len(case.sources)} sources"
        )


@app.command()
def export(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    fmt: FileFormat = typer.Option(FileFormat.json, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
) -> None:
    """Export a case in the interchange format (import gives it back unchanged)."""
    from exwatch.logic import cases
    from exwatch.logic.files import dump_case
    from exwatch.private import write_private

    with reading(ctx) as session:
        case = cases.export_case(session, case_id)
    text = dump_case(case, fmt.value)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_private(output, text)
        typer.echo(f"wrote {output}", err=True)


@app.command()
def new(
    ctx: typer.Context,
    name: str = typer.Option(..., "--name", help="the subject's name as usually written in Latin script"),
    case_id: str | None = typer.Option(None, "--id", help="case id; default: a slug of the name"),
    title: str | None = typer.Option(None, "--title"),
    nationality: list[str] = typer.Option([], "--nationality", help="state name or ISO code; repeatable"),
    profile: list[str] = typer.Option([], "--profile", help="e.g. opposition_politician; repeatable"),
    birth_date: str | None = typer.Option(None, "--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Open a new case for a subject."""
    from exwatch.logic import cases
    from exwatch.model.case import Subject
    from exwatch.model.validation import validate

    subject = validate(
        Subject,
        {"names": [{"name": name}], "nationalities": nationality, "profiles": profile, "birth_date": birth_date},
        "subject",
    )
    with transaction(ctx) as session:
        created = cases.new_case(session, subject, case_id, title)
    if fmt is ReadFormat.json:
        print_json({"id": created})
    else:
        typer.echo(f"created case {created}")


def _added(fmt: ReadFormat, case_id: str, what: str, item_id: str) -> None:
    if fmt is ReadFormat.json:
        print_json({"case": case_id, "added": what, "id": item_id})
    else:
        typer.echo(f"added {what} {item_id} to case {case_id}")


@app.command("add-source")
def add_source(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    title: str = typer.Option(..., "--title"),
    source_id: str | None = typer.Option(None, "--id", help="default: a slug of the title"),
    kind: str = typer.Option("other", "--kind", help="judgment, un_document, news, letter, ..."),
    publisher: str | None = typer.Option(None, "--publisher"),
    date: str | None = typer.Option(None, "--date"),
    url: str | None = typer.Option(None, "--url"),
    reference: str | None = typer.Option(None, "--reference", help="case number, document symbol"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Add a source document that facts can cite."""
    from exwatch.logic import cases
    from exwatch.model.case import Source, slugify
    from exwatch.model.validation import validate

    item = validate(
        Source,
        {
            "id": source_id or slugify(title)[:40],
            "title": title,
            "kind": kind,
            "publisher": publisher,
            "date": date,
            "url": url,
            "reference": reference,
        },
        "source",
    )
    with transaction(ctx) as session:
        cases.add_item(session, case_id, item)
    _added(fmt, case_id, "source", item.id)


@app.command("add-role")
def add_role(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    state: str = typer.Option(..., "--state"),
    role: list[str] = typer.Option(..., "--role", help="persecuting, requesting, custodial, ..."),
    note: str | None = typer.Option(None, "--note"),
    source: list[str] = SOURCE_OPTION,
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Give a state its role(s) in the case."""
    from exwatch.logic import cases
    from exwatch.model.case import StateRole
    from exwatch.model.validation import validate

    item = validate(
        StateRole, {"state": state, "roles": role, "note": note, "sources": _citations(source)}, "state role"
    )
    with transaction(ctx) as session:
        cases.add_item(session, case_id, item)
    _added(fmt, case_id, "state role", item.state)


@app.command("add-request")
def add_request(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    kind: str = typer.Option(..., "--kind", help="red_notice, extradition_request, ..."),
    issuer: str = typer.Option(..., "--issuer", help="the issuing state"),
    body: str | None = typer.Option(None, "--body", help="the issuing authority"),
    to: str | None = typer.Option(None, "--to", help="state or INTERPOL it was sent to"),
    date: str | None = typer.Option(None, "--date"),
    charge: list[str] = typer.Option([], "--charge", help="repeatable"),
    reference: str | None = typer.Option(None, "--reference"),
    status: str = typer.Option("unknown", "--status"),
    request_id: str | None = typer.Option(None, "--id"),
    source: list[str] = SOURCE_OPTION,
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Record a request or notice against the subject."""
    from exwatch.logic import cases
    from exwatch.model.case import Request, slugify, unique_id
    from exwatch.model.validation import validate

    with transaction(ctx) as session:
        existing = cases.taken_ids(session, case_id, "requests")
        item = validate(
            Request,
            {
                "id": request_id or unique_id(slugify(f"{issuer}-{kind}"), existing.__contains__),
                "kind": kind,
                "issuer": issuer,
                "issuing_body": body,
                "addressed_to": to,
                "date": date,
                "charges": charge,
                "reference": reference,
                "status": status,
                "sources": _citations(source),
            },
            "request",
        )
        cases.add_item(session, case_id, item)
    _added(fmt, case_id, "request", item.id)


@app.command("add-event")
def add_event(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    date: str = typer.Option(..., "--date", help="YYYY, YYYY-MM or YYYY-MM-DD"),
    jurisdiction: str = typer.Option(..., "--jurisdiction", help="state, or INTERPOL / ECTHR / UNCAT"),
    body: str = typer.Option(..., "--body", help="the court, ministry or organ that acted"),
    action: str = typer.Option(..., "--action", help="arrest, opinion, cassation, decree, ..."),
    outcome: str | None = typer.Option(None, "--outcome"),
    request: list[str] = typer.Option([], "--request", help="id of a request it concerns"),
    reference: str | None = typer.Option(None, "--reference"),
    event_id: str | None = typer.Option(None, "--id"),
    source: list[str] = SOURCE_OPTION,
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Record a dated procedural event."""
    from exwatch.logic import cases

    with transaction(ctx) as session:
        item = cases.add_event(
            session,
            case_id,
            {
                "id": event_id,
                "date": date,
                "jurisdiction": jurisdiction,
                "body": body,
                "action": action,
                "outcome": outcome,
                "requests": request,
                "reference": reference,
                "sources": _citations(source),
            },
        )
    _added(fmt, case_id, "event", item.id)


@app.command("add-fact")
def add_fact(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    kind: str = typer.Option(..., "--kind", help="refugee_status, family_targeted, ..."),
    text: str = typer.Option(..., "--text", help="the fact, in a sentence"),
    state: str | None = typer.Option(None, "--state"),
    date: str | None = typer.Option(None, "--date"),
    fact_id: str | None = typer.Option(None, "--id"),
    source: list[str] = SOURCE_OPTION,
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Record a circumstance of the subject (refugee status, family targeted, ...)."""
    from exwatch.logic import cases
    from exwatch.model.case import Fact, slugify, unique_id
    from exwatch.model.validation import validate

    with transaction(ctx) as session:
        existing = cases.taken_ids(session, case_id, "facts")
        item = validate(
            Fact,
            {
                "id": fact_id or unique_id(slugify(kind), existing.__contains__),
                "kind": kind,
                "text": text,
                "state": state,
                "date": date,
                "sources": _citations(source),
            },
            "fact",
        )
        cases.add_item(session, case_id, item)
    _added(fmt, case_id, "fact", item.id)


@app.command("add-name")
def add_name(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    name: str = typer.Argument(...),
    kind: str = typer.Option("alias", "--kind", help="native, transliteration, alias"),
    script: str | None = typer.Option(None, "--script", help="Latn, Cyrl, Arab, ..."),
    lang: str | None = typer.Option(None, "--lang", help="ISO 639 code of the spelling"),
    source: list[str] = typer.Option([], "--source", "-s"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Add a spelling of the subject's name (another script, a transliteration, an alias)."""
    from exwatch.logic import cases
    from exwatch.model.case import Name
    from exwatch.model.validation import validate

    item = validate(
        Name, {"name": name, "kind": kind, "script": script, "lang": lang, "sources": _citations(source)}, "name"
    )
    if kind == "primary":
        raise InputError("a case has one primary name; add this one as native, transliteration or alias")
    with transaction(ctx) as session:
        cases.add_name(session, case_id, item)
    _added(fmt, case_id, "name", item.name)
