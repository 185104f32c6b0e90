"""``exwatch assess``: the cited assessment of a case, or the list of rules it applies."""

from __future__ import annotations

import json
from enum import StrEnum

import typer
from rich.console import Console
from rich.markdown import Markdown

from exwatch.cli.context import console, print_json, reading
from exwatch.cli.status import AS_OF, parse_as_of
from exwatch.errors import InputError


class AssessFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def assess(
    ctx: typer.Context,
    case_id: str | None = typer.Argument(None, metavar="CASE", help="the case to assess"),
    as_of: str | None = AS_OF,
    fmt: AssessFormat = typer.Option(AssessFormat.text, "--format", "-f"),
    rules: bool = typer.Option(False, "--rules", help="print the indicators and the rules that decide them"),
) -> None:
    """Assess a case: political motivation, destination risk, onward transfer, procedure and conclusion."""
    from exwatch.assess.engine import rule_list

    if rules:
        listed = rule_list()
        if fmt is AssessFormat.json:
            print_json(listed)
        else:
            for item in listed:
                kind = "counter-indicator" if item["counter"] == "true" else f"weight {item['weight']}"
                console.print(f"[bold]{item['id']}[/bold] {item['name']} ({kind})\n  {item['rule']}\n")
        return
    if case_id is None:
        raise InputError("name the case to assess (see `exwatch case list`), or ask for --rules")
    from exwatch.assess.report import to_markdown
    from exwatch.logic.assess import assess as run

    day = parse_as_of(as_of)
    with reading(ctx) as session:
        result = run(session, case_id, day)
    data = result.as_dict()
    if fmt is AssessFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    elif fmt is AssessFormat.md:
        typer.echo(to_markdown(data, result.case), nl=False)
    else:
        # A console that wraps: the shared one is soft-wrapping for our pre-wrapped text, and rich would
        # crop the rendered Markdown at the terminal's width instead of folding it.
        Console(highlight=False).print(Markdown(to_markdown(data, result.case)))
